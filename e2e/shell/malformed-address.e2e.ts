import { describe, expect, it } from 'vitest';
import { buildMember, buildOrganization, buildSite, buildUser } from '../../server/test/factories';
import { newPage, type Browser, type Page } from '../support/browser';
import type { E2eServer } from '../support/server';
import { useServerAndBrowser } from '../support/suite';
import { signIn } from '../support/sign-in';

/**
 * An address whose id is not an id (`/portal/knowledge/not-a-uuid`) names nothing: the page shows
 * its "not found" state, as for an id that does not exist, not "some fields are not valid" with a
 * "Try again" button (the server answers 400 validation.failed in params; LoadErrorAlert decides).
 */

let server: E2eServer;
let browser: Browser;

useServerAndBrowser((started) => ({ server, browser } = started));

/** Opens the address and waits for one of the page's end states; returns which, and whether a "Try again" error shows. */
async function endStateOf(page: Page, path: string, testIds: string[]): Promise<{ shown: string | null; loadError: boolean }> {
  await page.goto(`${server.url}${path}`);
  const all = [...testIds, 'load-error'];
  await page.locator(all.map((id) => `[data-testid="${id}"]`).join(', ')).first().waitFor({ timeout: 20_000 });
  let shown: string | null = null;
  for (const id of testIds) if (await page.getByTestId(id).isVisible()) shown = id;
  return { shown, loadError: await page.getByTestId('load-error').isVisible() };
}

describe('[SHELL]: an address with a malformed id', () => {
  it('shows each page’s not-found state in the portal and the console', { timeout: 120_000 }, async () => {
    const organization = await buildOrganization(server.ctx, { name: 'Yeosu Chemical' });
    await buildSite(server.ctx, { organizationId: organization.id, name: 'Yeosu plant' });
    const owner = await buildUser(server.ctx, { email: 'owner@yeosu.example', name: 'Kim Owner' });
    await buildMember(server.ctx, { organizationId: organization.id, userId: owner.id, role: 'owner' });
    const admin = await buildUser(server.ctx, { email: 'admin@vendor.example', name: 'Vendor Admin', staffRole: 'vendor_admin' });

    const portal = await newPage(browser, 'en-US,en');
    await signIn(portal, server.url, owner.email, 'en', '/portal');
    expect(await endStateOf(portal, '/portal/knowledge/not-a-uuid', ['article-not-found'])).toEqual({ shown: 'article-not-found', loadError: false });
    expect(await endStateOf(portal, '/portal/cases/not-a-uuid', ['not-found-page'])).toEqual({ shown: 'not-found-page', loadError: false });
    // A case says what is missing and why it may be hidden, and leads back to the cases.
    expect(await portal.getByTestId('not-found-page').textContent()).toContain('Case not found');
    expect(await portal.getByTestId('not-found-page').getByRole('link').textContent()).toBe('Back to cases');
    expect(await endStateOf(portal, '/portal/products/x/y', ['load-not-found'])).toEqual({ shown: 'load-not-found', loadError: false });
    expect(await portal.getByTestId('load-not-found').textContent()).toContain('Page not found');

    const console_ = await newPage(browser);
    await signIn(console_, server.url, admin.email, 'ko', '/console');
    expect(await endStateOf(console_, `/console/cases/${organization.id}/not-a-uuid`, ['not-found-page'])).toEqual({ shown: 'not-found-page', loadError: false });
    expect(await console_.getByTestId('not-found-page').textContent()).toContain('케이스를 찾을 수 없습니다');
    expect(await endStateOf(console_, '/console/knowledge/not-a-uuid', ['article-not-found'])).toEqual({ shown: 'article-not-found', loadError: false });
    expect(await endStateOf(console_, '/console/catalog/products/not-a-uuid', ['load-not-found'])).toEqual({ shown: 'load-not-found', loadError: false });
    expect(await endStateOf(console_, '/console/customers/not-a-uuid', ['load-not-found'])).toEqual({ shown: 'load-not-found', loadError: false });
    expect(await console_.getByTestId('load-not-found').first().textContent()).toContain('페이지를 찾을 수 없습니다');
  });
});
