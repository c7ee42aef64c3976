import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verificationState } from '../../../common/knowledge';
import { ArticlePage, ArticleView } from '../../../common/schemas/knowledge';
import { articleAttachments, articles, articleTranslations, articleVotes, caseLinks, cases, organizations, searchEntries } from '../../db/schema/index';
import { buildTestApp, signInAs, type TestApp } from '../../test/test-app';
import { DEMO_PASSWORD, loadDemoData } from './demo.service';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await loadDemoData(t.ctx);
});
afterAll(async () => {
  await t.close();
});

describe('demo knowledge base', () => {
  it('has about a dozen articles in Korean and English (a few Korean only), one internal, one draft, one asking for review', async () => {
    const rows = await t.ctx.db.select().from(articles);
    const translations = await t.ctx.db.select().from(articleTranslations);
    expect(rows.length).toBeGreaterThanOrEqual(12);
    const languagesOf = (id: string) => translations.filter((tr) => tr.articleId === id).map((tr) => tr.language).sort();
    expect(rows.filter((r) => languagesOf(r.id).join() === 'en,ko').length).toBeGreaterThanOrEqual(8);
    expect(rows.filter((r) => languagesOf(r.id).join() === 'ko').length).toBeGreaterThanOrEqual(2);
    expect(rows.filter((r) => r.visibility === 'internal')).toHaveLength(1);
    const drafts = rows.filter((r) => translations.filter((tr) => tr.articleId === r.id).every((tr) => tr.status === 'draft'));
    expect(drafts).toHaveLength(1);
    const states = rows.map((r) => verificationState(r.verifiedAt, r.verificationExpiresAt, t.clock.now()));
    expect(states.filter((s) => s === 'verified').length).toBeGreaterThanOrEqual(6);
    expect(states).toContain('review_due');
    expect(rows.every((r) => r.createdBy !== null)).toBe(true);
    // Vote counts agree with the votes.
    const votes = await t.ctx.db.select().from(articleVotes);
    for (const row of rows) {
      expect(row.helpfulCount).toBe(votes.filter((v) => v.articleId === row.id && v.value === 1).length);
      expect(row.notHelpfulCount).toBe(votes.filter((v) => v.articleId === row.id && v.value === -1).length);
    }
    const [image] = await t.ctx.db.select().from(articleAttachments);
    expect(await t.ctx.blobs.size(image!.sha256)).toBe(image!.size);
  });

  it('has an article written from a closed demo case, linked from the case', async () => {
    const [fromCase] = await t.ctx.db.select({ article: articles, caseStatus: cases.status }).from(articles).innerJoin(cases, eq(cases.id, articles.sourceCaseId));
    expect(fromCase!.caseStatus).toBe('closed');
    const links = await t.ctx.db.select().from(caseLinks).where(eq(caseLinks.targetId, fromCase!.article.id));
    expect(links).toEqual([expect.objectContaining({ kind: 'article', caseId: fromCase!.article.sourceCaseId })]);
  });

  it('indexes the articles for search', async () => {
    const entries = await t.ctx.db.select({ targetId: searchEntries.targetId }).from(searchEntries).where(eq(searchEntries.kind, 'article'));
    const ids = new Set(entries.map((e) => e.targetId));
    expect(ids.size).toBe((await t.ctx.db.select().from(articles)).length);
  });

  it('lets a demo member read the published articles for customers in Korean', async () => {
    const [org] = await t.ctx.db.select().from(organizations).where(eq(organizations.name, 'A석유화학'));
    const member = await signInAs(t.app, 'viewer@a-petrochem.example', DEMO_PASSWORD);
    await t.database.raw('update users set locale = $1 where id = $2', ['ko', member.userId]);
    const page = ArticlePage.parse((await member.inject('GET', `/api/v1/organizations/${org!.id}/articles`)).json());
    expect(page.total).toBe(12);
    expect(page.items.every((item) => /[가-힣]/.test(item.title))).toBe(true);
    const view = ArticleView.parse((await member.inject('GET', `/api/v1/organizations/${org!.id}/articles/${page.items[0]!.id}`)).json());
    expect(view.language).toBe('ko');
  });

  it('answers the manual’s example searches (roadmap, korean 2017, download and customer portal among the articles)', async () => {
    const [org] = await t.ctx.db.select().from(organizations).where(eq(organizations.name, 'A석유화학'));
    const owner = await signInAs(t.app, 'owner@a-petrochem.example', DEMO_PASSWORD);
    const titles = async (query: string) => ((await owner.inject('GET', `/api/v1/organizations/${org!.id}/search?${query}`)).json() as { items: { title: string }[] }).items.map((item) => item.title);
    expect((await titles('q=roadmap'))[0]).toContain('로드맵');
    expect((await titles(`q=${encodeURIComponent('korean 2017')}`))[0]).toContain('한글 매뉴얼');
    expect(await titles('q=download&types=article')).toContain('How to download software from the portal');
    expect(await titles(`q=${encodeURIComponent('customer portal')}&types=article`)).toContain('Customer portal FAQ');
  });
});
