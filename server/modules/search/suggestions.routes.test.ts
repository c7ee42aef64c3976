import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleSuggestions } from '../../../common/schemas/cases';
import type { z } from 'zod';
import { articleSuggestionOpens } from '../../db/schema/index';
import { buildOrganization } from '../../test/factories';
import { buildArticle, buildSuggestionOpen } from '../../test/knowledge-factories';
import { buildTestApp, type SignedIn, type TestApp } from '../../test/test-app';
import { buildCaseScenario, caseBody, signInCaseMember, type CaseScenario } from '../cases/case-lifecycle.scenario';
import { queueSearchIndex } from './search-index';
import { deflectionStats } from './suggestions.service';

let t: TestApp;
let s: CaseScenario;
let member: SignedIn;
let licence: string;
let trend: string;
let internal: string;

beforeAll(async () => {
  t = await buildTestApp();
  s = await buildCaseScenario(t);
  member = await signInCaseMember(t, s.organizationId, 'support', { siteIds: [s.siteA.id], locale: 'ko' });
  const built = [
    await buildArticle(t.ctx, {
      verified: true,
      translations: [
        { language: 'ko', title: 'PI Server 라이선스 활성화 오류 해결', summary: '라이선스 파일을 다시 가져오면 활성화됩니다.' },
        { language: 'en', title: 'Fixing PI Server license activation errors', summary: 'Import the license file again.' },
      ],
    }),
    await buildArticle(t.ctx, { translations: [{ language: 'ko', title: '트렌드 화면이 멈출 때', summary: '디스플레이 캐시를 비우세요.' }] }),
    await buildArticle(t.ctx, { visibility: 'internal', translations: [{ language: 'ko', title: '라이선스 활성화 내부 메모' }] }),
  ];
  [licence, trend, internal] = built.map((a) => a.id) as [string, string, string];
  for (const article of built) await queueSearchIndex(t.ctx.db, { kind: 'article', id: article.id });
  await t.drainJobs();
});
afterAll(async () => {
  await t?.close();
});

type Suggestions = z.infer<typeof ArticleSuggestions>;
const suggest = async (who: SignedIn, q: string) => who.inject('GET', `${s.base}/articles/suggestions?q=${encodeURIComponent(q)}`);

describe('GET /api/v1/organizations/:organizationId/articles/suggestions', () => {
  it('suggests the right article for a Korean subject and description, in the member’s language, never an internal one', async () => {
    const response = await suggest(member, '라이선스를 활성화할 수 없어요 PI Server 설치 후 라이선스가 적용되지 않습니다');
    expect(response.statusCode).toBe(200);
    const { items } = response.json() as Suggestions;
    expect(items[0]).toMatchObject({ id: licence, language: 'ko', title: 'PI Server 라이선스 활성화 오류 해결', verified: true, href: `/portal/knowledge/${licence}?lang=ko` });
    expect(items.map((i) => i.id)).not.toContain(internal);
    expect(items.length).toBeLessThanOrEqual(5);
    expect(((await suggest(member, '트렌드 화면이 자꾸 멈춰요')).json() as Suggestions).items[0]!.id).toBe(trend);
  });

  it('finds nothing for nothing, refuses members without case.view (403) and other organizations (404), and a query over 1,000 characters (400)', async () => {
    expect(((await suggest(member, '   ')).json() as Suggestions).items).toEqual([]);
    const viewer = await signInCaseMember(t, s.organizationId, 'viewer', { siteIds: [s.siteA.id] });
    expect((await suggest(viewer, 'x')).statusCode).toBe(403);
    const outsider = await signInCaseMember(t, (await buildOrganization(t.ctx)).id, 'owner');
    expect((await suggest(outsider, 'x')).statusCode).toBe(404);
    expect((await suggest(member, 'x'.repeat(1001))).statusCode).toBe(400);
  });
});

describe('POST /api/v1/organizations/:organizationId/articles/suggestions/opened', () => {
  it('records an opening, and stamps it with the case its wizard then submits', async () => {
    const wizardId = randomUUID();
    const opened = await member.inject('POST', `${s.base}/articles/suggestions/opened`, { wizardId, articleId: licence });
    expect(opened.statusCode).toBe(204);
    const created = await member.inject('POST', `${s.base}/cases`, { ...caseBody(s), wizardId });
    expect(created.statusCode, created.body).toBe(201);
    const rows = await t.ctx.db.select().from(articleSuggestionOpens).where(eq(articleSuggestionOpens.wizardId, wizardId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ articleId: licence, userId: member.userId, organizationId: s.organizationId, caseId: (created.json() as { id: string }).id });
  });

  it('answers 404 for an article the member may not see, 400 for a bad body, 403 without case.create', async () => {
    expect((await member.inject('POST', `${s.base}/articles/suggestions/opened`, { wizardId: randomUUID(), articleId: internal })).statusCode).toBe(404);
    expect((await member.inject('POST', `${s.base}/articles/suggestions/opened`, { wizardId: randomUUID(), articleId: randomUUID() })).statusCode).toBe(404);
    expect((await member.inject('POST', `${s.base}/articles/suggestions/opened`, { wizardId: 'x', articleId: licence })).statusCode).toBe(400);
    const viewer = await signInCaseMember(t, s.organizationId, 'viewer', { siteIds: [s.siteA.id] });
    expect((await viewer.inject('POST', `${s.base}/articles/suggestions/opened`, { wizardId: randomUUID(), articleId: licence })).statusCode).toBe(403);
  });
});

describe('deflectionStats', () => {
  it('counts openings, and as deflected those whose wizard sent no case after an hour', async () => {
    const organization = await buildOrganization(t.ctx);
    const now = t.ctx.clock.now();
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
    const submitted = randomUUID();
    const abandoned = randomUUID();
    const base = { articleId: licence, organizationId: organization.id };
    // A wizard that opened two suggestions, then submitted (the stamp is on one opening only).
    await buildSuggestionOpen(t.ctx, { ...base, wizardId: submitted, openedAt: hoursAgo(3) });
    const { id: caseId } = await t.ctx.db.query.cases.findFirst().then((c) => c!);
    await buildSuggestionOpen(t.ctx, { ...base, wizardId: submitted, openedAt: hoursAgo(3), caseId });
    // One that opened a suggestion and left.
    await buildSuggestionOpen(t.ctx, { ...base, wizardId: abandoned, openedAt: hoursAgo(2) });
    // One still being written.
    await buildSuggestionOpen(t.ctx, { ...base, openedAt: hoursAgo(0.25) });
    // One before the period.
    await buildSuggestionOpen(t.ctx, { ...base, openedAt: hoursAgo(48) });
    expect(await deflectionStats(t.ctx, { since: hoursAgo(24), organizationId: organization.id })).toEqual({ opened: 4, deflected: 1 });
  });
});
