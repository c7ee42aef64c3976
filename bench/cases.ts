// Issue 6's data: 200,000 cases and 2 million posts spread over the bench organizations, one of
// them (the measured customer) a large one; set-based SQL, since the factories would take hours.
import type { Database } from '../server/platform/db';

export interface CaseBenchData {
  /** The organization the measured member belongs to, and its first site (under contract). */
  organizationId: string;
  siteId: string;
  /** A case of that organization with a full feed, for the case page scenario. */
  caseId: string;
  casesInOrganization: number;
}

const STATUSES = ['new', 'waiting_on_response', 'researching', 'answered', 'pending_fix', 'closed', 'closed', 'closed', 'abandoned'];

/**
 * Inserts `cases` cases: `casesInOrganization` in the measured organization (spread over its sites),
 * the rest over every other organization's sites, in every status, opened over the last three
 * years; then `posts` posts spread over all of them (public and internal, customer and engineer).
 */
export async function generateCaseData(
  database: Database,
  options: { organizationId: string; cases: number; posts: number; casesInOrganization: number; engineerEmail?: string },
): Promise<CaseBenchData> {
  const sites = await database.raw<{ id: string }>('select id from sites where organization_id = $1 order by created_at, id', [options.organizationId]);
  if (sites.length === 0) throw new Error('the bench organization has no site');
  const [requester] = await database.raw<{ id: string }>(
    `select m.user_id as id from members m where m.organization_id = $1 order by m.created_at, m.id limit 1`,
    [options.organizationId],
  );
  const statuses = `array[${STATUSES.map((s) => `'${s}'`).join(',')}]`;
  // The measured organization's cases: the first member is the requester of one in five.
  await database.raw(
    `insert into cases (organization_id, site_id, category, subject, description, language, status, requester_id, created_at, updated_at, closed_at)
     select $1, (array(select id from sites where organization_id = $1 order by created_at, id))[1 + (g % $3)],
            'technical_support', 'Bench case ' || g || ' 트렌드 조회 지연', 'Generated for the bench: the interface drops tags after an outage.',
            case when g % 3 = 0 then 'en' else 'ko' end,
            (${statuses})[1 + (g % ${STATUSES.length})],
            case when g % 5 = 0 then $4::uuid else null end,
            now() - make_interval(mins => g * 7), now() - make_interval(mins => g * 5),
            case when (${statuses})[1 + (g % ${STATUSES.length})] in ('closed', 'abandoned') then now() - make_interval(mins => g * 5) else null end
       from generate_series(1, $2) g`,
    [options.organizationId, options.casesInOrganization, sites.length, requester!.id],
  );
  // Every other organization's share, round robin over their sites.
  const rest = Math.max(0, options.cases - options.casesInOrganization);
  await database.raw(
    `with other_sites as (
       select id, organization_id, row_number() over (order by organization_id, id) as n, count(*) over () as total
         from sites where organization_id <> $1)
     insert into cases (organization_id, site_id, category, subject, description, language, status, created_at, updated_at, closed_at)
     select s.organization_id, s.id, 'product_usage', 'Other case ' || g, 'Generated for the bench.', 'ko',
            (${statuses})[1 + (g % ${STATUSES.length})],
            now() - make_interval(mins => g), now() - make_interval(mins => g),
            case when (${statuses})[1 + (g % ${STATUSES.length})] in ('closed', 'abandoned') then now() - make_interval(mins => g) else null end
       from generate_series(1, $2) g
       join other_sites s on s.n = 1 + (g % s.total)`,
    [options.organizationId, rest],
  );
  // Posts: ten per case on average, in batches to keep each statement's memory bounded.
  const [{ n: caseCount } = { n: 0 }] = await database.raw<{ n: number }>('select count(*)::int as n from cases');
  const perCase = Math.max(1, Math.round(options.posts / Math.max(1, caseCount)));
  const batch = 20_000;
  for (let offset = 0; offset < caseCount; offset += batch) {
    await database.raw(
      `insert into case_posts (case_id, organization_id, author_side, visibility, body, created_at)
       select c.id, c.organization_id, case when p % 2 = 0 then 'engineer' else 'customer' end,
              case when p % 7 = 0 then 'internal' else 'public' end,
              'Post ' || p || ': 확인 부탁드립니다. Please check the attached log.', c.created_at + make_interval(mins => p)
         from (select id, organization_id, created_at from cases order by id offset $1 limit $2) c
         cross join generate_series(1, $3) p`,
      [offset, batch, perCase],
    );
  }
  // As autovacuum would after a while: statistics, and the visibility map index-only scans rely on.
  if (database.kind === 'postgres') {
    await database.raw('vacuum analyze cases');
    await database.raw('vacuum analyze case_posts');
  } else {
    await database.raw('analyze cases');
    await database.raw('analyze case_posts');
  }
  const [target] = await database.raw<{ id: string }>(
    `select id from cases where organization_id = $1 and status = 'researching' order by updated_at desc limit 1`,
    [options.organizationId],
  );
  return { organizationId: options.organizationId, siteId: sites[0]!.id, caseId: target!.id, casesInOrganization: options.casesInOrganization };
}
