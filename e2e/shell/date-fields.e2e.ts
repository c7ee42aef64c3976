import { describe, expect, it } from 'vitest';
import { recordAudit } from '../../server/platform/audit';
import { buildUser } from '../../server/test/factories';
import { newPage, type Browser } from '../support/browser';
import type { E2eServer } from '../support/server';
import { signIn } from '../support/sign-in';
import { useServerAndBrowser } from '../support/suite';

/**
 * Dates are typed and picked as YYYY-MM-DD with a calendar in the UI's language, whatever the
 * browser's own language: a native date input would follow the browser (mm/dd/yyyy and English
 * month names under a Korean UI on an English system).
 */

let server: E2eServer;
let browser: Browser;

useServerAndBrowser((started) => ({ server, browser } = started));

const WAIT = { timeout: 20_000 };

describe('[SHELL]: date fields', () => {
  it('the activity log’s custom dates: a Korean calendar in an English browser, typed dates filter the log', { timeout: 60_000 }, async () => {
    const admin = await buildUser(server.ctx, { email: 'dates-admin@vendor.example', name: '박지원', staffRole: 'vendor_admin' });
    await recordAudit(server.ctx.db, { category: 'organization', action: 'organization.updated', actorUserId: admin.id, occurredAt: new Date('2026-01-15T03:00:00Z') });
    await recordAudit(server.ctx.db, { category: 'site', action: 'site.created', actorUserId: admin.id, occurredAt: new Date('2026-03-10T03:00:00Z') });

    const page = await newPage(browser, 'en-US,en');
    await signIn(page, server.url, admin.email, 'en', '/console/activity');
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('한국어').click();
    await page.getByTestId('activity-period').click();
    await page.getByRole('option', { name: '직접 지정' }).click();

    const from = page.getByTestId('activity-from');
    const to = page.getByTestId('activity-to');
    expect(await from.getAttribute('type')).not.toBe('date');
    expect(await from.getAttribute('placeholder')).toBe('YYYY-MM-DD');
    await from.click();
    const header = page.getByRole('button', { name: '월 선택' });
    await header.waitFor(WAIT);
    expect(await header.textContent()).toMatch(/^\d{4}년 \d{1,2}월$/);
    expect(await page.locator('.mantine-DateInput-weekday').allTextContents()).toEqual(['일', '월', '화', '수', '목', '금', '토']);

    await from.fill('2026-01-01');
    await to.click();
    await to.fill('2026-01-31');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '조회' }).click();
    const rows = page.getByTestId('activity-row');
    await expect.poll(() => rows.evaluateAll((all) => all.map((row) => row.getAttribute('data-action'))), WAIT).toEqual(['organization.updated']);
    expect(await from.inputValue()).toBe('2026-01-01');

    await page.getByRole('radiogroup', { name: '언어' }).getByText('English').click();
    await to.click();
    const englishHeader = page.getByRole('button', { name: 'Choose a month' });
    await englishHeader.waitFor(WAIT);
    expect(await englishHeader.textContent()).toBe('January 2026');
    await page.context().close();
  });
});
