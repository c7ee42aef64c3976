import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ORIGIN } from '../../server/platform/context';
import { createProvider } from '../../server/modules/sso/sso.service';
import { findUserByEmail } from '../../server/modules/users/users.repository';
import { findLink } from '../../server/test/smtp-sink';
import { buildActor, buildUser, DEFAULT_PASSWORD } from '../../server/test/factories';
import { startOidcProvider, type TestOidcProvider } from '../../server/test/oidc-provider';
import { newPage, type Browser, type Page } from '../support/browser';
import type { E2eServer } from '../support/server';
import { useServerAndBrowser } from '../support/suite';
import { signIn, signInThroughPage } from '../support/sign-in';

let server: E2eServer;
let browser: Browser;

useServerAndBrowser((started) => ({ server, browser } = started));

const totp = (secret: string, offsetSteps = 0) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: Date.now() + offsetSteps * 30_000 });

const signInWithPassword = (page: Page, email: string, password: string) => signInThroughPage(page, server.url, email, { password });

// Before the lockout below, which refuses this machine's address for a while.
describe('[ACCOUNTS]: idle sign-out', () => {
  it('warns a minute before, keeps the session on "Stay signed in", and at the end signs out and says why', async () => {
    const user = await buildUser(server.ctx, { email: 'idle@yeosu.example', name: 'Han Idle' });
    const page = await newPage(browser, 'ko-KR,ko');
    // The browser's clock is moved by the test; the server's default of 1,800 s stands.
    await page.clock.install();
    await signIn(page, server.url, user.email, 'ko');
    await page.goto(`${server.url}/portal/account`);
    await page.getByTestId('account-page').waitFor();
    const cookie = (await page.context().cookies()).find((c) => c.name === 'atrium_session')!;

    // Nothing for 29 minutes: the warning counts down the last minute.
    await page.clock.fastForward('29:05');
    const warning = page.getByTestId('idle-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/ 5\d초 후에 자동으로 로그아웃됩니다/);
    await page.getByTestId('idle-stay').click();
    await warning.waitFor({ state: 'hidden' });

    // Staying started a new half hour: 29 minutes later it warns again; this time nobody answers.
    await page.clock.fastForward('29:05');
    await warning.waitFor();
    await page.clock.fastForward('01:00');
    await page.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('reason') === 'idle' && url.searchParams.get('next') === '/portal/account');
    await expect.poll(() => page.getByText('일정 시간 동안 사용하지 않아 자동으로 로그아웃되었습니다').count()).toBe(1);
    // The session ended on the server too.
    const me = await fetch(`${server.url}/api/v1/me`, { headers: { cookie: `atrium_session=${cookie.value}` } });
    expect(me.status).toBe(401);
    await page.context().close();
  });
});

describe('[ACCOUNTS]: single sign-on', () => {
  let idp: TestOidcProvider;
  beforeAll(async () => {
    idp = await startOidcProvider();
  });
  afterAll(async () => {
    await idp?.close();
  });

  it('signs a person in through the OpenID provider the administrator configured', async () => {
    const admin = (await findUserByEmail(server.ctx.db, server.adminEmail))!;
    const provider = await createProvider(server.ctx, buildActor(admin), { name: 'A석유화학 SSO', issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, allowedDomains: ['a-petrochem.example'], enabled: true }, CLI_ORIGIN);
    idp.allowRedirectUri(provider.redirectUri);

    const page = await newPage(browser, 'en-US,en');
    await page.goto(`${server.url}/sign-in`);
    await page.getByTestId('sso-button').filter({ hasText: 'A석유화학 SSO' }).click();
    await page.getByLabel('Account').fill('alice');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.origin === server.url && url.pathname.startsWith('/portal'));
    await expect.poll(() => page.getByTestId('welcome').textContent()).toContain('Alice');

    // Made by single sign-on, the account has no password: the account page offers to set one by email.
    await page.goto(`${server.url}/portal/account`);
    const setPassword = page.getByTestId('set-password');
    await setPassword.getByRole('button', { name: 'Email me a link to set a password' }).click();
    await expect.poll(() => setPassword.getByTestId('set-password-sent').textContent()).toContain('alice@a-petrochem.example');
    expect(findLink(await server.waitForMail('alice@a-petrochem.example'), '/reset-password')).toContain('token=');
    expect(await page.getByTestId('change-password-form').count()).toBe(0);
    await page.context().close();
  });

  it('asks a person with an authenticator app for the code after the provider, in Korean', async () => {
    const admin = (await findUserByEmail(server.ctx.db, server.adminEmail))!;
    const provider = await createProvider(server.ctx, buildActor(admin), { name: '사내 SSO', issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, allowedDomains: ['a-petrochem.example'], enabled: true }, CLI_ORIGIN);
    idp.allowRedirectUri(provider.redirectUri);
    const user = await buildUser(server.ctx, { email: 'minji@a-petrochem.example', name: '최민지' });
    idp.addAccount({ id: 'minji', email: user.email, emailVerified: true, name: '최민지' });
    const secret = await enrolAuthenticatorApp(user.email);

    const page = await newPage(browser, 'ko-KR,ko');
    await page.goto(`${server.url}/sign-in`);
    await page.getByTestId('sso-button').filter({ hasText: '사내 SSO' }).click();
    await page.getByLabel('Account').fill('minji');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.origin === server.url && url.pathname === '/sign-in');
    await expect.poll(() => page.getByTestId('mfa-step').isVisible()).toBe(true);
    await page.getByTestId('mfa-code').fill('000000');
    await page.getByRole('button', { name: '확인' }).click();
    await expect.poll(() => page.getByTestId('mfa-step').textContent()).toContain('올바르지 않');
    // The code that confirmed the app is spent; the next time step's code is accepted.
    await page.getByTestId('mfa-code').fill(totp(secret, 1));
    await page.getByRole('button', { name: '확인' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/portal'));
    await expect.poll(() => page.getByTestId('welcome').textContent()).toContain('최민지');
    await page.context().close();
  });
});

describe('[ACCOUNTS]: a new user', () => {
  it('registers, verifies from the email, signs in, enrols an authenticator app, signs out and signs in with a code', async () => {
    const page = await newPage(browser, 'en-US,en');
    const email = 'seoyeon@a-petrochem.example';
    const password = 'Yeosu#Plant7';
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.waitForURL(/\/register/);
    await page.getByLabel('Name', { exact: true }).fill('Lee Seoyeon');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Company').fill('A Petrochemical');
    await page.getByLabel('Address').fill('1 Yeosu Industrial Rd');
    await page.getByLabel('Phone').fill('+82 61-000-0000');
    await page.getByLabel('Display name').fill('seoyeon.lee');
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByLabel('Confirm password').fill(password);
    await page.getByLabel('I accept the terms of use (required)').check();
    await page.getByLabel('I agree to the collection and use of my personal data (required)').check();
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.getByTestId('register-success').isVisible()).toBe(true);

    // Signing in before verifying is refused with a way to resend.
    await signInWithPassword(page, email, password);
    await expect.poll(() => page.getByTestId('resend-verification').isVisible()).toBe(true);

    const mail = await server.waitForMail(email);
    await page.goto(findLink(mail, '/verify-email'));
    await expect.poll(() => page.getByTestId('verify-email-status').textContent()).toMatch(/verified/i);
    // The same link opened again: already verified, sign in next (not "used, ask for a new one").
    await page.goto(findLink(mail, '/verify-email'));
    const again = page.getByTestId('verify-email-status');
    await expect.poll(() => again.textContent()).toContain('This email address is already verified. Sign in to continue.');
    expect(await again.getAttribute('data-status')).toBe('verified');
    expect(await page.getByRole('button', { name: 'Resend verification email' }).count()).toBe(0);

    await signInWithPassword(page, email, password);
    await page.waitForURL((url) => url.pathname.startsWith('/portal'));
    await page.goto(`${server.url}/portal/account`);
    await page.getByTestId('mfa-enable-totp').click();
    const secret = await page.getByTestId('totp-secret').inputValue();
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    await page.getByTestId('totp-setup').getByLabel('6-digit code from your authenticator app').fill(totp(secret));
    await page.getByTestId('totp-setup').getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => page.getByTestId('recovery-code').count()).toBe(10);
    await page.getByLabel("I've saved my recovery codes somewhere safe").check();
    await page.getByTestId('recovery-codes-done').click();

    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/sign-in/);

    await signInWithPassword(page, email, password);
    await expect.poll(() => page.getByTestId('mfa-step').isVisible()).toBe(true);
    // The code that confirmed the app is spent; the next time step's code is accepted.
    await page.getByTestId('mfa-code').fill(totp(secret, 1));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/portal'));
    await expect.poll(() => page.getByTestId('welcome').textContent()).toContain('Lee Seoyeon');
    await page.context().close();
  });

  it('sees the lock and the time left after five wrong passwords', async () => {
    const page = await newPage(browser, 'ko-KR,ko');
    await page.goto(`${server.url}/sign-in`);
    for (let i = 0; i < 5; i += 1) {
      await page.getByLabel('이메일').fill(server.adminEmail);
      await page.getByLabel('비밀번호', { exact: true }).fill(`Wrong!pass${i}`);
      // Wait for the answer registered before the click: a quick answer must not be missed.
      const answered = page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/sign-in'));
      await page.getByRole('button', { name: '로그인' }).click();
      await answered;
    }
    await expect.poll(() => page.getByTestId('lockout-countdown').textContent()).toMatch(/^\d+(시간|분|초)( \d+(분|초))* 후에 다시 로그인할 수 있습니다\.$/);
    // The time is said once, in the countdown, not again in the reason above it.
    expect(await page.getByTestId('sign-in-error').textContent()).not.toContain('동안 로그인할 수 없습니다');
    await page.screenshot({ path: 'e2e/.screenshots/lockout.png' }).catch(() => undefined);
    await page.context().close();
  });
});

/** Enrols an authenticator app for `email` through the API, as the account page does; answers its secret. */
async function enrolAuthenticatorApp(email: string): Promise<string> {
  const signedIn = await fetch(`${server.url}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEFAULT_PASSWORD }) });
  const cookie = signedIn.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  const { me } = (await signedIn.json()) as { me: { csrfToken: string } };
  const headers = { cookie, 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' };
  const setup = await fetch(`${server.url}/api/v1/me/mfa/totp/setup`, { method: 'POST', headers, body: '{}' });
  const { secret } = (await setup.json()) as { secret: string };
  const confirmed = await fetch(`${server.url}/api/v1/me/mfa/totp/confirm`, { method: 'POST', headers, body: JSON.stringify({ code: totp(secret) }) });
  expect(confirmed.status).toBe(200);
  return secret;
}
