import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseAttachments, cases } from '../../server/db/schema/index';
import { buildContract, buildEntitlement, buildProduct, buildRelease } from '../../server/test/catalog-factories';
import { buildMember, buildOrganization, buildSite, buildUser } from '../../server/test/factories';
import { findLink, type ReceivedMail } from '../../server/test/smtp-sink';
import { launchBrowser, newPage, type Browser, type Page } from '../support/browser';
import { startE2eServer, type E2eServer } from '../support/server';
import { setUserLocale, WAIT, waitForMailWhere } from './case-e2e-support';
import { signIn } from '../support/sign-in';
import { skipStepsAfterAFailure } from '../support/steps';

/**
 * Issue 6, the case's whole life in the browser, one flow in steps that share its state: a Korean
 * customer opens a case through the three-step wizard with an attachment, an engineer answers it
 * from the console queue, the customer follows the email's link and replies with an @mention typed
 * through the Korean input method, closes the case, reopens it within the window, and past the
 * window is offered a new case that continues this one.
 */

const DAY_MS = 86_400_000;
const STEP_TIMEOUT = 120_000;

let server: E2eServer;
let browser: Browser;

const SUBJECT = 'PI 서버 접속 오류 😀';
const DESCRIPTION = '**접속**이 안 됩니다. 서비스 재시작 후에도 같습니다 🙏';
const ATTACHMENT_NAME = '서버 로그 😀.txt';
const ANSWER = 'Please restart the PI Network Manager service and tell us whether the error remains.';

/** What the steps learn and pass on. */
const flow: {
  organizationId: string;
  customer: { id: string; email: string; name: string };
  colleague: { id: string; email: string; name: string };
  engineer: { id: string; email: string; name: string };
  customerPage: Page | null;
  caseId: string;
  number: string;
  createdMail: ReceivedMail | null;
  answeredMail: ReceivedMail | null;
} = {
  organizationId: '',
  customer: { id: '', email: 'minji@hanbit.example', name: '김민지' },
  colleague: { id: '', email: 'seojun@hanbit.example', name: '박서준' },
  engineer: { id: '', email: 'lee@vendor.example', name: 'Engineer Lee' },
  customerPage: null,
  caseId: '',
  number: '',
  createdMail: null,
  answeredMail: null,
};

/** The customer's page, once the first step opened it. */
const customerPage = (): Page => {
  if (!flow.customerPage) throw new Error('the wizard step did not run');
  return flow.customerPage;
};

const caseView = (page: Page) => page.getByTestId('case-view');

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  const { ctx } = server;
  // A Korean organization with one site under contract, licensed for a product with a published release.
  const organization = await buildOrganization(ctx, { name: '한빛 발전' });
  const site = await buildSite(ctx, { organizationId: organization.id, name: '울산 공장' });
  await buildContract(ctx, { organizationId: organization.id, siteId: site.id, endsInDays: 365 });
  const product = await buildProduct(ctx, { name: 'PI Server' });
  await buildRelease(ctx, { productId: product.id, version: '2024 SP1' });
  await buildEntitlement(ctx, { organizationId: organization.id, siteId: site.id, productId: product.id });
  flow.organizationId = organization.id;

  for (const person of [flow.customer, flow.colleague]) {
    const user = await buildUser(ctx, { email: person.email, name: person.name });
    await setUserLocale(server, user.id, 'ko');
    await buildMember(ctx, { organizationId: organization.id, userId: user.id, role: 'support', siteIds: [site.id] });
    person.id = user.id;
  }
  const engineer = await buildUser(ctx, { email: flow.engineer.email, name: flow.engineer.name, staffRole: 'support_engineer' });
  flow.engineer.id = engineer.id;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

skipStepsAfterAFailure();

describe('[CASES]: a support case from the wizard to the offer of a new case', () => {
  it('a Korean customer opens a case in three steps with an attachment, and gets the Created email in Korean', { timeout: STEP_TIMEOUT }, async () => {
    const page = await newPage(browser, 'ko-KR,ko');
    flow.customerPage = page;
    await signIn(page, server.url, flow.customer.email, 'ko');
    await page.goto(`${server.url}/portal/cases/new`);

    // Step 1: site and category.
    await page.getByRole('combobox', { name: '사이트' }).click(WAIT);
    await page.getByRole('option', { name: '울산 공장' }).click();
    await page.getByRole('radio', { name: '기술지원' }).click();
    await page.getByRole('button', { name: '다음' }).click();

    // Step 2: product family → product → version, from the site's entitlements.
    await page.getByTestId('wizard-product-step').waitFor(WAIT);
    await page.getByRole('combobox', { name: '제품군' }).click();
    await page.getByRole('option', { name: 'Storage' }).click();
    await page.getByRole('combobox', { name: '제품', exact: true }).click();
    await page.getByRole('option', { name: 'PI Server' }).click();
    await page.getByRole('combobox', { name: '버전' }).click();
    await page.getByRole('option', { name: '2024 SP1' }).click();
    await page.getByRole('button', { name: '다음' }).click();

    // Step 3: subject and description in Korean with an emoji, Korean by default, one file attached.
    await page.getByTestId('wizard-details-step').waitFor(WAIT);
    await page.getByLabel('제목').fill(SUBJECT);
    await page.getByLabel('설명').fill(DESCRIPTION);
    expect(await page.getByTestId('wizard-language').getByRole('radio', { name: '한국어' }).isChecked()).toBe(true);
    await page.locator('input[type=file]').setInputFiles({ name: ATTACHMENT_NAME, mimeType: 'text/plain', buffer: Buffer.from('2024-11-27 09:00:01 ERROR connection refused 😀\n') });
    await expect.poll(() => page.getByTestId('chosen-attachment').textContent(), WAIT).toContain(ATTACHMENT_NAME);
    await page.getByTestId('submit-case').click();

    // The success screen: an 8-digit number linking to the case; the file uploads after the case exists.
    const numberLink = page.getByTestId('created-case-number');
    await numberLink.waitFor(WAIT);
    const number = (await numberLink.textContent())?.trim() ?? '';
    expect(number).toMatch(/^\d{8}$/);
    const href = (await numberLink.getAttribute('href')) ?? '';
    const caseId = /^\/portal\/cases\/([0-9a-f-]{36})$/.exec(href)?.[1] ?? '';
    expect(caseId).not.toBe('');
    await expect.poll(() => page.getByTestId('chosen-attachment').getAttribute('data-status'), WAIT).toBe('done');
    flow.caseId = caseId;
    flow.number = number;

    const [stored] = await server.ctx.db.select().from(cases).where(eq(cases.id, caseId));
    expect(stored).toMatchObject({ subject: SUBJECT, description: DESCRIPTION, language: 'ko', status: 'new', category: 'technical_support', requesterId: flow.customer.id });

    // The case page, and the file on its Attachments tab.
    await numberLink.click();
    await page.waitForURL((url) => url.pathname === `/portal/cases/${caseId}`, WAIT);
    await expect.poll(() => caseView(page).getAttribute('data-status'), WAIT).toBe('new');
    expect(await page.getByTestId('case-subject').textContent()).toBe(SUBJECT);
    await page.getByRole('tab', { name: '첨부 파일' }).click();
    const attachmentRow = page.getByTestId('attachment-row');
    await expect.poll(() => attachmentRow.count(), WAIT).toBe(1);
    expect(await attachmentRow.getByTestId('attachment-link').textContent()).toContain(ATTACHMENT_NAME);
    expect(await server.ctx.db.select({ name: caseAttachments.name }).from(caseAttachments).where(eq(caseAttachments.caseId, caseId))).toEqual([{ name: ATTACHMENT_NAME }]);
    await page.getByRole('tab', { name: '피드' }).click();

    // The Created email, in Korean, names the number; it is the root of the case's mail thread.
    const created = await waitForMailWhere(server, flow.customer.email, (mail) => mail.subject.includes(number));
    expect(created.subject).toBe(`[케이스 ${number}] ${SUBJECT}`);
    expect(created.text).toContain('접수되었습니다');
    expect(created.messageId).toBeTruthy();
    expect(created.inReplyTo).toBeUndefined();
    flow.createdMail = created;
  });

  it('an engineer finds the case in the console queue, assigns it to themself, answers, and sets it to Answered; the customer gets the Answered email in Korean, in the thread', { timeout: STEP_TIMEOUT }, async () => {
    const page = await newPage(browser, 'en-US,en');
    await signIn(page, server.url, flow.engineer.email, 'en');
    await page.goto(`${server.url}/console`);
    const row = page.locator(`[data-testid="case-queue-row"][data-case-number="${flow.number}"]`);
    await row.waitFor(WAIT);
    expect(await row.textContent()).toContain(SUBJECT);
    await row.getByRole('link', { name: flow.number }).click();
    await page.waitForURL((url) => url.pathname === `/console/cases/${flow.organizationId}/${flow.caseId}`, WAIT);
    await expect.poll(() => caseView(page).getAttribute('data-face'), WAIT).toBe('console');

    await page.getByTestId('assign-to-me').click();
    await expect.poll(() => page.getByTestId('case-assignee').textContent(), WAIT).toContain(flow.engineer.name);

    await page.getByRole('textbox', { name: 'Post' }).fill(ANSWER);
    await page.getByTestId('send-post').click();
    await expect.poll(() => page.getByRole('article', { name: `Post by ${flow.engineer.name}` }).textContent(), WAIT).toContain(ANSWER);

    await page.getByTestId('status-menu').click();
    await page.getByRole('menuitem', { name: 'Move to Answered' }).click();
    await expect.poll(() => caseView(page).getAttribute('data-status'), WAIT).toBe('answered');

    // Every change is in the activity log, which filters by the Case category.
    await page.goto(`${server.url}/console/activity`);
    const filters = page.getByTestId('activity-filters');
    await filters.locator('[data-testid="activity-category"][data-category="case"]').getByText('Case', { exact: true }).click();
    await filters.getByRole('button', { name: 'Search' }).click();
    const statusChange = page.locator('[data-testid="activity-row"][data-action="case.status.changed"]');
    await statusChange.first().waitFor(WAIT);
    expect(new Set(await page.getByTestId('activity-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-category'))))).toEqual(new Set(['case']));
    expect(await statusChange.first().textContent()).toContain('Case');
    await page.context().close();

    // The Answered email: Korean, and threaded under the Created email.
    const created = flow.createdMail!;
    const answered = await waitForMailWhere(server, flow.customer.email, (mail) => mail.subject.includes(flow.number) && mail.text.includes('답변했습니다'));
    expect(answered.subject).toBe(`[케이스 ${flow.number}] ${SUBJECT}`);
    expect(answered.messageId).toBeTruthy();
    expect(answered.messageId).not.toBe(created.messageId);
    expect(answered.inReplyTo).toBe(created.messageId);
    expect(answered.references).toContain(created.messageId);
    flow.answeredMail = answered;
  });

  it('the customer follows the email link, sees the case waits on them, and replies mentioning a colleague typed with the Korean input method', { timeout: STEP_TIMEOUT }, async () => {
    const page = customerPage();
    const link = findLink(flow.answeredMail!, `/portal/cases/${flow.caseId}`);
    expect(link.startsWith(server.url)).toBe(true);
    await page.goto(link);
    await expect.poll(() => caseView(page).getAttribute('data-status'), WAIT).toBe('answered');
    const waiting = page.getByTestId('waiting-alert');
    await expect.poll(() => waiting.textContent(), WAIT).toContain('고객님의 확인을 기다리는 케이스입니다');
    await expect.poll(() => page.getByRole('article', { name: `${flow.engineer.name}의 게시물` }).textContent(), WAIT).toContain(ANSWER);

    // Record the composition events the textarea receives, to show the input method was used.
    const textarea = page.getByRole('textbox', { name: '답글' });
    await textarea.evaluate((element) => {
      const seen: string[] = [];
      (globalThis as unknown as { __composition: string[] }).__composition = seen;
      for (const type of ['compositionstart', 'compositionupdate', 'compositionend']) element.addEventListener(type, () => seen.push(type));
    });
    await textarea.click();
    await page.keyboard.insertText('재시작해도 같은 오류가 납니다. ');
    await page.keyboard.type('@');
    // 박 typed as a Korean IME does: ㅂ, 바, 박 composed, then committed.
    const cdp = await page.context().newCDPSession(page);
    for (const text of ['ㅂ', '바', '박']) await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    await cdp.send('Input.insertText', { text: '박' });
    await cdp.detach();
    const composition = await page.evaluate(() => (globalThis as unknown as { __composition: string[] }).__composition);
    expect(composition[0]).toBe('compositionstart');
    expect(composition).toContain('compositionupdate');
    expect(composition.at(-1)).toBe('compositionend');
    await expect.poll(() => textarea.inputValue(), WAIT).toBe('재시작해도 같은 오류가 납니다. @박');

    // Pick the colleague from the list; their name replaces the query, the caret after it.
    const option = page.getByRole('listbox', { name: '언급할 사람' }).getByRole('option', { name: new RegExp(flow.colleague.name) });
    await option.click(WAIT);
    await expect
      .poll(() => textarea.evaluate((element) => {
        const input = element as unknown as { value: string; selectionStart: number };
        return input.selectionStart === input.value.length ? input.value : null;
      }), WAIT)
      .toBe(`재시작해도 같은 오류가 납니다. @${flow.colleague.name} `);
    await page.keyboard.insertText('님, 로그 확인 부탁드립니다 🙏');
    await page.getByTestId('send-post').click();

    const post = page.getByRole('article', { name: `${flow.customer.name}의 게시물` });
    await expect.poll(() => post.textContent(), WAIT).toContain('로그 확인 부탁드립니다 🙏');
    expect(await post.locator('.markdown-mention').allTextContents()).toEqual([`@${flow.colleague.name}`]);
    await expect.poll(() => textarea.inputValue(), WAIT).toBe('');

    // The colleague hears of it, in Korean, in the case's thread.
    const mention = await waitForMailWhere(server, flow.colleague.email, (mail) => mail.subject.includes(flow.number));
    expect(mention.subject).toBe(`[케이스 ${flow.number}] ${SUBJECT}`);
    expect(mention.text).toContain(`${flow.customer.name}님이 케이스 ${flow.number}`);
    expect(mention.text).toContain('언급했습니다');
    expect(mention.text).toContain('로그 확인 부탁드립니다 🙏');
    expect(mention.inReplyTo).toBe(flow.createdMail!.messageId);
  });

  it('the customer closes the case, then asks to reopen it within the window and it is back in Researching', { timeout: STEP_TIMEOUT }, async () => {
    const page = customerPage();
    await page.getByTestId('close-case').click();
    await page.getByTestId('confirm-modal').getByTestId('confirm-action').click();
    await expect.poll(() => caseView(page).getAttribute('data-status'), WAIT).toBe('closed');
    // The Closed email goes to the other subscribers: the assigned engineer (who chose no language: the case's, Korean).
    const closed = await waitForMailWhere(server, flow.engineer.email, (mail) => mail.subject.includes(flow.number) && mail.text.includes('종료했습니다'));
    expect(closed.text).toContain(`${flow.customer.name}님이 케이스 ${flow.number}`);
    expect(closed.inReplyTo).toBe(flow.createdMail!.messageId);

    await page.getByTestId('request-reopen').click(WAIT);
    await page.getByTestId('reopen-modal').getByLabel('사유').fill('오늘 아침 같은 오류가 다시 발생했습니다 😢');
    await page.getByTestId('send-reopen').click();
    await expect.poll(() => caseView(page).getAttribute('data-status'), WAIT).toBe('researching');
    expect(await page.getByTestId('reopen-offer').count()).toBe(0);
    const [stored] = await server.ctx.db.select().from(cases).where(eq(cases.id, flow.caseId));
    expect(stored).toMatchObject({ status: 'researching', closedAt: null, reopenCount: 1 });
  });

  it('closed again and past the 60-day window, the case offers no reopen but a new case that continues it', { timeout: STEP_TIMEOUT }, async () => {
    const page = customerPage();
    await page.getByTestId('close-case').click();
    await page.getByTestId('confirm-modal').getByTestId('confirm-action').click();
    await expect.poll(() => caseView(page).getAttribute('data-status'), WAIT).toBe('closed');
    await page.getByTestId('reopen-offer').waitFor(WAIT);

    // The e2e server runs on the system clock, which a test cannot move: the case is made to have closed 61 days ago instead.
    await server.ctx.db.update(cases).set({ closedAt: new Date(Date.now() - 61 * DAY_MS) }).where(eq(cases.id, flow.caseId));
    await page.reload();
    const offer = page.getByTestId('new-case-offer');
    await expect.poll(() => offer.textContent(), WAIT).toContain('종료된 지 60일이 넘은 케이스라 다시 열 수 없습니다.');
    expect(await page.getByTestId('reopen-offer').count()).toBe(0);
    expect(await page.getByTestId('request-reopen').count()).toBe(0);

    await offer.getByTestId('open-related-case').click();
    await page.waitForURL((url) => url.pathname === '/portal/cases/new' && url.searchParams.get('related') === flow.caseId, WAIT);
    const continues = page.getByTestId('continues-case');
    await expect.poll(() => continues.textContent(), WAIT).toContain(`다음 케이스에 이어서 새 케이스를 등록합니다: ${flow.number}`);
    expect(await continues.getByRole('link', { name: flow.number }).getAttribute('href')).toBe(`/portal/cases/${flow.caseId}`);
    // The new case starts from the old one's site.
    expect(await page.getByRole('combobox', { name: '사이트' }).inputValue()).toBe('울산 공장');
    await page.context().close();
    flow.customerPage = null;
  });
});
