import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FEED_KINDS, DEFAULT_HOME_HIGHLIGHTS, formatCaseNumber } from '../../../common/cases';
import { endOfDate } from '../../../common/contracts';
import type { CustomerRole } from '../../../common/permissions';
import { FeedPage, HomeHighlights, HomePreferences, type FeedEntry } from '../../../common/schemas/cases';
import { caseSubscriptions, feedItems, releases, userPreferences } from '../../db/schema/index';
import { buildCase, buildPost } from '../../test/case-factories';
import { buildContract, buildEntitlement, buildProduct, buildRelease, isoDateFrom } from '../../test/catalog-factories';
import { buildMember, buildOrganization, buildSite, buildUser } from '../../test/factories';
import { buildTestApp, signInAs, type SignedIn, type TestApp } from '../../test/test-app';
import { foldCaseCountChanges } from '../cases/case-counts.repository';
import { excerptOf } from '../cases/case-notifications';

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
const ago = (days: number) => new Date(t.clock.now().getTime() - days * DAY_MS);

async function member(organizationId: string, role: CustomerRole, siteIds: string[] = []): Promise<SignedIn> {
  const user = await buildUser(t.ctx);
  await buildMember(t.ctx, { organizationId, userId: user.id, role, siteIds });
  return signInAs(t.app, user.email);
}

async function get<T>(client: SignedIn, url: string, schema: { parse(value: unknown): T }): Promise<T> {
  const response = await client.inject('GET', url);
  expect(response.statusCode, response.body).toBe(200);
  const body = response.json();
  expect(schema.parse(body)).toEqual(body);
  return body;
}

/** A release of a product published `days` days ago. */
async function releasedDaysAgo(productId: string, days: number, version: string) {
  const release = await buildRelease(t.ctx, { productId, version });
  const [row] = await t.database.db.update(releases).set({ publishedAt: ago(days) }).where(eq(releases.id, release.id)).returning();
  return row!;
}

/**
 * An organization with sites A (the member's), B (hidden from them) and C (theirs too), cases in
 * several statuses, contracts near their end and releases of licensed products.
 */
async function homeScenario() {
  const organization = await buildOrganization(t.ctx);
  const [siteA, siteB, siteC] = [
    await buildSite(t.ctx, { organizationId: organization.id, name: 'A plant' }),
    await buildSite(t.ctx, { organizationId: organization.id, name: 'B plant' }),
    await buildSite(t.ctx, { organizationId: organization.id, name: 'C plant' }),
  ];
  const me = await member(organization.id, 'support', [siteA.id, siteC.id]);
  const colleague = await buildUser(t.ctx);
  const on = (siteId: string) => ({ organizationId: organization.id, siteId });
  const cases = {
    mineNew: await buildCase(t.ctx, { ...on(siteA.id), requesterId: me.userId, status: 'new' }),
    mineWaiting: await buildCase(t.ctx, { ...on(siteA.id), requesterId: me.userId, status: 'waiting_on_response' }),
    mineAnswered: await buildCase(t.ctx, { ...on(siteC.id), requesterId: me.userId, status: 'answered' }),
    followedAnswered: await buildCase(t.ctx, { ...on(siteA.id), requesterId: colleague.id, status: 'answered' }),
    theirsResearching: await buildCase(t.ctx, { ...on(siteA.id), requesterId: colleague.id, status: 'researching' }),
    closedRecently: await buildCase(t.ctx, { ...on(siteA.id), requesterId: me.userId, status: 'closed', closedAt: ago(5) }),
    abandonedRecently: await buildCase(t.ctx, { ...on(siteC.id), status: 'abandoned', closedAt: ago(29) }),
    closedLongAgo: await buildCase(t.ctx, { ...on(siteA.id), requesterId: me.userId, status: 'closed', closedAt: ago(40) }),
    hiddenWaiting: await buildCase(t.ctx, { ...on(siteB.id), requesterId: colleague.id, status: 'waiting_on_response' }),
    hiddenNew: await buildCase(t.ctx, { ...on(siteB.id), status: 'new' }),
  };
  await t.database.db.insert(caseSubscriptions).values([
    { caseId: cases.followedAnswered.id, userId: me.userId, reason: 'follow' },
    { caseId: cases.hiddenWaiting.id, userId: me.userId, reason: 'mention' },
  ]);
  const contracts = {
    expiring: await buildContract(t.ctx, { ...on(siteA.id), endsInDays: 30 }),
    grace: await buildContract(t.ctx, { ...on(siteB.id), endsInDays: -10 }),
    expired: await buildContract(t.ctx, { ...on(siteC.id), endsInDays: -70 }),
  };
  const activeSite = await buildSite(t.ctx, { organizationId: organization.id, name: 'D plant' });
  await buildContract(t.ctx, { organizationId: organization.id, siteId: activeSite.id, endsInDays: 365 });
  const productA = await buildProduct(t.ctx);
  const productB = await buildProduct(t.ctx);
  await buildEntitlement(t.ctx, { ...on(siteA.id), productId: productA.id });
  await buildEntitlement(t.ctx, { ...on(siteC.id), productId: productA.id });
  await buildEntitlement(t.ctx, { ...on(siteB.id), productId: productB.id });
  const releasesOf = {
    recentA: await releasedDaysAgo(productA.id, 10, '2.0'),
    monthOldA: await releasedDaysAgo(productA.id, 40, '1.9'),
    oldA: await releasedDaysAgo(productA.id, 120, '1.0'),
    draftA: await buildRelease(t.ctx, { productId: productA.id, version: '3.0-beta', published: false }),
    recentB: await releasedDaysAgo(productB.id, 5, '7.1'),
  };
  return { organization, siteA, siteB, siteC, me, colleague, cases, contracts, products: { productA, productB }, releases: releasesOf, base: `/api/v1/organizations/${organization.id}` };
}

const valuesOf = (highlights: HomeHighlights) => Object.fromEntries(highlights.items.map((item) => [item.kind, item.value]));

describe('GET /api/v1/organizations/:organizationId/home/highlights', () => {
  it('counts what the member sees, in the default order, until they choose', async () => {
    const s = await homeScenario();
    const highlights = await get(s.me, `${s.base}/home/highlights`, HomeHighlights);
    expect(highlights.items.map((item) => item.kind)).toEqual([...DEFAULT_HOME_HIGHLIGHTS]);
    // Open on A and C: mine new, waiting, answered, the followed one and a colleague's (B hidden).
    // Waiting on me: mine waiting and answered, and the answered case I follow (not the hidden one).
    // Contracts: A's is expiring; B's grace is on a hidden site; C's is past its grace.
    // Releases: 2.0 of the product licensed to A and C (1.9 is older than 30 days, 7.1 is B's).
    expect(highlights.items).toEqual([
      { kind: 'open_cases', value: 5 },
      { kind: 'waiting_on_me', value: 3 },
      { kind: 'contracts_ending', value: 1 },
      { kind: 'new_releases', value: 1 },
    ]);
  });

  it('shows the figures the member chose, in their order, with my open cases and cases closed in the last 30 days', async () => {
    const s = await homeScenario();
    const saved = await s.me.inject('PUT', '/api/v1/me/home-preferences', { highlights: ['closed_last_30_days', 'new_releases', 'my_open_cases', 'contracts_ending'], feedKinds: ['mentions'] });
    expect(saved.statusCode, saved.body).toBe(200);
    const highlights = await get(s.me, `${s.base}/home/highlights`, HomeHighlights);
    expect(highlights.items).toEqual([
      { kind: 'closed_last_30_days', value: 2 },
      { kind: 'new_releases', value: 1 },
      { kind: 'my_open_cases', value: 3 },
      { kind: 'contracts_ending', value: 1 },
    ]);
  });

  it('counts every site for an owner, and no cases for a member without case.view', async () => {
    const s = await homeScenario();
    const owner = await member(s.organization.id, 'owner');
    await owner.inject('PUT', '/api/v1/me/home-preferences', { highlights: ['open_cases', 'waiting_on_me', 'contracts_ending', 'new_releases', 'closed_last_30_days'], feedKinds: [] });
    expect(valuesOf(await get(owner, `${s.base}/home/highlights`, HomeHighlights))).toEqual({
      open_cases: 7,
      waiting_on_me: 0,
      contracts_ending: 2,
      new_releases: 2,
      closed_last_30_days: 2,
    });
    // The same once the kept case counts are folded.
    await foldCaseCountChanges(t.ctx.db);
    expect(valuesOf(await get(owner, `${s.base}/home/highlights`, HomeHighlights)).open_cases).toBe(7);
    expect(valuesOf(await get(s.me, `${s.base}/home/highlights`, HomeHighlights)).open_cases).toBe(5);
    const viewer = await member(s.organization.id, 'viewer', [s.siteA.id]);
    expect(valuesOf(await get(viewer, `${s.base}/home/highlights`, HomeHighlights))).toEqual({ open_cases: 0, waiting_on_me: 0, contracts_ending: 1, new_releases: 1 });
  });

  it('follows the clock: a contract enters its grace period, a release stops being new', async () => {
    const s = await homeScenario();
    // Sessions expire as the clock moves: sign in again at each instant.
    t.clock.set(new Date(start.getTime() + 35 * DAY_MS));
    // A's contract ended about 4 days ago (grace, still counted); release 2.0 is now 45 days old.
    expect(valuesOf(await get(await signInAs(t.app, s.me.email), `${s.base}/home/highlights`, HomeHighlights))).toMatchObject({ contracts_ending: 1, new_releases: 0 });
    // Later, A's contract is past its grace period too.
    t.clock.set(new Date(start.getTime() + 70 * DAY_MS));
    expect(valuesOf(await get(await signInAs(t.app, s.me.email), `${s.base}/home/highlights`, HomeHighlights))).toMatchObject({ contracts_ending: 0 });
  });

  it('answers 404 for another organization', async () => {
    const s = await homeScenario();
    const outsider = await member((await buildOrganization(t.ctx)).id, 'owner');
    expect((await outsider.inject('GET', `${s.base}/home/highlights`)).statusCode).toBe(404);
    expect((await outsider.inject('GET', `${s.base}/home/feed`)).statusCode).toBe(404);
  });
});

/** Adds a My feed row for the user. */
async function feedItem(values: { userId: string; organizationId: string; caseId: string; kind: string; createdAt: Date; actorId?: string | null; details?: Record<string, unknown> | null }) {
  const [row] = await t.database.db
    .insert(feedItems)
    .values({ ...values, actorId: values.actorId ?? null, details: values.details ?? null })
    .returning();
  return row!;
}

async function walkFeed(client: SignedIn, url: string, limit: number): Promise<FeedEntry[]> {
  const entries: FeedEntry[] = [];
  let before: string | null = null;
  for (let pages = 0; pages < 30; pages += 1) {
    const page: FeedPage = await get(client, `${url}?limit=${limit}${before ? `&before=${before}` : ''}`, FeedPage);
    entries.push(...page.items);
    before = page.nextCursor;
    if (!before) return entries;
    expect(page.items).toHaveLength(limit);
  }
  throw new Error('too many pages');
}

describe('GET /api/v1/organizations/:organizationId/home/feed', () => {
  async function feedScenario() {
    const s = await homeScenario();
    const engineer = await buildUser(t.ctx, { staffRole: 'support_engineer', name: '박엔지니어' });
    const { me, organization, cases } = s;
    const at = (days: number) => ago(days);
    const items = {
      created: await feedItem({ userId: me.userId, organizationId: organization.id, caseId: cases.mineNew.id, kind: 'case_created', createdAt: at(3), actorId: me.userId }),
      status: await feedItem({ userId: me.userId, organizationId: organization.id, caseId: cases.mineWaiting.id, kind: 'case_status', createdAt: at(2), actorId: engineer.id, details: { from: 'new', to: 'waiting_on_response' } }),
      mention: await feedItem({ userId: me.userId, organizationId: organization.id, caseId: cases.followedAnswered.id, kind: 'case_mention', createdAt: at(1), actorId: engineer.id, details: { excerpt: '@나 확인 부탁드립니다 🙏' } }),
      // The same instant as the release 2.0: the id decides the order.
      sameInstant: await feedItem({ userId: me.userId, organizationId: organization.id, caseId: cases.mineAnswered.id, kind: 'case_post', createdAt: s.releases.recentA.publishedAt!, actorId: engineer.id }),
      reopened: await feedItem({ userId: me.userId, organizationId: organization.id, caseId: cases.closedRecently.id, kind: 'case_reopened', createdAt: at(4), actorId: me.userId }),
    };
    // Not mine to see: a case on a hidden site, another person's item, an unknown kind.
    await feedItem({ userId: me.userId, organizationId: organization.id, caseId: cases.hiddenWaiting.id, kind: 'case_mention', createdAt: at(1) });
    await feedItem({ userId: s.colleague.id, organizationId: organization.id, caseId: cases.mineNew.id, kind: 'case_created', createdAt: at(1) });
    await feedItem({ userId: me.userId, organizationId: organization.id, caseId: cases.mineNew.id, kind: 'case_assigned', createdAt: at(1) });
    return { ...s, engineer, items };
  }

  it('merges case updates, mentions, new releases and contract warnings, newest first, of what the member can see', async () => {
    const s = await feedScenario();
    const page = await get(s.me, `${s.base}/home/feed?limit=50`, FeedPage);
    const expiringAt = new Date(endOfDate(s.contracts.expiring.endsOn).getTime() - 90 * DAY_MS).toISOString();
    const expiredAt = endOfDate(s.contracts.expired.endsOn).toISOString();
    const sameInstantFirst = `r:${s.releases.recentA.id}` > `f:${String(s.items.sameInstant.id).padStart(16, '0')}`;
    const releaseId = `r:${s.releases.recentA.id}`;
    const postId = `f:${String(s.items.sameInstant.id).padStart(16, '0')}`;
    expect(page.items.map((entry) => entry.id)).toEqual([
      `f:${String(s.items.mention.id).padStart(16, '0')}`,
      `f:${String(s.items.status.id).padStart(16, '0')}`,
      `f:${String(s.items.created.id).padStart(16, '0')}`,
      `f:${String(s.items.reopened.id).padStart(16, '0')}`,
      ...(sameInstantFirst ? [releaseId, postId] : [postId, releaseId]),
      `r:${s.releases.monthOldA.id}`,
      `c:${s.contracts.expiring.id}:expiring`,
      `c:${s.contracts.expired.id}:expired`,
    ]);
    const byId = new Map(page.items.map((entry) => [entry.id, entry]));
    expect(byId.get(`f:${String(s.items.status.id).padStart(16, '0')}`)).toEqual({
      id: `f:${String(s.items.status.id).padStart(16, '0')}`,
      kind: 'case_status',
      feedKind: 'case_updates',
      at: s.items.status.createdAt.toISOString(),
      actor: { id: s.engineer.id, name: '박엔지니어', side: 'engineer' },
      case: { id: s.cases.mineWaiting.id, number: formatCaseNumber(s.cases.mineWaiting.number), subject: s.cases.mineWaiting.subject, status: 'waiting_on_response' },
      release: null,
      contract: null,
      details: { from: 'new', to: 'waiting_on_response' },
    } satisfies FeedEntry);
    expect(byId.get(`f:${String(s.items.mention.id).padStart(16, '0')}`)).toMatchObject({ kind: 'case_mention', feedKind: 'mentions', details: { excerpt: '@나 확인 부탁드립니다 🙏' } });
    expect(byId.get(releaseId)).toMatchObject({
      kind: 'release_published',
      feedKind: 'new_releases',
      at: s.releases.recentA.publishedAt!.toISOString(),
      release: { id: s.releases.recentA.id, productId: s.products.productA.id, productName: s.products.productA.name, version: '2.0', siteId: s.siteA.id },
    });
    expect(byId.get(`c:${s.contracts.expiring.id}:expiring`)).toMatchObject({
      kind: 'contract_warning',
      feedKind: 'contract_warnings',
      at: expiringAt,
      contract: { siteId: s.siteA.id, siteName: 'A plant', state: 'expiring', endsOn: isoDateFrom(start, 30) },
    });
    expect(byId.get(`c:${s.contracts.expired.id}:expired`)).toMatchObject({ at: expiredAt, contract: { siteId: s.siteC.id, state: 'expired' } });
    expect(page.nextCursor).toBeNull();
  });

  it('walks the feed in pages with no duplicate or gap, across sources and ties', async () => {
    const s = await feedScenario();
    const whole = (await get(s.me, `${s.base}/home/feed?limit=50`, FeedPage)).items.map((entry) => entry.id);
    for (const limit of [1, 2, 3]) {
      const walked = (await walkFeed(s.me, `${s.base}/home/feed`, limit)).map((entry) => entry.id);
      expect(walked).toEqual(whole);
    }
  });

  it('lists only the kinds the member chose', async () => {
    const s = await feedScenario();
    await s.me.inject('PUT', '/api/v1/me/home-preferences', { highlights: [], feedKinds: ['mentions', 'contract_warnings'] });
    const page = await get(s.me, `${s.base}/home/feed`, FeedPage);
    expect(page.items.map((entry) => entry.kind)).toEqual(['case_mention', 'contract_warning', 'contract_warning']);
    await s.me.inject('PUT', '/api/v1/me/home-preferences', { highlights: [], feedKinds: ['new_releases'] });
    expect((await get(s.me, `${s.base}/home/feed`, FeedPage)).items.map((entry) => entry.release?.version)).toEqual(['2.0', '1.9']);
    await s.me.inject('PUT', '/api/v1/me/home-preferences', { highlights: [], feedKinds: [] });
    expect(await get(s.me, `${s.base}/home/feed`, FeedPage)).toEqual({ items: [], nextCursor: null });
  });

  it('shows an owner the releases and contracts of every site, and a member without case.view no case entries', async () => {
    const s = await feedScenario();
    const owner = await member(s.organization.id, 'owner');
    const ownerPage = await get(owner, `${s.base}/home/feed`, FeedPage);
    expect(ownerPage.items.filter((entry) => entry.kind === 'release_published').map((entry) => entry.release!.version)).toEqual(['7.1', '2.0', '1.9']);
    expect(ownerPage.items.filter((entry) => entry.kind === 'contract_warning').map((entry) => entry.contract!.state)).toEqual(['grace', 'expiring', 'expired']);
    expect(ownerPage.items.filter((entry) => entry.case !== null)).toEqual([]);
    // Without case.view, even the member's own feed items about cases stay hidden.
    const viewer = await buildUser(t.ctx);
    await buildMember(t.ctx, { organizationId: s.organization.id, userId: viewer.id, role: 'viewer', siteIds: [s.siteA.id] });
    await feedItem({ userId: viewer.id, organizationId: s.organization.id, caseId: s.cases.mineNew.id, kind: 'case_created', createdAt: ago(1) });
    const viewerPage = await get(await signInAs(t.app, viewer.email), `${s.base}/home/feed`, FeedPage);
    expect(viewerPage.items.filter((entry) => entry.case !== null)).toEqual([]);
  });

  it('shows the excerpt of a post or mention as plain text, not Markdown', async () => {
    const s = await feedScenario();
    const on = { organizationId: s.organization.id, caseId: s.cases.followedAnswered.id };
    const body = '## 조치\n\n**트렌드 수**를 _꼭_ 줄여 보세요.\n- 1단계\n- 2단계\n\n```sh\nsystemctl restart hmi\n```\n\n[설명서](https://example.com/docs) ![화면](shot.png) `status`';
    const post = await buildPost(t.ctx, { ...on, authorId: s.engineer.id, authorSide: 'engineer', body });
    // What the notice stored: the Markdown on one line.
    const details = { postId: post.id, internal: false, excerpt: excerptOf(body) };
    const items = [
      await feedItem({ ...on, userId: s.me.userId, kind: 'case_post', createdAt: ago(0.5), actorId: s.engineer.id, details }),
      await feedItem({ ...on, userId: s.me.userId, kind: 'case_mention', createdAt: ago(0.4), actorId: s.engineer.id, details }),
    ];
    const page = await get(s.me, `${s.base}/home/feed?limit=50`, FeedPage);
    for (const item of items) {
      const entry = page.items.find((e) => e.id === `f:${String(item.id).padStart(16, '0')}`);
      expect(entry?.details).toEqual({ postId: post.id, internal: false, excerpt: '조치 트렌드 수를 꼭 줄여 보세요. 1단계 2단계 systemctl restart hmi 설명서 화면 status' });
    }
  });

  it('refuses a malformed cursor or limit with 400', async () => {
    const s = await feedScenario();
    const encode = (text: string) => Buffer.from(text).toString('base64url');
    for (const query of ['before=%%%', `before=${encode('yesterday~f:1')}`, `before=${encode('123~x:1')}`, `before=${encode('123~f:12')}`, 'limit=0', 'limit=51', `before=${'a'.repeat(101)}`]) {
      const response = await s.me.inject('GET', `${s.base}/home/feed?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code).toBe('validation.failed');
    }
  });
});

describe('GET and PUT /api/v1/me/home-preferences', () => {
  it('answers the defaults until the person chooses, then their choice, keeping their case email choice', async () => {
    const me = await signInAs(t.app, (await buildUser(t.ctx)).email);
    expect(await get(me, '/api/v1/me/home-preferences', HomePreferences)).toEqual({ highlights: [...DEFAULT_HOME_HIGHLIGHTS], feedKinds: [...DEFAULT_FEED_KINDS] });
    await t.database.db.insert(userPreferences).values({ userId: me.userId, caseEmails: ['closed'] });
    const chosen = { highlights: ['new_releases', 'open_cases'], feedKinds: ['contract_warnings'] };
    const saved = await me.inject('PUT', '/api/v1/me/home-preferences', chosen);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual(chosen);
    expect(await get(me, '/api/v1/me/home-preferences', HomePreferences)).toEqual(chosen);
    const [row] = await t.database.db.select().from(userPreferences).where(eq(userPreferences.userId, me.userId));
    expect(row!.caseEmails).toEqual(['closed']);
    // Choosing nothing is a choice too.
    await me.inject('PUT', '/api/v1/me/home-preferences', { highlights: [], feedKinds: [] });
    expect(await get(me, '/api/v1/me/home-preferences', HomePreferences)).toEqual({ highlights: [], feedKinds: [] });
  });

  it('refuses unknown kinds, a kind named twice, too many kinds or a missing list with 400, and changes nothing', async () => {
    const me = await signInAs(t.app, (await buildUser(t.ctx)).email);
    const bad = [
      { highlights: ['open_cases', 'weather'], feedKinds: [] },
      { highlights: [], feedKinds: ['gossip'] },
      { highlights: ['open_cases', 'open_cases'], feedKinds: [] },
      { highlights: [], feedKinds: ['mentions', 'mentions'] },
      { highlights: ['open_cases', 'waiting_on_me', 'my_open_cases', 'closed_last_30_days', 'contracts_ending', 'new_releases', 'open_cases'], feedKinds: [] },
      { highlights: ['open_cases'] },
      { feedKinds: [] },
      { highlights: 'open_cases', feedKinds: [] },
    ];
    for (const body of bad) {
      const response = await me.inject('PUT', '/api/v1/me/home-preferences', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.code).toBe('validation.failed');
    }
    expect(await get(me, '/api/v1/me/home-preferences', HomePreferences)).toEqual({ highlights: [...DEFAULT_HOME_HIGHLIGHTS], feedKinds: [...DEFAULT_FEED_KINDS] });
  });

  it('needs a session, and the CSRF token to change', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me/home-preferences' })).statusCode).toBe(401);
    const me = await signInAs(t.app, (await buildUser(t.ctx)).email);
    const response = await t.app.inject({ method: 'PUT', url: '/api/v1/me/home-preferences', headers: { cookie: me.cookie }, payload: { highlights: [], feedKinds: [] } });
    expect(response.statusCode).toBe(403);
  });
});
