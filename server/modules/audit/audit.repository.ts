import { sql, type SQL } from 'drizzle-orm';
import type { AuditCategory } from '../../../common/schemas/audit';
import type { Db } from '../../platform/db';

/** What to read from the activity log; the range is [from, to). */
export interface ActivityFilter {
  /** Only this organization's events and its members' sign-ins; null for the whole installation. */
  organizationId: string | null;
  categories: readonly AuditCategory[];
  actorUserId: string | null;
  /** Text found in the actor label or the acting user's name. */
  actorText: string | null;
  /** Text found in the action, actor label, target id, IP, client or details. */
  text: string | null;
  from: Date;
  to: Date;
}

/** The position after the last event of a page: newest first by time, then by id. */
export interface ActivityPosition {
  /** occurred_at as microseconds since 1970, exact (a JavaScript Date keeps only milliseconds). */
  micros: string;
  id: number;
}

export interface ActivityRow {
  id: number;
  occurredAt: Date;
  category: string;
  action: string;
  actorUserId: string | null;
  actorLabel: string | null;
  actorName: string | null;
  organizationId: string | null;
  organizationName: string | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  client: string | null;
  details: unknown;
  /** For the next page's position. */
  micros: string;
  /** `YYYY-MM-DD HH:mm:ss` in the time zone asked for, when one was. */
  localTime: string | null;
}

/** `%text%` for ILIKE, with the pattern characters of the text taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

/** µs since 1970 as an ISO instant PostgreSQL reads back exactly. */
function microsToIso(micros: string): string {
  const value = BigInt(micros);
  const iso = new Date(Number(value / 1000n)).toISOString();
  return `${iso.slice(0, -1)}${String(value % 1000n).padStart(3, '0')}Z`;
}

/** The WHERE clause: range first, then organization and category, which the indexes lead with. */
function conditionsOf(filter: ActivityFilter, after: ActivityPosition | null): SQL {
  const conditions: SQL[] = [sql`e.occurred_at >= ${filter.from.toISOString()}::timestamptz`, sql`e.occurred_at < ${filter.to.toISOString()}::timestamptz`];
  if (filter.organizationId !== null) {
    // A sign-in belongs to the account, not to an organization: an organization's view shows those
    // of its current members (each index probe is bounded by the range: organization or actor).
    conditions.push(
      sql`(e.organization_id = ${filter.organizationId}::uuid or (e.organization_id is null and e.category = 'sign_in' and e.actor_user_id = any(array(select m.user_id from members m where m.organization_id = ${filter.organizationId}::uuid))))`,
    );
  }
  if (filter.categories.length === 1) conditions.push(sql`e.category = ${filter.categories[0]}`);
  else if (filter.categories.length > 1) conditions.push(sql`e.category = any(${`{${filter.categories.join(',')}}`}::text[])`);
  if (filter.actorUserId !== null) conditions.push(sql`e.actor_user_id = ${filter.actorUserId}::uuid`);
  if (filter.actorText !== null) {
    const pattern = containing(filter.actorText);
    conditions.push(sql`(e.actor_label ilike ${pattern} or e.actor_user_id in (select u.id from users u where u.name ilike ${pattern}))`);
  }
  if (filter.text !== null) {
    const pattern = containing(filter.text);
    conditions.push(
      sql`(e.action ilike ${pattern} or e.actor_label ilike ${pattern} or e.target_id ilike ${pattern} or e.ip ilike ${pattern} or e.client ilike ${pattern} or e.details::text ilike ${pattern})`,
    );
  }
  if (after) {
    // Written so that `occurred_at <= t` can bound the index scan; the id breaks ties within t.
    const at = microsToIso(after.micros);
    conditions.push(sql`e.occurred_at <= ${at}::timestamptz`, sql`(e.occurred_at < ${at}::timestamptz or e.id < ${after.id})`);
  }
  return sql.join(conditions, sql` and `);
}

type PageOptions = { after: ActivityPosition | null; limit: number; timeZone?: string };

interface RawActivityRow extends Omit<ActivityRow, 'id' | 'occurredAt'> {
  id: number | string;
  occurredAt: string;
}

/** One page of events, newest first (by time, then id), after a position. */
export async function listAuditEvents(db: Db, filter: ActivityFilter, options: PageOptions): Promise<ActivityRow[]> {
  const result = await db.execute(activityQuery(filter, options));
  return (result as unknown as { rows: RawActivityRow[] }).rows.map((row) => ({ ...row, id: Number(row.id), occurredAt: new Date(row.occurredAt), details: row.details ?? null }));
}

/**
 * The statement behind listAuditEvents (the benchmark EXPLAINs it). Filtering and ordering by
 * organization, category and time lets PostgreSQL walk one of the log's indexes backwards and stop
 * at the limit; names are then looked up for that page only, an index probe per row. Plain SQL:
 * this is the hottest read of the log, and building it with the query builder cost more than
 * running it.
 */
export function activityQuery(filter: ActivityFilter, options: PageOptions): SQL {
  const localTime = options.timeZone === undefined ? sql`null::text` : sql`to_char(e.occurred_at at time zone ${options.timeZone}, 'YYYY-MM-DD HH24:MI:SS')`;
  return sql`
    select p.id, p.occurred_at as "occurredAt", p.category, p.action, p.actor_user_id as "actorUserId", p.actor_label as "actorLabel",
           (select u.name from users u where u.id = p.actor_user_id) as "actorName",
           p.organization_id as "organizationId",
           (select o.name from organizations o where o.id = p.organization_id) as "organizationName",
           p.target_type as "targetType", p.target_id as "targetId", p.ip, p.client, p.details, p.micros, p.local_time as "localTime"
      from (select e.id, to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as occurred_at, e.occurred_at as sort_at,
                   e.category, e.action, e.actor_user_id, e.actor_label, e.organization_id, e.target_type, e.target_id, e.ip, e.client, e.details,
                   (extract(epoch from e.occurred_at) * 1000000)::bigint::text as micros, ${localTime} as local_time
              from audit_events e
             where ${conditionsOf(filter, options.after)}
             order by e.occurred_at desc, e.id desc
             limit ${options.limit}) p
     order by p.sort_at desc, p.id desc`;
}
