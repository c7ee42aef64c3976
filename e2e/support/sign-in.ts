import type { Page } from 'playwright-core';
import { DEFAULT_PASSWORD } from '../../server/test/factories';

/** Signs in through the English sign-in page, optionally coming back to `next`. */
export async function signInThroughPage(page: Page, baseUrl: string, email: string, options: { password?: string; next?: string } = {}): Promise<void> {
  await page.goto(`${baseUrl}/sign-in${options.next ? `?next=${encodeURIComponent(options.next)}` : ''}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(options.password ?? DEFAULT_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const SIGN_IN_LABELS = {
  ko: { email: '이메일', password: '비밀번호', button: '로그인' },
  en: { email: 'Email', password: 'Password', button: 'Sign in' },
} as const;

/** Signs in through the sign-in page in the page's language and waits until the app left it. */
export async function signIn(page: Page, baseUrl: string, email: string, language: 'ko' | 'en', next?: string): Promise<void> {
  const labels = SIGN_IN_LABELS[language];
  await page.goto(`${baseUrl}/sign-in${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password, { exact: true }).fill(DEFAULT_PASSWORD);
  await page.getByRole('button', { name: labels.button }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: 20_000 });
}
