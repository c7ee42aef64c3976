import { contractStanding, type ContractStanding } from '../../../common/contracts';
import type { ContractWarning, ProductList, ProductListQuery } from '../../../common/schemas/products';
import type { Actor } from '../../platform/actor';
import type { ServiceContext } from '../../platform/context';
import { fieldError, notFound } from '../../platform/errors';
import type { OrganizationAccess } from '../organizations/organization-access';
import { ByteWriter } from './byte-writer';
import { listProductFragments, readLicensedProducts, type LicensedRow } from './product-list.repository';
import { accessibleSiteIds, downloadAbilities } from './products.service';

/**
 * The Products page answers with up to hundreds of products per site, at every visit, for every
 * member. What is the same for everyone — a product with its family, components and current
 * version — is kept per process as UTF-8 JSON for CACHE_MS (like the settings): a catalog change
 * made on this server shows at once (`forgetProductSummaries`), one made on another within
 * CACHE_MS. What is the member's — entitlements, contracts, display names, what they may
 * download — is read at every request. The answer is written as UTF-8 JSON from those pieces, with
 * no object tree to build, validate and serialize again.
 */
const CACHE_MS = 3000;
/** A product's summary: its JSON text without the opening brace, as UTF-8 bytes ready to send. */
type Fragment = Buffer;
interface SummaryCache {
  entries: Map<string, { fragment: Fragment; at: number }>;
  /** Reads in flight, so that concurrent requests finding the same entries stale read them once. */
  pending: Map<string, Promise<Fragment | undefined>>;
}
const caches = new WeakMap<object, SummaryCache>();

function cacheFor(ctx: ServiceContext): SummaryCache {
  let cache = caches.get(ctx.database);
  if (!cache) {
    cache = { entries: new Map(), pending: new Map() };
    caches.set(ctx.database, cache);
  }
  return cache;
}

/** Drops the cached product summaries (after a catalog change), so this server shows the change at once. */
export function forgetProductSummaries(ctx: ServiceContext): void {
  caches.delete(ctx.database);
}

/** Reads the summaries of these products in one query and caches them. */
async function readFragments(ctx: ServiceContext, cache: SummaryCache, productIds: readonly string[]): Promise<Map<string, Fragment>> {
  const at = Date.now();
  const read = new Map<string, Fragment>();
  for (const row of await listProductFragments(ctx.database, productIds)) {
    // Re-serialized once per read: PostgreSQL's json text carries spaces around every separator.
    const fragment = Buffer.from(JSON.stringify(JSON.parse(row.fragment)).slice(1));
    cache.entries.set(row.id, { fragment, at });
    read.set(row.id, fragment);
  }
  return read;
}

/** Each product's summary: from the cache, from a read already in flight, or read now (one query for all missing). */
async function productFragments(ctx: ServiceContext, productIds: readonly string[]): Promise<Map<string, Fragment>> {
  const cache = cacheFor(ctx);
  const now = Date.now();
  const found = new Map<string, Fragment>();
  const waiting: [string, Promise<Fragment | undefined>][] = [];
  const missing: string[] = [];
  for (const id of new Set(productIds)) {
    const hit = cache.entries.get(id);
    if (hit && now - hit.at < CACHE_MS) found.set(id, hit.fragment);
    else if (cache.pending.has(id)) waiting.push([id, cache.pending.get(id)!]);
    else missing.push(id);
  }
  if (missing.length > 0) {
    const reading = readFragments(ctx, cache, missing);
    for (const id of missing) {
      const one = reading.then((read) => read.get(id));
      cache.pending.set(id, one);
      waiting.push([id, one]);
    }
    // Whatever the outcome, the next request reads again rather than waiting on this one.
    void reading.then(
      () => missing.forEach((id) => cache.pending.delete(id)),
      () => missing.forEach((id) => cache.pending.delete(id)),
    );
  }
  const read = await Promise.all(waiting.map(([, promise]) => promise));
  waiting.forEach(([id], index) => {
    const fragment = read[index];
    if (fragment) found.set(id, fragment);
  });
  return found;
}

const contractKey = (contract: LicensedRow['contract']) => (contract ? `${contract.tier}|${contract.startsOn}|${contract.endsOn}` : 'none');

/** Groups the warning standings per site and contract (or its absence), for the pop-up. */
function collectWarnings(rows: readonly LicensedRow[], siteNames: ReadonlyMap<string, string>, standingOf: (row: LicensedRow) => ContractStanding): ContractWarning[] {
  const warnings = new Map<string, ContractWarning>();
  for (const row of rows) {
    const standing = standingOf(row);
    if (!standing.warning) continue;
    const key = `${row.siteId}|${contractKey(row.contract)}`;
    let warning = warnings.get(key);
    if (!warning) {
      warning = { site: { id: row.siteId, name: siteNames.get(row.siteId) ?? '' }, contract: row.contract, standing, products: [] };
      warnings.set(key, warning);
    }
    warning.products.push({ id: row.productId, name: row.productName });
  }
  return [...warnings.values()];
}

/**
 * The Products page: the products licensed to the sites the actor may act on (optionally one
 * site, which must be one of them), searched by name, with the contract warnings of those sites.
 * Returns the `ProductList` as UTF-8 JSON (its shape is checked by the route tests): the cached
 * summaries are copied into the answer as bytes, with no string to build and encode. The bytes
 * live in a pooled buffer: call `release` once they are sent.
 */
export async function listProductsJson(
  ctx: ServiceContext,
  actor: Actor,
  access: OrganizationAccess,
  query: ProductListQuery,
): Promise<{ body: Buffer; release: () => void }> {
  const organizationId = access.organization.id;
  const siteIds = accessibleSiteIds(access.standing);
  if (siteIds && siteIds.length === 0) {
    if (query.siteId) throw notFound('sites.not_found');
    return { body: Buffer.from(JSON.stringify({ items: [], total: 0, nextCursor: null, sites: [], warnings: [] } satisfies ProductList)), release: () => undefined };
  }
  const { sites, rows } = await readLicensedProducts(ctx.database, { organizationId, userId: actor.userId, siteIds, siteId: query.siteId, q: query.q || undefined });
  if (query.siteId && !sites.some((site) => site.id === query.siteId)) throw notFound('sites.not_found');
  const siteNames = new Map(sites.map((site) => [site.id, site.name]));
  const matching = rows.filter((row) => row.matches);
  // A page in the list's order, after the entitlement the cursor names. Every row is read anyway
  // (the warnings need them), so the page is cut here; only its products' summaries are fetched.
  let start = 0;
  if (query.cursor) {
    const at = matching.findIndex((row) => row.entitlementId === query.cursor);
    // The cursor's product left the list (unlicensed, or no longer matching): start again.
    if (at < 0) throw fieldError('cursor', 'validation.failed', 'The list changed since this cursor: load it again from the first page.');
    start = at + 1;
  }
  const page = matching.slice(start, start + query.limit);
  const nextCursor = start + query.limit < matching.length ? page[page.length - 1]!.entitlementId : null;
  const fragments = await productFragments(ctx, page.map((row) => row.productId));

  // Few distinct contracts and sites: each standing and ability is computed and encoded once.
  const now = ctx.clock.now();
  const standings = new Map<string, { standing: ContractStanding; json: Buffer }>();
  const standingFor = (row: LicensedRow) => {
    const key = contractKey(row.contract);
    let entry = standings.get(key);
    if (!entry) {
      const standing = contractStanding(row.contract, now);
      entry = { standing, json: Buffer.from(`"contract":${JSON.stringify(row.contract)},"standing":${JSON.stringify(standing)},`) };
      standings.set(key, entry);
    }
    return entry;
  };
  const perSite = new Map<string, Buffer>();
  const siteAndAbilitiesFor = (row: LicensedRow) => {
    const key = `${row.siteId}|${contractKey(row.contract)}`;
    let json = perSite.get(key);
    if (json === undefined) {
      const site = { id: row.siteId, name: siteNames.get(row.siteId) ?? '' };
      json = Buffer.from(`"site":${JSON.stringify(site)},"downloads":${JSON.stringify(downloadAbilities(access.standing, row.siteId, standingFor(row).standing))},`);
      perSite.set(key, json);
    }
    return json;
  };

  const out = new ByteWriter(page.length * 1200 + 1024).text('{"items":[');
  let first = true;
  for (const row of page) {
    const fragment = fragments.get(row.productId);
    // A product deleted between the two reads: leave it out.
    if (!fragment) continue;
    out
      .text(`${first ? '' : ','}{"entitlementId":"${row.entitlementId}","displayName":${JSON.stringify(row.displayName)},"quantity":${row.quantity},`)
      .bytes(standingFor(row).json)
      .bytes(siteAndAbilitiesFor(row))
      .bytes(fragment);
    first = false;
  }
  const warnings = collectWarnings(rows, siteNames, (row) => standingFor(row).standing);
  out.text(`],"total":${matching.length},"nextCursor":${JSON.stringify(nextCursor)},"sites":${JSON.stringify(sites)},"warnings":${JSON.stringify(warnings)}}`);
  return { body: out.result(), release: () => out.release() };
}
