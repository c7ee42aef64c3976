import { describe, expect, it } from 'vitest';
import { buildUser } from '../../server/test/factories';
import type { Browser } from '../support/browser';
import type { E2eServer } from '../support/server';
import { useServerAndBrowser } from '../support/suite';
import { signIn } from '../support/sign-in';

let server: E2eServer;
let browser: Browser;

useServerAndBrowser((started) => ({ server, browser } = started));

describe('[SHELL]: the service name', () => {
  it('the vendor names the service in Settings, and the header, the browser tab and the sign-in page show that name instead of Atrium', async () => {
    const admin = await buildUser(server.ctx, { email: 'brand-admin@vendor.example', name: 'Brand Admin', staffRole: 'vendor_admin' });
    const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 }, extraHTTPHeaders: { 'accept-language': 'ko-KR,ko' } });
    const page = await context.newPage();
    await signIn(page, server.url, admin.email, 'ko', '/console/settings?tab=profile');
    const mark = page.locator('header').getByTestId('service-name');
    await expect.poll(() => mark.textContent()).toBe('Atrium');
    await expect.poll(() => page.title()).toBe('설정 · Atrium');

    const form = page.getByTestId('settings-profile-form');
    await form.getByLabel('서비스 이름').fill('한빛 케어 포털');
    await form.getByRole('button', { name: '저장' }).click();
    // At once, without reloading: the header and the tab follow the saved name.
    await expect.poll(() => mark.textContent()).toBe('한빛 케어 포털');
    await expect.poll(() => page.title()).toBe('설정 · 한빛 케어 포털');

    // Someone who has not signed in sees it too.
    const visitor = await (await browser.newContext({ locale: 'ko-KR', extraHTTPHeaders: { 'accept-language': 'ko-KR,ko' } })).newPage();
    await visitor.goto(`${server.url}/sign-in`);
    await expect.poll(() => visitor.getByTestId('service-name').first().textContent()).toBe('한빛 케어 포털');
    await expect.poll(() => visitor.title()).toBe('로그인 · 한빛 케어 포털');
    await visitor.context().close();

    // Blank again: Atrium comes back.
    await form.getByLabel('서비스 이름').fill('');
    await form.getByRole('button', { name: '저장' }).click();
    await expect.poll(() => mark.textContent()).toBe('Atrium');
    await context.close();
  });
});
