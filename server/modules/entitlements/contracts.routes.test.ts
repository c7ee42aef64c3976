import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContract, buildEntitlement, isoDateFrom } from '../../test/catalog-factories';
import { buildSite } from '../../test/factories';
import { buildTestApp, signInAs, type SignedIn, type TestApp } from '../../test/test-app';
import { archive, customer, eventsFor, organizationWithSite, staffMember } from './entitlements.test-support';

let t: TestApp;
let admin: SignedIn;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await staffMember(t, 'vendor_admin');
});
afterAll(async () => {
  await t.close();
});

const contractBody = (overrides: Record<string, unknown> = {}) => ({ scope: 'site', tier: 'standard', reference: 'SRP-2026-001', startsOn: '2026-01-01', endsOn: '2026-12-31', ...overrides });

describe('POST /api/v1/organizations/:organizationId/sites/:siteId/contracts', () => {
  it("adds the site's contract with its standing now, and logs it", async () => {
    const { organization, site, base } = await organizationWithSite(t);
    const startsOn = isoDateFrom(t.clock.now(), -10);
    const endsOn = isoDateFrom(t.clock.now(), 200);
    const response = await admin.inject('POST', `${base}/sites/${site.id}/contracts`, contractBody({ tier: 'premium', startsOn, endsOn }));
    expect(response.statusCode, response.body).toBe(201);
    const contract = response.json();
    expect(contract).toMatchObject({ siteId: site.id, scope: 'site', tier: 'premium', reference: 'SRP-2026-001', startsOn, endsOn, standing: { state: 'active', allowsAccess: true, warning: false } });
    const [event] = await eventsFor(t, organization.id, 'contract.created');
    expect(event).toMatchObject({ category: 'contract', actorUserId: admin.userId, targetType: 'contract', targetId: contract.id, details: { before: null, after: { siteId: site.id, scope: 'site', tier: 'premium', startsOn, endsOn } } });
  });

  it('accepts an end on the start day and refuses one before it (400 contracts.invalid_dates on endsOn)', async () => {
    const { site, base } = await organizationWithSite(t);
    const refused = await admin.inject('POST', `${base}/sites/${site.id}/contracts`, contractBody({ startsOn: '2026-05-02', endsOn: '2026-05-01' }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'contracts.invalid_dates', details: { fieldErrors: { endsOn: [expect.any(String)] } } });
    expect((await admin.inject('POST', `${base}/sites/${site.id}/contracts`, contractBody({ startsOn: '2026-05-01', endsOn: '2026-05-01' }))).statusCode).toBe(201);
  });

  it('refuses bad input', async () => {
    const { site, base } = await organizationWithSite(t);
    const bad = [
      contractBody({ startsOn: '2026-02-30' }),
      contractBody({ endsOn: '2026/12/31' }),
      contractBody({ endsOn: '' }),
      contractBody({ tier: 'gold' }),
      contractBody({ scope: 'organization' }),
      contractBody({ reference: 'x'.repeat(101) }),
      contractBody({ reference: 'SRP\n2026' }),
      contractBody({ extra: true }),
      { tier: 'standard', startsOn: '2026-01-01', endsOn: '2026-12-31' },
    ];
    for (const body of bad) {
      const response = await admin.inject('POST', `${base}/sites/${site.id}/contracts`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.code).toBe('validation.failed');
    }
  });

  it('keeps one contract of scope site per site (409), while entitlement contracts may be added beside it', async () => {
    const { site, base } = await organizationWithSite(t);
    expect((await admin.inject('POST', `${base}/sites/${site.id}/contracts`, contractBody())).statusCode).toBe(201);
    const second = await admin.inject('POST', `${base}/sites/${site.id}/contracts`, contractBody({ reference: 'again' }));
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('contracts.site_contract_exists');
    expect((await admin.inject('POST', `${base}/sites/${site.id}/contracts`, contractBody({ scope: 'entitlement' }))).statusCode).toBe(201);
    const other = await buildSite(t.ctx, { organizationId: site.organizationId });
    expect((await admin.inject('POST', `${base}/sites/${other.id}/contracts`, contractBody())).statusCode).toBe(201);
  });

  it('is for vendor administrators and account managers: support engineers, agents and customers get 403', async () => {
    const { organization, site, base } = await organizationWithSite(t);
    const url = `${base}/sites/${site.id}/contracts`;
    const manager = await staffMember(t, 'account_manager');
    expect((await manager.inject('POST', url, contractBody())).statusCode).toBe(201);
    for (const client of [await staffMember(t, 'support_engineer'), await staffMember(t, 'agent'), await customer(t, organization.id, 'owner'), await customer(t, organization.id, 'admin')]) {
      const response = await client.inject('POST', url, contractBody({ scope: 'entitlement' }));
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('auth.forbidden');
    }
  });

  it("answers 404 for another organization's site or to a member of another organization", async () => {
    const mine = await organizationWithSite(t);
    const theirs = await organizationWithSite(t);
    expect((await admin.inject('POST', `${mine.base}/sites/${theirs.site.id}/contracts`, contractBody())).statusCode).toBe(404);
    expect((await admin.inject('POST', `${mine.base}/sites/${randomUUID()}/contracts`, contractBody())).statusCode).toBe(404);
    const outsider = await customer(t, theirs.organization.id, 'owner');
    expect((await outsider.inject('POST', `${mine.base}/sites/${mine.site.id}/contracts`, contractBody())).statusCode).toBe(404);
  });

  it('answers 409 on an archived organization, whose contracts can still be read', async () => {
    const { organization, site, base } = await organizationWithSite(t);
    const contract = await buildContract(t.ctx, { organizationId: organization.id, siteId: site.id });
    await archive(t, organization.id);
    const responses = [
      await admin.inject('POST', `${base}/sites/${site.id}/contracts`, contractBody({ scope: 'entitlement' })),
      await admin.inject('PATCH', `${base}/contracts/${contract.id}`, { tier: 'premium' }),
      await admin.inject('POST', `${base}/contracts/${contract.id}/renew`, { endsOn: isoDateFrom(t.clock.now(), 900) }),
      await admin.inject('DELETE', `${base}/contracts/${contract.id}`),
    ];
    for (const response of responses) {
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('organizations.archived');
    }
    expect((await admin.inject('GET', `${base}/entitlements`)).statusCode).toBe(200);
  });
});

describe('PATCH /api/v1/organizations/:organizationId/contracts/:contractId', () => {
  it('changes tier, reference and dates, logging only what changed', async () => {
    const { organization, site, base } = await organizationWithSite(t);
    const contract = await buildContract(t.ctx, { organizationId: organization.id, siteId: site.id, startsOn: '2026-01-01', endsOn: '2026-12-31' });
    const response = await admin.inject('PATCH', `${base}/contracts/${contract.id}`, { tier: 'enhanced', endsOn: '2027-03-31', startsOn: '2026-01-01' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ id: contract.id, tier: 'enhanced', startsOn: '2026-01-01', endsOn: '2027-03-31' });
    const [event] = await eventsFor(t, organization.id, 'contract.updated');
    expect(event?.details).toEqual({ siteId: site.id, before: { tier: 'standard', endsOn: '2026-12-31' }, after: { tier: 'enhanced', endsOn: '2027-03-31' } });
    // Nothing changed: nothing logged.
    expect((await admin.inject('PATCH', `${base}/contracts/${contract.id}`, { tier: 'enhanced' })).statusCode).toBe(200);
    expect(await eventsFor(t, organization.id, 'contract.updated')).toHaveLength(1);
  });

  it('refuses dates that end before the start, against the stored ones too', async () => {
    const { organization, site, base } = await organizationWithSite(t);
    const contract = await buildContract(t.ctx, { organizationId: organization.id, siteId: site.id, startsOn: '2026-01-01', endsOn: '2026-12-31' });
    for (const body of [{ endsOn: '2025-12-31' }, { startsOn: '2027-01-01' }]) {
      const response = await admin.inject('PATCH', `${base}/contracts/${contract.id}`, body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('contracts.invalid_dates');
    }
    for (const body of [{ scope: 'entitlement' }, { tier: 'gold' }, { endsOn: '2026-13-01' }]) {
      expect((await admin.inject('PATCH', `${base}/contracts/${contract.id}`, body)).statusCode, JSON.stringify(body)).toBe(400);
    }
  });

  it("answers 404 for another organization's contract, an unknown one and a malformed id", async () => {
    const mine = await organizationWithSite(t);
    const theirs = await organizationWithSite(t);
    const foreign = await buildContract(t.ctx, { organizationId: theirs.organization.id, siteId: theirs.site.id });
    for (const id of [foreign.id, randomUUID(), 'nope']) {
      expect((await admin.inject('PATCH', `${mine.base}/contracts/${id}`, { tier: 'premium' })).statusCode).toBe(404);
    }
  });
});

describe('POST /api/v1/organizations/:organizationId/contracts/:contractId/renew', () => {
  it('restores access at once for a contract past its grace period, and logs the old and new end', async () => {
    const { organization, site, base } = await organizationWithSite(t);
    const contract = await buildContract(t.ctx, { organizationId: organization.id, siteId: site.id, endsInDays: -40 });
    const before = (await admin.inject('GET', `${base}/entitlements`)).json().items[0].contract;
    expect(before.standing).toMatchObject({ state: 'expired', allowsAccess: false });
    const endsOn = isoDateFrom(t.clock.now(), 365);
    const response = await admin.inject('POST', `${base}/contracts/${contract.id}/renew`, { endsOn });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ endsOn, startsOn: contract.startsOn, standing: { state: 'active', allowsAccess: true } });
    expect((await admin.inject('GET', `${base}/entitlements`)).json().items[0].contract.standing.state).toBe('active');
    const [event] = await eventsFor(t, organization.id, 'contract.renewed');
    expect(event).toMatchObject({ category: 'contract', targetId: contract.id, details: { before: { endsOn: contract.endsOn }, after: { endsOn } } });
  });

  it('takes a new start date, and refuses an end that is not later or a start after the end', async () => {
    const { organization, site, base } = await organizationWithSite(t);
    const contract = await buildContract(t.ctx, { organizationId: organization.id, siteId: site.id, startsOn: '2026-01-01', endsOn: '2026-12-31' });
    const url = `${base}/contracts/${contract.id}/renew`;
    for (const endsOn of ['2026-12-31', '2026-06-30']) {
      const response = await admin.inject('POST', url, { endsOn });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'contracts.renewal_not_later', details: { fieldErrors: { endsOn: [expect.any(String)] } } });
    }
    const inverted = await admin.inject('POST', url, { endsOn: '2027-06-30', startsOn: '2027-07-01' });
    expect(inverted.json().error.code).toBe('contracts.invalid_dates');
    expect((await admin.inject('POST', url, {})).statusCode).toBe(400);
    const renewed = await admin.inject('POST', url, { endsOn: '2027-12-31', startsOn: '2027-01-01' });
    expect(renewed.json()).toMatchObject({ startsOn: '2027-01-01', endsOn: '2027-12-31' });
  });
});

describe('DELETE /api/v1/organizations/:organizationId/contracts/:contractId', () => {
  it("deletes a contract; entitlements that named it fall back to the site's contract", async () => {
    const { organization, site, base } = await organizationWithSite(t);
    await buildContract(t.ctx, { organizationId: organization.id, siteId: site.id, endsInDays: 365 });
    const own = await buildContract(t.ctx, { organizationId: organization.id, siteId: site.id, scope: 'entitlement', endsInDays: -45 });
    const entitlement = await buildEntitlement(t.ctx, { organizationId: organization.id, siteId: site.id, contractId: own.id });
    const listed = () => admin.inject('GET', `${base}/entitlements`).then((r) => r.json().items[0]);
    expect((await listed()).entitlements[0]).toMatchObject({ id: entitlement.id, contractId: own.id, coveredBy: 'own', standing: { state: 'expired' } });
    expect((await admin.inject('DELETE', `${base}/contracts/${own.id}`)).statusCode).toBe(204);
    const after = await listed();
    expect(after.entitlements[0]).toMatchObject({ contractId: null, coveredBy: 'site', standing: { state: 'active' } });
    expect(after.entitlementContracts).toEqual([]);
    const [event] = await eventsFor(t, organization.id, 'contract.deleted');
    expect(event).toMatchObject({ targetId: own.id, details: { before: { scope: 'entitlement', endsOn: own.endsOn }, after: null } });
    expect((await admin.inject('DELETE', `${base}/contracts/${own.id}`)).statusCode).toBe(404);
  });
});

describe('standing at the boundaries, with the clock moved', () => {
  it('warns from exactly 90 days before the end, enters grace at the end of endsOn and expires when the grace ends', async () => {
    const { organization, site, base } = await organizationWithSite(t);
    await buildContract(t.ctx, { organizationId: organization.id, siteId: site.id, startsOn: '2030-01-01', endsOn: '2031-06-30' });
    const end = Date.parse('2031-07-01T00:00:00.000Z');
    const original = t.clock.now();
    const expectations: [number, string, boolean, number][] = [
      [end - 90 * DAY - 1, 'active', true, 91],
      [end - 90 * DAY, 'expiring', true, 90],
      [end - 1, 'expiring', true, 1],
      [end, 'grace', true, 0],
      [end + 30 * DAY - 1, 'grace', true, -29],
      [end + 30 * DAY, 'expired', false, -30],
    ];
    try {
      for (const [at, state, allowsAccess, daysLeft] of expectations) {
        t.clock.set(new Date(at));
        // Sessions follow the same clock: sign in again at each instant.
        const client = await signInAs(t.app, admin.email);
        const body = (await client.inject('GET', `${base}/entitlements`)).json();
        expect(body.checkedAt).toBe(new Date(at).toISOString());
        expect(body.items[0].contract.standing, new Date(at).toISOString()).toMatchObject({ state, allowsAccess, daysLeft, endsAt: '2031-07-01T00:00:00.000Z', graceEndsAt: '2031-07-31T00:00:00.000Z' });
      }
    } finally {
      t.clock.set(original);
    }
  });
});
