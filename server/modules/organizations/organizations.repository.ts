import { eq } from 'drizzle-orm';
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
