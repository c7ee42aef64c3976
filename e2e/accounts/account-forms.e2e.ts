import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, DEFAULT_PASSWORD } from '../../server/test/factories';
import { startOidcProvider, type TestOidcProvider } from '../../server/test/oidc-provider';
import { launchBrowser, newPage, type Browser, type Page } from '../support/browser';
import { startE2eServer, type E2eServer } from '../support/server';
import { signIn } from '../support/sign-in';

let server: E2eServer;
let browser: Browser;
let idp: TestOidcProvider;

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  idp = await startOidcProvider();
});
afterAll(async () => {
  await idp?.close();
  await browser?.close();
  await server?.close();
});

/** The text of every field error shown on the page. */
const fieldErrors = (page: Page) => page.locator('.mantine-InputWrapper-error').allTextContents();

describe('[ACCOUNTS]: the console’s identity providers', () => {
  it('says in words why an issuer failed, takes a loopback http issuer, and shows the Korean status badge whole', async () => {
    const admin = await buildUser(server.ctx, { email: 'sso-admin@vendor.example', name: 'SSO Admin', staffRole: 'vendor_admin' });
    const page = await newPage(browser, 'ko-KR,ko');
    await signIn(page, server.url, admin.email, 'ko', '/console/settings?tab=sso');
    await page.getByRole('button', { name: '인증 제공자 추가' }).first().click();
    const form = page.getByTestId('identity-provider-form');
    await form.getByLabel('이름').fill('Yeosu Plant Directory (Keycloak)');
    await form.getByLabel('클라이언트 ID').fill(idp.clientId);
    await form.getByLabel('클라이언트 시크릿').fill(idp.clientSecret);
    await form.getByLabel('허용 이메일 도메인').fill('a-petrochem.example, b-refinery.example, c-chemicals.example');

    // https on a port nothing answers: the server cannot reach it and says so, in Korean.
    await form.getByLabel('발급자(Issuer) URL').fill('https://127.0.0.1:1');
    await form.getByRole('button', { name: '저장' }).click();
    await expect.poll(() => fieldErrors(page)).toEqual(['발급자(issuer)에 연결할 수 없거나 OpenID Connect 제공자가 아닙니다.']);

    // http on 127.0.0.1, which the API documents and accepts.
    expect(idp.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await form.getByLabel('발급자(Issuer) URL').fill(idp.issuer);
    await form.getByRole('button', { name: '저장' }).click();
    await form.waitFor({ state: 'detached' });
    const badge = page.getByTestId('identity-provider-status');
    await badge.waitFor();
    expect(await badge.textContent()).toBe('사용');
    const cut = await page.evaluate(
      `[...document.querySelectorAll('[data-testid="identity-provider-status"], [data-testid="identity-provider-status"] *')].filter((el) => el.scrollWidth > el.clientWidth).length`,
    );
    expect(cut).toBe(0);
    await page.context().close();
  });
});

describe('[ACCOUNTS]: changing the password', () => {
  it('shows the server’s message, not its code, for a wrong current password and for reusing it', async () => {
    const user = await buildUser(server.ctx, { email: 'change-pw@a-petrochem.example', name: 'Change Pw' });
    const page = await newPage(browser, 'en-US,en');
    await signIn(page, server.url, user.email, 'en', '/change-password');
    await page.goto(`${server.url}/change-password`);
    const form = page.getByTestId('change-password-form');
    await form.getByLabel('Current password').fill('Not#The1Password');
    await form.getByLabel('New password', { exact: true }).fill('Brand#New9Password');
    await form.getByLabel('Confirm new password').fill('Brand#New9Password');
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => fieldErrors(page)).toEqual(['The current password is not correct.']);

    await form.getByLabel('Current password').fill(DEFAULT_PASSWORD);
    await form.getByLabel('New password', { exact: true }).fill(DEFAULT_PASSWORD);
    await form.getByLabel('Confirm new password').fill(DEFAULT_PASSWORD);
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => fieldErrors(page)).toEqual(['The new password must be different from the current one.']);
    await page.context().close();
  });
});

describe('[ACCOUNTS]: emailed links with a garbled token', () => {
  it('read as an invalid link on the verify-email page, with the resend form rather than Try again', async () => {
    const page = await newPage(browser, 'en-US,en');
    await page.goto(`${server.url}/verify-email?token=bogus`);
    const status = page.getByTestId('verify-email-status');
    await expect.poll(() => status.getAttribute('data-status')).toBe('failed');
    expect(await status.getByRole('alert').textContent()).toBe('This link is not valid. Ask for a new one.');
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Resend verification email' }).waitFor();
    await page.context().close();
  });

  it('read as an invalid link on the reset-password page as it opens, before a password is typed, with a link to ask for a new one', async () => {
    const page = await newPage(browser, 'en-US,en');
    for (const token of ['short', 'a-token-that-was-never-sent-by-email-0123456789']) {
      await page.goto(`${server.url}/reset-password?token=${token}`);
      const error = page.getByTestId('reset-password-error');
      await error.waitFor();
      expect(await error.textContent(), token).toBe('This link is not valid. Ask for a new one.Ask for a new reset link');
      expect(await page.getByLabel('New password', { exact: true }).isDisabled(), token).toBe(true);
      expect(await page.getByRole('button', { name: 'Reset password' }).isDisabled(), token).toBe(true);
      expect(await fieldErrors(page)).toEqual([]);
    }
    await page.context().close();
  });
});

describe('[ACCOUNTS]: the registration form', () => {
  it('limits each text field to what the server takes, cuts no password (a longer one is reported), lists the longest password, and asks for “the password” again', async () => {
    const page = await newPage(browser, 'en-US,en');
    await page.goto(`${server.url}/register`);
    const form = page.getByTestId('register-form');
    await form.waitFor();
    const limits: [string, string][] = [['Name', '100'], ['Company', '100'], ['Address', '300'], ['Phone', '40']];
    for (const [label, max] of limits) expect(await form.getByLabel(label, { exact: true }).getAttribute('maxlength'), label).toBe(max);
    // A password pasted too long is kept whole and refused with the rules, never silently cut to one the person does not know.
    for (const label of ['Password', 'Confirm password']) expect(await form.getByLabel(label, { exact: true }).getAttribute('maxlength'), label).toBeNull();
    const long = `Aa1!${'x'.repeat(141)}`;
    await form.getByLabel('Password', { exact: true }).fill(long);
    expect(await form.getByLabel('Password', { exact: true }).inputValue()).toHaveLength(145);
    expect(await page.getByTestId('password-rules').textContent()).toContain('7 to 128 characters');
    await form.getByRole('button', { name: 'Create account' }).click();
    expect(await form.getByText('Enter the password again.', { exact: true }).count()).toBe(1);
    expect(await form.getByText('Enter the new password again.').count()).toBe(0);
    await page.context().close();
  });
});
