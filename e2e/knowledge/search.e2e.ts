import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchEntries } from '../../server/db/schema/index';
import { queueSearchIndex, type SearchIndexTarget } from '../../server/modules/search/search-index';
import { buildContract, buildEntitlement, buildProduct, buildRelease } from '../../server/test/catalog-factories';
import { buildCase } from '../../server/test/case-factories';
import { buildMember, buildOrganization, buildSite, buildUser } from '../../server/test/factories';
import { buildArticle } from '../../server/test/knowledge-factories';
import { setUserLocale, WAIT } from '../cases/case-e2e-support';
import { signIn } from '../support/sign-in';
import { launchBrowser, newPage, type Browser, type Page } from '../support/browser';
import { startE2eServer, type E2eServer } from '../support/server';
import { hasLoneJamo, recordQueries, typeWithIme } from './knowledge-e2e-support';
import { skipStepsAfterAFailure } from '../support/steps';

/**
 * Issue 7, searching as a Korean customer would: the top bar's box with Korean words whose particles
 * and spacing differ from the article's, and a query mixing English and Korean; the search page's
 * filters (articles only, Korean only) and quick view; queries full of tsquery operators, quotes and
 * SQL answered without an error; cases found by their 8-digit number, never another organization's.
 */

const TEST_TIMEOUT = 120_000;

const TITLES = {
  session: '원격지원 세션을 다시 연결하는 방법',
  sessionEn: 'Remote support session drops every 30 seconds',
  mixed: 'PI Server 라이선스 활성화 방법',
  licenseEn: 'PI Server license activation fails after an upgrade',
  internal: 'PI Server 라이선스 내부 메모',
  ownCase: '원격지원 세션 끊김 문의',
  otherCase: '원격지원 세션 끊김 다른 회사 문의',
};

let server: E2eServer;
let browser: Browser;
let page: Page;
const seeded = { sessionId: '', mixedId: '', ownCaseNumber: '', otherCaseNumber: '', targetIds: [] as string[] };
/** Every answer to a search request the page made: its words and HTTP status. */
const answers: { q: string; status: number }[] = [];

const topBarBox = () => page.getByRole('searchbox', { name: '기술 자료, 문서, 릴리스, 케이스 검색' });
const suggestionsList = () => page.getByRole('listbox', { name: '검색 제안' });
const pageBox = () => page.getByRole('searchbox', { name: '검색어' });
const resultTitles = () => page.getByTestId('search-result').getByTestId('result-title').allTextContents();
const resultKinds = () => page.getByTestId('search-result').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-kind')));

/** Types words into the search page's box and waits until the answer for exactly them is shown (results or the empty state). */
async function searchOnPage(words: string): Promise<void> {
  await pageBox().fill(words);
  await expect.poll(() => new URL(page.url()).searchParams.get('q'), WAIT).toBe(words.trim());
  await expect.poll(() => answers.some((answer) => answer.q === words.trim()), WAIT).toBe(true);
  // Nothing is loading any more (the box's spinner is gone), so what shows is this answer, not the previous one.
  await expect.poll(() => page.getByTestId('search-page').getByLabel('불러오는 중…').count(), WAIT).toBe(0);
  await expect.poll(async () => (await page.getByTestId('search-total').count()) + (await page.getByTestId('search-empty').count()) + (await page.getByTestId('load-error').count()), WAIT).toBe(1);
}

/** Empties the top bar's box (and closes its list) before the next words. */
async function clearTopBar(): Promise<void> {
  await topBarBox().fill('');
  await page.keyboard.press('Escape');
}

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  const { ctx } = server;
  const organization = await buildOrganization(ctx, { name: '한빛 발전' });
  const site = await buildSite(ctx, { organizationId: organization.id, name: '울산 공장' });
  await buildContract(ctx, { organizationId: organization.id, siteId: site.id, endsInDays: 365 });
  const product = await buildProduct(ctx, { name: 'PI Server' });
  const release = await buildRelease(ctx, { productId: product.id, version: '2024 SP1', notes: 'PI Server 라이선스 관리 개선' });
  await buildEntitlement(ctx, { organizationId: organization.id, siteId: site.id, productId: product.id });
  const customer = await buildUser(ctx, { email: 'yuna@hanbit.example', name: '한유나' });
  await setUserLocale(server, customer.id, 'ko');
  await buildMember(ctx, { organizationId: organization.id, userId: customer.id, role: 'support', siteIds: [site.id] });

  const other = await buildOrganization(ctx, { name: '다른 전력' });
  const otherSite = await buildSite(ctx, { organizationId: other.id, name: '부산 공장' });

  const session = await buildArticle(ctx, {
    visibility: 'customers',
    verified: true,
    translations: [{ language: 'ko', title: TITLES.session, summary: '원격지원세션 연결이 30초마다 끊어지면 방화벽의 443 포트를 확인하세요.', resolution: '에이전트를 다시 시작한 뒤 세션을 다시 연결합니다.' }],
  });
  const sessionEn = await buildArticle(ctx, {
    visibility: 'customers',
    translations: [{ language: 'en', title: TITLES.sessionEn, summary: 'The remote support session disconnects.', resolution: 'Open port 443 on the firewall.' }],
  });
  const mixed = await buildArticle(ctx, {
    visibility: 'customers',
    productIds: [product.id],
    translations: [{ language: 'ko', title: TITLES.mixed, summary: 'PI Server 라이선스를 활성화하려면 라이선스 관리자를 여세요.', resolution: '라이선스 파일을 가져온 뒤 PI Server를 다시 시작합니다.' }],
  });
  const licenseEn = await buildArticle(ctx, {
    visibility: 'customers',
    productIds: [product.id],
    translations: [{ language: 'en', title: TITLES.licenseEn, summary: 'PI Server license activation fails with an error.', resolution: 'Import the license file again.' }],
  });
  const internal = await buildArticle(ctx, { visibility: 'internal', productIds: [product.id], translations: [{ language: 'ko', title: TITLES.internal, summary: 'PI Server 라이선스 원격지원 세션 엔지니어 전용' }] });
  const ownCase = await buildCase(ctx, { organizationId: organization.id, siteId: site.id, requesterId: customer.id, subject: TITLES.ownCase, description: '원격지원 세션이 끊깁니다.', language: 'ko' });
  const otherCase = await buildCase(ctx, { organizationId: other.id, siteId: otherSite.id, subject: TITLES.otherCase, description: '원격지원 세션이 끊깁니다.', language: 'ko' });
  seeded.sessionId = session.id;
  seeded.mixedId = mixed.id;
  seeded.ownCaseNumber = String(ownCase.number);
  seeded.otherCaseNumber = String(otherCase.number);

  // Indexed the way the app does it: jobs on the durable queue, which the server's worker runs.
  const targets: SearchIndexTarget[] = [
    ...[session, sessionEn, mixed, licenseEn, internal].map((article) => ({ kind: 'article' as const, id: article.id })),
    ...[ownCase, otherCase].map((row) => ({ kind: 'case' as const, id: row.id })),
    { kind: 'release', id: release.id },
  ];
  for (const target of targets) await queueSearchIndex(ctx.db, target);
  seeded.targetIds = targets.map((target) => target.id);

  page = await newPage(browser, 'ko-KR,ko');
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (/\/organizations\/[^/]+\/search$/.test(url.pathname)) answers.push({ q: url.searchParams.get('q') ?? '', status: response.status() });
  });
  await signIn(page, server.url, customer.email, 'ko');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

skipStepsAfterAFailure();

describe('[SEARCH]: one box that works in Korean', () => {
  it("the index jobs queued for the new articles, release and cases are run by the server's worker", { timeout: TEST_TIMEOUT }, async () => {
    const indexed = async () => new Set((await server.ctx.db.select({ id: searchEntries.targetId }).from(searchEntries).where(inArray(searchEntries.targetId, seeded.targetIds))).map((row) => row.id)).size;
    await expect.poll(indexed, WAIT).toBe(seeded.targetIds.length);
  });

  it('the top bar finds the Korean article from words with another particle (세션이) and typed through the input method, and opens it', { timeout: TEST_TIMEOUT }, async () => {
    await page.goto(`${server.url}/portal`);
    const queries = recordQueries(page, '/search');
    await topBarBox().click(WAIT);
    await typeWithIme(page, '세션이');
    const option = suggestionsList().getByTestId('top-search-option').filter({ hasText: TITLES.session });
    await option.waitFor(WAIT);
    // The member's own case matches too; the other organization's never.
    await expect.poll(() => suggestionsList().getByTestId('top-search-option').filter({ hasText: TITLES.ownCase }).count(), WAIT).toBe(1);
    expect(await suggestionsList().textContent()).not.toContain(TITLES.otherCase);
    expect(await suggestionsList().textContent()).not.toContain(TITLES.internal);
    expect(await suggestionsList().getByTestId('top-search-see-all').isVisible()).toBe(true);
    expect(queries.filter(hasLoneJamo)).toEqual([]);

    await option.click();
    await page.waitForURL((url) => url.pathname === `/portal/knowledge/${seeded.sessionId}`, WAIT);
    await expect.poll(() => page.getByTestId('article-title').textContent(), WAIT).toBe(TITLES.session);
  });

  it('the top bar finds 원격지원 from 원격 지원 typed with a space, and Enter opens the search page with it', { timeout: TEST_TIMEOUT }, async () => {
    await topBarBox().click();
    await typeWithIme(page, '원격 지원');
    await suggestionsList().getByTestId('top-search-option').filter({ hasText: TITLES.session }).waitFor(WAIT);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/portal/search' && url.searchParams.get('q') === '원격 지원', WAIT);
    await expect.poll(resultTitles, WAIT).toContain(TITLES.session);
    expect(await pageBox().inputValue()).toBe('원격 지원');
    const titles = await resultTitles();
    expect(titles).not.toContain(TITLES.otherCase);
    expect(titles).not.toContain(TITLES.internal);
  });

  it('a mixed English and Korean query with a particle finds the mixed article first', { timeout: TEST_TIMEOUT }, async () => {
    await clearTopBar();
    await topBarBox().click();
    await typeWithIme(page, 'PI Server 라이선스를');
    const options = suggestionsList().getByTestId('top-search-option');
    await expect.poll(() => answers.some((answer) => answer.q === 'PI Server 라이선스를'), WAIT).toBe(true);
    await expect.poll(() => options.first().textContent(), WAIT).toContain(TITLES.mixed);
    expect(await suggestionsList().textContent()).not.toContain(TITLES.internal);
    await clearTopBar();
  });

  it('the search page narrows to articles, then to Korean, and the quick view opens without leaving the list', { timeout: TEST_TIMEOUT }, async () => {
    await page.goto(`${server.url}/portal/search`);
    await searchOnPage('PI Server 라이선스');
    expect(await resultTitles()).toEqual(expect.arrayContaining([TITLES.mixed, TITLES.licenseEn]));
    expect(await resultKinds()).toContain('release');
    expect(await resultTitles()).not.toContain(TITLES.internal);

    // Articles only.
    await page.getByTestId('type-filter-article').locator('label').click();
    await page.waitForURL((url) => url.searchParams.get('types') === 'article', WAIT);
    await expect.poll(async () => [...new Set(await resultKinds())], WAIT).toEqual(['article']);
    expect(await resultTitles()).toEqual(expect.arrayContaining([TITLES.mixed, TITLES.licenseEn]));

    // Korean only.
    await page.getByRole('combobox', { name: '언어' }).click();
    await page.getByRole('option', { name: '한국어' }).click();
    await page.waitForURL((url) => url.searchParams.get('language') === 'ko' && url.searchParams.get('types') === 'article', WAIT);
    await expect.poll(resultTitles, WAIT).not.toContain(TITLES.licenseEn);
    expect(await resultTitles()).toContain(TITLES.mixed);

    // Quick view: a dialog over the list; the address does not change; closing it leaves the list as it was.
    const listUrl = page.url();
    await page.getByRole('button', { name: `빠른 보기: ${TITLES.mixed}` }).click();
    const dialog = page.getByRole('dialog', { name: TITLES.mixed });
    await expect.poll(() => dialog.getByTestId('quick-view-body').textContent(), WAIT).toContain('라이선스 관리자를 여세요');
    expect(page.url()).toBe(listUrl);
    expect(await dialog.getByTestId('quick-view-open').getAttribute('href')).toBe(`/portal/knowledge/${seeded.mixedId}?lang=ko`);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count(), WAIT).toBe(0);
    expect(page.url()).toBe(listUrl);
    expect(await resultTitles()).toContain(TITLES.mixed);
  });

  it('queries full of tsquery operators, quotes, SQL or only punctuation show results or the empty state, never an error', { timeout: TEST_TIMEOUT }, async () => {
    await page.goto(`${server.url}/portal/search`);
    const bad = [`' & | ! :*`, `"PI Server" & !(라이선스 | 'x':*) <-> ''`, `'; DROP TABLE articles; --`, '!!! ??? ... ,,, ;;;', `세션:* & !'`, '\\ \' " ( ) < > ::'];
    for (const words of bad) {
      await searchOnPage(words);
      expect(await page.getByTestId('load-error').count()).toBe(0);
      expect(answers.filter((answer) => answer.q === words.trim()).map((answer) => answer.status)).toEqual([200]);
    }
    // Operators around real words still find them.
    await searchOnPage(`세션 & | ! :* '`);
    expect(await resultTitles()).toContain(TITLES.session);

    // 10,000 characters in the address: the page keeps the first 500 and answers them.
    const long = 'session '.repeat(1_250);
    expect(long).toHaveLength(10_000);
    await page.goto(`${server.url}/portal/search?q=${encodeURIComponent(long)}`);
    await expect.poll(() => answers.some((answer) => answer.q === long.slice(0, 500).trim()), WAIT).toBe(true);
    await expect.poll(resultTitles, WAIT).toContain(TITLES.sessionEn);
    expect(await pageBox().inputValue()).toBe(long.slice(0, 500));
    expect(await page.getByTestId('load-error').count()).toBe(0);

    // Emptied: the page asks for words and sends no search.
    const before = answers.length;
    await pageBox().fill('');
    await expect.poll(() => new URL(page.url()).searchParams.has('q'), WAIT).toBe(false);
    await expect.poll(() => page.getByTestId('search-empty').textContent(), WAIT).toContain('찾으시는 내용을 입력하세요.');
    expect(answers.slice(before).filter((answer) => answer.q === '')).toEqual([]);
    expect(answers.every((answer) => answer.status < 500)).toBe(true);
  });

  it("the member's own case is found by its words and by its 8-digit number; another organization's case never appears", { timeout: TEST_TIMEOUT }, async () => {
    await page.goto(`${server.url}/portal/search`);
    await searchOnPage('끊김');
    expect(await resultTitles()).toContain(TITLES.ownCase);
    expect(await resultTitles()).not.toContain(TITLES.otherCase);
    await expect.poll(() => page.getByTestId('type-filter-case').textContent(), WAIT).toBe('케이스 (1)');

    expect(seeded.ownCaseNumber).toMatch(/^\d{8}$/);
    await searchOnPage(seeded.ownCaseNumber);
    const first = page.getByTestId('search-result').first();
    expect(await first.getAttribute('data-kind')).toBe('case');
    expect(await first.getByTestId('result-title').textContent()).toBe(TITLES.ownCase);
    expect(await first.getByTestId('result-reference').textContent()).toBe(`케이스 ${seeded.ownCaseNumber}`);

    await searchOnPage(seeded.otherCaseNumber);
    expect(await page.getByTestId('search-empty').count()).toBe(1);
    expect(await page.getByTestId('search-result').count()).toBe(0);
  });

  it('in the top bar, a pointer resting over the list only highlights; the arrows choose an option and Enter opens it', { timeout: TEST_TIMEOUT }, async () => {
    await page.goto(`${server.url}/portal/search`);
    await topBarBox().click();
    await typeWithIme(page, '세션');
    const options = suggestionsList().getByTestId('top-search-option');
    await options.filter({ hasText: TITLES.session }).first().waitFor(WAIT);
    // The pointer over the first option: highlighted, not chosen.
    await options.first().hover();
    expect(await options.first().getAttribute('aria-selected')).toBe('false');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => options.first().getAttribute('aria-selected'), WAIT).toBe('true');
    const chosen = await options.first().getAttribute('id');
    expect(await topBarBox().getAttribute('aria-activedescendant')).toBe(chosen);
    await page.keyboard.press('Enter');
    // The chosen result opens (an article or a case), not the search page.
    await page.waitForURL((url) => /^\/portal\/(knowledge|cases)\//.test(url.pathname), WAIT);
  });
});
