import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateTime } from '../../web/src/components/format-date-time';
import { articleTranslations, articleVotes, articles, caseLinks } from '../../server/db/schema/index';
import { buildContract, buildEntitlement, buildProduct, buildRelease } from '../../server/test/catalog-factories';
import { buildCase } from '../../server/test/case-factories';
import { buildMember, buildOrganization, buildSite, buildUser } from '../../server/test/factories';
import { setUserLocale, WAIT } from '../cases/case-e2e-support';
import { signIn } from '../support/sign-in';
import { launchBrowser, newPage, type Browser, type Page } from '../support/browser';
import { startE2eServer, type E2eServer } from '../support/server';
import { skipStepsAfterAFailure } from '../support/steps';

/**
 * Issue 7, "an engineer turns a case resolution into a verified article in two languages": on a
 * closed Korean case the engineer publishes the resolution as a draft article in one action, edits
 * and publishes the Korean text, adds and publishes an English translation, opens it to customers
 * and marks it verified; the customer reads it in the portal under the Verified flag and the date
 * it was last updated, switches to English, finds it in search, and votes.
 */

const STEP_TIMEOUT = 120_000;
const SUBJECT = 'PI Server 라이선스 활성화 실패';
const DESCRIPTION = '라이선스 파일을 가져오면 "License activation failed" 오류가 납니다.';
const RESOLUTION = '서버 시간을 동기화한 뒤 라이선스 파일을 다시 가져와 해결했습니다.';
const SUMMARY_KO = '서버 시간이 어긋나면 라이선스 활성화가 실패합니다.';
const TITLE_EN = 'PI Server license activation fails';
const SUMMARY_EN = 'License activation fails when the server clock is off.';
const RESOLUTION_EN = 'Synchronize the server clock, then import the license file again.';

let server: E2eServer;
let browser: Browser;

const flow = {
  organizationId: '',
  caseId: '',
  articleId: '',
  engineerPage: null as Page | null,
  customer: { id: '', email: 'sora@hanbit.example', name: '정소라' },
  engineer: { id: '', email: 'park@vendor.example', name: 'Engineer Park' },
};

const engineerPage = (): Page => {
  if (!flow.engineerPage) throw new Error('the first step did not run');
  return flow.engineerPage;
};
const editorOf = (page: Page, language: 'ko' | 'en') => page.locator(`[data-testid="translation-editor"][data-language="${language}"]`);

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  const { ctx } = server;
  const organization = await buildOrganization(ctx, { name: '한빛 발전' });
  const site = await buildSite(ctx, { organizationId: organization.id, name: '울산 공장' });
  await buildContract(ctx, { organizationId: organization.id, siteId: site.id, endsInDays: 365 });
  const product = await buildProduct(ctx, { name: 'PI Server' });
  const release = await buildRelease(ctx, { productId: product.id, version: '2024 SP1' });
  await buildEntitlement(ctx, { organizationId: organization.id, siteId: site.id, productId: product.id });
  flow.organizationId = organization.id;

  const customer = await buildUser(ctx, { email: flow.customer.email, name: flow.customer.name });
  await setUserLocale(server, customer.id, 'ko');
  await buildMember(ctx, { organizationId: organization.id, userId: customer.id, role: 'support', siteIds: [site.id] });
  flow.customer.id = customer.id;
  const engineer = await buildUser(ctx, { email: flow.engineer.email, name: flow.engineer.name, staffRole: 'support_engineer' });
  await setUserLocale(server, engineer.id, 'en');
  flow.engineer.id = engineer.id;

  const closed = await buildCase(ctx, {
    organizationId: organization.id,
    siteId: site.id,
    requesterId: customer.id,
    assigneeId: engineer.id,
    status: 'closed',
    language: 'ko',
    subject: SUBJECT,
    description: DESCRIPTION,
    resolution: RESOLUTION,
    productFamilyId: product.familyId,
    productId: product.id,
    releaseId: release.id,
  });
  flow.caseId = closed.id;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

skipStepsAfterAFailure();

describe('[KNOWLEDGE]: a case resolution becomes a verified article in two languages', () => {
  it('on a closed case, "Publish as article" opens the editor on a Korean draft made from the case and linked to it', { timeout: STEP_TIMEOUT }, async () => {
    const page = await newPage(browser, 'en-US,en');
    flow.engineerPage = page;
    await signIn(page, server.url, flow.engineer.email, 'en');
    await page.goto(`${server.url}/console/cases/${flow.organizationId}/${flow.caseId}`);
    await expect.poll(() => page.getByTestId('case-view').getAttribute('data-status'), WAIT).toBe('closed');

    await page.getByTestId('publish-as-article').click(WAIT);
    await page.waitForURL((url) => /^\/console\/knowledge\/[0-9a-f-]{36}$/.test(url.pathname), WAIT);
    flow.articleId = new URL(page.url()).pathname.split('/').pop()!;
    const editor = editorOf(page, 'ko');
    await editor.waitFor(WAIT);
    expect(await editor.getAttribute('data-status')).toBe('draft');
    expect(await editor.getByTestId('field-title').inputValue()).toBe(SUBJECT);
    expect(await editor.getByTestId('field-issue').inputValue()).toBe(DESCRIPTION);
    expect(await editor.getByTestId('field-environment').inputValue()).toBe('PI Server 2024 SP1');
    expect(await editor.getByTestId('field-resolution').inputValue()).toBe(RESOLUTION);
    expect(await page.getByTestId('article-visibility').inputValue()).toBe('Internal');

    const [stored] = await server.ctx.db.select().from(articles).where(eq(articles.id, flow.articleId));
    expect(stored).toMatchObject({ sourceCaseId: flow.caseId, visibility: 'internal', verifiedAt: null });
    // The case links back to its article.
    expect(await server.ctx.db.select({ kind: caseLinks.kind }).from(caseLinks).where(and(eq(caseLinks.caseId, flow.caseId), eq(caseLinks.targetId, flow.articleId)))).toHaveLength(1);
  });

  it('the engineer writes a summary, saves and publishes the Korean text, and opens the article to customers', { timeout: STEP_TIMEOUT }, async () => {
    const page = engineerPage();
    const editor = editorOf(page, 'ko');
    await editor.getByTestId('field-summary').fill(SUMMARY_KO);
    await editor.getByTestId('unsaved-badge').waitFor(WAIT);
    await editor.getByTestId('save-translation').click();
    await expect.poll(() => editor.getByTestId('unsaved-badge').count(), WAIT).toBe(0);
    await editor.getByTestId('publish-translation').click();
    await expect.poll(() => editor.getAttribute('data-status'), WAIT).toBe('published');

    await page.getByTestId('article-visibility').click();
    await page.getByRole('option', { name: 'Customers' }).click();
    await page.getByTestId('save-settings').click();
    await expect.poll(async () => (await server.ctx.db.select({ visibility: articles.visibility }).from(articles).where(eq(articles.id, flow.articleId)))[0]?.visibility, WAIT).toBe('customers');
    expect(await page.getByTestId('article-visibility').inputValue()).toBe('Customers');
  });

  it('the engineer adds an English translation from the Korean text, translates it, saves and publishes it', { timeout: STEP_TIMEOUT }, async () => {
    const page = engineerPage();
    await page.getByTestId('add-translation').click();
    const form = page.getByTestId('add-translation-form');
    await form.waitFor(WAIT);
    expect(await form.getByTestId('translation-language').inputValue()).toBe('English');
    await form.getByTestId('translation-title').fill(TITLE_EN);
    await form.getByTestId('create-translation').click();
    const editor = editorOf(page, 'en');
    await editor.waitFor(WAIT);
    await page.waitForURL((url) => url.searchParams.get('lang') === 'en', WAIT);
    expect(await editor.getAttribute('data-status')).toBe('draft');
    expect(await editor.getByTestId('field-title').inputValue()).toBe(TITLE_EN);
    // Started from the Korean text, to translate over it.
    expect(await editor.getByTestId('field-resolution').inputValue()).toBe(RESOLUTION);

    await editor.getByTestId('field-summary').fill(SUMMARY_EN);
    await editor.getByTestId('field-issue').fill('Importing the license file shows "License activation failed".');
    await editor.getByTestId('field-resolution').fill(RESOLUTION_EN);
    await editor.getByTestId('save-translation').click();
    await expect.poll(() => editor.getByTestId('unsaved-badge').count(), WAIT).toBe(0);
    await editor.getByTestId('publish-translation').click();
    await expect.poll(() => editor.getAttribute('data-status'), WAIT).toBe('published');

    const rows = await server.ctx.db.select({ language: articleTranslations.language, status: articleTranslations.status, title: articleTranslations.title, resolution: articleTranslations.resolution }).from(articleTranslations).where(eq(articleTranslations.articleId, flow.articleId));
    expect(rows.sort((a, b) => a.language.localeCompare(b.language))).toEqual([
      { language: 'en', status: 'published', title: TITLE_EN, resolution: RESOLUTION_EN },
      { language: 'ko', status: 'published', title: SUBJECT, resolution: RESOLUTION },
    ]);
  });

  it('the engineer marks the article verified', { timeout: STEP_TIMEOUT }, async () => {
    const page = engineerPage();
    const card = page.getByTestId('article-verification');
    expect(await card.getAttribute('data-state')).toBe('unverified');
    await card.getByTestId('verify-article').click();
    await expect.poll(() => card.getAttribute('data-state'), WAIT).toBe('verified');
    expect(await card.textContent()).toContain(flow.engineer.name);
    // Verification lapses after the configured 180 days and then asks for review.
    expect(await card.getByTestId('verification-expiry').textContent()).toContain('Asks for review on');
    const [stored] = await server.ctx.db.select({ verifiedAt: articles.verifiedAt, verifiedBy: articles.verifiedBy, expiresAt: articles.verificationExpiresAt }).from(articles).where(eq(articles.id, flow.articleId));
    expect(stored?.verifiedBy).toBe(flow.engineer.id);
    expect(stored!.expiresAt!.getTime() - stored!.verifiedAt!.getTime()).toBe(180 * 86_400_000);
    await page.context().close();
    flow.engineerPage = null;
  });

  it('the customer finds it in search, reads it under the Verified flag and its date, switches to English, and votes', { timeout: STEP_TIMEOUT }, async () => {
    const page = await newPage(browser, 'ko-KR,ko');
    await signIn(page, server.url, flow.customer.email, 'ko');

    // Findable as soon as the index job ran: the verified Korean article for Korean words with particles.
    await page.goto(`${server.url}/portal/search?q=${encodeURIComponent('라이선스를 활성화')}`);
    const result = page.getByTestId('search-result').filter({ hasText: SUBJECT });
    await result.waitFor(WAIT);
    expect(await result.getByTestId('result-verified').textContent()).toBe('검증됨');

    const articleAnswer = page.waitForResponse((response) => new URL(response.url()).pathname.endsWith(`/articles/${flow.articleId}`) && response.request().method() === 'GET', WAIT);
    await result.getByTestId('result-title').click();
    await page.waitForURL((url) => url.pathname === `/portal/knowledge/${flow.articleId}`, WAIT);
    const view = (await (await articleAnswer).json()) as { updatedAt: string };
    const timeZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);

    const reading = page.getByTestId('article-view');
    await expect.poll(() => reading.getAttribute('data-language'), WAIT).toBe('ko');
    expect(await page.getByTestId('article-title').textContent()).toBe(SUBJECT);
    expect(await page.getByTestId('article-summary').textContent()).toBe(SUMMARY_KO);
    expect(await page.getByTestId('article-verified').textContent()).toBe('검증됨');
    expect(await page.getByTestId('article-updated').textContent()).toBe(`최종 수정 ${formatDateTime(view.updatedAt, timeZone)}`);
    expect(formatDateTime(view.updatedAt, timeZone).slice(0, 10)).toBe(formatDateTime(new Date(), timeZone).slice(0, 10));
    expect(await page.getByTestId('article-resolution').textContent()).toContain(RESOLUTION);

    // Both languages are offered; 영어 (English) switches the page (and the address).
    const languages = page.getByTestId('article-languages');
    expect(await languages.getByRole('radio').evaluateAll((inputs) => inputs.map((input) => input.getAttribute('value')))).toEqual(['ko', 'en']);
    await languages.getByText('영어').click();
    await expect.poll(() => reading.getAttribute('data-language'), WAIT).toBe('en');
    await expect.poll(() => page.getByTestId('article-title').textContent(), WAIT).toBe(TITLE_EN);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    expect(await page.getByTestId('article-summary').textContent()).toBe(SUMMARY_EN);
    expect(await page.getByTestId('article-resolution').textContent()).toContain(RESOLUTION_EN);
    expect(await page.getByTestId('article-verified').isVisible()).toBe(true);

    // "Was this helpful?"
    const votes = page.getByTestId('article-votes');
    await votes.getByTestId('vote-up').click();
    await expect.poll(() => votes.getByTestId('vote-up-count').textContent(), WAIT).toBe('1');
    expect(await votes.getByTestId('vote-up').getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(async () => (await server.ctx.db.select({ value: articleVotes.value }).from(articleVotes).where(and(eq(articleVotes.articleId, flow.articleId), eq(articleVotes.userId, flow.customer.id)))).map((row) => row.value), WAIT)
      .toEqual([1]);
    // The vote belongs to the article, not to one language: back in Korean it is still there.
    await languages.getByText('한국어').click();
    await expect.poll(() => reading.getAttribute('data-language'), WAIT).toBe('ko');
    await expect.poll(() => votes.getByTestId('vote-up-count').textContent(), WAIT).toBe('1');
    expect(await votes.getByTestId('vote-up').getAttribute('aria-pressed')).toBe('true');
    await page.context().close();
  });
});
