import { describe, expect, it } from 'vitest';
import { newPage, type Browser } from '../support/browser';
import type { E2eServer } from '../support/server';
import { useServerAndBrowser } from '../support/suite';
import { loadDemoData, DEMO_PASSWORD } from '../../server/modules/demo/demo.service';

let server: E2eServer;
let browser: Browser;

useServerAndBrowser((started) => ({ server, browser } = started));

describe('[SHELL]: the first administrator', () => {
  it('signs in with the one-time password, must change it, and lands in the console in Korean and English', async () => {
    const page = await newPage(browser, 'ko-KR,ko');
    await page.goto(`${server.url}/console/catalog`);
    await page.waitForURL(/\/sign-in\?next=/);
    await expect.poll(() => page.getByRole('heading', { name: '로그인' }).isVisible()).toBe(true);

    await page.getByLabel('이메일').fill(server.adminEmail);
    await page.getByLabel('비밀번호', { exact: true }).fill(server.adminPassword);
    await page.getByRole('button', { name: '로그인' }).click();

    await page.waitForURL(/\/change-password/);
    await page.getByLabel('임시 비밀번호').fill(server.adminPassword);
    await page.getByLabel('새 비밀번호', { exact: true }).fill('Vendor!2026');
    await page.getByLabel('새 비밀번호 확인').fill('Vendor!2026');
    await page.getByRole('button', { name: '비밀번호 변경' }).click();

    await page.waitForURL((url) => url.pathname.startsWith('/console'));
    await expect.poll(() => page.getByTestId('face-label').textContent()).toBe('관리자 페이지');
    for (const item of ['케이스 대기열', '고객사', '제품 카탈로그', '라이선스 관리', '원격지원', '통계', '사용 기록', '설정']) {
      expect(await page.getByRole('link', { name: item }).count()).toBeGreaterThan(0);
    }
    await page.getByRole('link', { name: '통계' }).click();
    await expect.poll(() => page.getByTestId('coming-soon-page').getAttribute('data-feature')).toBe('console.statistics');

    await page.getByTestId('language-switch').first().getByText('English').click();
    await expect.poll(() => page.getByTestId('face-label').textContent()).toBe('Admin console');
    expect(await page.getByRole('link', { name: 'Activity log' }).count()).toBeGreaterThan(0);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    // The choice is remembered for the user on the server: signing in from another, Korean browser
    // (no shared storage) opens in English.
    const again = await newPage(browser, 'ko-KR,ko');
    await again.goto(`${server.url}/sign-in`);
    await again.getByLabel('이메일').fill(server.adminEmail);
    await again.getByLabel('비밀번호', { exact: true }).fill('Vendor!2026');
    await again.getByRole('button', { name: '로그인' }).click();
    await expect.poll(() => again.getByTestId('face-label').textContent()).toBe('Admin console');
    await again.context().close();

    await page.goto(`${server.url}/console/no-such-page`);
    await expect.poll(() => page.getByTestId('not-found-page').isVisible()).toBe(true);

    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/sign-in/);
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).status);
    expect(me).toBe(401);
    await page.context().close();
  });

  it('shows the server’s message for a wrong password', async () => {
    const page = await newPage(browser, 'en-US,en');
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Email').fill(server.adminEmail);
    await page.getByLabel('Password', { exact: true }).fill('Wrong!pass1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('sign-in-error').textContent()).toContain('The email or password is not correct.');
    await page.context().close();
  });
});

describe('[SHELL]: a customer of the demo organization', () => {
  it('lands in the portal and sees A석유화학 on the home page', async () => {
    await loadDemoData(server.ctx);
    const page = await newPage(browser, 'ko-KR,ko');
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('이메일').fill('owner@a-petrochem.example');
    await page.getByLabel('비밀번호', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '로그인' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/portal'));
    await expect.poll(() => page.getByTestId('welcome').textContent()).toContain('김민준');
    await expect.poll(() => page.getByTestId('organization-card').first().textContent()).toContain('A석유화학');
    for (const item of ['홈', '제품', '케이스', '기술 자료', '라이선스', '장치', '원격지원', '팀 관리']) {
      // Cases shows once the organization's permissions are read (a viewer has none).
      await expect.poll(() => page.getByRole('link', { name: item, exact: true }).count()).toBeGreaterThan(0);
    }
    // A customer cannot open the console.
    await page.goto(`${server.url}/console`);
    await page.waitForURL((url) => url.pathname.startsWith('/portal'));
    await page.screenshot({ path: 'e2e/.screenshots/portal-home.png' }).catch(() => undefined);
    await page.context().close();
  });
});
