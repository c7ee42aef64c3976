import { describe, expect, it } from 'vitest';
import type { StaffRole } from '../../common/permissions';
import { buildUser } from '../../server/test/factories';
import { newPage, type Browser, type Page } from '../support/browser';
import type { E2eServer } from '../support/server';
import { useServerAndBrowser } from '../support/suite';
import { signInThroughPage } from '../support/sign-in';

let server: E2eServer;
let browser: Browser;

useServerAndBrowser((started) => ({ server, browser } = started));

const ALL = ['Case queue', 'Customers', 'Knowledge', 'Catalog', 'Licensing', 'Remote support', 'Statistics', 'Activity log', 'Settings'];

async function signInAs(role: StaffRole): Promise<{ page: Page; forbidden: string[] }> {
  const user = await buildUser(server.ctx, { email: `${role}@vendor.example`, name: `Staff ${role}`, staffRole: role });
  const page = await newPage(browser, 'en-US,en');
  const forbidden: string[] = [];
  page.on('response', (response) => {
    if (response.status() === 403) forbidden.push(`${response.request().method()} ${new URL(response.url()).pathname}`);
  });
  await signInThroughPage(page, server.url, user.email);
  await page.waitForURL((url) => url.pathname.startsWith('/console'));
  return { page, forbidden };
}

async function navbarEntries(page: Page): Promise<string[]> {
  // Every role sees Licensing (it requires nothing); the case queue shows only to those who answer cases.
  await page.getByRole('navigation').getByRole('link', { name: 'Licensing' }).waitFor();
  return (await page.getByRole('navigation').getByRole('link').allTextContents()).map((text) => text.trim()).filter((text) => ALL.includes(text));
}

describe('[SHELL]: the console shows each staff role what it may use', () => {
  it('a remote-support agent lands on Customers, sees no Case queue, Knowledge, Catalog, Activity log or Settings, and a link to them says why instead of failing', async () => {
    const { page, forbidden } = await signInAs('agent');
    await page.waitForURL((url) => url.pathname === '/console/customers');
    expect(await navbarEntries(page)).toEqual(['Customers', 'Licensing', 'Remote support', 'Statistics']);
    // The console's home takes the agent on to their first page rather than to the queue.
    await page.goto(`${server.url}/console`);
    await page.waitForURL((url) => url.pathname === '/console/customers');
    for (const [path, testId, text] of [
      ['/console/activity', 'activity-no-access', 'does not include the activity log'],
      ['/console/catalog', 'catalog-no-access', 'does not include products'],
      ['/console/catalog/products/00000000-0000-4000-8000-000000000000', 'catalog-no-access', 'does not include products'],
      ['/console/knowledge', 'knowledge-no-access', 'cannot write articles'],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await page.getByTestId(testId).waitFor();
      expect(await page.getByTestId(testId).textContent(), path).toContain(text);
    }
    expect(forbidden).toEqual([]);
  });

  it('an account manager sees the catalog but not Knowledge, Activity log or Settings', async () => {
    const { page } = await signInAs('account_manager');
    expect(await navbarEntries(page)).toEqual(['Case queue', 'Customers', 'Catalog', 'Licensing', 'Remote support', 'Statistics']);
    await page.getByRole('navigation').getByRole('link', { name: 'Catalog' }).click();
    await page.getByTestId('catalog-read-only').waitFor();
  });

  it('a support engineer sees everything but Settings; a vendor administrator sees it all', async () => {
    const engineer = await signInAs('support_engineer');
    expect(await navbarEntries(engineer.page)).toEqual(ALL.filter((entry) => entry !== 'Settings'));
    await engineer.page.getByRole('navigation').getByRole('link', { name: 'Activity log' }).click();
    await engineer.page.getByTestId('activity-page').waitFor();
    const admin = await signInAs('vendor_admin');
    expect(await navbarEntries(admin.page)).toEqual(ALL);
  });
});
