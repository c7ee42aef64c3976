import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { MemberRole, MemberStatus, SiteRef } from '../../../common/schemas/team';
import { members, memberSites, sites, users } from '../../db/schema/index';
import type { Database, Db } from '../../platform/db';
import { executePrepared } from '../../platform/prepared';

export type MemberRow = typeof members.$inferSelect;

/** A member as My Team lists them, straight from the database. */
export interface MemberListRow {
  id: string;
  userId: string;
  name: string;
  email: string;
  company: string | null;
  phone: string | null;
  role: MemberRole;
  status: MemberStatus;
  sites: SiteRef[];
  lastSignInAt: Date | null;
}

export interface MemberFilter {
  q?: string | undefined;
  role?: MemberRole | undefined;
  status?: MemberStatus | undefined;
  siteId?: string | undefined;
  memberId?: string | undefined;
  limit: number;
  offset: number;
}

/** A member with what the activity log records about them. */
export interface MemberDetail {
  id: string;
  userId: string;
  email: string;
  role: MemberRole;
  status: MemberStatus;
  siteIds: string[];
}

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** `%text%` for ILIKE, with the pattern characters of the text taken literally. */
const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * One page of the organization's members with their sites, and how many match, in one statement.
 * The organization's members are found first, through the (organization_id, user_id) index (a site
 * filter through member_sites' site index); a search then runs over those rows only (materialized,
 * so the planner cannot run it over every user instead); the page is cut (LIMIT/OFFSET, ordered
 * by name) before the sites are aggregated, so json_agg runs for the rows returned only.
 */
export async function listMembers(db: Db, organizationId: string, filter: MemberFilter, database?: Database): Promise<{ items: MemberListRow[]; total: number }> {
  const conditions: SQL[] = [sql`m.organization_id = ${organizationId}`];
  if (filter.memberId) conditions.push(sql`m.id = ${filter.memberId}`);
  if (filter.role) conditions.push(sql`m.role = ${filter.role}`);
  if (filter.status) conditions.push(sql`m.status = ${filter.status}`);
  if (filter.siteId) conditions.push(sql`exists (select 1 from member_sites fs where fs.member_id = m.id and fs.site_id = ${filter.siteId})`);
  const pattern = filter.q ? containsPattern(filter.q) : null;
  const search = pattern === null ? sql`true` : sql`(c.name ilike ${pattern} or c.email ilike ${pattern} or c.company ilike ${pattern})`;
  const candidates = sql`
    candidates as ${pattern === null ? sql`` : sql`materialized`} (
      select m.id, m.user_id, u.name, u.email, u.company, u.phone, m.role, m.status, u.last_sign_in_at
        from members m
        join users u on u.id = m.user_id
       where ${sql.join(conditions, sql` and `)}
    )`;
  const query = sql`
    with ${candidates},
    page as (
      select c.*, count(*) over ()::int as total
        from candidates c
       where ${search}
       order by lower(c.name), c.id
       limit ${filter.limit} offset ${filter.offset}
    )
    select p.*,
           coalesce((select json_agg(json_build_object('id', s.id, 'name', s.name) order by s.name, s.id)
                       from member_sites ms join sites s on s.id = ms.site_id
                      where ms.member_id = p.id), '[]'::json) as sites
      from page p
     order by lower(p.name), p.id`;
  // Planning this query costs more than running it: outside a transaction it runs prepared.
  const result = database ? { rows: await executePrepared(database, 'team_members', query) } : await db.execute(query);
  const rows = rowsOf<{
    id: string;
    user_id: string;
    name: string;
    email: string;
    company: string | null;
    phone: string | null;
    role: MemberRole;
    status: MemberStatus;
    last_sign_in_at: Date | string | null;
    total: number;
    sites: SiteRef[] | string;
  }>(result);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && filter.offset > 0) {
    // Past the last page: the window count had no row to ride on.
    const counted = rowsOf<{ n: number }>(await db.execute(sql`with ${candidates} select count(*)::int as n from candidates c where ${search}`));
    total = counted[0]?.n ?? 0;
  }
  const items = rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    name: r.name,
    email: r.email,
    company: r.company,
    phone: r.phone,
    role: r.role,
    status: r.status,
    sites: typeof r.sites === 'string' ? (JSON.parse(r.sites) as SiteRef[]) : r.sites,
    lastSignInAt: r.last_sign_in_at === null ? null : new Date(r.last_sign_in_at),
  }));
  return { items, total };
}

/** The members of the organization among these ids, with their email and sites. */
export async function listMemberDetails(db: Db, organizationId: string, memberIds: readonly string[]): Promise<MemberDetail[]> {
  if (memberIds.length === 0) return [];
  const rows = await db
    .select({
      id: members.id,
      userId: members.userId,
      email: users.email,
      role: members.role,
      status: members.status,
      siteIds: sql<string[]>`coalesce((select json_agg(ms.site_id order by ms.site_id) from member_sites ms where ms.member_id = ${members.id}), '[]'::json)`,
    })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(and(eq(members.organizationId, organizationId), inArray(members.id, [...memberIds])));
  return rows.map((r) => ({ ...r, siteIds: typeof r.siteIds === 'string' ? (JSON.parse(r.siteIds) as string[]) : r.siteIds }));
}

/**
 * Locks the organization's active owners (FOR UPDATE) and returns their member ids: changes that
 * could leave no owner take this lock first, so two of them cannot each remove "another" owner.
 */
export async function lockActiveOwnerIds(db: Db, organizationId: string): Promise<string[]> {
  const rows = await db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.organizationId, organizationId), eq(members.role, 'owner'), eq(members.status, 'active')))
    .orderBy(members.id)
    .for('update');
  return rows.map((r) => r.id);
}

/** Sets a member's role. */
export async function updateMemberRole(db: Db, memberId: string, role: MemberRole, now: Date): Promise<void> {
  await db.update(members).set({ role, updatedAt: now }).where(eq(members.id, memberId));
}

/** Replaces the sites a member was given with these ("available sites → selected sites"). */
export async function replaceMemberSites(db: Db, memberId: string, siteIds: readonly string[], now: Date): Promise<void> {
  await db.delete(memberSites).where(eq(memberSites.memberId, memberId));
  if (siteIds.length > 0) await db.insert(memberSites).values(siteIds.map((siteId) => ({ memberId, siteId })));
  await db.update(members).set({ updatedAt: now }).where(eq(members.id, memberId));
}

/** Marks active members inactive (history kept); returns the ids that changed. */
export async function deactivateMembers(db: Db, organizationId: string, memberIds: readonly string[], now: Date): Promise<string[]> {
  const rows = await db
    .update(members)
    .set({ status: 'inactive', deactivatedAt: now, updatedAt: now })
    .where(and(eq(members.organizationId, organizationId), inArray(members.id, [...memberIds]), eq(members.status, 'active')))
    .returning({ id: members.id });
  return rows.map((r) => r.id);
}

/** Makes inactive members active again; returns the ids that changed. */
export async function reactivateMembers(db: Db, organizationId: string, memberIds: readonly string[], now: Date): Promise<string[]> {
  const rows = await db
    .update(members)
    .set({ status: 'active', deactivatedAt: null, updatedAt: now })
    .where(and(eq(members.organizationId, organizationId), inArray(members.id, [...memberIds]), eq(members.status, 'inactive')))
    .returning({ id: members.id });
  return rows.map((r) => r.id);
}

/** Deletes memberships (their site access goes with them); returns the ids deleted. */
export async function deleteMembers(db: Db, organizationId: string, memberIds: readonly string[]): Promise<string[]> {
  const rows = await db
    .delete(members)
    .where(and(eq(members.organizationId, organizationId), inArray(members.id, [...memberIds])))
    .returning({ id: members.id });
  return rows.map((r) => r.id);
}

/** Those of the site ids that are sites of the organization. */
export async function listOrganizationSiteIds(db: Db, organizationId: string, siteIds: readonly string[]): Promise<string[]> {
  if (siteIds.length === 0) return [];
  const rows = await db
    .select({ id: sites.id })
    .from(sites)
    .where(and(eq(sites.organizationId, organizationId), inArray(sites.id, [...siteIds])));
  return rows.map((r) => r.id);
}

/** The user's membership in the organization, active or not. */
export async function findMembershipByUser(db: Db, organizationId: string, userId: string): Promise<MemberRow | undefined> {
  const [row] = await db
    .select()
    .from(members)
    .where(and(eq(members.organizationId, organizationId), eq(members.userId, userId)))
    .limit(1);
  return row;
}

/** The active membership of the user with this email (case-insensitive), if any. */
export async function findActiveMemberByEmail(db: Db, organizationId: string, email: string): Promise<MemberRow | undefined> {
  const [row] = await db
    .select({ member: members })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(and(eq(members.organizationId, organizationId), eq(members.status, 'active'), sql`lower(${users.email}) = ${email.toLowerCase()}`))
    .limit(1);
  return row?.member;
}

/** Adds a membership. */
export async function insertMembership(db: Db, organizationId: string, userId: string, role: MemberRole, now: Date): Promise<MemberRow> {
  const [row] = await db.insert(members).values({ organizationId, userId, role, createdAt: now, updatedAt: now }).returning();
  return row!;
}

/** Makes a membership active again with a role (an accepted invitation for a former member). */
export async function reactivateMembership(db: Db, memberId: string, role: MemberRole, now: Date): Promise<void> {
  await db.update(members).set({ role, status: 'active', deactivatedAt: null, updatedAt: now }).where(eq(members.id, memberId));
}
