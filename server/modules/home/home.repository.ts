import { eq, sql, type SQL } from 'drizzle-orm';
import { uuidArray } from '../../platform/sql-arrays';
import { CLOSED_STATUSES, OPEN_STATUSES, WAITING_ON_CUSTOMER, type CaseStatus, type HomeHighlightKind } from '../../../common/cases';
import { userPreferences } from '../../db/schema/index';
import type { Db } from '../../platform/db';
import { keptCaseCount } from '../cases/case-counts.repository';

/**
 * What the home page reads: the figures of the highlights panel, the sources of My feed (the
 * person's feed items, recent releases of the organization's licensed products, its site
 * contracts) and the person's home preferences.
 */

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
/** Constant statuses as an SQL list: values of the code, never input. */
const statusList = (statuses: readonly CaseStatus[]) => sql.raw(`(${statuses.map((s) => `'${s}'`).join(', ')})`);
const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
const micros = (column: string) => sql.raw(`(extract(epoch from ${column}) * 1000000)::bigint::text`);
const DAY_MS = 86_400_000;

/** Whose figures to count: the organization, the person, and the sites they see cases and products of (null: all). */
export interface HighlightScope {
  organizationId: string;
  userId: string;
  caseSiteIds: readonly string[] | null;
  productSiteIds: readonly string[] | null;
  now: Date;
  newReleaseDays: number;
}

/** The figures counted in the database (contracts_ending is decided by the contract rules, apart). */
export type CountedHighlight = Exclude<HomeHighlightKind, 'contracts_ending'>;

const inSites = (column: string, siteIds: readonly string[] | null): SQL => (siteIds === null ? sql`true` : sql`${sql.raw(column)} = any(${uuidArray(siteIds)})`);

function highlightExpression(kind: CountedHighlight, scope: HighlightScope): SQL {
  if (kind === 'new_releases') {
    if (scope.productSiteIds !== null && scope.productSiteIds.length === 0) return sql`0`;
    const since = new Date(scope.now.getTime() - scope.newReleaseDays * DAY_MS).toISOString();
    return sql`(select count(*)::int from releases r
                 where r.published_at > ${since}::timestamptz and r.published_at <= ${scope.now.toISOString()}::timestamptz
                   and exists (select 1 from entitlements e where e.product_id = r.product_id and e.organization_id = ${scope.organizationId}::uuid and ${inSites('e.site_id', scope.productSiteIds)}))`;
  }
  if (scope.caseSiteIds !== null && scope.caseSiteIds.length === 0) return sql`0`;
  const me = sql`${scope.userId}::uuid`;
  const condition: Record<Exclude<CountedHighlight, 'new_releases' | 'open_cases'>, SQL> = {
    my_open_cases: sql`c.status in ${statusList(OPEN_STATUSES)} and c.requester_id = ${me}`,
    waiting_on_me: sql`c.status in ${statusList(WAITING_ON_CUSTOMER)}
                       and (c.requester_id = ${me} or exists (select 1 from case_subscriptions cs where cs.case_id = c.id and cs.user_id = ${me}))`,
    closed_last_30_days: sql`c.status in ${statusList(CLOSED_STATUSES)} and c.closed_at > ${new Date(scope.now.getTime() - 30 * DAY_MS).toISOString()}::timestamptz`,
  };
  // Open cases are the kept counts' sum (a few rows a site); the others depend on more than site and status.
  if (kind === 'open_cases') return keptCaseCount(scope.organizationId, scope.caseSiteIds, OPEN_STATUSES);
  return sql`(select count(*)::int from cases c where c.organization_id = ${scope.organizationId}::uuid and ${inSites('c.site_id', scope.caseSiteIds)} and ${condition[kind]})`;
}

/** The figures asked for, counted in one statement. */
export async function countHighlights(db: Db, scope: HighlightScope, kinds: readonly CountedHighlight[]): Promise<Record<CountedHighlight, number>> {
  const counts = {} as Record<CountedHighlight, number>;
  if (kinds.length === 0) return counts;
  const columns = kinds.map((kind) => sql`${highlightExpression(kind, scope)} as ${sql.identifier(kind)}`);
  const [row] = rowsOf<Record<CountedHighlight, number>>(await db.execute(sql`select ${sql.join(columns, sql`, `)}`));
  for (const kind of kinds) counts[kind] = Number(row?.[kind] ?? 0);
  return counts;
}

/** A site's own support contract. */
export interface SiteContractRow {
  id: string;
  siteId: string;
  siteName: string;
  startsOn: string;
  endsOn: string;
}

/** The site contracts (scope `site`) of the organization's sites, or of some of them. */
export async function listSiteContracts(db: Db, organizationId: string, siteIds: readonly string[] | null): Promise<SiteContractRow[]> {
  if (siteIds !== null && siteIds.length === 0) return [];
  return rowsOf<SiteContractRow>(
    await db.execute(sql`
      select sc.id, sc.site_id as "siteId", s.name as "siteName", sc.starts_on::text as "startsOn", sc.ends_on::text as "endsOn"
        from support_contracts sc join sites s on s.id = sc.site_id
       where sc.organization_id = ${organizationId}::uuid and sc.scope = 'site' and ${inSites('sc.site_id', siteIds)}
       order by sc.ends_on, sc.id`),
  );
}

/** A release published for a product licensed to one of the sites, with one of those sites. */
export interface RecentReleaseRow {
  id: string;
  productId: string;
  productName: string;
  version: string;
  releasedOn: string;
  siteId: string;
  publishedAt: string;
  micros: string;
}

/** The releases published in (since, now] of the products licensed to the sites (null: all the organization's), each once. */
export async function listRecentReleases(db: Db, organizationId: string, siteIds: readonly string[] | null, since: Date, now: Date): Promise<RecentReleaseRow[]> {
  if (siteIds !== null && siteIds.length === 0) return [];
  return rowsOf<RecentReleaseRow>(
    await db.execute(sql`
      select distinct on (r.id) r.id, r.product_id as "productId", p.name as "productName", r.version, r.released_on::text as "releasedOn",
             e.site_id as "siteId", ${iso('r.published_at')} as "publishedAt", ${micros('r.published_at')} as micros
        from releases r
        join products p on p.id = r.product_id
        join entitlements e on e.product_id = r.product_id and e.organization_id = ${organizationId}::uuid and ${inSites('e.site_id', siteIds)}
        join sites s on s.id = e.site_id
       where r.published_at > ${since.toISOString()}::timestamptz and r.published_at <= ${now.toISOString()}::timestamptz
       order by r.id, lower(s.name), s.id`),
  );
}

/** A My feed row of the person, with its case and actor. */
export interface FeedItemRow {
  id: number | string;
  kind: string;
  details: Record<string, unknown> | null;
  createdAt: string;
  micros: string;
  caseId: string;
  caseNumber: number;
  caseSubject: string;
  caseStatus: CaseStatus;
  actorId: string | null;
  actorName: string | null;
  actorIsStaff: boolean | null;
  /** The start of the post a post or mention item is about (null for other items), to make its excerpt from. */
  postBody: string | null;
}

/** How much of a post's Markdown is read for an excerpt: enough for 200 characters of its text. */
export const POST_BODY_PREFIX = 4000;

export interface FeedItemFilter {
  userId: string;
  organizationId: string;
  /** The sites whose cases the person still sees (null: all). */
  caseSiteIds: readonly string[] | null;
  kinds: readonly string[];
  /** Strictly before this position: an instant, and at that same instant ids below `tieBelowId`. */
  before: { at: string; tieBelowId: number } | null;
  limit: number;
}

/** The person's feed items in the organization, newest first, about cases they can still see. */
export async function listFeedItems(db: Db, filter: FeedItemFilter): Promise<FeedItemRow[]> {
  if (filter.kinds.length === 0 || (filter.caseSiteIds !== null && filter.caseSiteIds.length === 0)) return [];
  const before = filter.before
    ? sql`and (f.created_at < ${filter.before.at}::timestamptz or (f.created_at = ${filter.before.at}::timestamptz and f.id < ${filter.before.tieBelowId}))`
    : sql``;
  return rowsOf<FeedItemRow>(
    await db.execute(sql`
      select f.id, f.kind, f.details, ${iso('f.created_at')} as "createdAt", ${micros('f.created_at')} as micros,
             c.id as "caseId", c.number as "caseNumber", c.subject as "caseSubject", c.status as "caseStatus",
             u.id as "actorId", u.name as "actorName", u.staff_role is not null as "actorIsStaff",
             left(p.body, ${POST_BODY_PREFIX}) as "postBody"
        from feed_items f
        join cases c on c.id = f.case_id and c.organization_id = f.organization_id and ${inSites('c.site_id', filter.caseSiteIds)}
        left join users u on u.id = f.actor_id
        left join case_posts p on f.kind in ('case_post', 'case_mention') and p.id = (f.details->>'postId')::uuid and p.case_id = f.case_id
       where f.user_id = ${filter.userId}::uuid and f.organization_id = ${filter.organizationId}::uuid
         and f.kind = any(${`{${filter.kinds.join(',')}}`}::text[]) ${before}
       order by f.created_at desc, f.id desc
       limit ${filter.limit}`),
  );
}

/** The person's saved home choices (null columns: defaults), or undefined when nothing was saved. */
export async function findHomePreferences(db: Db, userId: string): Promise<{ homeHighlights: string[] | null; homeFeedKinds: string[] | null } | undefined> {
  const [row] = await db
    .select({ homeHighlights: userPreferences.homeHighlights, homeFeedKinds: userPreferences.homeFeedKinds })
    .from(userPreferences)
    .where(eq(userPreferences.userId, userId));
  return row;
}

/** Saves the person's highlights and feed kinds, leaving their other preferences as they are. */
export async function upsertHomePreferences(db: Db, userId: string, values: { homeHighlights: string[]; homeFeedKinds: string[] }, now: Date): Promise<void> {
  await db
    .insert(userPreferences)
    .values({ userId, ...values, updatedAt: now })
    .onConflictDoUpdate({ target: userPreferences.userId, set: { ...values, updatedAt: now } });
}
