import { describe, expect, it } from 'vitest';
import { buildUser } from '../../server/test/factories';
import { newPage, type Browser } from '../support/browser';
import type { E2eServer } from '../support/server';
import { signIn } from '../support/sign-in';
import { useServerAndBrowser } from '../support/suite';

/** My account's sessions on a 390 px phone: the address and times fold under the client, "End session" stays on the screen. */

let server: E2eServer;
let browser: Browser;

useServerAndBrowser((started) => ({ server, browser } = started));

const WAIT = { timeout: 20_000 };

describe('[ACCOUNTS]: sessions on a phone', () => {
  it('shows every session without scrolling sideways and ends the other one from the screen, whose browser then hears why it was signed out', { timeout: 60_000 }, async () => {
    const user = await buildUser(server.ctx, { email: 'phone-sessions@example.com', name: '정민호' });
    const desk = await newPage(browser);
    await signIn(desk, server.url, user.email, 'ko');

    const phone = await newPage(browser);
    await phone.setViewportSize({ width: 390, height: 844 });
    await signIn(phone, server.url, user.email, 'ko', '/portal/account');
    const rows = phone.getByTestId('session-row');
    await expect.poll(() => rows.count(), WAIT).toBe(2);
    const other = phone.locator('[data-testid="session-row"][data-current="false"]');
    expect(await other.getByTestId('session-row-details').textContent()).toMatch(/IP 주소: 127\.0\.0\.1.*로그인 시각: \d{4}-\d\d-\d\d/);
    const end = other.getByTestId('end-session');
    await end.scrollIntoViewIfNeeded();
    const box = (await end.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await end.click();
    await expect.poll(() => rows.count(), WAIT).toBe(1);
    // The browser whose session was ended is told why at its next step, not just shown the sign-in page.
    await desk.goto(`${server.url}/portal/account`);
    await desk.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('reason') === 'ended', WAIT);
    await desk.getByText('다른 기기에서 이 세션을 종료했거나 비밀번호가 바뀌어 로그아웃되었습니다.', { exact: false }).waitFor(WAIT);
    expect(new URL(desk.url()).searchParams.get('next')).toBe('/portal/account');
    await desk.context().close();
    await phone.context().close();
  });

  it('ends all the other sessions at once after a confirmation, keeping this one', { timeout: 60_000 }, async () => {
    const user = await buildUser(server.ctx, { email: 'many-sessions@example.com', name: '한수진' });
    const others = [await newPage(browser), await newPage(browser)];
    for (const page of others) await signIn(page, server.url, user.email, 'ko');
    const phone = await newPage(browser);
    await phone.setViewportSize({ width: 390, height: 844 });
    await signIn(phone, server.url, user.email, 'ko', '/portal/account');
    await expect.poll(() => phone.getByTestId('session-row').count(), WAIT).toBe(3);
    await phone.getByTestId('end-other-sessions').click();
    await phone.getByText('다른 브라우저와 기기 2곳에서 모두 로그아웃됩니다', { exact: false }).waitFor(WAIT);
    await phone.getByTestId('confirm-end-other-sessions').click();
    await phone.getByText('다른 세션 2개를 종료했습니다.').waitFor(WAIT);
    await expect.poll(() => phone.getByTestId('session-row').count(), WAIT).toBe(1);
    expect(await phone.getByTestId('end-other-sessions').count()).toBe(0);
    for (const page of others) {
      await page.goto(`${server.url}/portal/account`);
      await page.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('reason') === 'ended', WAIT);
      await page.context().close();
    }
    await phone.context().close();
  });
});
