import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { casePosts } from '../../server/db/schema/index';
import { buildCase } from '../../server/test/case-factories';
import { buildContract } from '../../server/test/catalog-factories';
import { buildMember, buildOrganization, buildSite, buildUser } from '../../server/test/factories';
import { launchBrowser, newPage, type Browser } from '../support/browser';
import { startE2eServer, type E2eServer } from '../support/server';
import { signIn } from '../support/sign-in';
import { WAIT } from './case-e2e-support';

/**
 * Issue 6, found in a QA walk: a double click on Post, both clicks at once, sent the post twice
 * (TanStack Query reports the request pending only a tick later). The composer sends it once.
 */

let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('[CASES]: a double click', () => {
  it('on Post sends one post', { timeout: 120_000 }, async () => {
    const { ctx } = server;
    const organization = await buildOrganization(ctx, { name: 'Doubleclick Chemicals' });
    const site = await buildSite(ctx, { organizationId: organization.id, name: 'Doubleclick plant' });
    await buildContract(ctx, { organizationId: organization.id, siteId: site.id, endsInDays: 365 });
    const customer = await buildUser(ctx, { email: 'quick@doubleclick.example', name: 'Quick Clicker' });
    await buildMember(ctx, { organizationId: organization.id, userId: customer.id, role: 'support', siteIds: [site.id] });
    const supportCase = await buildCase(ctx, { organizationId: organization.id, siteId: site.id, requesterId: customer.id, subject: 'Double click' });

    const page = await newPage(browser, 'en-US,en');
    await signIn(page, server.url, customer.email, 'en');
    await page.goto(`${server.url}/portal/cases/${supportCase.id}`);
    const composer = page.getByTestId('post-composer');
    await composer.getByRole('textbox', { name: 'Post' }).fill('Sent once, however fast the click.');
    await composer.getByTestId('send-post').dblclick();
    const posts = page.getByRole('article', { name: 'Post by Quick Clicker' });
    await expect.poll(() => posts.count(), WAIT).toBe(1);
    // Settled: the box is empty again, and the server holds one post.
    await expect.poll(() => composer.getByRole('textbox', { name: 'Post' }).inputValue(), WAIT).toBe('');
    expect(await ctx.db.select().from(casePosts).where(eq(casePosts.caseId, supportCase.id))).toHaveLength(1);
    await page.context().close();
  });
});
