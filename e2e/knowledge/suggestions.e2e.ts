import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleSuggestionOpens, articleVotes, articles } from '../../server/db/schema/index';
import { buildContract, buildEntitlement, buildProduct, buildRelease } from '../../server/test/catalog-factories';
import { buildMember, buildOrganization, buildSite, buildUser } from '../../server/test/factories';
import { buildArticle } from '../../server/test/knowledge-factories';
import { setUserLocale, WAIT } from '../cases/case-e2e-support';
import { signIn } from '../support/sign-in';
import { launchBrowser, newPage, type Browser, type Page } from '../support/browser';
import { startE2eServer, type E2eServer } from '../support/server';
import { compositionEvents, hasLoneJamo, holdComposition, indexAll, recordCompositionEvents, recordQueries, typeWithIme } from './knowledge-e2e-support';
import { skipStepsAfterAFailure } from '../support/steps';

/**
 * Issue 7, the browser test the issue names: a Korean customer writes a case subject in Korean,
 * through the input method, with particles stuck to the nouns; the wizard's side panel suggests the
 * published Korean article that answers it (never the internal or the draft one); the customer reads
 * it in the quick view and votes it helpful. Leaving without submitting counts as deflected; a
 * second wizard that opens a suggestion and submits stamps the opening with its case.
 */

const STEP_TIMEOUT = 120_000;
const SUBJECT = 'PI 서버 라이선스를 활성화할 수 없습니다';
const ANSWER_TITLE = 'PI Server 라이선스 활성화 오류 해결';
const INTERNAL_TITLE = 'PI Server 라이선스 활성화 내부 점검 절차';
const DRAFT_TITLE = 'PI Server 라이선스 활성화 실패 초안';
const UNRELATED_TITLE = '트렌드 화면 표시 지연';

let server: E2eServer;
let browser: Browser;

const flow = {
  organizationId: '',
  customer: { id: '', email: 'jiwoo@hanbit.example', name: '최지우' },
  answerId: '',
  page: null as Page | null,
  firstWizardId: '',
};

const customerPage = (): Page => {
  if (!flow.page) throw new Error('the first step did not run');
  return flow.page;
};

/** Walks the wizard's first two steps (site and category; product) in Korean and waits for the details step. */
async function openDetailsStep(page: Page): Promise<void> {
  await page.goto(`${server.url}/portal/cases/new`);
  await page.getByRole('combobox', { name: '사이트' }).click(WAIT);
  await page.getByRole('option', { name: '울산 공장' }).click();
  await page.getByRole('radio', { name: '기술지원' }).click();
  await page.getByRole('button', { name: '다음' }).click();
  await page.getByTestId('wizard-product-step').waitFor(WAIT);
  await page.getByRole('combobox', { name: '제품군' }).click();
  await page.getByRole('option', { name: 'Storage' }).click();
  await page.getByRole('combobox', { name: '제품', exact: true }).click();
  await page.getByRole('option', { name: 'PI Server' }).click();
  await page.getByRole('button', { name: '다음' }).click();
  await page.getByTestId('wizard-details-step').waitFor(WAIT);
}

/** The titles the side panel suggests, once it shows some. */
async function suggestedTitles(page: Page): Promise<string[]> {
  return page.getByTestId('suggested-article').getByTestId('suggested-article-link').allTextContents();
}

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  const { ctx } = server;
  const organization = await buildOrganization(ctx, { name: '한빛 발전' });
  const site = await buildSite(ctx, { organizationId: organization.id, name: '울산 공장' });
  await buildContract(ctx, { organizationId: organization.id, siteId: site.id, endsInDays: 365 });
  const product = await buildProduct(ctx, { name: 'PI Server' });
  await buildRelease(ctx, { productId: product.id, version: '2024 SP1' });
  await buildEntitlement(ctx, { organizationId: organization.id, siteId: site.id, productId: product.id });
  flow.organizationId = organization.id;

  const customer = await buildUser(ctx, { email: flow.customer.email, name: flow.customer.name });
  await setUserLocale(server, customer.id, 'ko');
  await buildMember(ctx, { organizationId: organization.id, userId: customer.id, role: 'support', siteIds: [site.id] });
  flow.customer.id = customer.id;

  // The answer, published for customers; the same words in an internal article and in a draft; an unrelated article.
  const answer = await buildArticle(ctx, {
    visibility: 'customers',
    productIds: [product.id],
    verified: true,
    translations: [
      {
        language: 'ko',
        title: ANSWER_TITLE,
        summary: 'PI Server 라이선스를 활성화할 때 오류가 나면 라이선스 파일과 서버 시간을 확인하세요.',
        issue: '라이선스 활성화 중 "License activation failed" 오류가 표시됩니다.',
        resolution: '1. PI 라이선스 관리자를 엽니다.\n2. 라이선스 파일을 다시 가져옵니다.\n3. PI 서버 서비스를 다시 시작합니다.',
      },
    ],
  });
  const internal = await buildArticle(ctx, {
    visibility: 'internal',
    productIds: [product.id],
    translations: [{ language: 'ko', title: INTERNAL_TITLE, summary: '엔지니어 전용: 라이선스를 활성화할 수 없는 서버 점검 순서.', resolution: '내부 라이선스 서버를 확인합니다.' }],
  });
  const draft = await buildArticle(ctx, {
    visibility: 'customers',
    productIds: [product.id],
    translations: [{ language: 'ko', title: DRAFT_TITLE, status: 'draft', summary: '라이선스를 활성화할 수 없는 경우의 작성 중인 문서.' }],
  });
  const unrelated = await buildArticle(ctx, {
    visibility: 'customers',
    translations: [{ language: 'ko', title: UNRELATED_TITLE, summary: '트렌드 화면이 늦게 열림', resolution: '디스플레이 캐시 비우기' }],
  });
  await indexAll(ctx, [answer, internal, draft, unrelated].map((article) => ({ kind: 'article' as const, id: article.id })));
  flow.answerId = answer.id;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

skipStepsAfterAFailure();

describe('[KNOWLEDGE]: suggestions while a case is written', () => {
  it('a Korean subject typed through the input method, with particles, brings up the published Korean article and not the internal or draft one', { timeout: STEP_TIMEOUT }, async () => {
    const page = await newPage(browser, 'ko-KR,ko');
    flow.page = page;
    await signIn(page, server.url, flow.customer.email, 'ko');
    await openDetailsStep(page);
    const panel = page.getByTestId('suggested-articles');
    expect(await panel.getByRole('heading', { name: '추천 문서' }).isVisible()).toBe(true);

    const queries = recordQueries(page, '/articles/suggestions');
    await recordCompositionEvents(page);
    await page.getByLabel('제목').click();
    // All but the last syllable, then the last one held half-composed (ㄷ) while the panel's debounce runs out:
    // the panel searches what was written before it, never the half-formed syllable.
    const written = SUBJECT.slice(0, -1);
    await typeWithIme(page, written);
    const before = queries.length;
    const finish = await holdComposition(page, SUBJECT.at(-1)!);
    expect(await page.getByLabel('제목').inputValue()).toBe(`${written}ㄷ`);
    await expect.poll(() => queries.length, WAIT).toBeGreaterThan(before);
    expect(queries.slice(before)).toEqual([written]);
    await finish();
    await expect.poll(() => page.getByLabel('제목').inputValue(), WAIT).toBe(SUBJECT);
    const events = await compositionEvents(page);
    expect(events[0]).toBe('compositionstart');
    expect(events).toContain('compositionupdate');
    expect(events.at(-1)).toBe('compositionend');

    await expect.poll(() => suggestedTitles(page), WAIT).toContain(ANSWER_TITLE);
    const titles = await suggestedTitles(page);
    expect(titles[0]).toBe(ANSWER_TITLE);
    expect(titles).not.toContain(INTERNAL_TITLE);
    expect(titles).not.toContain(DRAFT_TITLE);
    expect(titles).not.toContain(UNRELATED_TITLE);
    // The answer is verified, and says so in the panel.
    expect(await page.getByTestId('suggested-article').first().textContent()).toContain('검증됨');

    // Searches followed the text as typed, never a half-composed syllable (ㄹ, ㅎ…), and the last one is the whole subject.
    expect(queries.length).toBeGreaterThan(0);
    expect(queries.filter(hasLoneJamo)).toEqual([]);
    await expect.poll(() => queries.at(-1), WAIT).toBe(SUBJECT);
  });

  it('the suggestion opens in the quick view beside the wizard, and a helpful vote counts and is kept', { timeout: STEP_TIMEOUT }, async () => {
    const page = customerPage();
    const wizardUrl = page.url();
    await page.getByTestId('suggested-article-link').filter({ hasText: ANSWER_TITLE }).click();
    const dialog = page.getByRole('dialog', { name: ANSWER_TITLE });
    await dialog.waitFor(WAIT);
    await expect.poll(() => dialog.getByTestId('quick-view-body').textContent(), WAIT).toContain('라이선스 파일을 다시 가져옵니다');
    expect(await dialog.getByTestId('quick-view-verified').textContent()).toBe('검증됨');
    expect(page.url()).toBe(wizardUrl);

    const votes = dialog.getByTestId('article-votes');
    await votes.waitFor(WAIT);
    expect(await votes.getByTestId('vote-up-count').textContent()).toBe('0');
    expect(await votes.getByTestId('vote-up').getAttribute('aria-pressed')).toBe('false');
    await votes.getByRole('button', { name: '예, 도움이 되었습니다' }).click();
    await expect.poll(() => votes.getByTestId('vote-up-count').textContent(), WAIT).toBe('1');
    await expect.poll(() => votes.getByTestId('vote-up').getAttribute('aria-pressed'), WAIT).toBe('true');
    expect(await votes.getByTestId('vote-down-count').textContent()).toBe('0');

    // Kept on the server: one vote of this reader, and the article's count.
    await expect
      .poll(async () => (await server.ctx.db.select({ value: articleVotes.value }).from(articleVotes).where(and(eq(articleVotes.articleId, flow.answerId), eq(articleVotes.userId, flow.customer.id)))).map((row) => row.value), WAIT)
      .toEqual([1]);
    const [stored] = await server.ctx.db.select({ helpful: articles.helpfulCount, notHelpful: articles.notHelpfulCount }).from(articles).where(eq(articles.id, flow.answerId));
    expect(stored).toEqual({ helpful: 1, notHelpful: 0 });

    // The wizard is still there behind the drawer.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count(), WAIT).toBe(0);
    expect(await page.getByLabel('제목').inputValue()).toBe(SUBJECT);
  });

  it('leaving the wizard without submitting leaves the opening without a case (deflected)', { timeout: STEP_TIMEOUT }, async () => {
    const page = customerPage();
    const openings = () => server.ctx.db.select().from(articleSuggestionOpens).where(eq(articleSuggestionOpens.userId, flow.customer.id));
    await expect.poll(async () => (await openings()).length, WAIT).toBe(1);
    await page.goto(`${server.url}/portal/knowledge/${flow.answerId}`);
    // The vote is there on the article's own page, after a full load.
    const votes = page.getByTestId('article-votes');
    await expect.poll(() => votes.getByTestId('vote-up-count').textContent(), WAIT).toBe('1');
    expect(await votes.getByTestId('vote-up').getAttribute('aria-pressed')).toBe('true');

    const [opening] = await openings();
    expect(opening).toMatchObject({ articleId: flow.answerId, organizationId: flow.organizationId, caseId: null });
    flow.firstWizardId = opening!.wizardId;
  });

  it('a second wizard that opens a suggestion and submits stamps its opening with the new case', { timeout: STEP_TIMEOUT }, async () => {
    const page = customerPage();
    await openDetailsStep(page);
    await page.getByLabel('제목').click();
    await typeWithIme(page, '라이선스 활성화 오류');
    await page.getByLabel('설명').fill('라이선스 파일을 가져와도 활성화되지 않습니다.');
    await expect.poll(() => suggestedTitles(page), WAIT).toContain(ANSWER_TITLE);
    await page.getByTestId('suggested-article-link').filter({ hasText: ANSWER_TITLE }).click();
    const dialog = page.getByRole('dialog', { name: ANSWER_TITLE });
    await dialog.getByTestId('quick-view-body').waitFor(WAIT);
    // The vote given in the first wizard is still the reader's.
    await expect.poll(() => dialog.getByTestId('vote-up').getAttribute('aria-pressed'), WAIT).toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count(), WAIT).toBe(0);

    const openings = () => server.ctx.db.select().from(articleSuggestionOpens).where(eq(articleSuggestionOpens.userId, flow.customer.id));
    await expect.poll(async () => (await openings()).length, WAIT).toBe(2);
    await page.getByTestId('submit-case').click();
    const numberLink = page.getByTestId('created-case-number');
    await numberLink.waitFor(WAIT);
    const caseId = /\/portal\/cases\/([0-9a-f-]{36})$/.exec((await numberLink.getAttribute('href')) ?? '')?.[1] ?? '';
    expect(caseId).not.toBe('');

    const rows = await openings();
    const second = rows.find((row) => row.wizardId !== flow.firstWizardId);
    const first = rows.find((row) => row.wizardId === flow.firstWizardId);
    expect(second).toMatchObject({ articleId: flow.answerId, caseId });
    // The first wizard's opening stays deflected.
    expect(first).toMatchObject({ caseId: null });
    await page.context().close();
    flow.page = null;
  });
});
