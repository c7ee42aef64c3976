import { and, eq, isNull, sql } from 'drizzle-orm';
import { invitations, members, memberSites, organizations, sites } from '../../db/schema/index';
import { ALL_SITES_ROLES, type OrganizationStanding } from './organizations.policy';
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

/** The organization and the user's standing in it (role and sites), or undefined when it does not exist. */
export async function findOrganizationStanding(db: Db, organizationId: string, userId: string, staffRole: OrganizationStanding['staffRole']) {
  const organization = await findOrganizationById(db, organizationId);
  if (!organization) return undefined;
  const membership = await findActiveMembership(db, organizationId, userId);
  const siteIds = membership && !ALL_SITES_ROLES.includes(membership.role) ? await listAccessibleSiteIds(db, membership.id) : [];
  return { organization, standing: { staffRole, memberRole: membership?.role ?? null, siteIds } satisfies OrganizationStanding };
}

/** The sites a member was given, with every sub-site below them. */
export async function listAccessibleSiteIds(db: Db, memberId: string): Promise<string[]> {
  const rows = await db.execute(sql`
    with recursive reachable(id) as (
      select site_id from member_sites where member_id = ${memberId}
      union
      select s.id from sites s join reachable r on s.parent_id = r.id
    )
    select id from reachable`);
  return (rows as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
}

/** True when the site, member or invitation belongs to the organization. */
export async function resourceBelongsToOrganization(db: Db, kind: 'siteId' | 'memberId' | 'invitationId', id: string, organizationId: string): Promise<boolean> {
  const table = kind === 'siteId' ? sites : kind === 'memberId' ? members : invitations;
  const [row] = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.id, id), eq(table.organizationId, organizationId)))
    .limit(1);
  return row !== undefined;
}
