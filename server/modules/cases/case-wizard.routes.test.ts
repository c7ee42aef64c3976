import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CASE_CATEGORIES } from '../../../common/cases';
import { CaseWizardOptions } from '../../../common/schemas/cases';
import { auditEvents, caseEvents, cases, caseSubscriptions, organizations } from '../../db/schema/index';
import { buildCase } from '../../test/case-factories';
import { buildEntitlement, buildProduct, buildRelease } from '../../test/catalog-factories';
import { buildUser } from '../../test/factories';
import { buildTestApp, signInAs, TEST_BASE_URL, type SignedIn, type TestApp } from '../../test/test-app';
import { buildCaseScenario, caseBody, signInCaseMember, signInStaff, type CaseScenario } from './case-lifecycle.scenario';

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

async function options(client: SignedIn, s: CaseScenario): Promise<CaseWizardOptions> {
  const response = await client.inject('GET', `${s.base}/cases/options`);
  expect(response.statusCode, response.body).toBe(200);
  return CaseWizardOptions.parse(response.json());
}

async function create(client: SignedIn, s: CaseScenario, overrides: Record<string, unknown> = {}) {
  return client.inject('POST', `${s.base}/cases`, caseBody(s, overrides));
}

describe('GET /api/v1/organizations/:organizationId/cases/options', () => {
  it('gives an owner every site with its contract standing and the families, products and published versions (newest first) of its entitlements', async () => {
    const s = await buildCaseScenario(t);
    const owner = await signInCaseMember(t, s.organizationId, 'owner', { locale: 'en' });
    const result = await options(owner, s);
    expect(result.sites.map((site) => site.id).sort()).toEqual([s.siteA.id, s.siteB.id].sort());
    const siteA = result.sites.find((site) => site.id === s.siteA.id)!;
    expect(siteA.contract).toMatchObject({ state: 'active', allowsAccess: true, warning: false });
    expect(siteA.families).toEqual([
      { id: s.family.id, name: s.family.name.en, products: [{ id: s.product.id, name: s.product.name, versions: [s.newRelease, s.oldRelease] }] },
    ]);
    const siteB = result.sites.find((site) => site.id === s.siteB.id)!;
    expect(siteB).toMatchObject({ families: [], contract: { state: 'none', allowsAccess: false, warning: true } });
    expect(result.categories).toEqual([...CASE_CATEGORIES]);
    expect(result.attachmentMaxBytes).toBe(t.ctx.config.caseAttachmentMaxBytes);
  });

  it('names product families in the member’s language', async () => {
    const s = await buildCaseScenario(t);
    const korean = await signInCaseMember(t, s.organizationId, 'owner', { locale: 'ko' });
    const siteA = (await options(korean, s)).sites.find((site) => site.id === s.siteA.id)!;
    expect(siteA.families[0]!.name).toBe(s.family.name.ko);
  });

  it('gives a support member only the sites they were given', async () => {
    const s = await buildCaseScenario(t);
    const support = await signInCaseMember(t, s.organizationId, 'support', { siteIds: [s.siteB.id] });
    expect((await options(support, s)).sites.map((site) => site.id)).toEqual([s.siteB.id]);
  });

  it('refuses roles that may not open cases (viewer, download, vendor support engineer) with 403 and strangers with 404', async () => {
    const s = await buildCaseScenario(t);
    for (const role of ['viewer', 'download', 'operator'] as const) {
      const member = await signInCaseMember(t, s.organizationId, role, { siteIds: [s.siteA.id] });
      const response = await member.inject('GET', `${s.base}/cases/options`);
      expect(response.statusCode, role).toBe(403);
      expect(response.json().error.code).toBe('auth.forbidden');
    }
    expect((await (await signInStaff(t)).inject('GET', `${s.base}/cases/options`)).statusCode).toBe(403);
    const other = await buildCaseScenario(t);
    const stranger = await signInCaseMember(t, other.organizationId, 'owner');
    expect((await stranger.inject('GET', `${s.base}/cases/options`)).statusCode).toBe(404);
  });

  it('shows the warning state of a contract ending within 90 days, in grace and past grace', async () => {
    const s = await buildCaseScenario(t, { contractEndsInDays: 30 });
    const owner = await signInCaseMember(t, s.organizationId, 'owner');
    // Sessions end when idle: sign in again at each instant.
    const site = async () => (await options(await signInAs(t.app, owner.email), s)).sites.find((x) => x.id === s.siteA.id)!.contract;
    expect(await site()).toMatchObject({ state: 'expiring', warning: true, allowsAccess: true, daysLeft: 31 });
    t.clock.advance(40 * DAY_MS);
    expect(await site()).toMatchObject({ state: 'grace', warning: true, allowsAccess: true });
    t.clock.advance(30 * DAY_MS);
    expect(await site()).toMatchObject({ state: 'expired', warning: true, allowsAccess: false });
  });

  it('names the account team (account manager and customer success manager)', async () => {
    const s = await buildCaseScenario(t);
    const owner = await signInCaseMember(t, s.organizationId, 'owner');
    expect((await options(owner, s)).accountTeam).toEqual({ accountManager: null, successManager: null });
    const manager = await buildUser(t.ctx, { name: 'Choi Account', staffRole: 'account_manager' });
    const success = await buildUser(t.ctx, { name: '박성공', staffRole: 'account_manager' });
    await t.ctx.db.update(organizations).set({ accountManagerId: manager.id, successManagerId: success.id }).where(eq(organizations.id, s.organizationId));
    expect((await options(owner, s)).accountTeam).toEqual({
      accountManager: { id: manager.id, name: 'Choi Account', email: manager.email },
      successManager: { id: success.id, name: '박성공', email: success.email },
    });
  });

  it('defaults the language to Korean for a Korean user, else the browser’s language, else Korean', async () => {
    const s = await buildCaseScenario(t);
    expect((await options(await signInCaseMember(t, s.organizationId, 'owner', { locale: 'ko' }), s)).defaultLanguage).toBe('ko');
    expect((await options(await signInCaseMember(t, s.organizationId, 'owner', { locale: 'en' }), s)).defaultLanguage).toBe('en');
    const noLocale = await signInCaseMember(t, s.organizationId, 'owner');
    const ask = async (acceptLanguage?: string) => {
      const headers: Record<string, string> = { cookie: noLocale.cookie, ...(acceptLanguage ? { 'accept-language': acceptLanguage } : {}) };
      return (await t.app.inject({ method: 'GET', url: `${s.base}/cases/options`, headers })).json().defaultLanguage;
    };
    expect(await ask('en-US,en;q=0.9')).toBe('en');
    expect(await ask('ko-KR')).toBe('ko');
    expect(await ask('fr-FR')).toBe('ko');
    expect(await ask()).toBe('ko');
  });
});

describe('POST /api/v1/organizations/:organizationId/cases', () => {
  it('opens cases with sequential 8-digit numbers and a link, with the requester subscribed, a history row and an audit event', async () => {
    const s = await buildCaseScenario(t);
    const requester = await signInCaseMember(t, s.organizationId, 'support', { siteIds: [s.siteA.id] });
    const first = await create(requester, s);
    expect(first.statusCode, first.body).toBe(201);
    const second = await create(requester, s, { subject: 'Second' });
    const a = first.json();
    const b = second.json();
    expect(a.number).toMatch(/^\d{8}$/);
    expect(Number(b.number)).toBe(Number(a.number) + 1);
    expect(a.url).toBe(`${TEST_BASE_URL}/portal/cases/${a.id}?organization=${s.organizationId}`);

    const [row] = await t.ctx.db.select().from(cases).where(eq(cases.id, a.id));
    expect(row).toMatchObject({ status: 'new', requesterId: requester.userId, siteId: s.siteA.id, productId: s.product.id, releaseId: s.newRelease.id, productFamilyId: s.family.id, createdAt: start, updatedAt: start, firstResponseAt: null });
    const events = await t.ctx.db.select().from(caseEvents).where(eq(caseEvents.caseId, a.id));
    expect(events).toEqual([expect.objectContaining({ kind: 'created', actorId: requester.userId, toValue: 'new' })]);
    const subscriptions = await t.ctx.db.select().from(caseSubscriptions).where(eq(caseSubscriptions.caseId, a.id));
    expect(subscriptions).toEqual([expect.objectContaining({ userId: requester.userId, reason: 'requester' })]);
    const [audit] = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.targetId, a.id), eq(auditEvents.action, 'case.created')));
    expect(audit).toMatchObject({ category: 'case', actorUserId: requester.userId, organizationId: s.organizationId, targetType: 'case', occurredAt: start });
    expect(audit!.actorLabel).toMatch(/@/);
    expect(audit!.details).toEqual({ number: a.number, subject: 'Trend display freezes', siteId: s.siteA.id, category: row!.category, productId: s.product.id, relatedCaseId: null });

    const detail = (await requester.inject('GET', `${s.base}/cases/${a.id}`)).json();
    expect(detail).toMatchObject({
      number: a.number,
      status: 'new',
      site: s.siteA,
      productFamily: { id: s.family.id, name: s.family.name.en },
      product: s.product,
      release: s.newRelease,
      requester: { id: requester.userId, side: 'customer' },
    });
  });

  it('accepts Not sure for family, product and version, or a family alone', async () => {
    const s = await buildCaseScenario(t);
    const owner = await signInCaseMember(t, s.organizationId, 'owner');
    expect((await create(owner, s, { productFamilyId: null, productId: null, releaseId: null })).statusCode).toBe(201);
    expect((await create(owner, s, { productId: null, releaseId: null })).statusCode).toBe(201);
    expect((await create(owner, s, { releaseId: null })).statusCode).toBe(201);
    expect((await create(owner, s, { releaseId: s.oldRelease.id })).statusCode).toBe(201);
  });

  it('opens a case while the contract is in its grace period and refuses it with contract.expired after', async () => {
    const s = await buildCaseScenario(t, { contractEndsInDays: 10 });
    const owner = await signInCaseMember(t, s.organizationId, 'owner');
    t.clock.advance(25 * DAY_MS);
    expect((await create(await signInAs(t.app, owner.email), s)).statusCode).toBe(201);
    t.clock.advance(20 * DAY_MS);
    const refused = await create(await signInAs(t.app, owner.email), s);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'contract.expired', details: { contract: { state: 'expired' } } });
    expect(await t.ctx.db.select().from(cases).where(eq(cases.organizationId, s.organizationId))).toHaveLength(1);
  });

  it('refuses a site without a contract with contract.none', async () => {
    const s = await buildCaseScenario(t);
    const owner = await signInCaseMember(t, s.organizationId, 'owner');
    const refused = await create(owner, s, { siteId: s.siteB.id, productFamilyId: null, productId: null, releaseId: null });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('contract.none');
  });

  it('refuses a product, family or version that is not the site’s or does not match (422 cases.product_not_entitled)', async () => {
    const s = await buildCaseScenario(t);
    const owner = await signInCaseMember(t, s.organizationId, 'owner');
    const unlicensed = await buildProduct(t.ctx, { familyId: s.family.id });
    const otherRelease = await buildRelease(t.ctx, { productId: unlicensed.id });
    const otherFamily = await buildProduct(t.ctx);
    await buildEntitlement(t.ctx, { organizationId: s.organizationId, siteId: s.siteB.id, productId: otherFamily.id });
    const bad = [
      { productId: unlicensed.id, releaseId: null },
      { productId: otherFamily.id, productFamilyId: otherFamily.familyId, releaseId: null },
      { releaseId: otherRelease.id },
      { releaseId: s.draftRelease.id },
      { productId: null, releaseId: s.newRelease.id },
      { productFamilyId: null },
      { productFamilyId: otherFamily.familyId, releaseId: null },
      { productFamilyId: otherFamily.familyId, productId: null, releaseId: null },
    ];
    for (const overrides of bad) {
      const response = await create(owner, s, overrides);
      expect(response.statusCode, JSON.stringify(overrides)).toBe(422);
      expect(response.json().error.code).toBe('cases.product_not_entitled');
    }
    expect(await t.ctx.db.select().from(cases).where(eq(cases.organizationId, s.organizationId))).toHaveLength(0);
  });

  it('answers 404 for a site of another organization and 403 cases.site_not_allowed for a site the member was not given', async () => {
    const s = await buildCaseScenario(t);
    const other = await buildCaseScenario(t);
    const owner = await signInCaseMember(t, s.organizationId, 'owner');
    const foreign = await create(owner, s, { siteId: other.siteA.id });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('sites.not_found');
    const support = await signInCaseMember(t, s.organizationId, 'support', { siteIds: [s.siteB.id] });
    const notGiven = await create(support, s);
    expect(notGiven.statusCode).toBe(403);
    expect(notGiven.json().error.code).toBe('cases.site_not_allowed');
  });

  it('refuses members and staff who may not open cases', async () => {
    const s = await buildCaseScenario(t);
    const viewer = await signInCaseMember(t, s.organizationId, 'viewer', { siteIds: [s.siteA.id] });
    expect((await create(viewer, s)).statusCode).toBe(403);
    expect((await create(await signInStaff(t), s)).statusCode).toBe(403);
    const stranger = await signInCaseMember(t, (await buildCaseScenario(t)).organizationId, 'owner');
    expect((await create(stranger, s)).statusCode).toBe(404);
  });

  it('opens a new case that references a closed case of the organization the member can see', async () => {
    const s = await buildCaseScenario(t);
    const owner = await signInCaseMember(t, s.organizationId, 'owner');
    const closed = await buildCase(t.ctx, { organizationId: s.organizationId, siteId: s.siteA.id, status: 'closed', subject: 'Old trouble' });
    const response = await create(owner, s, { relatedCaseId: closed.id });
    expect(response.statusCode, response.body).toBe(201);
    const detail = (await owner.inject('GET', `${s.base}/cases/${response.json().id}`)).json();
    expect(detail.relatedCase).toEqual({ id: closed.id, number: String(closed.number), subject: 'Old trouble' });
  });

  it('refuses a related case of another organization, on a site the member cannot see or unknown (422 not found), and an open one (422 open)', async () => {
    const s = await buildCaseScenario(t);
    const other = await buildCaseScenario(t);
    const support = await signInCaseMember(t, s.organizationId, 'support', { siteIds: [s.siteA.id] });
    const open = await buildCase(t.ctx, { organizationId: s.organizationId, siteId: s.siteA.id, status: 'answered' });
    const foreign = await buildCase(t.ctx, { organizationId: other.organizationId, siteId: other.siteA.id, status: 'closed' });
    const hidden = await buildCase(t.ctx, { organizationId: s.organizationId, siteId: s.siteB.id, status: 'closed' });
    for (const relatedCaseId of [foreign.id, hidden.id, '00000000-0000-4000-8000-000000000000']) {
      const response = await create(support, s, { relatedCaseId });
      expect(response.statusCode).toBe(422);
      expect(response.json().error.code).toBe('cases.related_case_not_found');
    }
    // It exists and the member sees it: it is open, not missing.
    const stillOpen = await create(support, s, { relatedCaseId: open.id });
    expect(stillOpen.statusCode).toBe(422);
    expect(stillOpen.json().error.code).toBe('cases.related_case_open');
  });

  it('keeps emoji and 4-byte characters in the subject and description', async () => {
    const s = await buildCaseScenario(t);
    const owner = await signInCaseMember(t, s.organizationId, 'owner');
    const subject = '화면 멈춤 😱 𠀋𝒳 👩‍💻';
    const description = '트렌드가 멈춥니다 🔥\n\n- 𩸽 (4-byte)\n- 🇰🇷';
    const created = (await create(owner, s, { subject, description, language: 'ko' })).json();
    const detail = (await owner.inject('GET', `${s.base}/cases/${created.id}`)).json();
    expect(detail).toMatchObject({ subject, description, language: 'ko' });
  });

  it('stores an XSS payload in subject and description verbatim and returns it as text (the web renders it inert)', async () => {
    const s = await buildCaseScenario(t);
    const owner = await signInCaseMember(t, s.organizationId, 'owner');
    const subject = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const description = '[click](javascript:alert(3)) <svg onload=alert(4)> "><iframe src=javascript:alert(5)> &lt;b&gt;';
    const response = await create(owner, s, { subject, description });
    expect(response.statusCode).toBe(201);
    const detail = await owner.inject('GET', `${s.base}/cases/${response.json().id}`);
    expect(detail.headers['content-type']).toContain('application/json');
    expect(detail.json()).toMatchObject({ subject, description });
  });

  it('refuses an empty or over-long subject, an empty description, control characters, an unknown category or language', async () => {
    const s = await buildCaseScenario(t);
    const owner = await signInCaseMember(t, s.organizationId, 'owner');
    const bad = [
      { subject: '' },
      { subject: '   ' },
      { subject: 'x'.repeat(201) },
      { description: '' },
      { description: 'x'.repeat(20_001) },
      { subject: 'bell\u0007' },
      // A line shown in lists and email subjects: no line break, tab or bidirectional override…
      { subject: 'first line\nsecond line' },
      { subject: 'tab\there' },
      { subject: 'invoice\u202Etxt.exe' },
      { subject: 'isolate \u2067x\u2069' },
      // …and something visible: zero-width spaces and joiners are as empty as spaces.
      { subject: '\u200B\u200B' },
      { subject: ' \u200D\uFEFF ' },
      { description: '\u200B\n\u200B' },
      { category: 'complaints' },
      { language: 'fr' },
      { siteId: 'not-a-uuid' },
      { relatedCaseId: 'nope' },
    ];
    for (const overrides of bad) {
      const response = await create(owner, s, overrides);
      expect(response.statusCode, JSON.stringify(overrides).slice(0, 80)).toBe(400);
      expect(response.json().error.code).toBe('validation.failed');
    }
    expect(await t.ctx.db.select().from(cases).where(eq(cases.organizationId, s.organizationId))).toHaveLength(0);
    // One field message each: the control characters, or required.
    expect((await create(owner, s, { subject: 'invoice\u202Etxt.exe' })).json().error.details.fieldErrors).toEqual({ subject: [expect.stringMatching(/control characters/i)] });
    expect((await create(owner, s, { subject: '\u200B' })).json().error.details.fieldErrors.subject).toHaveLength(1);
    // Emoji (joined by zero-width joiners) and Korean are visible text.
    expect((await create(owner, s, { subject: '👩\u200D🔧 PI 서버 점검' })).statusCode).toBe(201);
  });
});
