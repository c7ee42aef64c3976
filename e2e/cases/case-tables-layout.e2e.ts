import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase } from '../../server/test/case-factories';
import { buildContract } from '../../server/test/catalog-factories';
import { buildMember, buildOrganization, buildSite, buildUser } from '../../server/test/factories';
import { launchBrowser, newPage, type Browser, type Page } from '../support/browser';
import { startE2eServer, type E2eServer } from '../support/server';
import { signIn } from '../support/sign-in';
import { WAIT } from './case-e2e-support';

/**
 * The case tables at a 1280 × 800 window and on a phone: Korean words wrap only between words (in
 * the Korean UI, and as names in the English one), the console queue fits its card with every
 * column on the screen, and where a table cannot fit it scrolls in its own box, not the page. The
 * portal's Cases tab needs no sideways scrolling on a phone: status, site and last change move
 * under the subject.
 */

let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const LONG_SUBJECT = '보일러 급수 펌프가 정지한 뒤 다시 기동되지 않으며 제어반에 경보 코드 E-214가 계속 표시됩니다';
const ORGANIZATION = 'A석유화학 울산콤플렉스 생산본부 설비기술팀';

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

describe('[CASES]: case tables in Korean, at 1280 px and on a phone', () => {
  it('the console queue fits its card at 1280 × 800 in Korean and English with no word split, subjects and organizations cut with the whole text in a tooltip; on a phone it scrolls in its own box', { timeout: 120_000 }, async () => {
    const { ctx } = server;
    const organization = await buildOrganization(ctx, { name: ORGANIZATION });
    const site = await buildSite(ctx, { organizationId: organization.id, name: '울산 1공장' });
    await buildContract(ctx, { organizationId: organization.id, siteId: site.id, endsInDays: 365 });
    const engineer = await buildUser(ctx, { email: 'jiwon@vendor.example', name: '박지원', staffRole: 'support_engineer' });
    await buildCase(ctx, { organizationId: organization.id, siteId: site.id, subject: LONG_SUBJECT, language: 'ko', legacyNumber: 'SR-2024-00123' });
    await buildCase(ctx, { organizationId: organization.id, siteId: site.id, subject: '라이선스 갱신 문의', language: 'ko', assigneeId: engineer.id, status: 'waiting_on_response' });
    await buildCase(ctx, { organizationId: organization.id, siteId: site.id, subject: 'Pump trips on start', status: 'pending_fix', assigneeId: engineer.id });

    const page = await newPage(browser);
    await signIn(page, server.url, engineer.email, 'ko');
    const table = page.getByTestId('case-queue-table');
    await expect.poll(() => table.getByTestId('case-queue-row').count(), WAIT).toBe(3);
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');
    expect(await tableLayout(page, 'case-queue-table')).toEqual({ splitWords: [], pageOverflow: 0, tableOverflow: 0, lastColumnReachable: true });
    for (const text of [LONG_SUBJECT, ORGANIZATION]) {
      const cut = table.getByTitle(text).first();
      expect(await cut.evaluate((element) => element.scrollWidth > element.clientWidth), text).toBe(true);
    }

    // The language switch changes <html lang>, and the English headers and badges fit as well.
    await page.getByRole('radiogroup', { name: '언어' }).getByText('English').click();
    await expect.poll(() => page.locator('html').getAttribute('lang'), WAIT).toBe('en');
    await table.getByText('Assignee').waitFor();
    expect(await tableLayout(page, 'case-queue-table')).toEqual({ splitWords: [], pageOverflow: 0, tableOverflow: 0, lastColumnReachable: true });

    await page.getByRole('radiogroup', { name: 'Language' }).getByText('한국어').click();
    await table.getByText('담당자').waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    // The phone layout comes a render after the resize (media queries): measured until it settles.
    await expect.poll(() => tableLayout(page, 'case-queue-table'), WAIT).toMatchObject({ splitWords: [], pageOverflow: 0, lastColumnReachable: true });
    expect((await tableLayout(page, 'case-queue-table')).tableOverflow).toBeGreaterThan(0);
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
