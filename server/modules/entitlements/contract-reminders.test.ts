import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { contractReminders, members } from '../../db/schema/index';
import { buildContract, buildEntitlement, buildProduct } from '../../test/catalog-factories';
import { buildMember, buildOrganization, buildSite, buildUser } from '../../test/factories';
import { buildTestApp, signInAs, TEST_BASE_URL, type TestApp } from '../../test/test-app';
import { updateOrganization } from '../organizations/organizations.repository';
import { sendDueContractReminders } from './contract-reminders';
import { archive, eventsFor, setLocale } from './entitlements.test-support';

let t: TestApp;
const DAY = 86_400_000;
const start = new Date('2030-01-15T09:00:00.000Z');
/** Recipients never sign in: skip hashing a password for them. */
const NO_SIGN_IN = 'not-a-hash';

beforeAll(async () => {
  t = await buildTestApp();
});
beforeEach(() => {
  t.clock.set(start);
  t.mail.clear();
});
afterAll(async () => {
  await t.close();
});

/** An organization with an owner (Korean), an admin (English), a viewer, an inactive admin and an account manager (language unknown). */
async function customerWithContract(endsOn: string) {
  const tag = randomUUID().slice(0, 6);
  const manager = await buildUser(t.ctx, { staffRole: 'account_manager', email: `am-${tag}@vendor.example`, passwordHash: NO_SIGN_IN });
  const organization = await buildOrganization(t.ctx, { name: `Hanbit Energy ${tag}` });
  await updateOrganization(t.database.db, organization.id, { accountManagerId: manager.id });
  const site = await buildSite(t.ctx, { organizationId: organization.id, name: '울산 공장' });
  const person = async (role: 'owner' | 'admin' | 'viewer', locale: 'ko' | 'en' | null, status: 'active' | 'inactive' = 'active') => {
    const user = await buildUser(t.ctx, { email: `${role}-${status}-${tag}@hanbit.example`, passwordHash: NO_SIGN_IN });
    await setLocale(t, user.id, locale);
    const member = await buildMember(t.ctx, { organizationId: organization.id, userId: user.id, role, siteIds: [site.id] });
    if (status === 'inactive') {
      await t.database.db.update(members).set({ status: 'inactive' }).where(eq(members.id, member.id));
    }
    return user;
  };
  const owner = await person('owner', 'ko');
  const admin = await person('admin', 'en');
  const viewer = await person('viewer', 'en');
  const formerAdmin = await person('admin', 'en', 'inactive');
  const contract = await buildContract(t.ctx, { organizationId: organization.id, siteId: site.id, startsOn: '2029-01-01', endsOn });
  const product = await buildProduct(t.ctx, { name: `PI Server ${tag}` });
  await buildEntitlement(t.ctx, { organizationId: organization.id, siteId: site.id, productId: product.id, quantity: 2 });
  return { organization, site, contract, product, manager, owner, admin, viewer, formerAdmin };
}

const sentRows = (contractId: string) => t.database.db.select().from(contractReminders).where(eq(contractReminders.contractId, contractId));

// Each test works in its own years, so contracts of the other tests have ended or are far off.
describe('sendDueContractReminders', () => {
  it('sends the 90-, 30- and 7-day reminders once each, to owners, admins and the account manager, in their language', async () => {
    // The contract covers 2030-06-30 to its end: it ends at 2030-07-01T00:00Z.
    const c = await customerWithContract('2030-06-30');
    const end = Date.parse('2030-07-01T00:00:00.000Z');

    t.clock.set(new Date(end - 90 * DAY - 1));
    expect(await sendDueContractReminders(t.ctx)).toEqual({ sent: 0 });

    for (const days of [90, 30, 7]) {
      t.clock.set(new Date(end - days * DAY));
      expect(await sendDueContractReminders(t.ctx), `${days} days`).toEqual({ sent: 1 });
      expect(await sendDueContractReminders(t.ctx), `${days} days, again`).toEqual({ sent: 0 });
      // Later the same period: still nothing new.
      t.clock.set(new Date(end - days * DAY + 2 * DAY));
      expect(await sendDueContractReminders(t.ctx)).toEqual({ sent: 0 });
    }
    t.clock.set(new Date(end));
    expect(await sendDueContractReminders(t.ctx)).toEqual({ sent: 0 });
    await t.drainJobs();

    expect((await sentRows(c.contract.id)).map((r) => r.daysBefore).sort((a, b) => a - b)).toEqual([7, 30, 90]);
    for (const user of [c.owner, c.admin, c.manager]) expect(t.mail.to(user.email), user.email).toHaveLength(3);
    expect(t.mail.to(c.viewer.email)).toEqual([]);
    expect(t.mail.to(c.formerAdmin.email)).toEqual([]);

    // Mail may arrive in any order: find each by its subject.
    const about = (email: string, text: string) => t.mail.to(email).find((m) => m.subject.includes(text));
    const ninety = about(c.owner.email, '90일 후');
    const thirty = about(c.owner.email, '30일 후');
    expect(ninety!.subject).toBe('[Atrium] 울산 공장의 지원 계약(SRP)이 90일 후 종료됩니다');
    expect(ninety!.text).toContain('2030-06-30');
    expect(ninety!.text).toContain(c.organization.name);
    expect(ninety!.text).toContain(`- ${c.product.name}`);
    expect(ninety!.text).toContain(`${TEST_BASE_URL}/portal/contact`);
    expect(thirty!.text).toContain('남은 기간은 30일입니다');
    const english = about(c.admin.email, 'ends in 7 days')!;
    expect(english.subject).toBe('[Atrium] The support contract of 울산 공장 ends in 7 days');
    expect(english.text).toContain(`${TEST_BASE_URL}/portal/contact`);
    // The account manager's language is unknown: Korean and English together, and a link to the console.
    const toManager = about(c.manager.email, '90일 후')!;
    expect(toManager.subject).toContain('90일 후');
    expect(toManager.subject).toContain('ends in 90 days');
    expect(toManager.text).toContain(`${TEST_BASE_URL}/console/customers/${c.organization.id}?tab=products`);

    const events = await eventsFor(t, c.organization.id, 'contract.reminder.sent');
    expect(events).toHaveLength(3);
    expect(events.find((e) => (e.details as { daysBefore: number }).daysBefore === 30)).toMatchObject({
      category: 'contract',
      actorUserId: null,
      targetType: 'contract',
      targetId: c.contract.id,
      details: { endsOn: '2030-06-30', daysLeft: 30, products: [c.product.name], recipients: expect.arrayContaining([c.owner.email, c.admin.email, c.manager.email]) },
    });
  });

  it('sends only the closest threshold when earlier ones were passed without a run', async () => {
    const c = await customerWithContract('2032-03-31');
    t.clock.set(new Date(Date.parse('2032-04-01T00:00:00.000Z') - 5 * DAY));
    expect(await sendDueContractReminders(t.ctx)).toEqual({ sent: 1 });
    expect((await sentRows(c.contract.id)).map((r) => r.daysBefore)).toEqual([7]);
    await t.drainJobs();
    expect(t.mail.to(c.owner.email)).toHaveLength(1);
    expect(t.mail.last(c.owner.email).subject).toContain('5일 후');
  });

  it('starts again after a renewal, for the new end date', async () => {
    const c = await customerWithContract('2034-02-28');
    t.clock.set(new Date(Date.parse('2034-03-01T00:00:00.000Z') - 7 * DAY));
    expect(await sendDueContractReminders(t.ctx)).toEqual({ sent: 1 });
    const vendorAdmin = await buildUser(t.ctx, { staffRole: 'vendor_admin' });
    const client = await signInAs(t.app, vendorAdmin.email);
    const renewed = await client.inject('POST', `/api/v1/organizations/${c.organization.id}/contracts/${c.contract.id}/renew`, { endsOn: '2035-02-28' });
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect(await sendDueContractReminders(t.ctx)).toEqual({ sent: 0 });
    t.clock.set(new Date(Date.parse('2035-03-01T00:00:00.000Z') - 90 * DAY));
    expect(await sendDueContractReminders(t.ctx)).toEqual({ sent: 1 });
    expect((await sentRows(c.contract.id)).map((r) => `${r.endsOn}/${r.daysBefore}`).sort()).toEqual(['2034-02-28/7', '2035-02-28/90']);
  });

  it("lists what each contract covers: an entitlement contract its own products, the site's contract the rest", async () => {
    const c = await customerWithContract('2037-04-30');
    const special = await buildProduct(t.ctx, { name: `PI Vision ${randomUUID().slice(0, 4)}` });
    const own = await buildContract(t.ctx, { organizationId: c.organization.id, siteId: c.site.id, scope: 'entitlement', startsOn: '2036-01-01', endsOn: '2037-04-30' });
    await buildEntitlement(t.ctx, { organizationId: c.organization.id, siteId: c.site.id, productId: special.id, contractId: own.id });
    t.clock.set(new Date(Date.parse('2037-05-01T00:00:00.000Z') - 30 * DAY));
    expect(await sendDueContractReminders(t.ctx)).toEqual({ sent: 2 });
    await t.drainJobs();
    const texts = t.mail.to(c.admin.email).map((m) => m.text);
    expect(texts.some((text) => text.includes(special.name) && !text.includes(c.product.name))).toBe(true);
    expect(texts.some((text) => text.includes(c.product.name) && !text.includes(special.name))).toBe(true);
  });

  it('skips archived organizations and contracts that already ended', async () => {
    const archived = await customerWithContract('2039-03-15');
    await archive(t, archived.organization.id);
    const ended = await customerWithContract('2039-01-10');
    t.clock.set(new Date(Date.parse('2039-03-16T00:00:00.000Z') - 30 * DAY));
    expect(await sendDueContractReminders(t.ctx)).toEqual({ sent: 0 });
    expect(await sentRows(archived.contract.id)).toEqual([]);
    expect(await sentRows(ended.contract.id)).toEqual([]);
  });
});
