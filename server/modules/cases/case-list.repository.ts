import { sql, type SQL } from 'drizzle-orm';
import { uuidArray } from '../../platform/sql-arrays';
import { CASE_STATUSES, CLOSED_STATUSES, OPEN_STATUSES, type CaseCategory, type CaseStatus } from '../../../common/cases';
import type { CaseListQuery } from '../../../common/schemas/cases';
import type { Database } from '../../platform/db';
import { executePrepared } from '../../platform/prepared';
import { keptCaseCount, keptCaseCountRows } from './case-counts.repository';
import { microsToIso, type CaseListPosition, type CaseSortKey, type QueuePosition, type SortDirection } from './case-list-cursor';

/**
 * The case lists in SQL: the portal's Cases tab (one organization) and the console's queue (every
 * organization). Each page is one statement: the matching rows are counted and the page is cut in
 * CTEs of the same statement; the page is cut on `cases` alone (walking an index in sort order
 * when there is one, stopping at the limit) and only its rows are joined to sites, products and
 * users for their names.
 */

/** A case as the lists show it, straight from the database. */
export interface CaseListRow {
  id: string;
  number: number;
  legacyNumber: string | null;
  subject: string;
  status: CaseStatus;
  category: CaseCategory;
  siteId: string;
  siteName: string;
  productName: string | null;
  requesterId: string | null;
  requesterName: string | null;
  requesterIsStaff: boolean | null;
  assigneeId: string | null;
  assigneeName: string | null;
  assigneeIsStaff: boolean | null;
  createdAt: string;
  updatedAt: string;
  /** The row's sort value for the next cursor: microseconds (time sorts) or the status ordinal. */
  sortValue: string | number | null;
}

/** A queue row: a list row with its organization and response times. */
export interface QueueRow extends CaseListRow {
  organizationId: string;
  organizationName: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
}

export interface CaseListFilter {
  organizationId: string;
  userId: string;
  /** The sites whose cases the actor may see; null for every site of the organization. */
  siteIds: readonly string[] | null;
  siteId: string | undefined;
  q: string | undefined;
  view: CaseListQuery['view'];
  sort: CaseSortKey;
  order: SortDirection;
  after: CaseListPosition | null;
  limit: number;
}

export interface CaseCounts {
  my_open: number;
  open: number;
  closed: number;
}

export interface QueueFilter {
  statuses: readonly CaseStatus[];
  /** A user id, or null for unassigned cases; undefined for any. */
  assigneeId: string | null | undefined;
  organizationId: string | undefined;
  productId: string | undefined;
  category: CaseCategory | undefined;
  /** Opened at or before this instant. */
  openedBefore: Date | undefined;
  q: string | undefined;
  after: QueuePosition | null;
  limit: number;
}

/** Constant statuses as an SQL list `('a', 'b')`: values of the code, never input. */
const statusList = (statuses: readonly CaseStatus[]) => sql.raw(`(${statuses.map((s) => `'${s}'`).join(', ')})`);
const OPEN = statusList(OPEN_STATUSES);
const CLOSED = statusList(CLOSED_STATUSES);
/** The status's place on the progress bar (1 for new), so that sorting follows the lifecycle, not the alphabet. */
const STATUS_ORDINAL = sql.raw(`array_position(array[${CASE_STATUSES.map((s) => `'${s}'`).join(', ')}]::text[], c.status)`);
const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
const micros = (column: string) => sql.raw(`(extract(epoch from ${column}) * 1000000)::bigint::text`);

/** The text with the LIKE pattern characters (and the escape character) taken literally. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/**
 * A keyword's condition: subject or description containing it (case-insensitive, any script), the
 * case number (all 8 digits, or any run of its digits: people remember a number's end as often as
 * its beginning), or the old system's number containing it (case-insensitive: OSI-2019-004521 by
 * 004521 as by osi-2019).
 */
export function caseSearchCondition(q: string): SQL {
  const contains = `%${escapeLike(q)}%`;
  const parts: SQL[] = [sql`c.subject ilike ${contains}`, sql`c.description ilike ${contains}`];
  if (/^\d{8}$/.test(q)) parts.push(sql`c.number = ${Number(q)}::int`);
  else if (/^\d{1,7}$/.test(q)) parts.push(sql`c.number::text like ${`%${q}%`}`);
  parts.push(sql`lower(c.legacy_number) like ${`%${escapeLike(q.toLowerCase())}%`}`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** The conditions every view and count of the Cases tab shares: organization, visible sites, site filter, keyword. */
function baseConditions(filter: Pick<CaseListFilter, 'organizationId' | 'siteIds' | 'siteId' | 'q'>, alias = 'c'): SQL[] {
  const a = sql.raw(alias);
  const conditions: SQL[] = [sql`${a}.organization_id = ${filter.organizationId}::uuid`];
  if (filter.siteIds !== null) conditions.push(sql`${a}.site_id = any(${uuidArray(filter.siteIds)})`);
  if (filter.siteId !== undefined) conditions.push(sql`${a}.site_id = ${filter.siteId}::uuid`);
  if (filter.q) conditions.push(caseSearchCondition(filter.q));
  return conditions;
}

function viewCondition(view: CaseListQuery['view'], userId: string): SQL {
  if (view === 'my_open') return sql`c.status in ${OPEN} and c.requester_id = ${userId}::uuid`;
  return view === 'open' ? sql`c.status in ${OPEN}` : sql`c.status in ${CLOSED}`;
}

const SORT_KEYS: Record<CaseSortKey, SQL> = {
  status: STATUS_ORDINAL,
  subject: sql`lower(c.subject)`,
  site: sql`lower(s.name)`,
  opened: sql`c.created_at`,
  updated: sql`c.updated_at`,
};

/** The last row's sort value: given in the cursor, or (text sorts) read back from that row if the actor may see it. */
function positionValue(filter: CaseListFilter, after: CaseListPosition): SQL {
  if (after.sort === 'opened' || after.sort === 'updated') return sql`${microsToIso(after.value as string)}::timestamptz`;
  if (after.sort === 'status') return sql`${after.value as number}::int`;
  const visible = filter.siteIds === null ? sql`` : sql` and x.site_id = any(${uuidArray(filter.siteIds)})`;
  const where = sql`x.id = ${after.id}::uuid and x.organization_id = ${filter.organizationId}::uuid${visible}`;
  return after.sort === 'subject'
    ? sql`(select lower(x.subject) from cases x where ${where})`
    : sql`(select lower(xs.name) from cases x join sites xs on xs.id = x.site_id where ${where})`;
}

/** The names of a page's rows, shared by the Cases tab and the queue. */
const NAMED_COLUMNS = sql`
       p.id, p.number, p.legacy_number as "legacyNumber", p.subject, p.status, p.category,
       p.site_id as "siteId", s.name as "siteName", pr.name as "productName",
       p.requester_id as "requesterId", ru.name as "requesterName", ru.staff_role is not null as "requesterIsStaff",
       p.assignee_id as "assigneeId", au.name as "assigneeName", au.staff_role is not null as "assigneeIsStaff",
       ${iso('p.created_at')} as "createdAt", ${iso('p.updated_at')} as "updatedAt"`;
const NAME_JOINS = sql`
       join sites s on s.id = p.site_id
       left join products pr on pr.id = p.product_id
       left join users ru on ru.id = p.requester_id
       left join users au on au.id = p.assignee_id`;

/**
 * One page of the Cases tab and the count of each view, in one statement. The page follows the
 * sort key then the id, both in the asked direction, after the cursor's position. The open and
 * closed counts sum the kept counts of the visible sites by status (`case_counts` and its pending
 * changes, a few rows a site, whatever the number of cases); under a keyword they group the
 * matching cases by status. The actor's own open cases are counted on their own (the requester's
 * index).
 */
export async function listCasePage(database: Database, filter: CaseListFilter): Promise<{ counts: CaseCounts; rows: CaseListRow[] }> {
  const base = baseConditions(filter);
  const key = SORT_KEYS[filter.sort];
  const direction = sql.raw(filter.order);
  const pageConditions = [...base, viewCondition(filter.view, filter.userId)];
  if (filter.after) {
    const comparison = sql.raw(filter.order === 'asc' ? '>' : '<');
    pageConditions.push(sql`(${key}, c.id) ${comparison} (${positionValue(filter, filter.after)}, ${filter.after.id}::uuid)`);
  }
  const sortValue = filter.sort === 'opened' || filter.sort === 'updated' ? micros('p.k') : filter.sort === 'status' ? sql`p.k` : sql`null::text`;
  // Without a keyword the counts come from the counts the database keeps (a row a site and status),
  // not from counting the organization's cases at every request.
  const byStatus = filter.q
    ? sql`select c.status, count(*)::int as n
            from cases c
           where ${sql.join(base, sql` and `)}
           group by c.status`
    : sql`select x.status, sum(x.n)::int as n
            from ${keptCaseCountRows((alias) => sql.join(baseConditions(filter, alias), sql` and `))} x
           group by x.status`;
  const query = sql`
    with by_status as (${byStatus}),
    mine as (
      select count(*)::int as n
        from cases c
       where ${sql.join([...base, sql`c.status in ${OPEN}`, sql`c.requester_id = ${filter.userId}::uuid`], sql` and `)}
    ),
    counts as (
      select (select n from mine) as my_open,
             coalesce(sum(b.n) filter (where b.status in ${OPEN}), 0)::int as open,
             coalesce(sum(b.n) filter (where b.status in ${CLOSED}), 0)::int as closed
        from by_status b
    ),
    page as (
      select c.id, c.number, c.legacy_number, c.subject, c.status, c.category, c.site_id, c.product_id, c.requester_id, c.assignee_id,
             c.created_at, c.updated_at, ${key} as k
        from cases c ${filter.sort === 'site' ? sql`join sites s on s.id = c.site_id` : sql``}
       where ${sql.join(pageConditions, sql` and `)}
       order by ${key} ${direction}, c.id ${direction}
       limit ${filter.limit}
    )
    select k.my_open, k.open, k.closed, ${NAMED_COLUMNS}, ${sortValue} as "sortValue"
      from counts k
      left join (page p ${NAME_JOINS}) on true
     order by p.k ${direction}, p.id ${direction}`;
  const rows = await executePrepared<CaseListRow & CaseCounts & { id: string | null }>(database, 'case_list', query);
  const first = rows[0];
  const counts: CaseCounts = { my_open: first?.my_open ?? 0, open: first?.open ?? 0, closed: first?.closed ?? 0 };
  return { counts, rows: rows.filter((row) => row.id !== null).map(({ my_open: _m, open: _o, closed: _c, ...row }) => row) };
}

/** The queue's filters other than the status. */
function queueConditions(filter: QueueFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.assigneeId === null) conditions.push(sql`c.assignee_id is null`);
  else if (filter.assigneeId !== undefined) conditions.push(sql`c.assignee_id = ${filter.assigneeId}::uuid`);
  if (filter.organizationId !== undefined) conditions.push(sql`c.organization_id = ${filter.organizationId}::uuid`);
  if (filter.productId !== undefined) conditions.push(sql`c.product_id = ${filter.productId}::uuid`);
  if (filter.category !== undefined) conditions.push(sql`c.category = ${filter.category}`);
  if (filter.openedBefore !== undefined) conditions.push(sql`c.created_at <= ${filter.openedBefore.toISOString()}::timestamptz`);
  if (filter.q) conditions.push(caseSearchCondition(filter.q));
  return conditions;
}

const QUEUE_COLUMNS = sql`c.id, c.number, c.legacy_number, c.subject, c.status, c.category, c.organization_id, c.site_id, c.product_id, c.requester_id, c.assignee_id,
             c.created_at, c.updated_at, c.first_response_at, c.resolved_at`;

/**
 * One page of the engineers' queue, oldest update first (then id), with how many cases match, in
 * one statement. The page is a merge of one branch per status, each walking the (status,
 * updated_at, id) index from the cursor and stopping at the limit: sorting every open case of
 * the installation for each page would cost far more.
 */
export async function listQueuePage(database: Database, filter: QueueFilter): Promise<{ total: number; rows: QueueRow[] }> {
  const others = queueConditions(filter);
  const statusIn = filter.statuses.length === 1 ? sql`c.status = ${filter.statuses[0]}` : sql`c.status = any(${`{${filter.statuses.join(',')}}`}::text[])`;
  const keyset = filter.after ? [sql`(c.updated_at, c.id) > (${microsToIso(filter.after.micros)}::timestamptz, ${filter.after.id}::uuid)`] : [];
  const branches = filter.statuses.map(
    (status) => sql`(select ${QUEUE_COLUMNS} from cases c
                      where ${sql.join([sql`c.status = ${status}`, ...others, ...keyset], sql` and `)}
                      order by c.updated_at, c.id
                      limit ${filter.limit})`,
  );
  // Filtered by status and organization alone (the queue as it opens), the total is the kept
  // counts' sum, not a count of every open case of the installation.
  const byStatusAlone =
    filter.assigneeId === undefined && filter.productId === undefined && filter.category === undefined && filter.openedBefore === undefined && !filter.q;
  const total = byStatusAlone
    ? sql`select ${keptCaseCount(filter.organizationId ?? null, null, filter.statuses)} as n`
    : sql`select count(*)::int as n from cases c where ${sql.join([statusIn, ...others], sql` and `)}`;
  const query = sql`
    with total as (${total}),
    page as (
      select * from (${sql.join(branches, sql` union all `)}) merged
       order by merged.updated_at, merged.id
       limit ${filter.limit}
    )
    select t.n as total, ${NAMED_COLUMNS}, ${micros('p.updated_at')} as "sortValue",
           p.organization_id as "organizationId", o.name as "organizationName",
           ${iso('p.first_response_at')} as "firstResponseAt", ${iso('p.resolved_at')} as "resolvedAt"
      from total t
      left join (page p ${NAME_JOINS} join organizations o on o.id = p.organization_id) on true
     order by p.updated_at, p.id`;
  const rows = await executePrepared<QueueRow & { total: number; id: string | null }>(database, 'case_queue', query);
  return { total: rows[0]?.total ?? 0, rows: rows.filter((row) => row.id !== null).map(({ total: _t, ...row }) => row) };
}
