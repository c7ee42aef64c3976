import type { Page } from 'playwright-core';
import { DEFAULT_PASSWORD } from '../../server/test/factories';

/** Signs in through the English sign-in page, optionally coming back to `next`. */
export async function signInThroughPage(page: Page, baseUrl: string, email: string, options: { password?: string; next?: string } = {}): Promise<void> {
  await page.goto(`${baseUrl}/sign-in${options.next ? `?next=${encodeURIComponent(options.next)}` : ''}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(options.password ?? DEFAULT_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
