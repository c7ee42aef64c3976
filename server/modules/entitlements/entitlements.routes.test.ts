import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContract, buildEntitlement, buildProduct } from '../../test/catalog-factories';
import { buildSite } from '../../test/factories';
import { buildTestApp, type SignedIn, type TestApp } from '../../test/test-app';
import { archive, customer, eventsFor, organizationWithSite, staffMember } from './entitlements.test-support';

let t: TestApp;
let admin: SignedIn;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await staffMember(t, 'vendor_admin');
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/v1/organizations/:organizationId/entitlements', () => {
  it('lists every site in tree order with its contract, licensed products and their standing', async () => {
    const { organization, site, base } = await organizationWithSite(t, { site: 'Seoul plant' });
    const sub = await buildSite(t.ctx, { organizationId: organization.id, name: 'Line 2', parentId: site.id });
    const empty = await buildSite(t.ctx, { organizationId: organization.id, name: 'Busan office' });
    const siteContract = await buildContract(t.ctx, { organizationId: organization.id, siteId: site.id, endsInDays: 60 });
    const own = await buildContract(t.ctx, { organizationId: organization.id, siteId: site.id, scope: 'entitlement', tier: 'premium', endsInDays: 400 });
    const server = await buildProduct(t.ctx, { name: `PI Server ${randomUUID().slice(0, 4)}` });
    const vision = await buildProduct(t.ctx, { name: `PI Vision ${randomUUID().slice(0, 4)}` });
    const a = await buildEntitlement(t.ctx, { organizationId: organization.id, siteId: site.id, productId: server.id, quantity: 3 });
    const b = await buildEntitlement(t.ctx, { organizationId: organization.id, siteId: site.id, productId: vision.id, quantity: 10, contractId: own.id });
    const c = await buildEntitlement(t.ctx, { organizationId: organization.id, siteId: sub.id, productId: server.id });

    const response = await admin.inject('GET', `${base}/entitlements`);
    expect(response.statusCode, response.body).toBe(200);
    const { items } = response.json();
    expect(items.map((i: { site: { name: string } }) => i.site.name)).toEqual(['Busan office', 'Seoul plant', 'Line 2']);
    const [busan, seoul, line] = items;
    expect(busan).toEqual({ site: { id: empty.id, name: 'Busan office', parentId: null }, contract: null, entitlements: [], entitlementContracts: [] });
    expect(seoul.contract).toMatchObject({ id: siteContract.id, scope: 'site', standing: { state: 'expiring', warning: true, allowsAccess: true } });
    expect(seoul.entitlementContracts).toMatchObject([{ id: own.id, scope: 'entitlement', tier: 'premium', standing: { state: 'active' } }]);
    expect(seoul.entitlements).toMatchObject([
      { id: a.id, product: { id: server.id, name: server.name }, quantity: 3, contractId: null, coveredBy: 'site', standing: { state: 'expiring' } },
      { id: b.id, product: { id: vision.id, name: vision.name }, quantity: 10, contractId: own.id, coveredBy: 'own', standing: { state: 'active' } },
    ]);
    expect(line).toMatchObject({ contract: null, entitlements: [{ id: c.id, coveredBy: 'none', standing: { state: 'none', allowsAccess: false } }] });
  });

  it('is for vendor staff with customer.view: support engineers and agents read, customers get 403', async () => {
    const { organization, base } = await organizationWithSite(t);
    for (const role of ['support_engineer', 'agent', 'account_manager'] as const) {
      expect((await (await staffMember(t, role)).inject('GET', `${base}/entitlements`)).statusCode).toBe(200);
    }
    for (const role of ['owner', 'admin', 'viewer'] as const) {
      expect((await (await customer(t, organization.id, role)).inject('GET', `${base}/entitlements`)).statusCode).toBe(403);
    }
    const outsider = await customer(t, (await organizationWithSite(t)).organization.id, 'owner');
    expect((await outsider.inject('GET', `${base}/entitlements`)).statusCode).toBe(404);
  });
});

describe('POST /api/v1/organizations/:organizationId/sites/:siteId/entitlements', () => {
  it('licenses a product to a site and logs it', async () => {
    const { organization, site, base } = await organizationWithSite(t);
    await buildContract(t.ctx, { organizationId: organization.id, siteId: site.id });
    const product = await buildProduct(t.ctx);
    const response = await admin.inject('POST', `${base}/sites/${site.id}/entitlements`, { productId: product.id, quantity: 25 });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({ siteId: site.id, product: { id: product.id, name: product.name }, quantity: 25, contractId: null, coveredBy: 'site', standing: { state: 'active' } });
    const [event] = await eventsFor(t, organization.id, 'entitlement.created');
    expect(event).toMatchObject({ category: 'contract', actorUserId: admin.userId, targetType: 'entitlement', targetId: created.id, details: { siteId: site.id, productId: product.id, product: product.name, before: null, after: { quantity: 25, contractId: null } } });
  });

  it('takes an own contract of the same site; one of another site is 400 contracts.wrong_site, of another organization 404', async () => {
    const { organization, site, base } = await organizationWithSite(t);
    const own = await buildContract(t.ctx, { organizationId: organization.id, siteId: site.id, scope: 'entitlement', endsInDays: 20 });
    const otherSite = await buildSite(t.ctx, { organizationId: organization.id });
    const otherSites = await buildContract(t.ctx, { organizationId: organization.id, siteId: otherSite.id, scope: 'entitlement' });
    const foreign = await buildContract(t.ctx);
    const url = `${base}/sites/${site.id}/entitlements`;

    const wrong = await admin.inject('POST', url, { productId: (await buildProduct(t.ctx)).id, quantity: 1, contractId: otherSites.id });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'contracts.wrong_site', details: { fieldErrors: { contractId: [expect.any(String)] } } });
    expect((await admin.inject('POST', url, { productId: (await buildProduct(t.ctx)).id, quantity: 1, contractId: foreign.id })).statusCode).toBe(404);

    const created = await admin.inject('POST', url, { productId: (await buildProduct(t.ctx)).id, quantity: 1, contractId: own.id });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ contractId: own.id, coveredBy: 'own', standing: { state: 'expiring', daysLeft: expect.any(Number) } });
  });

  it('refuses a product the site already holds (409), an unknown product (404) and bad quantities (400)', async () => {
    const { organization, site, base } = await organizationWithSite(t);
    const product = await buildProduct(t.ctx);
    await buildEntitlement(t.ctx, { organizationId: organization.id, siteId: site.id, productId: product.id });
    const url = `${base}/sites/${site.id}/entitlements`;
    const taken = await admin.inject('POST', url, { productId: product.id, quantity: 2 });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('entitlements.product_taken');
    const unknown = await admin.inject('POST', url, { productId: randomUUID(), quantity: 2 });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('entitlements.product_not_found');
    const fresh = (await buildProduct(t.ctx)).id;
    for (const body of [{ productId: fresh, quantity: 0 }, { productId: fresh, quantity: 1_000_001 }, { productId: fresh, quantity: 1.5 }, { productId: fresh, quantity: '5' }, { productId: fresh }, { productId: 'nope', quantity: 1 }, { productId: fresh, quantity: 1, contractId: 'x' }, { productId: fresh, quantity: 1, extra: 1 }]) {
      const response = await admin.inject('POST', url, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.code).toBe('validation.failed');
    }
    expect((await admin.inject('POST', url, { productId: fresh, quantity: 1_000_000 })).statusCode).toBe(201);
  });

  it('lets account managers change entitlements; support engineers and every customer role get 403', async () => {
    const { organization, site, base } = await organizationWithSite(t);
    const url = `${base}/sites/${site.id}/entitlements`;
    const manager = await staffMember(t, 'account_manager');
    const created = await manager.inject('POST', url, { productId: (await buildProduct(t.ctx)).id, quantity: 1 });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await manager.inject('PATCH', `${base}/entitlements/${id}`, { quantity: 2 })).statusCode).toBe(200);
    const refused: SignedIn[] = [await staffMember(t, 'support_engineer'), await staffMember(t, 'agent')];
    for (const role of ['owner', 'admin', 'super', 'download', 'viewer'] as const) refused.push(await customer(t, organization.id, role, [site.id]));
    for (const client of refused) {
      expect((await client.inject('POST', url, { productId: (await buildProduct(t.ctx)).id, quantity: 1 })).statusCode).toBe(403);
      expect((await client.inject('PATCH', `${base}/entitlements/${id}`, { quantity: 3 })).statusCode).toBe(403);
      expect((await client.inject('DELETE', `${base}/entitlements/${id}`)).statusCode).toBe(403);
    }
  });

  it('answers 409 on an archived organization', async () => {
    const { organization, site, base } = await organizationWithSite(t);
    const entitlement = await buildEntitlement(t.ctx, { organizationId: organization.id, siteId: site.id });
    await archive(t, organization.id);
    for (const response of [
      await admin.inject('POST', `${base}/sites/${site.id}/entitlements`, { productId: (await buildProduct(t.ctx)).id, quantity: 1 }),
      await admin.inject('PATCH', `${base}/entitlements/${entitlement.id}`, { quantity: 2 }),
      await admin.inject('DELETE', `${base}/entitlements/${entitlement.id}`),
    ]) {
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('organizations.archived');
    }
  });
});

describe('PATCH and DELETE /api/v1/organizations/:organizationId/entitlements/:entitlementId', () => {
  it('changes the quantity and own contract, logging before and after', async () => {
    const { organization, site, base } = await organizationWithSite(t);
    const own = await buildContract(t.ctx, { organizationId: organization.id, siteId: site.id, scope: 'entitlement' });
    const entitlement = await buildEntitlement(t.ctx, { organizationId: organization.id, siteId: site.id, quantity: 1 });
    const url = `${base}/entitlements/${entitlement.id}`;
    const changed = await admin.inject('PATCH', url, { quantity: 7, contractId: own.id });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ quantity: 7, contractId: own.id, coveredBy: 'own' });
    const cleared = await admin.inject('PATCH', url, { contractId: null });
    expect(cleared.json()).toMatchObject({ quantity: 7, contractId: null, coveredBy: 'none', standing: { state: 'none' } });
    const events = await eventsFor(t, organization.id, 'entitlement.updated');
    expect(events.map((e) => e.details)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ before: { quantity: 1, contractId: null }, after: { quantity: 7, contractId: own.id } }),
        expect.objectContaining({ before: { contractId: own.id }, after: { contractId: null } }),
      ]),
    );
    for (const body of [{ quantity: 0 }, { quantity: -1 }, { productId: randomUUID() }]) expect((await admin.inject('PATCH', url, body)).statusCode).toBe(400);
    const otherSite = await buildSite(t.ctx, { organizationId: organization.id });
    const elsewhere = await buildContract(t.ctx, { organizationId: organization.id, siteId: otherSite.id, scope: 'entitlement' });
    expect((await admin.inject('PATCH', url, { contractId: elsewhere.id })).json().error.code).toBe('contracts.wrong_site');
  });

  it("deletes an entitlement and logs it; another organization's entitlement answers 404", async () => {
    const { organization, site, base } = await organizationWithSite(t);
    const entitlement = await buildEntitlement(t.ctx, { organizationId: organization.id, siteId: site.id, quantity: 4 });
    const theirs = await organizationWithSite(t);
    const foreign = await buildEntitlement(t.ctx, { organizationId: theirs.organization.id, siteId: theirs.site.id });
    expect((await admin.inject('DELETE', `${base}/entitlements/${foreign.id}`)).statusCode).toBe(404);
    expect((await admin.inject('PATCH', `${base}/entitlements/${foreign.id}`, { quantity: 2 })).statusCode).toBe(404);
    expect((await admin.inject('DELETE', `${base}/entitlements/${entitlement.id}`)).statusCode).toBe(204);
    expect((await admin.inject('GET', `${base}/entitlements`)).json().items[0].entitlements).toEqual([]);
    const [event] = await eventsFor(t, organization.id, 'entitlement.deleted');
    expect(event).toMatchObject({ targetId: entitlement.id, details: { before: { quantity: 4, contractId: null }, after: null } });
    expect((await admin.inject('DELETE', `${base}/entitlements/${entitlement.id}`)).statusCode).toBe(404);
  });
});

describe('deleting a site that holds entitlements or contracts', () => {
  it('is refused with 409 sites.has_active_holdings listing them, for the site and its sub-sites, until they are removed', async () => {
    const { organization, site, base } = await organizationWithSite(t, { site: 'Ulsan' });
    const sub = await buildSite(t.ctx, { organizationId: organization.id, name: 'Ulsan line', parentId: site.id });
    const owner = await customer(t, organization.id, 'owner');
    const contract = await buildContract(t.ctx, { organizationId: organization.id, siteId: site.id });
    const product = await buildProduct(t.ctx, { name: `PI Interfaces ${randomUUID().slice(0, 4)}` });
    const entitlement = await buildEntitlement(t.ctx, { organizationId: organization.id, siteId: sub.id, productId: product.id, quantity: 2 });

    const impact = (await owner.inject('GET', `${base}/sites/${site.id}/impact`)).json();
    expect(impact.activeHoldings).toEqual([
      { kind: 'contract', id: contract.id, name: expect.stringContaining('Ulsan') },
      { kind: 'entitlement', id: entitlement.id, name: `Ulsan line · ${product.name} × 2` },
    ]);
    const refused = await owner.inject('DELETE', `${base}/sites/${site.id}?confirm=true`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'sites.has_active_holdings', details: { activeHoldings: impact.activeHoldings } });
    expect((await owner.inject('DELETE', `${base}/sites/${sub.id}?confirm=true`)).json().error.code).toBe('sites.has_active_holdings');

    expect((await admin.inject('DELETE', `${base}/entitlements/${entitlement.id}`)).statusCode).toBe(204);
    expect((await owner.inject('DELETE', `${base}/sites/${site.id}?confirm=true`)).json().error.code).toBe('sites.has_active_holdings');
    expect((await admin.inject('DELETE', `${base}/contracts/${contract.id}`)).statusCode).toBe(204);
    expect((await owner.inject('DELETE', `${base}/sites/${site.id}?confirm=true`)).statusCode).toBe(204);
  });
});
