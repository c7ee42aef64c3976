import { describe, expect, it } from 'vitest';
import { buildCase } from '../../server/test/case-factories';
import { buildContract, buildProduct } from '../../server/test/catalog-factories';
import { buildArticle } from '../../server/test/knowledge-factories';
import { recordAudit } from '../../server/platform/audit';
import { buildMember, buildOrganization, buildSite, buildUser } from '../../server/test/factories';
import { newPage, type Browser, type Page } from '../support/browser';
import type { E2eServer } from '../support/server';
import { useServerAndBrowser } from '../support/suite';
import { signIn } from '../support/sign-in';
import { WAIT } from './case-e2e-support';

/**
 * The case tables at a 1280 × 800 window and on a phone: Korean words wrap only between words (in
 * the Korean UI, and as names in the English one), the console queue fits its card with every
 * column on the screen, and where a table cannot fit it scrolls in its own box, not the page. On a
 * phone neither the portal's Cases tab nor the console's queue and lists scroll sideways: what does
 * not fit moves under the row's first words (the subject, a name, a title).
 */

let server: E2eServer;
let browser: Browser;

useServerAndBrowser((started) => ({ server, browser } = started));

const LONG_SUBJECT = '보일러 급수 펌프가 정지한 뒤 다시 기동되지 않으며 제어반에 경보 코드 E-214가 계속 표시됩니다';
const ORGANIZATION = 'A석유화학 울산콤플렉스 생산본부 설비기술팀';
const LONG_SITE = '울산콤플렉스 제2공장 변전실 계측동';

interface TableLayout {
  /** Words of the table drawn on more than one line ("담당/자"); a break after a hyphen ("E-/214") is a Latin rule and allowed. */
  splitWords: string[];
  /** How far the page scrolls sideways. */
  pageOverflow: number;
  /** How far the table's own box scrolls sideways (0 when every column shows). */
  tableOverflow: number;
  /** After scrolling the table's box to its end, whether the last shown column's header is inside it. */
  lastColumnReachable: boolean;
}

/**
 * Measured in the page (a string, as this project's browser tests are typed without the DOM's
 * names): split words (each word's text range on one line or not), sideways overflow of the page
 * and of the table's scroll box.
 */
const TABLE_LAYOUT = `(table) => {
    const splitWords = [];
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const match of text.matchAll(/[^\\s-]+-?|-/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
        if (tops.size > 1) splitWords.push(match[0]);
      }
    }
    let box = table.parentElement;
    while (box && !['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) box = box.parentElement;
    const scroller = box ?? document.documentElement;
    const tableOverflow = scroller.scrollWidth - scroller.clientWidth;
    scroller.scrollTo({ left: scroller.scrollWidth, behavior: 'instant' });
    const headers = [...table.querySelectorAll('th')].filter((th) => th.getClientRects().length > 0);
    const last = headers[headers.length - 1].getBoundingClientRect();
    const bounds = scroller.getBoundingClientRect();
    const lastColumnReachable = last.right <= Math.min(bounds.right, window.innerWidth) + 1 && last.left >= bounds.left - 1;
    scroller.scrollTo({ left: 0, behavior: 'instant' });
    return { splitWords, pageOverflow: document.documentElement.scrollWidth - window.innerWidth, tableOverflow, lastColumnReachable };
  }`;

function tableLayout(page: Page, testId: string): Promise<TableLayout> {
  return page.evaluate(`(${TABLE_LAYOUT})(document.querySelector('[data-testid="${testId}"]'))`) as Promise<TableLayout>;
}

/** The shown headers of the table drawn on more than one line ("첫 / 응답까지"), and the cells of the column whose header is given (none: the headers only). */
function wrappedCells(page: Page, testId: string, header: string | null): Promise<string[]> {
  return page.evaluate(`(() => {
    const table = document.querySelector('[data-testid="${testId}"]');
    const shown = (element) => element.getClientRects().length > 0;
    const lines = (element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      return new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top))).size;
    };
    const headers = [...table.querySelectorAll('thead th')].filter(shown);
    const column = ${JSON.stringify(header)} === null ? -1 : headers.findIndex((th) => th.textContent === ${JSON.stringify(header)});
    const cells = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].filter(shown)[column]).filter(Boolean);
    return [...headers, ...cells].filter((element) => lines(element) > 1).map((element) => element.textContent);
  })()`) as Promise<string[]>;
}

/** The phone of the QA walk: 375 × 812. */
const PHONE = { width: 375, height: 812 };

/** A page at phone size, before anything loads: the app starts in its phone layout. */
async function newPhonePage(): Promise<Page> {
  const page = await newPage(browser);
  await page.setViewportSize(PHONE);
  return page;
}

/** How far the page scrolls sideways, and the elements inside the test id that reach past the screen's right edge. */
async function pageFit(page: Page, testId: string): Promise<{ pageOverflow: number; pastTheEdge: string[] }> {
  return page.evaluate(`(() => {
    const root = document.documentElement;
    const pastTheEdge = [...document.querySelectorAll('[data-testid="${testId}"] *')]
      .filter((element) => { const rect = element.getBoundingClientRect(); return rect.width > 0 && rect.right > root.clientWidth + 0.5; })
      .map((element) => element.tagName.toLowerCase() + ':' + (element.textContent ?? '').slice(0, 30));
    return { pageOverflow: root.scrollWidth - root.clientWidth, pastTheEdge };
  })()`) as Promise<{ pageOverflow: number; pastTheEdge: string[] }>;
}

describe('[CASES]: case tables in Korean, at 1280 px and on a phone', () => {
  it('the console queue fits its card at 1280 × 800 in Korean and English with no word split and headers and site names on one line, subjects on two lines at least 150 px wide (90 with every column), organizations and sites cut with the whole text in a tooltip; on a phone the other columns fold under the subject', { timeout: 120_000 }, async () => {
    const { ctx } = server;
    const organization = await buildOrganization(ctx, { name: ORGANIZATION });
    const site = await buildSite(ctx, { organizationId: organization.id, name: '울산 1공장' });
    const longSite = await buildSite(ctx, { organizationId: organization.id, name: LONG_SITE });
    await buildContract(ctx, { organizationId: organization.id, siteId: site.id, endsInDays: 365 });
    const engineer = await buildUser(ctx, { email: 'jiwon@vendor.example', name: '박지원', staffRole: 'support_engineer' });
    await buildCase(ctx, { organizationId: organization.id, siteId: site.id, subject: LONG_SUBJECT, language: 'ko', legacyNumber: 'SR-2024-00123' });
    await buildCase(ctx, { organizationId: organization.id, siteId: site.id, subject: '라이선스 갱신 문의', language: 'ko', assigneeId: engineer.id, status: 'waiting_on_response' });
    await buildCase(ctx, { organizationId: organization.id, siteId: longSite.id, subject: 'Pump trips on start', status: 'pending_fix', assigneeId: engineer.id });

    const page = await newPage(browser);
    await signIn(page, server.url, engineer.email, 'ko');
    const table = page.getByTestId('case-queue-table');
    await expect.poll(() => table.getByTestId('case-queue-row').count(), WAIT).toBe(3);
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');
    expect(await tableLayout(page, 'case-queue-table')).toEqual({ splitWords: [], pageOverflow: 0, tableOverflow: 0, lastColumnReachable: true });
    // On a wide screen every column shows, and nothing is repeated under the subject.
    const longRow = table.getByTestId('case-queue-row').filter({ hasText: 'SR-2024-00123' });
    // At 1280 px every column but the time to first response (from 1408 px) shows, and nothing is repeated under the subject.
    expect(await longRow.locator('td').filter({ visible: true }).count()).toBe(8);
    expect(await longRow.getByTestId('case-queue-row-details').isVisible()).toBe(false);
    // The subject on at most two lines, cut after them; the organization and its site under it each on one.
    const subject = table.getByTitle(LONG_SUBJECT).first();
    expect(await subject.evaluate((element) => element.scrollHeight > element.clientHeight)).toBe(true);
    expect(await subject.evaluate((element) => element.getBoundingClientRect().width)).toBeGreaterThan(150);
    for (const text of [ORGANIZATION, LONG_SITE]) {
      const cut = table.getByTitle(text).first();
      expect(await cut.evaluate((element) => element.scrollWidth > element.clientWidth), text).toBe(true);
    }
    // Headers and site names on one line: "조직 / 사이트" and "울산 1공장" are not broken between their words.
    expect(await wrappedCells(page, 'case-queue-table', null)).toEqual([]);
    expect(await table.getByTitle('울산 1공장').first().evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);

    // The language switch changes <html lang>, and the English headers and badges fit as well.
    await page.getByRole('radiogroup', { name: '언어' }).getByText('English').click();
    await expect.poll(() => page.locator('html').getAttribute('lang'), WAIT).toBe('en');
    await table.getByText('Assignee').waitFor();
    expect(await tableLayout(page, 'case-queue-table')).toEqual({ splitWords: [], pageOverflow: 0, tableOverflow: 0, lastColumnReachable: true });
    expect(await wrappedCells(page, 'case-queue-table', null)).toEqual([]);
    expect(await table.getByTitle('Pump trips on start').evaluate((element) => element.getBoundingClientRect().width)).toBeGreaterThan(150);

    await page.getByRole('radiogroup', { name: 'Language' }).getByText('한국어').click();
    await table.getByText('담당자').waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    // The phone layout comes a render after the resize (media queries): measured until it settles.
    await expect.poll(() => tableLayout(page, 'case-queue-table'), WAIT).toEqual({ splitWords: [], pageOverflow: 0, tableOverflow: 0, lastColumnReachable: true });
  });

  it('the console queue on a 375 × 812 phone scrolls neither the page nor the table: number and subject in the row, organization, site, status, assignee and times under the subject, filters and bulk actions wrapped', { timeout: 120_000 }, async () => {
    const { ctx } = server;
    const organization = await buildOrganization(ctx, { name: '한빛엔지니어링 여수사업소 계측제어팀' });
    const site = await buildSite(ctx, { organizationId: organization.id, name: '여수 2공장' });
    await buildContract(ctx, { organizationId: organization.id, siteId: site.id, endsInDays: 365 });
    const engineer = await buildUser(ctx, { email: 'minsu@vendor.example', name: '이민수', staffRole: 'support_engineer' });
    const waiting = await buildCase(ctx, { organizationId: organization.id, siteId: site.id, subject: 'DCS 태그가 30분마다 끊기고 히스토리안에 공백이 생깁니다', language: 'ko', status: 'waiting_on_response', assigneeId: engineer.id, legacyNumber: 'SR-2023-00077' });
    const unassigned = await buildCase(ctx, { organizationId: organization.id, siteId: site.id, subject: 'Interface service stops after Windows update', status: 'new' });

    const page = await newPhonePage();
    await signIn(page, server.url, engineer.email, 'ko');
    const table = page.getByTestId('case-queue-table');
    const waitingRow = table.locator(`[data-testid="case-queue-row"][data-case-number="${waiting.number}"]`);
    const unassignedRow = table.locator(`[data-testid="case-queue-row"][data-case-number="${unassigned.number}"]`);
    await waitingRow.waitFor(WAIT);
    expect(await tableLayout(page, 'case-queue-table')).toEqual({ splitWords: [], pageOverflow: 0, tableOverflow: 0, lastColumnReachable: true });
    expect(await pageFit(page, 'case-queue-page')).toEqual({ pageOverflow: 0, pastTheEdge: [] });

    // The row keeps its checkbox, number and subject; the rest is under the subject.
    expect(await waitingRow.locator('td').filter({ visible: true }).count()).toBe(3);
    expect(await waitingRow.getByRole('link', { name: String(waiting.number) }).isVisible()).toBe(true);
    expect(await waitingRow.getByText('DCS 태그가 30분마다', { exact: false }).first().isVisible()).toBe(true);
    const details = waitingRow.getByTestId('case-queue-row-details');
    expect(await details.isVisible()).toBe(true);
    expect(await details.locator('[data-status="waiting_on_response"]').isVisible()).toBe(true);
    expect(await details.getByTestId('waiting-on-customer').isVisible()).toBe(true);
    expect(await details.textContent()).toMatch(
      /한빛엔지니어링 여수사업소 계측제어팀[\s\S]*여수 2공장[\s\S]*담당자: 이민수[\s\S]*접수일: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d[\s\S]*수정일: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d[\s\S]*첫 응답까지: —[\s\S]*이전 번호 SR-2023-00077/,
    );
    expect(await unassignedRow.getByTestId('case-queue-row-details').textContent()).toContain('담당자: 미지정');
    for (const badge of [details.locator('[data-status="waiting_on_response"]'), details.getByTestId('waiting-on-customer')]) {
      const box = await badge.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    }

    // A selection brings the bulk actions, which wrap on the screen too.
    await waitingRow.getByRole('checkbox').check();
    await page.getByTestId('case-bulk-actions').waitFor();
    expect(await pageFit(page, 'case-queue-page')).toEqual({ pageOverflow: 0, pastTheEdge: [] });
  });

  it('the portal Cases tab in English shows a Korean site name whole at 1280 × 800, and on a phone the status and "waiting for your attention" under the subject without sideways scrolling', { timeout: 120_000 }, async () => {
    const { ctx } = server;
    const organization = await buildOrganization(ctx, { name: 'Ulsan Petrochemical' });
    const site = await buildSite(ctx, { organizationId: organization.id, name: '울산 1공장' });
    await buildContract(ctx, { organizationId: organization.id, siteId: site.id, endsInDays: 365 });
    const customer = await buildUser(ctx, { email: 'owner@ulsan.example', name: 'Kim Owner' });
    await buildMember(ctx, { organizationId: organization.id, userId: customer.id, role: 'owner' });
    await buildCase(ctx, { organizationId: organization.id, siteId: site.id, requesterId: customer.id, subject: LONG_SUBJECT, language: 'ko', legacyNumber: 'SR-2024-00456' });
    await buildCase(ctx, { organizationId: organization.id, siteId: site.id, requesterId: customer.id, subject: 'Pump trips on start', status: 'waiting_on_response' });

    const page = await newPage(browser, 'en-US,en');
    await signIn(page, server.url, customer.email, 'en', '/portal/cases');
    const table = page.getByTestId('cases-table');
    await expect.poll(() => table.getByTestId('case-row').count(), WAIT).toBe(2);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await tableLayout(page, 'cases-table')).toEqual({ splitWords: [], pageOverflow: 0, tableOverflow: 0, lastColumnReachable: true });
    // On a wide screen the status has its column, and nothing is repeated under the subject.
    const waitingRow = table.locator('[data-testid="case-row"][data-status="waiting_on_response"]');
    expect(await waitingRow.locator('th, td').filter({ visible: true }).count()).toBe(6);
    expect(await waitingRow.getByTestId('waiting-badge').filter({ visible: true }).count()).toBe(1);
    expect(await waitingRow.getByTestId('case-row-details').isVisible()).toBe(false);

    await page.setViewportSize({ width: 390, height: 844 });
    // The phone layout comes a render after the resize (media queries): measured until it settles.
    await expect.poll(() => tableLayout(page, 'cases-table'), WAIT).toEqual({ splitWords: [], pageOverflow: 0, tableOverflow: 0, lastColumnReachable: true });
    const details = waitingRow.getByTestId('case-row-details');
    expect(await details.isVisible()).toBe(true);
    expect(await details.textContent()).toMatch(/Waiting on Response[\s\S]*Waiting for your attention[\s\S]*울산 1공장[\s\S]*Updated \d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);
    for (const badge of [details.locator('[data-status="waiting_on_response"]'), details.getByTestId('waiting-badge')]) {
      const box = await badge.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    }
  });
});

describe('[CONSOLE]: the console lists on a 375 × 812 phone', () => {
  it('customers, knowledge articles, products, families and activity scroll neither the page nor their tables: what does not fit moves under the name or title', { timeout: 120_000 }, async () => {
    const { ctx } = server;
    const organization = await buildOrganization(ctx, { name: '한국동서발전 당진발전본부 계측제어부' });
    await buildSite(ctx, { organizationId: organization.id, name: '당진 3호기' });
    const product = await buildProduct(ctx, { name: 'PI Data Archive' });
    await buildArticle(ctx, { productIds: [product.id], verified: true, translations: [{ language: 'ko', title: '아카이브 파일이 가득 찼을 때 새 아카이브를 만드는 방법' }, { language: 'en', status: 'draft' }] });
    const engineer = await buildUser(ctx, { email: 'hyejin@vendor.example', name: '최혜진', staffRole: 'support_engineer' });
    // An event whose details have a line far wider than a phone.
    await recordAudit(ctx.db, {
      category: 'contract',
      action: 'contract.reminder.sent',
      organizationId: organization.id,
      targetType: 'contract',
      details: { recipients: ['operations-team-lead@dangjin-power.example', 'instrumentation-and-control@dangjin-power.example'] },
    });

    const page = await newPhonePage();
    await signIn(page, server.url, engineer.email, 'ko');
    const lists: [path: string, pageTestId: string, tableTestIds: string[]][] = [
      ['/console/customers', 'customers-page', ['customers-table']],
      ['/console/knowledge', 'console-knowledge-page', ['articles-table']],
      ['/console/catalog', 'catalog-page', ['products-table', 'families-table']],
      ['/console/activity', 'activity-page', ['activity-table']],
    ];
    for (const [path, pageTestId, testIds] of lists) {
      await page.goto(`${server.url}${path}`);
      for (const testId of testIds) {
        const table = page.getByTestId(testId);
        await table.locator('tbody tr').first().waitFor(WAIT);
        expect(await tableLayout(page, testId), `${path} ${testId}`).toMatchObject({ pageOverflow: 0, tableOverflow: 0, lastColumnReachable: true });
        expect(await table.locator('[data-testid$="row-details"]').first().isVisible(), `${path} ${testId}: details under the first cell`).toBe(true);
      }
      expect(await pageFit(page, pageTestId), path).toEqual({ pageOverflow: 0, pastTheEdge: [] });
    }

    // An event's details open below its row: a long line scrolls in its own block, not the table.
    const reminder = page.locator('[data-testid="activity-row"][data-action="contract.reminder.sent"]');
    await reminder.getByTestId('activity-details-toggle').click();
    await page.getByTestId('activity-details').waitFor(WAIT);
    expect(await tableLayout(page, 'activity-table')).toMatchObject({ pageOverflow: 0, tableOverflow: 0 });
  });
});
