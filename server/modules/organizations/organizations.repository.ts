import { and, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { cases, entitlements, invitations, members, memberSites, organizations, sites, supportContracts, users } from '../../db/schema/index';
import { ALL_SITES_ROLES, type OrganizationStanding } from './organizations.policy';
import type { Db } from '../../platform/db';
import { prepared } from '../../platform/prepared';

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
  // Every password sign-in runs this: one prepared statement.
  const statement = prepared(db, 'is_mfa_required_for_user', (d) =>
    d
      .select({ id: organizations.id })
      .from(members)
      .innerJoin(organizations, eq(organizations.id, members.organizationId))
      .where(and(eq(members.userId, sql.placeholder('userId')), eq(members.status, 'active'), eq(organizations.requireMfa, true), isNull(organizations.archivedAt)))
      .limit(1)
      .prepare('is_mfa_required_for_user'),
  );
  const [row] = await statement.execute({ userId });
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
  // Every organization route runs this first: one prepared statement for the organization and the
  // membership together, and the site walk only for roles limited to sites.
  const statement = prepared(db, 'find_organization_standing', (d) =>
    d
      .select({ organization: organizations, memberId: members.id, memberRole: members.role })
      .from(organizations)
      .leftJoin(members, and(eq(members.organizationId, organizations.id), eq(members.userId, sql.placeholder('userId')), eq(members.status, 'active')))
      .where(eq(organizations.id, sql.placeholder('organizationId')))
      .limit(1)
      .prepare('find_organization_standing'),
  );
  const [row] = await statement.execute({ organizationId, userId });
  if (!row) return undefined;
  return standingFrom(db, row, staffRole);
}

/**
 * The standing from an organization and the user's active membership in it, read already (with the
 * session or token, see `Actor.organizationLookup`); undefined when the organization does not exist.
 * Only roles limited to sites need a statement here: the site walk.
 */
export async function standingFrom(
  db: Db,
  row: { organization: OrganizationRow | null; memberId: string | null; memberRole: OrganizationStanding['memberRole'] },
  staffRole: OrganizationStanding['staffRole'],
): Promise<{ organization: OrganizationRow; standing: OrganizationStanding } | undefined> {
  const { organization, memberId, memberRole } = row;
  if (!organization) return undefined;
  const siteIds = memberId && memberRole && !ALL_SITES_ROLES.includes(memberRole) ? await listAccessibleSiteIds(db, memberId) : [];
  return { organization, standing: { staffRole, memberRole: memberRole ?? null, siteIds } satisfies OrganizationStanding };
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

const SCOPED_TABLES = { siteId: sites, memberId: members, invitationId: invitations, contractId: supportContracts, entitlementId: entitlements, caseId: cases } as const;

/** True when the site, member, invitation, support contract or entitlement belongs to the organization. */
export async function resourceBelongsToOrganization(db: Db, kind: keyof typeof SCOPED_TABLES, id: string, organizationId: string): Promise<boolean> {
  // Every request naming such a resource runs this: one prepared statement per kind.
  const statement = prepared(db, `resource_belongs_${kind}`, (d) => {
    const table = SCOPED_TABLES[kind];
    return d
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.id, sql.placeholder('id')), eq(table.organizationId, sql.placeholder('organizationId'))))
      .limit(1)
      .prepare(`resource_belongs_${kind}`);
  });
  const [row] = await statement.execute({ id, organizationId });
  return row !== undefined;
}

// ---- Organizations and sites (issue 4) ----

/** The organization, locked against other changes until the transaction ends. */
export async function lockOrganization(db: Db, id: string): Promise<OrganizationRow | undefined> {
  // NO KEY UPDATE: serializes changes to the organization and its site tree without blocking the
  // foreign-key checks of rows that merely reference it.
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id)).limit(1).for('no key update');
  return row;
}

/** Updates an organization's columns and returns it. */
export async function updateOrganization(
  db: Db,
  id: string,
  values: Partial<Pick<OrganizationRow, 'name' | 'notes' | 'allowInviteRoles' | 'accountManagerId' | 'successManagerId' | 'archivedAt' | 'archivedBy' | 'updatedAt'>>,
): Promise<OrganizationRow> {
  const [row] = await db.update(organizations).set(values).where(eq(organizations.id, id)).returning();
  return row!;
}

/** A page of organizations for the console, with member and site counts and the account manager. */
export async function listOrganizationsForConsole(db: Db, filter: { q?: string; archived?: boolean; limit: number; offset: number }) {
  const where = consoleFilter(filter);
  const [counted] = await db.select({ n: sql<number>`count(*)::int` }).from(organizations).where(where);
  const rows = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      archivedAt: organizations.archivedAt,
      createdAt: organizations.createdAt,
      memberCount: sql<number>`(select count(*)::int from ${members} m where m.organization_id = ${organizations.id} and m.status = 'active')`,
      siteCount: sql<number>`(select count(*)::int from ${sites} s where s.organization_id = ${organizations.id})`,
      accountManagerId: users.id,
      accountManagerName: users.name,
      accountManagerEmail: users.email,
    })
    .from(organizations)
    .leftJoin(users, eq(users.id, organizations.accountManagerId))
    .where(where)
    .orderBy(organizations.name, organizations.id)
    .limit(filter.limit)
    .offset(filter.offset);
  return { rows, total: counted?.n ?? 0 };
}

const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function consoleFilter(filter: { q?: string; archived?: boolean }): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.archived !== undefined) conditions.push(filter.archived ? isNotNull(organizations.archivedAt) : isNull(organizations.archivedAt));
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // Support is given an archived organization's ID (it is then in no switcher): match it exactly too.
    conditions.push(UUID_TEXT.test(filter.q) ? or(ilike(organizations.name, pattern), eq(organizations.id, filter.q.toLowerCase()))! : ilike(organizations.name, pattern));
  }
  return conditions.length > 0 ? and(...conditions) : undefined;
}

/** Every site of the organization. */
export async function listSites(db: Db, organizationId: string): Promise<SiteRow[]> {
  return db.select().from(sites).where(eq(sites.organizationId, organizationId)).orderBy(sites.name, sites.id);
}

/** The site of the organization, if any. */
export async function findSite(db: Db, organizationId: string, siteId: string): Promise<SiteRow | undefined> {
  const [row] = await db
    .select()
    .from(sites)
    .where(and(eq(sites.id, siteId), eq(sites.organizationId, organizationId)))
    .limit(1);
  return row;
}

/** Renames or moves a site. */
export async function updateSite(db: Db, siteId: string, values: Partial<Pick<SiteRow, 'name' | 'parentId'>>): Promise<SiteRow> {
  const [row] = await db.update(sites).set(values).where(eq(sites.id, siteId)).returning();
  return row!;
}

/** The sub-sites below a site at every depth (depth 1 = its children), in tree order. */
export async function listSubSites(db: Db, siteId: string): Promise<{ id: string; name: string; depth: number }[]> {
  const result = await db.execute(sql`
    with recursive below(id, name, depth, path) as (
      select s.id, s.name, 1, array[s.name, s.id::text] from sites s where s.parent_id = ${siteId}
      union all
      select s.id, s.name, b.depth + 1, b.path || array[s.name, s.id::text] from sites s join below b on s.parent_id = b.id
    )
    select id, name, depth from below order by path`);
  return (result as unknown as { rows: { id: string; name: string; depth: number }[] }).rows.map((r) => ({ ...r, depth: Number(r.depth) }));
}

/** Members given access to any of these sites, each once, by name. */
export async function listMembersWithSiteAccess(db: Db, siteIds: string[]): Promise<{ memberId: string; name: string }[]> {
  if (siteIds.length === 0) return [];
  return db
    .selectDistinct({ memberId: members.id, name: users.name })
    .from(memberSites)
    .innerJoin(members, eq(members.id, memberSites.memberId))
    .innerJoin(users, eq(users.id, members.userId))
    .where(inArray(memberSites.siteId, siteIds))
    .orderBy(users.name, members.id);
}

/** Removes every member's access to these sites. */
export async function deleteMemberSitesOfSites(db: Db, siteIds: string[]): Promise<void> {
  if (siteIds.length > 0) await db.delete(memberSites).where(inArray(memberSites.siteId, siteIds));
}

/** Deletes these sites; none may still have sub-sites (parent_id is ON DELETE RESTRICT). */
export async function deleteSites(db: Db, siteIds: string[]): Promise<void> {
  if (siteIds.length > 0) await db.delete(sites).where(inArray(sites.id, siteIds));
}
