import { describe, expect, it } from 'vitest';
import { recordAudit } from '../../server/platform/audit';
import { buildMember, buildOrganization, buildSite, buildUser } from '../../server/test/factories';
import { newPage, type Browser, type Page } from '../support/browser';
import type { E2eServer } from '../support/server';
import { useServerAndBrowser } from '../support/suite';
import { signIn } from '../support/sign-in';

/**
 * Korean labels at a 1280 × 800 window, where the QA walk found them cut or out of line: the
 * activity log's category badges, a long site name beside its "접근 권한 없음" badge, and the
 * security settings' number boxes under hints that wrap to different heights.
 */

let server: E2eServer;
let browser: Browser;

useServerAndBrowser((started) => ({ server, browser } = started));

const WAIT = { timeout: 20_000 };

/** The texts of the elements matching the selector that are cut (their content wider than their box). */
function cutTexts(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    `[...document.querySelectorAll(${JSON.stringify(selector)})].filter((el) => el.getClientRects().length > 0 && el.scrollWidth > el.clientWidth).map((el) => el.textContent)`,
  ) as Promise<string[]>;
}

/** The tops of the boxes labelled so, rounded to the pixel. */
async function topsOf(page: Page, labels: string[]): Promise<number[]> {
  return Promise.all(labels.map(async (label) => Math.round((await page.getByLabel(label, { exact: true }).boundingBox())!.y)));
}

describe('[SHELL]: Korean labels at 1280 × 800', () => {
  it('the activity log shows every category badge whole, in Korean and in English', { timeout: 60_000 }, async () => {
    const admin = await buildUser(server.ctx, { email: 'activity-admin@vendor.example', name: '박지원', staffRole: 'vendor_admin' });
    for (const [category, action] of [
      ['article', 'article.verification.withdrawn'],
      ['member', 'invitation.revoked'],
      ['site', 'site.created'],
      ['organization', 'organization.updated'],
    ] as const) {
      await recordAudit(server.ctx.db, { category, action, actorUserId: admin.id });
    }

    const page = await newPage(browser);
    await signIn(page, server.url, admin.email, 'ko', '/console/activity');
    const badges = page.getByTestId('activity-table').locator('[data-category="article"] [data-testid="activity-category-badge"]');
    await badges.first().waitFor(WAIT);
    expect(await badges.first().textContent()).toBe('기술 자료');
    expect(await cutTexts(page, '[data-testid="activity-category-badge"], [data-testid="activity-category-badge"] *')).toEqual([]);

    await page.getByRole('radiogroup', { name: '언어' }).getByText('English').click();
    await expect.poll(() => badges.first().textContent(), WAIT).toBe('Knowledge article');
    expect(await cutTexts(page, '[data-testid="activity-category-badge"], [data-testid="activity-category-badge"] *')).toEqual([]);
    await page.context().close();
  });

  it('the portal sites list cuts a long site name, never its "접근 권한 없음" badge or its pin', { timeout: 60_000 }, async () => {
    const organization = await buildOrganization(server.ctx, { name: 'A석유화학' });
    const longName = `울산콤플렉스 ${'제2공장 변전실 '.repeat(20)}계측동`;
    const open = await buildSite(server.ctx, { organizationId: organization.id, name: '여수 사이트' });
    await buildSite(server.ctx, { organizationId: organization.id, name: longName });
    const viewer = await buildUser(server.ctx, { email: 'viewer@a-petrochem.example', name: '윤수아' });
    await buildMember(server.ctx, { organizationId: organization.id, userId: viewer.id, role: 'viewer', siteIds: [open.id] });

    const page = await newPage(browser);
    await signIn(page, server.url, viewer.email, 'ko', '/portal/sites');
    const row = page.locator('[data-testid="site-node"]', { has: page.getByTitle(longName) });
    await row.waitFor(WAIT);
    const name = row.getByTestId('site-name');
    expect(await name.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    expect(await row.getByTestId('site-no-access').textContent()).toBe('접근 권한 없음');
    expect(await cutTexts(page, '[data-testid="site-no-access"], [data-testid="site-no-access"] *')).toEqual([]);
    expect((await row.locator('svg').first().boundingBox())!.width).toBe(18);
    expect(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')).toBe(0);
    await page.context().close();
  });

  it('the security settings keep the three number boxes of a row at one height, before and after errors, in Korean and in English', { timeout: 60_000 }, async () => {
    const admin = await buildUser(server.ctx, { email: 'settings-admin@vendor.example', name: 'Vendor Admin', staffRole: 'vendor_admin' });
    const page = await newPage(browser);
    await signIn(page, server.url, admin.email, 'ko', '/console/settings');
    const korean = ['로그인 실패 허용 횟수', '차단 시간(초)', '자동 로그아웃 시간(분)'];
    await page.getByLabel(korean[0]!, { exact: true }).waitFor(WAIT);
    const [first, ...others] = await topsOf(page, korean);
    expect(others).toEqual([first, first]);

    // Errors under the boxes, of different lengths, leave the boxes where they were.
    for (const label of korean) await page.getByLabel(label, { exact: true }).fill('0');
    await page.getByRole('button', { name: '저장' }).click();
    await page.getByText('1~100 사이의 정수를 입력해 주세요.').waitFor(WAIT);
    const [afterErrors, ...othersAfterErrors] = await topsOf(page, korean);
    expect(othersAfterErrors).toEqual([afterErrors, afterErrors]);

    await page.getByRole('radiogroup', { name: '언어' }).getByText('English').click();
    const english = ['Sign-in attempts', 'Lock time (seconds)', 'Idle sign-out (minutes)'];
    await page.getByLabel(english[0]!, { exact: true }).waitFor(WAIT);
    const [top, ...rest] = await topsOf(page, english);
    expect(rest).toEqual([top, top]);
    await page.context().close();
  });
});
