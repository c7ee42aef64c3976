import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { contractStanding } from '../../../common/contracts';
import { CASE_STATUSES } from '../../../common/cases';
import { caseAttachments, casePosts, cases, entitlements, members, organizations, products, releaseFiles, sites, supportContracts, users } from '../../db/schema/index';
import { buildTestApp, signInAs, type TestApp } from '../../test/test-app';
import { DEMO_PASSWORD, loadDemoData } from './demo.service';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('demo data', () => {
  it('builds A석유화학 with its three sites, members of several roles, a partner user and vendor staff', async () => {
    const result = await loadDemoData(t.ctx);
    expect(result.created).toBe(true);
    const [org] = await t.database.db.select().from(organizations).where(eq(organizations.name, 'A석유화학'));
    const siteNames = (await t.database.db.select().from(sites).where(eq(sites.organizationId, org!.id))).map((s) => s.name).sort();
    expect(siteNames).toEqual(['여수 사이트', '울산 1공장', '울산 1공장 변전실', '울산 2공장'].sort());
    expect(org!.accountManagerId).not.toBeNull();
    const team = await t.database.db.select({ role: members.role, company: users.company }).from(members).innerJoin(users, eq(users.id, members.userId)).where(eq(members.organizationId, org!.id));
    expect(new Set(team.map((m) => m.role))).toEqual(new Set(['owner', 'admin', 'super', 'support', 'download', 'viewer']));
    expect(team.some((m) => m.company !== 'A석유화학')).toBe(true);
    const staff = await t.database.db.select({ role: users.staffRole }).from(users);
    expect(staff.map((s) => s.role)).toEqual(expect.arrayContaining(['vendor_admin', 'support_engineer', 'agent', 'account_manager']));
    // A vendor administrator to try the console's settings with, signing in with the demo password.
    const [admin] = await t.database.db.select().from(users).where(eq(users.email, 'admin@atrium.example'));
    expect(admin?.staffRole).toBe('vendor_admin');
  });

  it('licenses the sites for PI Server, PI Vision and PI Interfaces, with one contract within 90 days of its end and one past its grace period', async () => {
    const names = (await t.database.db.select({ name: products.name }).from(products)).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['PI Server', 'PI Vision', 'PI Interfaces']));
    expect((await t.database.db.select().from(releaseFiles)).length).toBeGreaterThan(0);
    const contracts = await t.database.db.select({ site: sites.name, startsOn: supportContracts.startsOn, endsOn: supportContracts.endsOn }).from(supportContracts).innerJoin(sites, eq(sites.id, supportContracts.siteId));
    const stateOf = (site: string) => contractStanding(contracts.find((c) => c.site === site)!, t.clock.now()).state;
    expect(stateOf('울산 1공장')).toBe('active');
    expect(stateOf('울산 2공장')).toBe('expiring');
    expect(stateOf('여수 사이트')).toBe('expired');
    const held = await t.database.db.select({ site: sites.name }).from(entitlements).innerJoin(sites, eq(sites.id, entitlements.siteId));
    expect(new Set(held.map((h) => h.site))).toEqual(new Set(['울산 1공장', '울산 2공장', '여수 사이트']));
  });

  it('has cases in every status across the sites, posts in Korean and English, an attachment in the blob store and an old-system number', async () => {
    const rows = await t.database.db.select({ status: cases.status, siteName: sites.name, legacyNumber: cases.legacyNumber }).from(cases).innerJoin(sites, eq(sites.id, cases.siteId));
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(CASE_STATUSES));
    expect(new Set(rows.map((r) => r.siteName))).toEqual(new Set(['울산 1공장', '울산 2공장', '여수 사이트']));
    expect(rows.some((r) => r.legacyNumber !== null)).toBe(true);
    const posts = await t.database.db.select({ body: casePosts.body, visibility: casePosts.visibility }).from(casePosts);
    expect(posts.some((p) => /[가-힣]/.test(p.body))).toBe(true);
    expect(posts.some((p) => /^[\x20-\x7e\s]+$/.test(p.body))).toBe(true);
    expect(posts.some((p) => p.visibility === 'internal')).toBe(true);
    const [attachment] = await t.database.db.select().from(caseAttachments);
    expect(await t.ctx.blobs.size(attachment!.sha256!)).toBe(attachment!.size);
  });

  it('lets a demo owner sign in and see the organization', async () => {
    const owner = await signInAs(t.app, 'owner@a-petrochem.example', DEMO_PASSWORD);
    const me = (await owner.inject('GET', '/api/v1/me')).json();
    expect(me.memberships).toEqual([expect.objectContaining({ organizationName: 'A석유화학', role: 'owner' })]);
  });

  it("fills the members' My feed with their cases' updates: the engineer's answers and status changes, never an internal note", async () => {
    const owner = await signInAs(t.app, 'owner@a-petrochem.example', DEMO_PASSWORD);
    const [org] = await t.database.db.select().from(organizations).where(eq(organizations.name, 'A석유화학'));
    const feed = (await owner.inject('GET', `/api/v1/organizations/${org!.id}/home/feed?limit=50`)).json() as { items: { kind: string; case: { number: string } | null; details: { excerpt?: string } | null }[] };
    const caseItems = feed.items.filter((item) => item.case !== null);
    expect(new Set(caseItems.map((item) => item.kind))).toEqual(new Set(['case_post', 'case_status']));
    expect(caseItems.some((item) => item.details?.excerpt?.includes('Machine Signature File'))).toBe(true);
    expect(caseItems.some((item) => item.details?.excerpt?.includes('내부 메모'))).toBe(false);
    // A partner user's own case has the engineer's reply in their feed too.
    const partner = await signInAs(t.app, 'partner@hanbit-eng.example', DEMO_PASSWORD);
    const partnerFeed = (await partner.inject('GET', `/api/v1/organizations/${org!.id}/home/feed?limit=50`)).json() as { items: { kind: string }[] };
    expect(partnerFeed.items.some((item) => item.kind === 'case_post')).toBe(true);
  });

  it('changes nothing when run again', async () => {
    const before = await t.database.db.select().from(users);
    const again = await loadDemoData(t.ctx);
    expect(again.created).toBe(false);
    expect(await t.database.db.select().from(users)).toHaveLength(before.length);
  });
});
