import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildContract, buildEntitlement, buildProduct } from '../../test/catalog-factories';
import { buildOrganization, buildSite, buildUser } from '../../test/factories';
import { buildTestApp, signInAs, TEST_BASE_URL, TEST_CONFIG, type TestApp } from '../../test/test-app';
import { updateOrganization } from '../organizations/organizations.repository';
import { archive, customer, eventsFor, setLocale, staffMember } from './entitlements.test-support';

let t: TestApp;
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await buildTestApp();
});
beforeEach(() => {
  t.mail.clear();
});
afterAll(async () => {
  await t.close();
});

/** A customer with two sites, the first one's contract in its grace period, and an account manager who reads Korean. */
async function customerWithManager(options: { withManager?: boolean } = {}) {
  const tag = randomUUID().slice(0, 6);
  const organization = await buildOrganization(t.ctx, { name: `한빛 에너지 ${tag}` });
  const manager = await buildUser(t.ctx, { staffRole: 'account_manager', email: `am-${tag}@vendor.example`, passwordHash: 'not-a-hash' });
  await setLocale(t, manager.id, 'ko');
  if (options.withManager !== false) await updateOrganization(t.database.db, organization.id, { accountManagerId: manager.id });
  const site = await buildSite(t.ctx, { organizationId: organization.id, name: '울산 공장' });
  const other = await buildSite(t.ctx, { organizationId: organization.id, name: 'Busan office' });
  const contract = await buildContract(t.ctx, { organizationId: organization.id, siteId: site.id, endsInDays: -10 });
  const base = `/api/v1/organizations/${organization.id}/sites`;
  return { organization, manager, site, other, contract, url: `${base}/${site.id}/contract/notify-account-manager`, urlFor: (siteId: string) => `${base}/${siteId}/contract/notify-account-manager` };
}

describe('POST /api/v1/organizations/:organizationId/sites/:siteId/contract/notify-account-manager', () => {
  it('emails the account manager in their language, naming the organization, site, contract end and member, and logs it', async () => {
    const c = await customerWithManager();
    const viewer = await customer(t, c.organization.id, 'viewer', [c.site.id]);
    const response = await viewer.inject('POST', c.url, { message: '갱신 견적을 보내 주세요.' });
    expect(response.statusCode, response.body).toBe(202);
    expect(response.json()).toEqual({ notifiedAt: t.clock.now().toISOString() });
    await t.drainJobs();
    const mail = t.mail.last(c.manager.email);
    expect(mail.subject).toBe(`[Atrium] ${c.organization.name} 울산 공장: 지원 계약 문의`);
    expect(mail.text).toContain(viewer.email);
    expect(mail.text).toContain(`계약 종료일: ${c.contract.endsOn} (유예 기간 중)`);
    expect(mail.text).toContain('갱신 견적을 보내 주세요.');
    expect(mail.text).toContain(`${TEST_BASE_URL}/console/customers/${c.organization.id}?tab=products`);
    const [event] = await eventsFor(t, c.organization.id, 'contract.account_manager.notified');
    expect(event).toMatchObject({
      category: 'contract',
      actorUserId: viewer.userId,
      targetType: 'site',
      targetId: c.site.id,
      details: { site: '울산 공장', contractId: c.contract.id, endsOn: c.contract.endsOn, state: 'grace', recipient: c.manager.email, recipientKind: 'account_manager', message: '갱신 견적을 보내 주세요.' },
    });
  });

  it("names a licensed product and the contract that covers it; a product the site does not hold is 404", async () => {
    const c = await customerWithManager();
    const product = await buildProduct(t.ctx, { name: `PI Vision ${randomUUID().slice(0, 4)}` });
    const own = await buildContract(t.ctx, { organizationId: c.organization.id, siteId: c.site.id, scope: 'entitlement', endsInDays: 45 });
    await buildEntitlement(t.ctx, { organizationId: c.organization.id, siteId: c.site.id, productId: product.id, contractId: own.id });
    const download = await customer(t, c.organization.id, 'download', [c.site.id]);
    const unlicensed = await download.inject('POST', c.url, { productId: (await buildProduct(t.ctx)).id });
    expect(unlicensed.statusCode).toBe(404);
    expect(unlicensed.json().error.code).toBe('entitlements.product_not_found');
    expect((await download.inject('POST', c.url, { productId: randomUUID() })).statusCode).toBe(404);
    expect((await download.inject('POST', c.url, { productId: product.id })).statusCode).toBe(202);
    await t.drainJobs();
    const mail = t.mail.last(c.manager.email);
    expect(mail.text).toContain(`제품: ${product.name}`);
    expect(mail.text).toContain(`계약 종료일: ${own.endsOn} (종료 예정)`);
    const [event] = await eventsFor(t, c.organization.id, 'contract.account_manager.notified');
    expect(event?.details).toMatchObject({ productId: product.id, product: product.name, contractId: own.id, state: 'expiring', message: null });
  });

  it('allows one request per member and site per hour (429 rate_limited), counted on the application clock', async () => {
    const c = await customerWithManager();
    const owner = await customer(t, c.organization.id, 'owner');
    const colleague = await customer(t, c.organization.id, 'admin');
    expect((await owner.inject('POST', c.url, {})).statusCode).toBe(202);
    const again = await owner.inject('POST', c.url, { message: 'again' });
    expect(again.statusCode).toBe(429);
    expect(again.json().error.code).toBe('rate_limited');
    expect((await owner.inject('POST', c.urlFor(c.other.id), {})).statusCode).toBe(202);
    expect((await colleague.inject('POST', c.url, {})).statusCode).toBe(202);
    t.clock.advance(HOUR - 1000);
    const stillOwner = await signInAs(t.app, owner.email);
    expect((await stillOwner.inject('POST', c.url, {})).statusCode).toBe(429);
    t.clock.advance(1000);
    const later = await signInAs(t.app, owner.email);
    expect((await later.inject('POST', c.url, {})).statusCode).toBe(202);
    expect(await eventsFor(t, c.organization.id, 'contract.account_manager.notified')).toHaveLength(4);
    await t.drainJobs();
    expect(t.mail.to(c.manager.email)).toHaveLength(4);
  });

  it("without an account manager, writes to the vendor's contact email, else the installation's administrator, in both languages", async () => {
    const c = await customerWithManager({ withManager: false });
    const owner = await customer(t, c.organization.id, 'owner');
    expect((await owner.inject('POST', c.url, {})).statusCode).toBe(202);
    await t.drainJobs();
    const toAdmin = t.mail.last(TEST_CONFIG.adminEmail);
    expect(toAdmin.subject).toContain('지원 계약 문의');
    expect(toAdmin.subject).toContain('support contract request');

    const vendorAdmin = await staffMember(t, 'vendor_admin');
    const profile = await vendorAdmin.inject('PUT', '/api/v1/admin/settings/profile', { companyName: 'Vendor Co', serviceName: 'Atrium', contactName: 'Park', phone: '', email: 'care@vendor.example' });
    expect(profile.statusCode, profile.body).toBe(200);
    expect((await owner.inject('POST', c.urlFor(c.other.id), {})).statusCode).toBe(202);
    await t.drainJobs();
    expect(t.mail.last('care@vendor.example').text).toContain('Busan office');
    const events = await eventsFor(t, c.organization.id, 'contract.account_manager.notified');
    expect(events.map((e) => (e.details as { recipientKind: string }).recipientKind).sort()).toEqual(['administrator', 'vendor_contact']);
  });

  it("is for members who may act on the site: others' sites 403, other organizations 404, archived 409", async () => {
    const c = await customerWithManager();
    const limited = await customer(t, c.organization.id, 'support', [c.other.id]);
    const refused = await limited.inject('POST', c.url, {});
    expect(refused.statusCode).toBe(403);
    const outsider = await customer(t, (await buildOrganization(t.ctx)).id, 'owner');
    expect((await outsider.inject('POST', c.url, {})).statusCode).toBe(404);
    const owner = await customer(t, c.organization.id, 'owner');
    expect((await owner.inject('POST', c.urlFor(randomUUID()), {})).statusCode).toBe(404);
    await archive(t, c.organization.id);
    const archived = await owner.inject('POST', c.url, {});
    expect(archived.statusCode).toBe(409);
    expect(archived.json().error.code).toBe('organizations.archived');
  });

  it('refuses bad input', async () => {
    const c = await customerWithManager();
    const owner = await customer(t, c.organization.id, 'owner');
    for (const body of [{ message: 'x'.repeat(1001) }, { message: 'bell\u0007' }, { productId: 'nope' }, { extra: true }]) {
      const response = await owner.inject('POST', c.url, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.code).toBe('validation.failed');
    }
    expect(await eventsFor(t, c.organization.id, 'contract.account_manager.notified')).toEqual([]);
  });
});
