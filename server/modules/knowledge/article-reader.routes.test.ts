import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticlePage, ArticleView, VoteResult } from '../../../common/schemas/knowledge';
import { articles, articleViews, articleVotes } from '../../db/schema/index';
import { buildOrganization } from '../../test/factories';
import { buildArticle } from '../../test/knowledge-factories';
import { buildTestApp, signInAs, type SignedIn, type TestApp } from '../../test/test-app';
import { pruneArticleViewers } from './article-reader.service';
import { auditOf, buildKnowledgeScenario, CONSOLE, signInMember, writeArticle, writePublishedArticle, type KnowledgeScenario } from './knowledge.test-support';

let t: TestApp;
let s: KnowledgeScenario;
beforeAll(async () => {
  t = await buildTestApp();
  s = await buildKnowledgeScenario(t);
});
afterAll(async () => {
  await t.close();
});

const PUBLIC = '/api/v1/public/articles';
const expectError = (response: { statusCode: number; json(): unknown; body: string }, status: number, code: string) => {
  expect(response.statusCode, response.body).toBe(status);
  expect((response.json() as { error: { code: string } }).error.code).toBe(code);
};
const countsOf = async (articleId: string) => {
  const [row] = await t.ctx.db.select({ helpful: articles.helpfulCount, notHelpful: articles.notHelpfulCount, views: articles.viewCount }).from(articles).where(eq(articles.id, articleId));
  return row!;
};

describe('GET /api/v1/organizations/:organizationId/articles/:articleId', () => {
  it('shows a published article for customers in the asked language, else the reader’s, else the first published; never a draft language', async () => {
    const article = await writePublishedArticle(s.engineer, {
      translations: [
        { language: 'en', title: 'Interface buffering' },
        { language: 'ko', title: '인터페이스 버퍼링' },
      ],
    });
    const read = async (client: SignedIn, query = '') => {
      const response = await client.inject('GET', `${s.portal}/${article.id}${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return ArticleView.parse(response.json());
    };
    const english = await read(s.customer);
    expect(english).toMatchObject({ id: article.id, language: 'en', title: 'Interface buffering', languages: ['ko', 'en'], visibility: 'customers', votes: { helpful: 0, notHelpful: 0, mine: null } });
    expect((await read(s.customer, '?lang=ko')).title).toBe('인터페이스 버퍼링');
    const koreanReader = await signInMember(t, s.organizationId, 'viewer', 'ko');
    expect((await read(koreanReader)).language).toBe('ko');
    expect((await read(koreanReader, '?lang=en')).language).toBe('en');

    await s.engineer.inject('POST', `${CONSOLE}/${article.id}/unpublish`, { language: 'ko' });
    const onlyEnglish = await read(koreanReader, '?lang=ko');
    expect(onlyEnglish).toMatchObject({ language: 'en', languages: ['en'] });
    expectError(await s.customer.inject('GET', `${s.portal}/${article.id}?lang=fr`), 400, 'validation.failed');
  });

  it('answers 404 articles.not_found for internal, draft-only, deleted and unknown articles, and 400 for a bad id', async () => {
    const internal = await writePublishedArticle(s.engineer, { visibility: 'internal' });
    const draft = await writeArticle(s.engineer, { visibility: 'customers' });
    const deleted = await writePublishedArticle(s.engineer);
    await s.engineer.inject('DELETE', `${CONSOLE}/${deleted.id}`);
    for (const id of [internal.id, draft.id, deleted.id, randomUUID()]) {
      expectError(await s.customer.inject('GET', `${s.portal}/${id}`), 404, 'articles.not_found');
      expectError(await s.customer.inject('PUT', `${s.portal}/${id}/vote`, { value: 'up' }), 404, 'articles.not_found');
    }
    expectError(await s.customer.inject('GET', `${s.portal}/not-a-uuid`), 400, 'validation.failed');
    // The search's suggestions live beside the articles: their static path is not taken for an article id.
    const owner = await signInMember(t, s.organizationId, 'owner');
    const suggestions = await owner.inject('GET', `${s.portal}/suggestions?q=backup`);
    expect(suggestions.statusCode, suggestions.body).toBe(200);
    expect(suggestions.json()).toHaveProperty('items');
  });

  it('answers 404 for another organization’s path and 401 signed out', async () => {
    const article = await writePublishedArticle(s.engineer);
    const other = await buildOrganization(t.ctx);
    expectError(await s.customer.inject('GET', `/api/v1/organizations/${other.id}/articles/${article.id}`), 404, 'organizations.not_found');
    expectError(await s.customer.inject('GET', `/api/v1/organizations/${other.id}/articles`), 404, 'organizations.not_found');
    expect((await t.app.inject({ method: 'GET', url: `${s.portal}/${article.id}` })).statusCode).toBe(401);
  });

  it('counts a view once per reader a day: a reload is not a new read, another reader or the next day is', async () => {
    const article = await writePublishedArticle(s.engineer, { visibility: 'public' });
    const open = async (client: SignedIn) => ArticleView.parse((await client.inject('GET', `${s.portal}/${article.id}`)).json()).viewCount;
    expect(await open(s.customer)).toBe(1);
    expect(await open(s.customer)).toBe(1);
    const other = await signInMember(t, s.organizationId, 'viewer');
    expect(await open(other)).toBe(2);
    expect(await open(other)).toBe(2);

    // Not signed in: one browser at one address counts once; another browser, or another address, again.
    const openPublic = (ip: string, userAgent: string) => t.app.inject({ method: 'GET', url: `${PUBLIC}/${article.id}`, remoteAddress: ip, headers: { 'user-agent': userAgent } });
    await openPublic('203.0.113.7', 'Firefox/130');
    await openPublic('203.0.113.7', 'Firefox/130');
    expect((await countsOf(article.id)).views).toBe(3);
    await openPublic('203.0.113.7', 'Chrome/129');
    await openPublic('198.51.100.2', 'Firefox/130');
    expect((await countsOf(article.id)).views).toBe(5);
    // The address is never stored, only a keyed hash of it.
    const viewers = (await t.ctx.db.select({ viewer: articleViews.viewer }).from(articleViews).where(eq(articleViews.articleId, article.id))).map((v) => v.viewer);
    expect(viewers).toHaveLength(5);
    expect(viewers.filter((v) => v.startsWith('anon:'))).toHaveLength(3);
    expect(viewers.join(' ')).not.toContain('203.0.113.7');

    // A refused read counts nothing.
    const internal = await writePublishedArticle(s.engineer, { visibility: 'internal' });
    await s.customer.inject('GET', `${s.portal}/${internal.id}`);
    expect((await countsOf(internal.id)).views).toBe(0);

    // The next day (UTC) the same reader counts again; the day before yesterday's rows are pruned.
    const today = t.clock.now();
    try {
      t.clock.advance(24 * 3600_000);
      const sameCustomer = await signInAs(t.app, s.customer.email);
      expect(await open(sameCustomer)).toBe(6);
      expect(await open(sameCustomer)).toBe(6);
      await openPublic('203.0.113.7', 'Firefox/130');
      expect((await countsOf(article.id)).views).toBe(7);
      t.clock.advance(24 * 3600_000);
      expect(await pruneArticleViewers(t.ctx)).toBeGreaterThanOrEqual(5);
      const left = await t.ctx.db.select({ viewer: articleViews.viewer }).from(articleViews).where(eq(articleViews.articleId, article.id));
      expect(left).toHaveLength(2);
      expect((await countsOf(article.id)).views).toBe(7);
    } finally {
      t.clock.set(today);
    }
  });
});

describe('GET /api/v1/organizations/:organizationId/articles', () => {
  it('lists only published articles for customers or the public, with the published languages and titles in the reader’s language', async () => {
    const app = await buildTestApp();
    try {
      const scene = await buildKnowledgeScenario(app);
      await writePublishedArticle(scene.engineer, { visibility: 'internal', translations: [{ language: 'en', title: 'Internal only' }] });
      await writeArticle(scene.engineer, { visibility: 'customers', title: 'Draft only' });
      app.clock.advance(1_000);
      const forCustomers = await writePublishedArticle(scene.engineer, { translations: [{ language: 'en', title: 'PI Vision display slow' }, { language: 'ko', title: 'PI Vision 디스플레이 지연', publish: false }] });
      app.clock.advance(1_000);
      const publicOne = await writePublishedArticle(scene.engineer, { visibility: 'public', translations: [{ language: 'ko', title: '원격지원 세션 연결' }, { language: 'en', title: 'Remote support session' }] });
      const response = await scene.customer.inject('GET', scene.portal);
      expect(response.statusCode, response.body).toBe(200);
      const page = ArticlePage.parse(response.json());
      expect(page.items.map((i) => i.id)).toEqual([publicOne.id, forCustomers.id]);
      expect(page.total).toBe(2);
      expect(page.items[1]).toMatchObject({ title: 'PI Vision display slow', languages: [{ language: 'en', status: 'published' }] });
      expect(page.items[0]!.title).toBe('Remote support session');
      const koreanReader = await signInMember(app, scene.organizationId, 'viewer', 'ko');
      expect(ArticlePage.parse((await koreanReader.inject('GET', scene.portal)).json()).items.map((i) => i.title)).toEqual(['원격지원 세션 연결', 'PI Vision display slow']);
      // Words of a draft language are not searched for readers.
      expect(ArticlePage.parse((await scene.customer.inject('GET', `${scene.portal}?q=${encodeURIComponent('디스플레이')}`)).json()).items).toEqual([]);
      expect(ArticlePage.parse((await scene.customer.inject('GET', `${scene.portal}?q=session`)).json()).items.map((i) => i.id)).toEqual([publicOne.id]);
      expect(ArticlePage.parse((await scene.customer.inject('GET', `${scene.portal}?language=ko`)).json()).items.map((i) => i.id)).toEqual([publicOne.id]);
      const paged = ArticlePage.parse((await scene.customer.inject('GET', `${scene.portal}?limit=1`)).json());
      expect(paged.nextCursor).not.toBeNull();
      expect(ArticlePage.parse((await scene.customer.inject('GET', `${scene.portal}?limit=1&cursor=${paged.nextCursor}`)).json()).items.map((i) => i.id)).toEqual([forCustomers.id]);
      // Status and visibility are not the reader's to choose.
      expect((await scene.customer.inject('GET', `${scene.portal}?status=draft`)).statusCode).toBe(200);
      expect(ArticlePage.parse((await scene.customer.inject('GET', `${scene.portal}?visibility=internal`)).json()).total).toBe(2);
    } finally {
      await app.close();
    }
  });
});

describe('votes', () => {
  it('records one vote per person, moves it when changed, withdraws it, and logs it for the organization', async () => {
    const article = await writePublishedArticle(s.engineer);
    const vote = async (client: SignedIn, value: 'up' | 'down' | null) => {
      const response = value ? await client.inject('PUT', `${s.portal}/${article.id}/vote`, { value }) : await client.inject('DELETE', `${s.portal}/${article.id}/vote`);
      expect(response.statusCode, response.body).toBe(200);
      return VoteResult.parse(response.json());
    };
    expect(await vote(s.customer, 'up')).toEqual({ helpful: 1, notHelpful: 0, mine: 'up' });
    expect(await vote(s.customer, 'up')).toEqual({ helpful: 1, notHelpful: 0, mine: 'up' });
    const colleague = await signInMember(t, s.organizationId);
    expect(await vote(colleague, 'down')).toEqual({ helpful: 1, notHelpful: 1, mine: 'down' });
    expect(await vote(s.customer, 'down')).toEqual({ helpful: 0, notHelpful: 2, mine: 'down' });
    expect(ArticleView.parse((await s.customer.inject('GET', `${s.portal}/${article.id}`)).json()).votes).toEqual({ helpful: 0, notHelpful: 2, mine: 'down' });
    expect(await vote(s.customer, null)).toEqual({ helpful: 0, notHelpful: 1, mine: null });
    expect(await vote(s.customer, null)).toEqual({ helpful: 0, notHelpful: 1, mine: null });
    expect(await t.ctx.db.select().from(articleVotes).where(eq(articleVotes.articleId, article.id))).toHaveLength(1);
    const votes = (await auditOf(t, article.id)).filter((e) => e.action.startsWith('article.vote'));
    expect(votes.map((e) => [e.action, e.organizationId, e.details])).toEqual([
      ['article.vote.cast', s.organizationId, { from: null, to: 'up' }],
      ['article.vote.cast', s.organizationId, { from: null, to: 'down' }],
      ['article.vote.cast', s.organizationId, { from: 'up', to: 'down' }],
      ['article.vote.withdrawn', s.organizationId, { from: 'down', to: null }],
    ]);
    for (const payload of [{ value: 'sideways' }, {}, { value: 1 }]) expectError(await s.customer.inject('PUT', `${s.portal}/${article.id}/vote`, payload), 400, 'validation.failed');
  });

  it('keeps the counts exact when many people vote and change their votes at once', async () => {
    const article = await writePublishedArticle(s.engineer);
    const voters = await Promise.all(Array.from({ length: 8 }, () => signInMember(t, s.organizationId)));
    await Promise.all(voters.map((voter, i) => voter.inject('PUT', `${s.portal}/${article.id}/vote`, { value: i % 2 === 0 ? 'up' : 'down' })));
    await Promise.all(voters.map((voter, i) => (i < 4 ? voter.inject('PUT', `${s.portal}/${article.id}/vote`, { value: 'up' }) : voter.inject('DELETE', `${s.portal}/${article.id}/vote`))));
    const rows = await t.ctx.db.select().from(articleVotes).where(eq(articleVotes.articleId, article.id));
    const counts = await countsOf(article.id);
    expect(counts.helpful).toBe(rows.filter((r) => r.value === 1).length);
    expect(counts.notHelpful).toBe(rows.filter((r) => r.value === -1).length);
    expect(counts).toMatchObject({ helpful: 4, notHelpful: 0 });
  });
});

describe('GET /api/v1/public/articles/:articleId', () => {
  it('shows a published public article to anyone signed out, without a vote; 404 for articles for customers, internal or drafts', async () => {
    const article = await writePublishedArticle(s.engineer, { visibility: 'public', translations: [{ language: 'ko', title: 'PI Server 백업' }, { language: 'en', title: 'PI Server backup' }] });
    const response = await t.app.inject({ method: 'GET', url: `${PUBLIC}/${article.id}`, headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(response.statusCode, response.body).toBe(200);
    const view = ArticleView.parse(response.json());
    expect(view).toMatchObject({ language: 'en', title: 'PI Server backup', votes: { mine: null } });
    expect(ArticleView.parse((await t.app.inject({ method: 'GET', url: `${PUBLIC}/${article.id}`, headers: { 'accept-language': 'ko' } })).json()).language).toBe('ko');
    expect(ArticleView.parse((await s.customer.inject('GET', `${PUBLIC}/${article.id}?lang=ko`)).json()).votes.mine).toBeNull();

    const forCustomers = await writePublishedArticle(s.engineer, { visibility: 'customers' });
    const internal = await writePublishedArticle(s.engineer, { visibility: 'internal' });
    const draft = await writeArticle(s.engineer, { visibility: 'public' });
    for (const id of [forCustomers.id, internal.id, draft.id, randomUUID()]) {
      const refused = await t.app.inject({ method: 'GET', url: `${PUBLIC}/${id}` });
      expectError(refused, 404, 'articles.not_found');
    }
    expectError(await t.app.inject({ method: 'GET', url: `${PUBLIC}/not-a-uuid` }), 400, 'validation.failed');
    // There is no voting signed out.
    expect((await t.app.inject({ method: 'PUT', url: `${PUBLIC}/${article.id}/vote`, payload: { value: 'up' } })).statusCode).toBe(404);
  });

  it('shows a verification to readers while it lasts, and a lapsed one as none (Review due is for engineers only)', async () => {
    const now = t.clock.now().getTime();
    const recent = new Date(now - 10 * 86_400_000);
    const old = new Date(now - 200 * 86_400_000);
    const fresh = await buildArticle(t.ctx, { visibility: 'public', verified: recent, translations: [{ language: 'en', title: 'Verified lately' }] });
    const lapsed = await buildArticle(t.ctx, { visibility: 'public', verified: old, translations: [{ language: 'en', title: 'Old but verified once' }] });
    const never = await buildArticle(t.ctx, { visibility: 'public', translations: [{ language: 'en', title: 'Never verified' }] });
    const viewOf = async (id: string) => ArticleView.parse((await t.app.inject({ method: 'GET', url: `${PUBLIC}/${id}` })).json()).verification;
    expect(await viewOf(fresh.id)).toMatchObject({ state: 'verified', verifiedAt: recent.toISOString() });
    expect(await viewOf(lapsed.id)).toEqual({ state: 'unverified', verifiedAt: null, verifiedBy: null, expiresAt: null });
    const member = await s.customer.inject('GET', `${s.portal}/${lapsed.id}`);
    expect(ArticleView.parse(member.json()).verification.state).toBe('unverified');
    // The engineers still see it as due for review.
    const console = await s.engineer.inject('GET', `${CONSOLE}/${lapsed.id}`);
    expect(console.json()).toMatchObject({ verification: { state: 'review_due', verifiedAt: old.toISOString() } });
    // The portal's list and its filter: verified now, or not (lapsed included); review_due is not a reader's filter.
    const list = async (query: string) => ArticlePage.parse((await s.customer.inject('GET', `${s.portal}?limit=100${query}`)).json()).items;
    const stateOf = new Map((await list('')).map((item) => [item.id, item.verification]));
    expect([stateOf.get(fresh.id), stateOf.get(lapsed.id), stateOf.get(never.id)]).toEqual(['verified', 'unverified', 'unverified']);
    const unverified = (await list('&verification=unverified')).map((item) => item.id);
    expect(unverified).toEqual(expect.arrayContaining([lapsed.id, never.id]));
    expect(unverified).not.toContain(fresh.id);
    const verified = (await list('&verification=verified')).map((item) => item.id);
    expect(verified).toContain(fresh.id);
    expect(verified).not.toContain(lapsed.id);
    expectError(await s.customer.inject('GET', `${s.portal}?verification=review_due`), 400, 'validation.failed');
  });
});
