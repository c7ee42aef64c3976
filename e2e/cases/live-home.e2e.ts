import { describe, expect, it } from 'vitest';
import { buildCase } from '../../server/test/case-factories';
import { buildContract } from '../../server/test/catalog-factories';
import { buildMember, buildOrganization, buildSite, buildUser } from '../../server/test/factories';
import { newPage, type Browser, type Page } from '../support/browser';
import type { E2eServer } from '../support/server';
import { useServerAndBrowser } from '../support/suite';
import { markDocument, WAIT } from './case-e2e-support';
import { signIn } from '../support/sign-in';

/**
 * Issue 6, live updates in the browser: while a customer's home page is open, an engineer moves
 * their case to Waiting on Response and the home page shows it under "waiting for your attention"
 * with the highlight figure changed, without a reload; then an open case page shows the engineer's
 * new post, again without a reload. Every wait below polls; nothing is timed.
 */

let server: E2eServer;
let browser: Browser;

useServerAndBrowser((started) => ({ server, browser } = started));

/** Resolves once the page's EventSource on the path has its response (the server is streaming to it). */
function streamOpened(page: Page, path: string): Promise<unknown> {
  return page.waitForResponse((response) => new URL(response.url()).pathname === path && response.status() === 200, WAIT);
}

describe('[CASES]: live updates', () => {
  it("the customer's home and an open case page follow an engineer's changes without a reload", { timeout: 120_000 }, async () => {
    const { ctx } = server;
    const organization = await buildOrganization(ctx, { name: 'Daewon Power' });
    const site = await buildSite(ctx, { organizationId: organization.id, name: 'Dangjin plant' });
    await buildContract(ctx, { organizationId: organization.id, siteId: site.id, endsInDays: 365 });
    const customer = await buildUser(ctx, { email: 'jiho@daewon.example', name: 'Jiho Han' });
    await buildMember(ctx, { organizationId: organization.id, userId: customer.id, role: 'support', siteIds: [site.id] });
    const engineer = await buildUser(ctx, { email: 'kang@vendor.example', name: 'Engineer Kang', staffRole: 'support_engineer' });
    const supportCase = await buildCase(ctx, { organizationId: organization.id, siteId: site.id, requesterId: customer.id, status: 'researching', subject: 'Archive stops at midnight 🌙' });
    const number = String(supportCase.number).padStart(8, '0');

    // The customer's home: one open case, nothing waiting on them.
    const home = await newPage(browser, 'en-US,en');
    await signIn(home, server.url, customer.email, 'en');
    const homeStream = streamOpened(home, '/api/v1/me/events');
    await home.goto(`${server.url}/portal`);
    // A highlight card holds its label, then its figure.
    const figure = (kind: string) => home.locator(`[data-testid="highlight"][data-kind="${kind}"] p`).last();
    const waitingCard = home.locator('[data-testid="highlight"][data-kind="waiting_on_me"]');
    await expect.poll(() => figure('open_cases').textContent(), WAIT).toBe('1');
    expect(await waitingCard.textContent()).toContain('Cases waiting on me');
    expect(await figure('waiting_on_me').textContent()).toBe('0');
    expect(await home.getByTestId('waiting-cases').count()).toBe(0);
    await homeStream;
    const homeIsSameDocument = await markDocument(home);

    // An engineer, on their own page, moves the case to Waiting on Response.
    const engineerPage = await newPage(browser, 'en-US,en');
    await signIn(engineerPage, server.url, engineer.email, 'en');
    await engineerPage.goto(`${server.url}/console/cases/${organization.id}/${supportCase.id}`);
    await expect.poll(() => engineerPage.getByTestId('case-view').getAttribute('data-status'), WAIT).toBe('researching');
    await engineerPage.getByTestId('status-menu').click();
    await engineerPage.getByRole('menuitem', { name: 'Move to Waiting on Response' }).click();
    await expect.poll(() => engineerPage.getByTestId('case-view').getAttribute('data-status'), WAIT).toBe('waiting_on_response');

    // The home page follows, live: the case under "waiting for your attention", the figure now 1.
    const waitingCase = home.getByTestId('waiting-cases').getByTestId('waiting-case');
    await expect.poll(() => waitingCase.textContent(), WAIT).toContain(number);
    expect(await waitingCase.textContent()).toContain('Archive stops at midnight 🌙');
    await expect.poll(() => figure('waiting_on_me').textContent(), WAIT).toBe('1');
    expect(await figure('open_cases').textContent()).toBe('1');
    expect(await homeIsSameDocument()).toBe(true);

    // The customer opens the case from there; it says it waits on them.
    const caseStream = streamOpened(home, `/api/v1/organizations/${organization.id}/cases/${supportCase.id}/events`);
    await waitingCase.getByRole('link', { name: number }).click();
    await home.waitForURL((url) => url.pathname === `/portal/cases/${supportCase.id}`, WAIT);
    await expect.poll(() => home.getByTestId('waiting-alert').textContent(), WAIT).toContain('Case is waiting for your attention');
    await home.getByTestId('no-posts').waitFor(WAIT);
    await caseStream;
    const caseIsSameDocument = await markDocument(home);

    // The engineer posts; the customer's open case page shows the post without a reload.
    const question = 'Could you attach the archive log from the night it stopped?';
    await engineerPage.getByRole('textbox', { name: 'Post' }).fill(question);
    await engineerPage.getByTestId('send-post').click();
    await expect.poll(() => engineerPage.getByTestId('case-post').count(), WAIT).toBe(1);

    const post = home.getByRole('article', { name: 'Post by Engineer Kang' });
    await expect.poll(() => post.textContent(), WAIT).toContain(question);
    expect(await home.getByTestId('case-post').count()).toBe(1);
    expect(await caseIsSameDocument()).toBe(true);

    await engineerPage.context().close();
    await home.context().close();
  });
});
