import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { users } from '../../server/db/schema/index';
import type { ReceivedMail } from '../../server/test/smtp-sink';
import type { Page } from '../support/browser';
import type { E2eServer } from '../support/server';

/**
 * Shared by the support-case browser tests (issue 6). Waits poll with Playwright's auto-waiting or
 * expect.poll, never a fixed sleep; the timeout is generous because this machine is busy and the
 * first page load builds the app's chunks.
 */
export const WAIT = { timeout: 20_000 };

/** Sets a user's own language (the language of their emails and of the app once signed in). */
export async function setUserLocale(server: E2eServer, userId: string, locale: 'ko' | 'en'): Promise<void> {
  await server.ctx.db.update(users).set({ locale }).where(eq(users.id, userId));
}

/** Waits until a mail to the address matching the predicate has arrived, and returns it. */
export async function waitForMailWhere(server: E2eServer, address: string, predicate: (mail: ReceivedMail) => boolean): Promise<ReceivedMail> {
  const find = () => server.mail.to(address).find(predicate);
  await expect
    .poll(() => find() !== undefined, { ...WAIT, message: `a matching mail to ${address}; received: ${server.mail.messages.map((m) => `${m.to.join(',')}: ${m.subject}`).join('; ')}` })
    .toBe(true);
  return find()!;
}

/**
 * Marks the page's document; `isSameDocument` is true while no navigation or reload replaced it,
 * which shows that what appeared afterwards came live, not from a reload.
 */
export async function markDocument(page: Page): Promise<() => Promise<boolean>> {
  const mark = `mark-${Math.random().toString(36).slice(2)}`;
  await page.evaluate((value) => {
    (globalThis as unknown as { __e2eMark?: string }).__e2eMark = value;
  }, mark);
  return () => page.evaluate((value) => (globalThis as unknown as { __e2eMark?: string }).__e2eMark === value, mark);
}
