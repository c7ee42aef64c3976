import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResults } from '../../../common/schemas/search';
import { entitlements, products } from '../../db/schema/index';
import { buildEntitlement } from '../../test/catalog-factories';
import { buildCase } from '../../test/case-factories';
import { buildArticle } from '../../test/knowledge-factories';
import { buildTestApp, type SignedIn, type TestApp } from '../../test/test-app';
import { queueSearchIndex } from './search-index';
import { rebuildSearchIndex } from './search-indexer';
import { readSearchGeneration } from './search.repository';
import { configureSearchCache, searchCacheStats } from './search.service';
import { buildSearchScenario, searchAs, signInSearchReaders, type SearchScenario } from './search.scenario';

/**
 * The search result cache seen from outside: a repeated search is answered from it, and whatever
 * changes what a reader may find (an entry indexed, an entitlement, a product's name) is found by
 * the very next search, while another organization's cases leave an organization's answers be.
 */

let t: TestApp;
let s: SearchScenario;
let owner: SignedIn;
let site1Support: SignedIn;
let ownerOfB: SignedIn;
let engineer: SignedIn;

beforeAll(async () => {
  t = await buildTestApp();
  s = await buildSearchScenario(t);
  await rebuildSearchIndex(t.ctx);
  ({ owner, site1Support, ownerOfB, engineer } = await signInSearchReaders(t, s));
});
afterAll(async () => {
  await t?.close();
});

const search = searchAs;
const ids = (results: SearchResults) => results.items.map((item) => item.id);
const stats = () => searchCacheStats(t.ctx.database)!;

/** What one search did to the cache: hit (answered from it) or computed. */
async function searchCounted(who: SignedIn, url: string): Promise<{ results: SearchResults; hit: boolean }> {
  const before = searchCacheStats(t.ctx.database) ?? { hits: 0, misses: 0 };
  const results = await search(who, url);
  const after = stats();
  expect(after.hits + after.misses).toBe(before.hits + before.misses + 1);
  return { results, hit: after.hits === before.hits + 1 };
}

async function indexed(kind: 'article' | 'case', id: string) {
  await queueSearchIndex(t.ctx.db, { kind, id });
  await t.drainJobs();
}

describe('the search result cache', () => {
  it('answers the same search asked again from the cache, with the same answer', async () => {
    const url = `${s.base}/search?q=quasar&limit=50`;
    const first = await searchCounted(owner, url);
    const again = await searchCounted(owner, url);
    expect(again.hit).toBe(true);
    expect(again.results).toEqual(first.results);
    // Another page is another question.
    expect((await searchCounted(owner, `${s.base}/search?q=quasar&limit=2`)).hit).toBe(false);
  });

  it('never gives one member the answer computed for another who may see less', async () => {
    const url = `${s.base}/search?q=quasar&limit=50`;
    const all = await search(owner, url);
    expect((await searchCounted(owner, url)).hit).toBe(true);
    const limited = await searchCounted(site1Support, url);
    expect(limited.hit).toBe(false);
    expect(ids(limited.results)).not.toContain(s.cases.site2);
    expect(ids(all)).toContain(s.cases.site2);
  });

  it('finds an article indexed a moment ago on the very next search', async () => {
    const url = `${s.base}/search?q=${encodeURIComponent('nebula calibration')}`;
    expect((await search(owner, url)).total).toBe(0);
    const article = await buildArticle(t.ctx, { visibility: 'public', translations: [{ language: 'en', title: 'Quasar nebula calibration' }] });
    await indexed('article', article.id);
    const after = await searchCounted(owner, url);
    expect(after.hit).toBe(false);
    expect(ids(after.results)).toEqual([article.id]);
  });

  it("keeps an organization's answers through another organization's new case, and finds its own new case at once", async () => {
    const url = `${s.base}/search?q=quasar&types=case&limit=50`;
    const before = await search(owner, url);
    const caseOfB = await buildCase(t.ctx, { organizationId: s.organizationB, siteId: s.siteB, subject: 'Quasar pulsar at Busan' });
    await indexed('case', caseOfB.id);
    const afterOther = await searchCounted(owner, url);
    expect(afterOther.hit).toBe(true);
    expect(afterOther.results).toEqual(before);
    // Organization B's own search sees it.
    expect(ids(await search(ownerOfB, `/api/v1/organizations/${s.organizationB}/search?q=pulsar`))).toEqual([caseOfB.id]);

    const own = await buildCase(t.ctx, { organizationId: s.organizationA, siteId: s.site1, subject: 'Quasar magnetar on Yeosu' });
    await indexed('case', own.id);
    const afterOwn = await searchCounted(owner, url);
    expect(afterOwn.hit).toBe(false);
    expect(ids(afterOwn.results)).toContain(own.id);
  });

  it("shows a product's documents and releases as soon as a member's site is licensed for it, and hides them when the licence goes", async () => {
    const url = `${s.base}/search?q=quasar&types=release&limit=50`;
    expect(ids(await search(site1Support, url))).toEqual([s.releases.p1]);
    const licence = await buildEntitlement(t.ctx, { organizationId: s.organizationA, siteId: s.site1, productId: s.products.p2 });
    expect(ids(await search(site1Support, url)).sort()).toEqual([s.releases.p1, s.releases.p2].sort());
    await t.ctx.db.delete(entitlements).where(eq(entitlements.id, licence.id));
    expect(ids(await search(site1Support, url))).toEqual([s.releases.p1]);
  });

  it('shows a renamed product under its new name on the next search', async () => {
    const url = `${s.base}/search?q=quasar&types=release&limit=50`;
    const [p1] = await t.ctx.db.select({ name: products.name }).from(products).where(eq(products.id, s.products.p1));
    const before = await search(owner, url);
    expect(before.items.find((item) => item.id === s.releases.p1)!.products[0]!.name).toBe(p1!.name);
    await t.ctx.db.update(products).set({ name: `${p1!.name} (renamed)` }).where(eq(products.id, s.products.p1));
    const after = await search(owner, url);
    expect(after.items.find((item) => item.id === s.releases.p1)!.products[0]!.name).toBe(`${p1!.name} (renamed)`);
  });

  it("gives the console a new answer when any organization's case is indexed", async () => {
    const url = '/api/v1/console/search?q=quasar&types=case&limit=50';
    const before = await search(engineer, url);
    expect((await searchCounted(engineer, url)).hit).toBe(true);
    const caseOfB = await buildCase(t.ctx, { organizationId: s.organizationB, siteId: s.siteB, subject: 'Quasar blazar at Busan' });
    await indexed('case', caseOfB.id);
    const after = await searchCounted(engineer, url);
    expect(after.hit).toBe(false);
    expect(after.results.total).toBe(before.total + 1);
  });

  it('computes again once the clock has moved to another minute, as ranking favours recent updates', async () => {
    const url = `${s.base}/search?q=quasar&types=article`;
    await search(owner, url);
    expect((await searchCounted(owner, url)).hit).toBe(true);
    t.clock.advance(60_000);
    expect((await searchCounted(owner, url)).hit).toBe(false);
    expect((await searchCounted(owner, url)).hit).toBe(true);
  });

  it("keeps the wizard's article suggestions through a new case of the organization, which they never show", async () => {
    const url = `${s.base}/articles/suggestions?q=quasar`;
    const first = await owner.inject('GET', url);
    expect(first.statusCode, first.body).toBe(200);
    const own = await buildCase(t.ctx, { organizationId: s.organizationA, siteId: s.site2, subject: 'Quasar pulsar on Ulsan' });
    await indexed('case', own.id);
    const before = stats().hits;
    const again = await owner.inject('GET', url);
    expect(again.json()).toEqual(first.json());
    expect(stats().hits).toBe(before + 1);
  });

  it('with SEARCH_CACHE_MB=0 computes every search, and still finds what was just indexed', async () => {
    configureSearchCache(0);
    try {
      const url = `${s.base}/search?q=${encodeURIComponent('xylophage borealis')}`;
      const before = stats();
      expect((await search(owner, url)).total).toBe(0);
      const article = await buildArticle(t.ctx, { visibility: 'public', translations: [{ language: 'en', title: 'Xylophage borealis checklist' }] });
      await indexed('article', article.id);
      expect(ids(await search(owner, url))).toEqual([article.id]);
      expect(ids(await search(owner, url))).toEqual([article.id]);
      expect(stats()).toEqual(before);
    } finally {
      configureSearchCache(undefined);
    }
  });

  it('raises every version when the index is emptied at once', async () => {
    const a = await readSearchGeneration(t.ctx.database, { organizationId: s.organizationA });
    const all = await readSearchGeneration(t.ctx.database, 'all');
    await t.ctx.database.raw('truncate search_entries');
    const [shared, own] = (await readSearchGeneration(t.ctx.database, { organizationId: s.organizationA })).split('.').map(Number);
    const [sharedBefore, ownBefore] = a.split('.').map(Number);
    expect(shared).toBeGreaterThan(sharedBefore!);
    expect(own).toBeGreaterThan(ownBefore!);
    expect(await readSearchGeneration(t.ctx.database, 'all')).not.toBe(all);
    expect((await search(owner, `${s.base}/search?q=quasar`)).total).toBe(0);
  });
});
