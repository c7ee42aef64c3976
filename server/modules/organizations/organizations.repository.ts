import { and, eq, isNull } from 'drizzle-orm';
import { members, memberSites, organizations, sites } from '../../db/schema/index';
import type { Db } from '../../platform/db';

export type OrganizationRow = typeof organizations.$inferSelect;
export type SiteRow = typeof sites.$inferSelect;
export type MemberRow = typeof members.$inferSelect;

/** Inserts an organization. */
export async function insertOrganization(db: Db, values: typeof organizations.$inferInsert): Promise<OrganizationRow> {
  const [row] = await db.insert(organizations).values(values).returning();
  return row!;
}

/** The organization with this exact name, if any. */
export async function findOrganizationByName(db: Db, name: string): Promise<OrganizationRow | undefined> {
  const [row] = await db.select().from(organizations).where(eq(organizations.name, name)).limit(1);
  return row;
}

/** Inserts a site of the organization. */
export async function insertSite(db: Db, organizationId: string, values: { name: string; parentId?: string | null }): Promise<SiteRow> {
  const [row] = await db.insert(sites).values({ organizationId, name: values.name, parentId: values.parentId ?? null }).returning();
  return row!;
}

/** Adds a user to the organization with a role and, below admin, the sites they may act on. */
export async function insertMember(
  db: Db,
  organizationId: string,
  values: { userId: string; role: MemberRow['role']; siteIds?: string[] },
): Promise<MemberRow> {
  const [row] = await db.insert(members).values({ organizationId, userId: values.userId, role: values.role }).returning();
  if (values.siteIds?.length) await db.insert(memberSites).values(values.siteIds.map((siteId) => ({ memberId: row!.id, siteId })));
  return row!;
}

/** True when the user is an active member of an organization (not archived) that requires two-step sign-in. */
export async function isMfaRequiredForUser(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: organizations.id })
    .from(members)
    .innerJoin(organizations, eq(organizations.id, members.organizationId))
    .where(and(eq(members.userId, userId), eq(members.status, 'active'), eq(organizations.requireMfa, true), isNull(organizations.archivedAt)))
    .limit(1);
  return row !== undefined;
}

/** The organization, if any. */
export async function findOrganizationById(db: Db, id: string): Promise<OrganizationRow | undefined> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id)).limit(1);
  return row;
}

/** The user's active membership in the organization, if any. */
export async function findActiveMembership(db: Db, organizationId: string, userId: string): Promise<MemberRow | undefined> {
  const [row] = await db
    .select()
    .from(members)
    .where(and(eq(members.organizationId, organizationId), eq(members.userId, userId), eq(members.status, 'active')))
    .limit(1);
  return row;
}

/** Sets whether the organization requires two-step sign-in. */
export async function updateOrganizationRequireMfa(db: Db, organizationId: string, requireMfa: boolean): Promise<void> {
  await db.update(organizations).set({ requireMfa }).where(eq(organizations.id, organizationId));
}
