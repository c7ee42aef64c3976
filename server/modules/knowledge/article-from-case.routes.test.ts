import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseHistory, CaseLinkList } from '../../../common/schemas/cases';
import { Article, ArticleFromCase } from '../../../common/schemas/knowledge';
import { auditEvents, caseLinks } from '../../db/schema/index';
import { buildProduct, buildRelease } from '../../test/catalog-factories';
import { buildTestApp, type TestApp } from '../../test/test-app';
import { buildCaseScenario, signInUser, type CaseScenario } from '../cases/case-feed.test-support';
import { auditOf, CONSOLE, searchJobsFor } from './knowledge.test-support';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const fromCase = (s: CaseScenario, caseId = s.caseId, client = s.engineer) => client.inject('POST', `/api/v1/console/cases/${caseId}/article`);
const expectError = (response: { statusCode: number; json(): unknown; body: string }, status: number, code: string) => {
  expect(response.statusCode, response.body).toBe(status);
  expect((response.json() as { error: { code: string } }).error.code).toBe(code);
};

/** A closed case with a resolution, a product and a version. */
async function closedCase(options: { language?: 'ko' | 'en'; resolution?: string | null } = {}) {
  const s = await buildCaseScenario(t, { status: 'closed', language: options.language ?? 'ko', subject: 'PI Server 라이선스 활성화 실패' });
  const product = await buildProduct(t.ctx, { name: `PI Server ${randomUUID().slice(0, 6)}` });
  const release = await buildRelease(t.ctx, { productId: product.id, version: '2023 SP1' });
  await t.database.raw('update cases set resolution = $1, description = $2, product_id = $3, release_id = $4 where id = $5', [
    options.resolution === undefined ? '`pilicmgr` 로 새 라이선스 파일을 적용했습니다.' : options.resolution,
    '라이선스 활성화 시 **오류 0x1F**가 납니다.',
    product.id,
    release.id,
    s.caseId,
  ]);
  return { s, product };
}

describe('POST /api/v1/console/cases/:caseId/article', () => {
  it("makes an internal draft in the case's language from its subject, description, product, version and resolution, linked to the case", async () => {
    const { s, product } = await closedCase();
    const response = await fromCase(s);
    expect(response.statusCode, response.body).toBe(201);
    const result = ArticleFromCase.parse(response.json());
    expect(result.created).toBe(true);
    const article = Article.parse((await s.engineer.inject('GET', `${CONSOLE}/${result.id}`)).json());
    expect(article).toMatchObject({
      visibility: 'internal',
      products: [{ id: product.id, name: product.name }],
      sourceCase: { id: s.caseId, number: String(s.caseNumber).padStart(8, '0'), organizationId: s.organizationId },
      createdBy: { id: s.engineer.userId },
      verification: { state: 'unverified' },
    });
    expect(article.translations).toEqual([
      expect.objectContaining({
        language: 'ko',
        status: 'draft',
        title: 'PI Server 라이선스 활성화 실패',
        issue: '라이선스 활성화 시 **오류 0x1F**가 납니다.',
        environment: `${product.name} 2023 SP1`,
        resolution: '`pilicmgr` 로 새 라이선스 파일을 적용했습니다.',
      }),
    ]);
    const links = await t.ctx.db.select().from(caseLinks).where(eq(caseLinks.caseId, s.caseId));
    expect(links).toEqual([expect.objectContaining({ kind: 'article', targetId: result.id, title: 'PI Server 라이선스 활성화 실패', addedBy: s.engineer.userId })]);
    expect(await searchJobsFor(t, result.id)).toBe(1);
    expect((await auditOf(t, result.id)).map((e) => [e.action, e.details])).toEqual([['article.created_from_case', expect.objectContaining({ caseId: s.caseId, language: 'ko' })]]);
    // The link is the engineers' while the draft is theirs: kept out of the organization's log and the customer's view.
    const [caseAudit] = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'case.link.added'), eq(auditEvents.targetId, s.caseId)));
    expect(caseAudit).toMatchObject({ organizationId: null, details: expect.objectContaining({ kind: 'article', targetId: result.id }) });
    const engineerLinks = CaseLinkList.parse((await s.engineer.inject('GET', `${s.base}/links`)).json()).items;
    expect(engineerLinks).toEqual([expect.objectContaining({ kind: 'article', targetId: result.id, href: `/console/knowledge/${result.id}` })]);
    expect(CaseLinkList.parse((await s.requester.inject('GET', `${s.base}/links`)).json()).items).toEqual([]);
    const history = CaseHistory.parse((await s.requester.inject('GET', `${s.base}/history`)).json());
    expect(JSON.stringify(history)).not.toContain(result.id);

    // Once published for customers, the customer sees the link to the portal's page.
    await s.engineer.inject('PATCH', `${CONSOLE}/${result.id}`, { language: 'ko', visibility: 'customers' });
    await s.engineer.inject('POST', `${CONSOLE}/${result.id}/publish`, { language: 'ko' });
    expect(CaseLinkList.parse((await s.requester.inject('GET', `${s.base}/links`)).json()).items).toEqual([expect.objectContaining({ targetId: result.id, href: `/portal/knowledge/${result.id}` })]);
  });

  it('answers the same article with created false when called again, making no second article or link', async () => {
    const { s } = await closedCase({ language: 'en' });
    const first = ArticleFromCase.parse((await fromCase(s)).json());
    const again = await fromCase(s);
    expect(again.statusCode).toBe(200);
    expect(ArticleFromCase.parse(again.json())).toEqual({ id: first.id, created: false });
    const both = await Promise.all([fromCase(s), fromCase(s)]);
    expect(both.map((r) => r.json().id)).toEqual([first.id, first.id]);
    expect(await t.ctx.db.select().from(caseLinks).where(eq(caseLinks.caseId, s.caseId))).toHaveLength(1);
    expect((Article.parse((await s.engineer.inject('GET', `${CONSOLE}/${first.id}`)).json())).translations[0]!.language).toBe('en');
  });

  it('refuses a case that is not closed (409), one without a resolution (422), an unknown case (404) and a bad id (400)', async () => {
    for (const status of ['new', 'researching', 'answered', 'abandoned'] as const) {
      const s = await buildCaseScenario(t, { status });
      await t.database.raw('update cases set resolution = $1 where id = $2', ['Fixed.', s.caseId]);
      expectError(await fromCase(s), 409, 'articles.case_not_closed');
    }
    for (const resolution of [null, '   ']) {
      const { s } = await closedCase({ resolution });
      expectError(await fromCase(s), 422, 'articles.case_without_resolution');
      expect(await t.ctx.db.select().from(caseLinks).where(eq(caseLinks.caseId, s.caseId))).toEqual([]);
    }
    const { s } = await closedCase();
    expectError(await fromCase(s, randomUUID()), 404, 'cases.not_found');
    expectError(await fromCase(s, 'nope'), 400, 'validation.failed');
  });

  it('refuses customers and staff who do not write articles with 403', async () => {
    const { s } = await closedCase();
    expectError(await fromCase(s, s.caseId, s.requester), 403, 'auth.forbidden');
    const accountManager = await signInUser(t, { staffRole: 'account_manager' });
    expectError(await fromCase(s, s.caseId, accountManager), 403, 'auth.forbidden');
    expect(await t.ctx.db.select().from(caseLinks).where(eq(caseLinks.caseId, s.caseId))).toEqual([]);
  });
});
