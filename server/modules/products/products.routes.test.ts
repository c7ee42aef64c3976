import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { endOfDate } from '../../../common/contracts';
import { ProductList, type LicensedProduct } from '../../../common/schemas/products';
import { auditEvents, supportContracts } from '../../db/schema/index';
import { buildComponent, buildContract, buildEntitlement, buildProduct, buildRelease, isoDateFrom } from '../../test/catalog-factories';
import { buildOrganization, buildSite } from '../../test/factories';
import { buildTestApp, signInAs, signInNewUser, type SignedIn, type TestApp } from '../../test/test-app';
import { forgetProductSummaries } from './product-list.service';
import { buildProductScenario, productPath, signInMember, type ProductScenario } from './product-scenario';

let t: TestApp;
let start: Date;
beforeAll(async () => {
  t = await buildTestApp();
  start = t.clock.now();
});
afterEach(() => {
  t.clock.set(start);
});
afterAll(async () => {
  await t.close();
});

const DAY_MS = 86_400_000;

async function list(client: SignedIn, s: ProductScenario, query = ''): Promise<ProductList> {
  const response = await client.inject('GET', `${s.base}/products${query}`);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
  // The answer is written as JSON text: it must be exactly the documented shape, nothing more.
  const body = response.json();
  expect(ProductList.parse(body)).toEqual(body);
  return body;
}

const itemOf = (page: ProductList, productId: string): LicensedProduct | undefined => page.items.find((item) => item.product.id === productId);

describe('GET /api/v1/organizations/:organizationId/products', () => {
  it('pages the list: limit per page, nextCursor to the next, every product once in order, total over every page; a stale cursor answers 400', async () => {
    const s = await buildProductScenario(t);
    for (let i = 0; i < 4; i += 1) await buildEntitlement(t.ctx, { organizationId: s.organizationId, siteId: s.siteA.id });
    const owner = await signInMember(t, s.organizationId, 'owner');
    const whole = await list(owner, s);
    expect(whole.total).toBe(5);
    expect(whole.nextCursor).toBeNull();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: ProductList = await list(owner, s, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      expect(page.total).toBe(5);
      seen.push(...page.items.map((item) => item.entitlementId));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(whole.items.map((item) => item.entitlementId));
    const stale = await owner.inject('GET', `${s.base}/products?limit=2&cursor=${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`);
    expect(stale.statusCode).toBe(400);
    expect(stale.json().error.code).toBe('validation.failed');
  });

  it('lists every licensed product for an owner, with quantity, contract, standing, components, current version and download abilities', async () => {
    const s = await buildProductScenario(t);
    const other = await buildEntitlement(t.ctx, { organizationId: s.organizationId, siteId: s.siteB.id });
    const owner = await signInMember(t, s.organizationId, 'owner');
    const page = await list(owner, s);
    expect(page.sites.map((site) => site.id).sort()).toEqual([s.siteA.id, s.siteB.id].sort());
    expect(page.items).toHaveLength(2);
    const item = itemOf(page, s.product.id)!;
    expect(item).toMatchObject({
      entitlementId: s.entitlementId,
      site: s.siteA,
      product: { id: s.product.id, name: s.product.name, family: { name: { en: 'Storage' } } },
      displayName: null,
      quantity: 5,
      contract: { tier: 'standard', endsOn: isoDateFrom(start, 365) },
      standing: { state: 'active', allowsAccess: true, warning: false },
      currentVersion: { id: s.currentRelease.id, version: '2024.2' },
      downloads: { software: { allowed: true, reason: null }, documents: { allowed: true, reason: null } },
    });
    expect(item.components.map((c) => c.name).sort()).toEqual(['Asset Framework', 'Data Archive']);
    expect(item.components[0]!.requirements).toMatchObject({ os: expect.any(String), cpu: expect.any(String), memory: expect.any(String), disk: expect.any(String) });
    // Site B has no contract: no access to software, and a warning for it.
    const withoutContract = itemOf(page, other.productId)!;
    expect(withoutContract).toMatchObject({ site: s.siteB, contract: null, standing: { state: 'none' }, currentVersion: null, downloads: { software: { allowed: false, reason: 'contract.none' } } });
    expect(page.warnings).toEqual([expect.objectContaining({ site: s.siteB, contract: null, standing: expect.objectContaining({ state: 'none' }) })]);
  });

  it('shows a member below admin only the sites they were given: a support user of site A sees nothing of site B', async () => {
    const s = await buildProductScenario(t);
    await buildEntitlement(t.ctx, { organizationId: s.organizationId, siteId: s.siteB.id });
    const support = await signInMember(t, s.organizationId, 'support', [s.siteA.id]);
    const page = await list(support, s);
    expect(page.sites).toEqual([s.siteA]);
    expect(page.items.map((item) => item.site.id)).toEqual([s.siteA.id]);
    expect(page.warnings).toEqual([]);
    const refused = await support.inject('GET', `${s.base}/products?siteId=${s.siteB.id}`);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe('sites.not_found');
  });

  it('filters by one site and gives a member without sites an empty list', async () => {
    const s = await buildProductScenario(t);
    const onB = await buildEntitlement(t.ctx, { organizationId: s.organizationId, siteId: s.siteB.id });
    const admin = await signInMember(t, s.organizationId, 'admin');
    const page = await list(admin, s, `?siteId=${s.siteB.id}`);
    expect(page.items.map((item) => item.entitlementId)).toEqual([onB.id]);
    expect(page.sites).toHaveLength(2);
    const nobody = await signInMember(t, s.organizationId, 'viewer');
    expect(await list(nobody, s)).toEqual({ items: [], total: 0, nextCursor: null, sites: [], warnings: [] });
  });

  it('answers 404 for another organization and for a site of another organization', async () => {
    const s = await buildProductScenario(t);
    const stranger = await signInNewUser(t);
    expect((await stranger.inject('GET', `${s.base}/products`)).statusCode).toBe(404);
    const otherOrganization = await buildOrganization(t.ctx);
    const owner = await signInMember(t, otherOrganization.id, 'owner');
    const response = await owner.inject('GET', `/api/v1/organizations/${otherOrganization.id}/products?siteId=${s.siteA.id}`);
    expect(response.statusCode).toBe(404);
  });

  it('refuses a malformed site id or an over-long search', async () => {
    const s = await buildProductScenario(t);
    const owner = await signInMember(t, s.organizationId, 'owner');
    const badSite = await owner.inject('GET', `${s.base}/products?siteId=not-a-uuid`);
    expect(badSite.statusCode).toBe(400);
    expect(badSite.json().error.code).toBe('validation.failed');
    expect((await owner.inject('GET', `${s.base}/products?q=${'x'.repeat(101)}`)).statusCode).toBe(400);
  });

  it('searches product names, the member’s display names and component names, case-insensitively and in Korean', async () => {
    const s = await buildProductScenario(t, { productName: `PI Server ${Date.now()}` });
    const korean = await buildProduct(t.ctx, { name: `파이 비전 ${Date.now()}` });
    await buildComponent(t.ctx, { productId: korean.id, name: '화면 디자이너' });
    await buildEntitlement(t.ctx, { organizationId: s.organizationId, siteId: s.siteA.id, productId: korean.id });
    const owner = await signInMember(t, s.organizationId, 'owner');
    const ids = async (q: string) => (await list(owner, s, `?q=${encodeURIComponent(q)}`)).items.map((item) => item.product.id);
    expect(await ids('pi server')).toEqual([s.product.id]);
    expect(await ids('비전')).toEqual([korean.id]);
    expect(await ids('디자이너')).toEqual([korean.id]);
    expect(await ids('ASSET frame')).toEqual([s.product.id]);
    expect(await ids('%')).toEqual([]);
    expect(await ids('nothing like it')).toEqual([]);
    expect((await ids('')).sort()).toEqual([s.product.id, korean.id].sort());
    const renamed = await owner.inject('PUT', productPath(s, '/display-name', s.siteA.id, korean.id), { displayName: '울산 2호기 화면' });
    expect(renamed.statusCode).toBe(200);
    expect(await ids('2호기')).toEqual([korean.id]);
    // A search narrows the items, not the contract warnings of the sites.
    const narrowed = await list(owner, s, '?q=nothing');
    expect(narrowed.items).toEqual([]);
  });

  it('gives each role the downloads it may make: a download user software and documents, a support user documents, a viewer neither', async () => {
    const s = await buildProductScenario(t);
    const expectations = [
      ['download', { software: { allowed: true, reason: null }, documents: { allowed: true, reason: null } }],
      ['super', { software: { allowed: true, reason: null }, documents: { allowed: true, reason: null } }],
      ['support', { software: { allowed: false, reason: 'permission' }, documents: { allowed: true, reason: null } }],
      ['viewer', { software: { allowed: false, reason: 'permission' }, documents: { allowed: false, reason: 'permission' } }],
      ['operator', { software: { allowed: false, reason: 'permission' }, documents: { allowed: false, reason: 'permission' } }],
    ] as const;
    for (const [role, downloads] of expectations) {
      const member = await signInMember(t, s.organizationId, role, [s.siteA.id]);
      expect(itemOf(await list(member, s), s.product.id)?.downloads, role).toEqual(downloads);
    }
  });

  it('orders by site name, then by the name the member sees, case-insensitively', async () => {
    const organization = await buildOrganization(t.ctx);
    const yeosu = await buildSite(t.ctx, { organizationId: organization.id, name: 'yeosu' });
    const ulsan = await buildSite(t.ctx, { organizationId: organization.id, name: 'Ulsan' });
    const suffix = Date.now();
    const make = async (siteId: string, name: string) => {
      const product = await buildProduct(t.ctx, { name: `${name} ${suffix}` });
      await buildEntitlement(t.ctx, { organizationId: organization.id, siteId, productId: product.id });
      return product;
    };
    await make(yeosu.id, 'beta');
    await make(yeosu.id, 'Alpha');
    const zulu = await make(yeosu.id, 'zulu');
    await make(ulsan.id, 'gamma');
    const owner = await signInMember(t, organization.id, 'owner');
    expect((await owner.inject('PUT', `/api/v1/organizations/${organization.id}/sites/${yeosu.id}/products/${zulu.id}/display-name`, { displayName: 'Aardvark' })).statusCode).toBe(200);
    const page = await list(owner, { base: `/api/v1/organizations/${organization.id}` } as ProductScenario);
    expect(page.items.map((item) => item.displayName ?? item.product.name.replace(` ${suffix}`, ''))).toEqual(['gamma', 'Aardvark', 'Alpha', 'beta']);
    expect(page.sites.map((site) => site.name)).toEqual(['Ulsan', 'yeosu']);
  });

  it('lets vendor staff with product.view see every site of the organization', async () => {
    const s = await buildProductScenario(t);
    const engineer = await signInNewUser(t, { staffRole: 'support_engineer' });
    const page = await list(engineer, s);
    expect(page.items.map((item) => item.product.id)).toEqual([s.product.id]);
    expect(page.items[0]!.downloads.software).toEqual({ allowed: false, reason: 'permission' });
    const agent = await signInNewUser(t, { staffRole: 'agent' });
    expect((await agent.inject('GET', `${s.base}/products`)).statusCode).toBe(403);
  });
});

describe('contract rules on the Products page, with the clock moved across the boundaries', () => {
  async function at(instant: Date, s: ProductScenario, email: string) {
    t.clock.set(instant);
    const client = await signInAs(t.app, email);
    return itemOf(await list(client, s), s.product.id)!;
  }

  it('warns from 90 days before the end, keeps software in the grace period, refuses it after, and a renewal restores it at once', async () => {
    const s = await buildProductScenario(t, { contractEndsInDays: 200 });
    const member = await signInMember(t, s.organizationId, 'download', [s.siteA.id]);
    const [contract] = await t.database.db.select().from(supportContracts).where(eq(supportContracts.id, s.contractId!));
    const endsAt = endOfDate(contract!.endsOn).getTime();

    const before = await at(new Date(endsAt - 90 * DAY_MS - 1000), s, member.email);
    expect(before.standing).toMatchObject({ state: 'active', warning: false, daysLeft: 91 });
    expect((await list(await signInAs(t.app, member.email), s)).warnings).toEqual([]);

    const ninety = await at(new Date(endsAt - 90 * DAY_MS), s, member.email);
    expect(ninety.standing).toMatchObject({ state: 'expiring', warning: true, daysLeft: 90, allowsAccess: true });
    const warned = await list(await signInAs(t.app, member.email), s);
    expect(warned.warnings).toEqual([
      { site: s.siteA, contract: { tier: 'standard', startsOn: contract!.startsOn, endsOn: contract!.endsOn }, standing: ninety.standing, products: [{ id: s.product.id, name: s.product.name }] },
    ]);

    const lastMoment = await at(new Date(endsAt - 1), s, member.email);
    expect(lastMoment.standing.state).toBe('expiring');

    const grace = await at(new Date(endsAt), s, member.email);
    expect(grace).toMatchObject({ standing: { state: 'grace', warning: true, allowsAccess: true }, downloads: { software: { allowed: true } } });

    const lastOfGrace = await at(new Date(endsAt + 30 * DAY_MS - 1), s, member.email);
    expect(lastOfGrace.standing.state).toBe('grace');

    const expired = await at(new Date(endsAt + 30 * DAY_MS), s, member.email);
    expect(expired).toMatchObject({
      standing: { state: 'expired', warning: true, allowsAccess: false },
      downloads: { software: { allowed: false, reason: 'contract.expired' }, documents: { allowed: true, reason: null } },
    });

    await t.database.db.update(supportContracts).set({ endsOn: isoDateFrom(new Date(endsAt + 30 * DAY_MS), 365) }).where(eq(supportContracts.id, s.contractId!));
    const renewed = await at(new Date(endsAt + 30 * DAY_MS), s, member.email);
    expect(renewed).toMatchObject({ standing: { state: 'active', warning: false }, downloads: { software: { allowed: true, reason: null } } });
  });

  it('uses an entitlement’s own contract over the site’s', async () => {
    const s = await buildProductScenario(t, { contractEndsInDays: 400 });
    const own = await buildContract(t.ctx, { organizationId: s.organizationId, siteId: s.siteA.id, scope: 'entitlement', tier: 'premium', endsInDays: -40 });
    const product = await buildProduct(t.ctx);
    await buildEntitlement(t.ctx, { organizationId: s.organizationId, siteId: s.siteA.id, productId: product.id, contractId: own.id });
    const owner = await signInMember(t, s.organizationId, 'owner');
    const page = await list(owner, s);
    expect(itemOf(page, product.id)).toMatchObject({ contract: { tier: 'premium', endsOn: own.endsOn }, standing: { state: 'expired' }, downloads: { software: { reason: 'contract.expired' } } });
    expect(itemOf(page, s.product.id)?.standing.state).toBe('active');
    expect(page.warnings).toEqual([expect.objectContaining({ site: s.siteA, contract: expect.objectContaining({ tier: 'premium' }), products: [{ id: product.id, name: product.name }] })]);
  });
});

describe('PUT /api/v1/organizations/:organizationId/sites/:siteId/products/:productId/display-name', () => {
  it('gives a product the member’s own name, seen by that member only, and clears it with an empty name', async () => {
    const s = await buildProductScenario(t);
    const me = await signInMember(t, s.organizationId, 'support', [s.siteA.id]);
    const colleague = await signInMember(t, s.organizationId, 'support', [s.siteA.id]);
    const set = await me.inject('PUT', productPath(s, '/display-name'), { displayName: '  여수 PI 서버  ' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ displayName: '여수 PI 서버' });
    expect(itemOf(await list(me, s), s.product.id)?.displayName).toBe('여수 PI 서버');
    expect(itemOf(await list(colleague, s), s.product.id)?.displayName).toBeNull();
    expect((await me.inject('PUT', productPath(s, '/display-name'), { displayName: 'Second name' })).json()).toEqual({ displayName: 'Second name' });
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, s.organizationId), eq(auditEvents.action, 'product.display_name.updated')));
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ actorUserId: me.userId, targetType: 'entitlement', targetId: s.entitlementId });
    const cleared = await me.inject('PUT', productPath(s, '/display-name'), { displayName: '' });
    expect(cleared.json()).toEqual({ displayName: null });
    expect(itemOf(await list(me, s), s.product.id)?.displayName).toBeNull();
  });

  it('refuses names over 80 characters, control characters, a missing name, an unlicensed product and another member’s site', async () => {
    const s = await buildProductScenario(t);
    const me = await signInMember(t, s.organizationId, 'support', [s.siteA.id]);
    expect((await me.inject('PUT', productPath(s, '/display-name'), { displayName: 'x'.repeat(80) })).statusCode).toBe(200);
    for (const body of [{ displayName: 'x'.repeat(81) }, { displayName: 'tab\there' }, { displayName: 'bell\u0007' }, {}, { displayName: 42 }]) {
      const response = await me.inject('PUT', productPath(s, '/display-name'), body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.code).toBe('validation.failed');
    }
    const owner = await signInMember(t, s.organizationId, 'owner');
    const unlicensed = await owner.inject('PUT', productPath(s, '/display-name', s.siteB.id), { displayName: 'Nope' });
    expect(unlicensed.statusCode).toBe(404);
    expect(unlicensed.json().error.code).toBe('products.not_found');
    expect((await me.inject('PUT', productPath(s, '/display-name', s.siteB.id), { displayName: 'Nope' })).statusCode).toBe(403);
  });
});

describe('the product summaries kept per process', () => {
  it('show a catalog change at once once they are dropped (as catalog changes on this server do)', async () => {
    const s = await buildProductScenario(t);
    const owner = await signInMember(t, s.organizationId, 'owner');
    expect(itemOf(await list(owner, s), s.product.id)?.currentVersion?.version).toBe('2024.2');
    const newer = await buildRelease(t.ctx, { productId: s.product.id, version: '2025.1', releasedOn: isoDateFrom(start, 0) });
    await buildComponent(t.ctx, { productId: s.product.id, name: 'Vision add-on' });
    forgetProductSummaries(t.ctx);
    const item = itemOf(await list(owner, s), s.product.id)!;
    expect(item.currentVersion).toEqual({ id: newer.id, version: '2025.1', releasedOn: isoDateFrom(start, 0) });
    expect(item.components.map((c) => c.name)).toContain('Vision add-on');
  });

  it('are dropped by a change through the catalog API, so the vendor sees it in the portal at once', async () => {
    const s = await buildProductScenario(t);
    const owner = await signInMember(t, s.organizationId, 'owner');
    expect(itemOf(await list(owner, s), s.product.id)?.product.name).toBe(s.product.name);
    const admin = await signInNewUser(t, { staffRole: 'vendor_admin' });
    const renamed = await admin.inject('PATCH', `/api/v1/catalog/products/${s.product.id}`, { name: `${s.product.name} 2` });
    expect(renamed.statusCode).toBe(200);
    expect(itemOf(await list(owner, s), s.product.id)?.product.name).toBe(`${s.product.name} 2`);
  });

  it('answers requests that find them missing at the same time with one read, all alike', async () => {
    const s = await buildProductScenario(t);
    const owner = await signInMember(t, s.organizationId, 'owner');
    forgetProductSummaries(t.ctx);
    const pages = await Promise.all(Array.from({ length: 5 }, () => list(owner, s)));
    for (const page of pages) expect(page).toEqual(pages[0]);
    expect(itemOf(pages[0]!, s.product.id)?.currentVersion?.version).toBe('2024.2');
  });
});
