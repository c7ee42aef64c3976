import { sql } from 'drizzle-orm';
import { uuidArray } from '../../platform/sql-arrays';
import type { ContractRow } from '../entitlements/contract-standing';
import type { Database } from '../../platform/db';
import { executePrepared } from '../../platform/prepared';
import { containsPattern } from './products.repository';

/**
 * The Products page's two statements. Per request: the site's entitlements with their contracts and
 * the member's display names (small rows, no JSON). Per product, cached by the service: the
 * product, its family, components and current version as JSON text built by PostgreSQL, so the
 * server passes it through without parsing it.
 */

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** One product licensed to a site, as the list needs it for the member. */
export interface LicensedRow {
  entitlementId: string;
  siteId: string;
  productId: string;
  productName: string;
  quantity: number;
  displayName: string | null;
  contract: Pick<ContractRow, 'tier' | 'startsOn' | 'endsOn'> | null;
  /** The row matches the search (always true without one). */
  matches: boolean;
}

/** A row as the statement packs it: [entitlement, site, product, product name, quantity, display name, tier, starts, ends, matches]. */
type PackedRow = [string, string, string, string, number, string | null, ContractRow['tier'] | null, string | null, string | null, boolean];

/**
 * The sites the member may act on (all of the organization's, or `siteIds`) and the products
 * licensed to them (optionally to one), with the member's display names and the covering contract
 * (the entitlement's own, else the site's), ordered by site and name, in one statement answering
 * one row: the rows come packed as JSON arrays, far cheaper to read than hundreds of result rows.
 * A search does not drop rows: it marks them (`matches`), so the contract warnings still see every
 * product of the sites.
 */
export async function readLicensedProducts(
  database: Database,
  filter: { organizationId: string; userId: string; siteIds: readonly string[] | null; siteId?: string | undefined; q?: string | undefined },
): Promise<{ sites: { id: string; name: string }[]; rows: LicensedRow[] }> {
  const siteScope = filter.siteIds ? sql`and s.id = any(${uuidArray(filter.siteIds)})` : sql``;
  const chosen = filter.siteId ? sql`and e.site_id = ${filter.siteId}` : sql``;
  const pattern = filter.q ? containsPattern(filter.q) : null;
  const matches =
    pattern === null
      ? sql`true`
      : sql`(p.name ilike ${pattern} or dn.display_name ilike ${pattern}
             or exists (select 1 from product_components mc where mc.product_id = p.id and mc.name ilike ${pattern}))`;
  const query = sql`
    with my_sites as (
      select s.id, s.name from sites s where s.organization_id = ${filter.organizationId} ${siteScope}
    )
    select (select coalesce(json_agg(json_build_object('id', ms.id, 'name', ms.name) order by lower(ms.name), ms.id), '[]'::json) from my_sites ms)::text as sites,
           (select coalesce(json_agg(json_build_array(
                      e.id, e.site_id, p.id, p.name, e.quantity, dn.display_name,
                      coalesce(oc.tier, sc.tier),
                      case when oc.id is not null then oc.starts_on else sc.starts_on end,
                      case when oc.id is not null then oc.ends_on else sc.ends_on end,
                      ${matches})), '[]'::json)
              from entitlements e
              join my_sites ms on ms.id = e.site_id
              join products p on p.id = e.product_id
              left join support_contracts oc on oc.id = e.contract_id
              left join support_contracts sc on sc.site_id = e.site_id and sc.scope = 'site'
              left join product_display_names dn on dn.entitlement_id = e.id and dn.user_id = ${filter.userId}
             where e.organization_id = ${filter.organizationId} ${chosen})::text as rows`;
  const [result] = await executePrepared<{ sites: string; rows: string }>(database, 'licensed_products', query);
  const packed = JSON.parse(result!.rows) as PackedRow[];
  const sites = JSON.parse(result!.sites) as { id: string; name: string }[];
  // Ordered here rather than in the aggregate, which would sort under the database's collation at
  // every request: by site (in the sites' order), then by the name the member sees, lower-cased.
  const siteOrder = new Map(sites.map((site, index) => [site.id, index]));
  const sortKey = (row: PackedRow) => (row[5] ?? row[3]).toLowerCase();
  packed.sort((a, b) => siteOrder.get(a[1])! - siteOrder.get(b[1])! || compare(sortKey(a), sortKey(b)) || compare(a[0], b[0]));
  return {
    sites,
    rows: packed.map(([entitlementId, siteId, productId, productName, quantity, displayName, tier, startsOn, endsOn, isMatch]) => ({
      entitlementId,
      siteId,
      productId,
      productName,
      quantity,
      displayName,
      contract: tier && startsOn && endsOn ? { tier, startsOn, endsOn } : null,
      matches: isMatch,
    })),
  };
}

/**
 * Per product, JSON text `{"product": {id, name, family {id, name {en, ko}}}, "components": [...],
 * "currentVersion": {id, version, releasedOn} | null}`: the current version is the newest
 * published release (releases' (product_id, released_on) index, read backwards).
 */
export async function listProductFragments(database: Database, productIds: readonly string[]): Promise<{ id: string; fragment: string }[]> {
  if (productIds.length === 0) return [];
  const query = sql`
    select p.id,
           json_build_object(
             'product', json_build_object('id', p.id, 'name', p.name,
                          'family', json_build_object('id', f.id, 'name', json_build_object('en', coalesce(f.name->>'en', ''), 'ko', coalesce(f.name->>'ko', '')))),
             'components', coalesce((
               select json_agg(json_build_object(
                        'id', pc.id, 'name', pc.name, 'description', pc.description,
                        'requirements', json_build_object(
                          'os', coalesce(pc.requirements->>'os', ''), 'cpu', coalesce(pc.requirements->>'cpu', ''),
                          'memory', coalesce(pc.requirements->>'memory', ''), 'disk', coalesce(pc.requirements->>'disk', ''),
                          'prerequisites', coalesce(pc.requirements->>'prerequisites', '')))
                      order by pc.sort_order, pc.name)
                 from product_components pc where pc.product_id = p.id), '[]'::json),
             'currentVersion', (
               select json_build_object('id', r.id, 'version', r.version, 'releasedOn', r.released_on::text)
                 from releases r
                where r.product_id = p.id and r.published_at is not null
                order by r.released_on desc, r.created_at desc
                limit 1)
           )::text as fragment
      from products p
      join product_families f on f.id = p.family_id
     where p.id = any(${uuidArray(productIds)})`;
  return executePrepared<{ id: string; fragment: string }>(database, 'product_fragments', query);
}
