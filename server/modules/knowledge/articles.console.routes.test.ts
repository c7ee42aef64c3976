import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Article, ArticlePage } from '../../../common/schemas/knowledge';
import { articles, articleTranslations, searchEntries } from '../../db/schema/index';
import { buildProduct } from '../../test/catalog-factories';
import { buildOrganization } from '../../test/factories';
import { buildTestApp, signInAs, type SignedIn, type TestApp } from '../../test/test-app';
import { auditOf, CONSOLE, searchJobsFor, signInMember, signInStaff, writeArticle, writePublishedArticle } from './knowledge.test-support';

const DAY_MS = 86_400_000;

let t: TestApp;
let engineer: SignedIn;
beforeAll(async () => {
  t = await buildTestApp();
  engineer = await signInStaff(t);
});
afterAll(async () => {
  await t.close();
});

const expectError = (response: { statusCode: number; json(): unknown; body: string }, status: number, code: string) => {
  expect(response.statusCode, response.body).toBe(status);
  expect((response.json() as { error: { code: string } }).error.code).toBe(code);
};

describe('POST /api/v1/console/articles', () => {
  it('writes an article as a draft in its first language with product tags, queues it for search and logs it', async () => {
    const product = await buildProduct(t.ctx, { name: `PI Server ${randomUUID().slice(0, 6)}` });
    const response = await engineer.inject('POST', CONSOLE, {
      language: 'ko',
      title: '  PI Server 라이선스 활성화  ',
      summary: '라이선스 파일을 적용하는 방법',
      issue: '라이선스가 **만료**되었다고 나옵니다.',
      environment: 'PI Server 2023',
      resolution: '`pilicmgr` 로 새 파일을 적용합니다.',
      visibility: 'customers',
      productIds: [product.id, product.id],
    });
    expect(response.statusCode, response.body).toBe(201);
    const article = Article.parse(response.json());
    expect(article).toMatchObject({ visibility: 'customers', products: [{ id: product.id, name: product.name }], verification: { state: 'unverified', verifiedAt: null }, sourceCase: null, votes: { helpful: 0, notHelpful: 0 }, viewCount: 0 });
    expect(article.createdBy).toMatchObject({ id: engineer.userId, side: 'engineer' });
    expect(article.translations).toHaveLength(1);
    expect(article.translations[0]).toMatchObject({ language: 'ko', title: 'PI Server 라이선스 활성화', status: 'draft', publishedAt: null, updatedBy: { id: engineer.userId } });
    expect(await searchJobsFor(t, article.id)).toBe(1);
    const [audit] = await auditOf(t, article.id);
    expect(audit).toMatchObject({ action: 'article.created', actorUserId: engineer.userId, organizationId: null, details: { language: 'ko', title: 'PI Server 라이선스 활성화' } });
    expect(Article.parse((await engineer.inject('GET', `${CONSOLE}/${article.id}`)).json())).toEqual(article);
  });

  it('is internal by default', async () => {
    expect((await writeArticle(engineer)).visibility).toBe('internal');
  });

  it('refuses bad input: empty or blank title, 201 characters, control characters, a title over two lines or with a bidirectional override, unknown product, bad language or visibility, bad uuid', async () => {
    const before = (await t.ctx.db.select().from(articles)).length;
    const bad = [
      { language: 'en', title: '' },
      { language: 'en', title: '   ' },
      { language: 'en', title: '\u200B\u200B' },
      { language: 'en', title: 'x'.repeat(201) },
      { language: 'en', title: 'Bell\u0007 in the title' },
      // A title is one line: it heads lists, results and tabs, and `a\u202Etxt.exe` would read "aexe.txt".
      { language: 'en', title: 'line one\nline two' },
      { language: 'en', title: 'Tab\tin the title' },
      { language: 'en', title: 'a\u202Etxt.exe' },
      { language: 'en', title: 'Fine', resolution: 'Null \u0000 byte' },
      { language: 'fr', title: 'Bonjour' },
      { language: 'en', title: 'Fine', visibility: 'everyone' },
      { language: 'en', title: 'Fine', productIds: ['not-a-uuid'] },
      { title: 'No language' },
    ];
    for (const payload of bad) expectError(await engineer.inject('POST', CONSOLE, payload), 400, 'validation.failed');
    expectError(await engineer.inject('POST', CONSOLE, { language: 'en', title: 'Fine', productIds: [randomUUID()] }), 422, 'articles.product_not_found');
    expect((await engineer.inject('POST', CONSOLE, { language: 'en', title: 'x'.repeat(200) })).statusCode).toBe(201);
    expect((await engineer.inject('POST', CONSOLE, { language: 'en', title: 'Emoji are fine 😀', resolution: 'Tabs\tand\nlines are fine here' })).statusCode).toBe(201);
    expect((await t.ctx.db.select().from(articles)).length).toBe(before + 2);
  });
});

describe('who may use the console routes', () => {
  it('refuses customers (even an owner), agents and account managers with 403, and answers 401 signed out', async () => {
    const article = await writeArticle(engineer);
    const organization = await buildOrganization(t.ctx);
    const owner = await signInMember(t, organization.id, 'owner');
    const agent = await signInStaff(t, 'agent');
    const accountManager = await signInStaff(t, 'account_manager');
    for (const client of [owner, agent, accountManager]) {
      expectError(await client.inject('GET', CONSOLE), 403, 'auth.forbidden');
      expectError(await client.inject('GET', `${CONSOLE}/${article.id}`), 403, 'auth.forbidden');
      expectError(await client.inject('POST', CONSOLE, { language: 'en', title: 'Mine' }), 403, 'auth.forbidden');
      expectError(await client.inject('PATCH', `${CONSOLE}/${article.id}`, { language: 'en', title: 'Mine' }), 403, 'auth.forbidden');
      expectError(await client.inject('DELETE', `${CONSOLE}/${article.id}`), 403, 'auth.forbidden');
      expectError(await client.inject('POST', `${CONSOLE}/${article.id}/verify`), 403, 'auth.forbidden');
    }
    expect((await t.app.inject({ method: 'GET', url: CONSOLE })).statusCode).toBe(401);
    const admin = await signInStaff(t, 'vendor_admin');
    expect((await admin.inject('GET', `${CONSOLE}/${article.id}`)).statusCode).toBe(200);
  });

  it('answers 404 articles.not_found for an unknown article and 400 for a bad id', async () => {
    expectError(await engineer.inject('GET', `${CONSOLE}/${randomUUID()}`), 404, 'articles.not_found');
    expectError(await engineer.inject('PATCH', `${CONSOLE}/${randomUUID()}`, { language: 'en', title: 'X' }), 404, 'articles.not_found');
    expectError(await engineer.inject('GET', `${CONSOLE}/not-a-uuid`), 400, 'validation.failed');
    expectError(await engineer.inject('DELETE', `${CONSOLE}/${randomUUID()}`), 404, 'articles.not_found');
  });
});

describe('PATCH /api/v1/console/articles/:articleId', () => {
  it("changes one language's words, the visibility and the product tags; stamps updatedAt and the editor; queues search; logs it", async () => {
    const product = await buildProduct(t.ctx);
    const article = await writeArticle(engineer, { productIds: [product.id] });
    const other = await signInStaff(t);
    t.clock.advance(60_000);
    const response = await other.inject('PATCH', `${CONSOLE}/${article.id}`, { language: 'en', title: 'Renamed', resolution: 'New steps', visibility: 'public', productIds: [], expectedUpdatedAt: article.updatedAt });
    expect(response.statusCode, response.body).toBe(200);
    const updated = Article.parse(response.json());
    expect(updated).toMatchObject({ visibility: 'public', products: [] });
    expect(updated.translations[0]).toMatchObject({ title: 'Renamed', resolution: 'New steps', issue: 'It fails.', updatedBy: { id: other.userId } });
    expect(Date.parse(updated.updatedAt)).toBe(Date.parse(article.updatedAt) + 60_000);
    expect(await searchJobsFor(t, article.id)).toBe(2);
    const entries = await auditOf(t, article.id);
    expect(entries.at(-1)).toMatchObject({ action: 'article.updated', actorUserId: other.userId, details: { language: 'en', title: 'Renamed', visibility: { from: 'internal', to: 'public' } } });
  });

  it('answers 409 articles.changed when someone saved since the editor loaded it, changing nothing', async () => {
    const article = await writeArticle(engineer);
    t.clock.advance(1_000);
    expect((await engineer.inject('PATCH', `${CONSOLE}/${article.id}`, { language: 'en', summary: 'First save', expectedUpdatedAt: article.updatedAt })).statusCode).toBe(200);
    const stale = await engineer.inject('PATCH', `${CONSOLE}/${article.id}`, { language: 'en', summary: 'Second save', expectedUpdatedAt: article.updatedAt });
    expectError(stale, 409, 'articles.changed');
    const [translation] = await t.ctx.db.select().from(articleTranslations).where(eq(articleTranslations.articleId, article.id));
    expect(translation!.summary).toBe('First save');
  });

  it('answers 404 articles.translation_not_found for a language the article lacks, 422 for an unknown product, 400 for bad input', async () => {
    const article = await writeArticle(engineer);
    const missing = await engineer.inject('PATCH', `${CONSOLE}/${article.id}`, { language: 'ko', title: '제목' });
    expectError(missing, 404, 'articles.translation_not_found');
    expect(missing.json().error.message).toBe('The article has no 한국어 translation.');
    expectError(await engineer.inject('PATCH', `${CONSOLE}/${article.id}`, { language: 'en', productIds: [randomUUID()] }), 422, 'articles.product_not_found');
    for (const payload of [{ language: 'en', title: '' }, { language: 'en', title: 'y'.repeat(201) }, { language: 'en', summary: 'a\u001bb' }, { language: 'en', unknown: 1 }, { title: 'no language' }, { language: 'en', expectedUpdatedAt: 'yesterday' }]) {
      expectError(await engineer.inject('PATCH', `${CONSOLE}/${article.id}`, payload), 400, 'validation.failed');
    }
  });
});

describe('translations', () => {
  it('adds a language as a draft, refuses one it has (409), removes one but never the last (409)', async () => {
    const article = await writeArticle(engineer, { language: 'en', title: 'Buffering' });
    const added = await engineer.inject('POST', `${CONSOLE}/${article.id}/translations`, { language: 'ko', title: '버퍼링', resolution: '버퍼 크기를 늘립니다.' });
    expect(added.statusCode, added.body).toBe(201);
    expect(Article.parse(added.json()).translations.map((tr) => [tr.language, tr.status])).toEqual([['ko', 'draft'], ['en', 'draft']]);
    const again = await engineer.inject('POST', `${CONSOLE}/${article.id}/translations`, { language: 'ko', title: '또' });
    expectError(again, 409, 'articles.translation_exists');
    expect(again.json().error.message).toBe('The article already has a 한국어 translation.');
    expectError(await engineer.inject('POST', `${CONSOLE}/${article.id}/translations`, { language: 'ko', title: '' }), 400, 'validation.failed');

    const removed = await engineer.inject('DELETE', `${CONSOLE}/${article.id}/translations/en`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(Article.parse(removed.json()).translations.map((tr) => tr.language)).toEqual(['ko']);
    expectError(await engineer.inject('DELETE', `${CONSOLE}/${article.id}/translations/en`), 404, 'articles.translation_not_found');
    expectError(await engineer.inject('DELETE', `${CONSOLE}/${article.id}/translations/ko`), 409, 'articles.last_translation');
    expectError(await engineer.inject('DELETE', `${CONSOLE}/${article.id}/translations/fr`), 400, 'validation.failed');
    expect((await auditOf(t, article.id)).map((e) => e.action)).toEqual(['article.created', 'article.translation.added', 'article.translation.deleted']);
    expect(await searchJobsFor(t, article.id)).toBe(3);
  });
});

describe('publish and unpublish', () => {
  it('publishes one language (published then, queued for search), takes it back to draft; the same again changes nothing', async () => {
    const article = await writeArticle(engineer);
    t.clock.advance(1_000);
    const published = Article.parse((await engineer.inject('POST', `${CONSOLE}/${article.id}/publish`, { language: 'en' })).json());
    expect(published.translations[0]).toMatchObject({ status: 'published', publishedAt: t.clock.now().toISOString() });
    expect((await engineer.inject('POST', `${CONSOLE}/${article.id}/publish`, { language: 'en' })).statusCode).toBe(200);
    expectError(await engineer.inject('POST', `${CONSOLE}/${article.id}/publish`, { language: 'ko' }), 404, 'articles.translation_not_found');
    expectError(await engineer.inject('POST', `${CONSOLE}/${article.id}/publish`, {}), 400, 'validation.failed');
    const drafted = Article.parse((await engineer.inject('POST', `${CONSOLE}/${article.id}/unpublish`, { language: 'en' })).json());
    expect(drafted.translations[0]).toMatchObject({ status: 'draft', publishedAt: null });
    expect((await auditOf(t, article.id)).map((e) => e.action)).toEqual(['article.created', 'article.published', 'article.unpublished']);
    expect(await searchJobsFor(t, article.id)).toBe(3);
  });
});

describe('verification', () => {
  it('refuses to verify an article with no published language (409), stamps verifiedAt, verifiedBy and the expiry, and withdraws', async () => {
    const article = await writeArticle(engineer);
    expectError(await engineer.inject('POST', `${CONSOLE}/${article.id}/verify`), 409, 'articles.not_published');
    await engineer.inject('POST', `${CONSOLE}/${article.id}/publish`, { language: 'en' });
    const response = await engineer.inject('POST', `${CONSOLE}/${article.id}/verify`);
    expect(response.statusCode, response.body).toBe(200);
    const now = t.clock.now();
    const verified = Article.parse(response.json());
    expect(verified.verification).toEqual({ state: 'verified', verifiedAt: now.toISOString(), verifiedBy: expect.objectContaining({ id: engineer.userId, side: 'engineer' }), expiresAt: new Date(now.getTime() + 180 * DAY_MS).toISOString() });
    const withdrawn = Article.parse((await engineer.inject('DELETE', `${CONSOLE}/${article.id}/verify`)).json());
    expect(withdrawn.verification).toEqual({ state: 'unverified', verifiedAt: null, verifiedBy: null, expiresAt: null });
    expect((await auditOf(t, article.id)).map((e) => e.action)).toEqual(['article.created', 'article.published', 'article.verified', 'article.verification.withdrawn']);
    expect(await searchJobsFor(t, article.id)).toBe(4);
  });

  it('asks for review once ARTICLE_VERIFICATION_DAYS have passed: review_due on the article and in the list filter', async () => {
    const app = await buildTestApp();
    try {
      let writer = await signInStaff(app);
      const article = await writePublishedArticle(writer);
      await writer.inject('POST', `${CONSOLE}/${article.id}/verify`);
      const list = async (verification: string) => ArticlePage.parse((await writer.inject('GET', `${CONSOLE}?verification=${verification}`)).json()).items.map((i) => i.id);
      expect(await list('verified')).toEqual([article.id]);
      app.clock.advance(180 * DAY_MS - 1);
      // Sessions end with time too: sign in again on the far side of the move.
      writer = await signInAs(app.app, writer.email);
      expect((await writer.inject('GET', `${CONSOLE}/${article.id}`)).json().verification.state).toBe('verified');
      app.clock.advance(1);
      expect((await writer.inject('GET', `${CONSOLE}/${article.id}`)).json().verification.state).toBe('review_due');
      expect(await list('review_due')).toEqual([article.id]);
      expect(await list('verified')).toEqual([]);
      expect(ArticlePage.parse((await writer.inject('GET', CONSOLE)).json()).items[0]!.verification).toBe('review_due');
      // Verifying again starts a new period.
      await writer.inject('POST', `${CONSOLE}/${article.id}/verify`);
      expect(await list('verified')).toEqual([article.id]);
    } finally {
      await app.close();
    }
  });

  it('never lapses when ARTICLE_VERIFICATION_DAYS is 0', async () => {
    const app = await buildTestApp({ serviceConfig: { articleVerificationDays: 0 } });
    try {
      let writer = await signInStaff(app);
      const article = await writePublishedArticle(writer);
      const verified = Article.parse((await writer.inject('POST', `${CONSOLE}/${article.id}/verify`)).json());
      expect(verified.verification).toMatchObject({ state: 'verified', expiresAt: null });
      app.clock.advance(3650 * DAY_MS);
      writer = await signInAs(app.app, writer.email);
      expect((await writer.inject('GET', `${CONSOLE}/${article.id}`)).json().verification.state).toBe('verified');
    } finally {
      await app.close();
    }
  });
});

describe('DELETE /api/v1/console/articles/:articleId', () => {
  it('deletes the article with its translations, queues the removal from search and logs it', async () => {
    const article = await writeArticle(engineer, { title: 'Gone soon' });
    const response = await engineer.inject('DELETE', `${CONSOLE}/${article.id}`);
    expect(response.statusCode).toBe(204);
    expect(await t.ctx.db.select().from(articleTranslations).where(eq(articleTranslations.articleId, article.id))).toEqual([]);
    expectError(await engineer.inject('GET', `${CONSOLE}/${article.id}`), 404, 'articles.not_found');
    expect(await searchJobsFor(t, article.id)).toBe(2);
    expect((await auditOf(t, article.id)).at(-1)).toMatchObject({ action: 'article.deleted', details: { titles: [{ language: 'en', title: 'Gone soon' }] } });
  });
});

describe('GET /api/v1/console/articles', () => {
  it('lists newest change first with every filter, titles in the reader’s language, a page at a time with a total', async () => {
    const app = await buildTestApp();
    try {
      const writer = await signInStaff(app);
      const product = await buildProduct(app.ctx);
      const draft = await writeArticle(writer, { title: 'Draft about backup' });
      app.clock.advance(1_000);
      const both = await writePublishedArticle(writer, { visibility: 'public', productIds: [product.id], translations: [{ language: 'en', title: 'Session recording' }, { language: 'ko', title: '원격지원 세션 녹화', publish: false }] });
      app.clock.advance(1_000);
      const korean = await writePublishedArticle(writer, { translations: [{ language: 'ko', title: 'PI 아카이브 백업' }] });
      await writer.inject('POST', `${CONSOLE}/${korean.id}/verify`);
      const list = async (query: string, client = writer) => {
        const response = await client.inject('GET', `${CONSOLE}${query}`);
        expect(response.statusCode, response.body).toBe(200);
        return ArticlePage.parse(response.json());
      };
      const all = await list('');
      expect(all.items.map((i) => i.id)).toEqual([korean.id, both.id, draft.id]);
      expect(all.total).toBe(3);
      expect(all.items[1]).toMatchObject({ title: 'Session recording', languages: [{ language: 'ko', status: 'draft' }, { language: 'en', status: 'published' }], visibility: 'public', products: [{ id: product.id }] });
      const ids = async (query: string) => (await list(query)).items.map((i) => i.id);
      expect(await ids('?status=draft')).toEqual([draft.id]);
      expect(await ids('?status=published')).toEqual([korean.id, both.id]);
      expect(await ids('?visibility=public')).toEqual([both.id]);
      expect(await ids('?language=ko')).toEqual([korean.id, both.id]);
      expect(await ids('?verification=verified')).toEqual([korean.id]);
      expect(await ids('?verification=unverified')).toEqual([both.id, draft.id]);
      expect(await ids(`?productId=${product.id}`)).toEqual([both.id]);
      expect(await ids(`?q=${encodeURIComponent('백업')}`)).toEqual([korean.id]);
      expect(await ids('?q=BACKUP')).toEqual([draft.id]);
      expect(await ids(`?q=${encodeURIComponent('100%_')}`)).toEqual([]);
      // A Korean reader gets the Korean title where there is one.
      const koreanReader = await signInStaff(app);
      await app.database.raw('update users set locale = $1 where id = $2', ['ko', koreanReader.userId]);
      expect((await list('', koreanReader)).items[1]!.title).toBe('원격지원 세션 녹화');

      const first = await list('?limit=2');
      expect(first.items.map((i) => i.id)).toEqual([korean.id, both.id]);
      expect(first.total).toBe(3);
      const second = await list(`?limit=2&cursor=${first.nextCursor}`);
      expect(second.items.map((i) => i.id)).toEqual([draft.id]);
      expect(second.nextCursor).toBeNull();
      for (const query of ['?cursor=abc', `?cursor=${Buffer.from('["x"]').toString('base64url')}`, '?limit=0', '?limit=101', '?status=gone', `?q=${'q'.repeat(201)}`, '?productId=nope']) {
        expect((await writer.inject('GET', `${CONSOLE}${query}`)).statusCode, query).toBe(400);
      }
    } finally {
      await app.close();
    }
  });
});

describe('the search index', () => {
  it('follows the article through the job queue: published, then deleted', async () => {
    const article = await writeArticle(engineer, { visibility: 'customers', title: 'Interface buffering after an outage' });
    await engineer.inject('POST', `${CONSOLE}/${article.id}/publish`, { language: 'en' });
    await t.drainJobs();
    const entries = async () => t.ctx.db.select().from(searchEntries).where(eq(searchEntries.targetId, article.id));
    expect(await entries()).toEqual([expect.objectContaining({ kind: 'article', published: true, audience: 'customers', language: 'en', title: 'Interface buffering after an outage' })]);
    await engineer.inject('DELETE', `${CONSOLE}/${article.id}`);
    await t.drainJobs();
    expect(await entries()).toEqual([]);
  });
});
