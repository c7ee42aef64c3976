import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildCase } from '../../server/test/case-factories';
import { buildContract } from '../../server/test/catalog-factories';
import { buildMember, buildOrganization, buildSite, buildUser } from '../../server/test/factories';
import { newPage, type Browser, type Page } from '../support/browser';
import type { E2eServer } from '../support/server';
import { useServerAndBrowser } from '../support/suite';
import { WAIT } from './case-e2e-support';
import { signIn } from '../support/sign-in';

/**
 * Issue 6, bad input in the browser: Markdown carrying HTML and script (a post, its preview, the
 * case description) and an attachment named like HTML are shown as text, never run: nothing sets
 * `window.__xss`, no script, image or SVG element is made, and the javascript: link is no link.
 */

const PAYLOADS = ['<script>window.__xss=1</script>', '<img src=x onerror="window.__xss=1">', '[x](javascript:window.__xss=1)', '<svg onload="window.__xss=1">'];
const BODY = PAYLOADS.map((payload) => `- ${payload}`).join('\n');
const ATTACHMENT_NAME = '<img src=x onerror="window.__xss=1">.txt';

let server: E2eServer;
let browser: Browser;

useServerAndBrowser((started) => ({ server, browser } = started));

/** The rendered Markdown of the case's description (the section around it also holds a heading and, for engineers, an edit button). */
const descriptionMarkdown = (page: Page) => page.getByTestId('case-description').locator('.mantine-Typography-root');

/** True when a script set the canary. */
const xssRan = (page: Page) => page.evaluate(() => (globalThis as unknown as { __xss?: unknown }).__xss !== undefined);

/** The rendered Markdown holds the payloads as text and none of the elements they try to make. */
async function expectInert(page: Page, rendered: Locator): Promise<void> {
  await expect.poll(() => rendered.locator('li').count(), WAIT).toBe(PAYLOADS.length);
  const text = (await rendered.textContent()) ?? '';
  for (const payload of PAYLOADS) expect(text).toContain(payload);
  expect(await rendered.locator('script, img, svg, iframe, object, embed, [onerror], [onload]').count()).toBe(0);
  expect(await rendered.locator('a').count()).toBe(0);
  expect(await rendered.getByRole('link').count()).toBe(0);
  expect(await xssRan(page)).toBe(false);
}

describe('[CASES]: XSS payloads in the browser', () => {
  it('a post, its preview and the description whose Markdown is a list of XSS payloads render inert, and so does an attachment named like HTML', { timeout: 120_000 }, async () => {
    const { ctx } = server;
    const organization = await buildOrganization(ctx, { name: 'Mallory Industries' });
    const site = await buildSite(ctx, { organizationId: organization.id, name: 'Mallory plant' });
    await buildContract(ctx, { organizationId: organization.id, siteId: site.id, endsInDays: 365 });
    const customer = await buildUser(ctx, { email: 'mallory@mallory.example', name: 'Mallory' });
    await buildMember(ctx, { organizationId: organization.id, userId: customer.id, role: 'support', siteIds: [site.id] });
    const engineer = await buildUser(ctx, { email: 'victim@vendor.example', name: 'Engineer Victim', staffRole: 'support_engineer' });
    const supportCase = await buildCase(ctx, { organizationId: organization.id, siteId: site.id, requesterId: customer.id, subject: '<b>bold</b> subject', description: BODY });

    const page = await newPage(browser, 'en-US,en');
    await signIn(page, server.url, customer.email, 'en');
    await page.goto(`${server.url}/portal/cases/${supportCase.id}`);
    await page.getByTestId('case-view').waitFor(WAIT);
    expect(await page.getByTestId('case-subject').textContent()).toBe('<b>bold</b> subject');
    await expectInert(page, descriptionMarkdown(page));

    // Written in the feed: the preview renders it as the post will.
    const composer = page.getByTestId('post-composer');
    await composer.getByRole('textbox', { name: 'Post' }).fill(BODY);
    await composer.locator('input[type=file]').setInputFiles({ name: ATTACHMENT_NAME, mimeType: 'text/plain', buffer: Buffer.from('not html') });
    await expect.poll(() => composer.getByTestId('chosen-attachment').getAttribute('data-status'), WAIT).toBe('done');
    await composer.getByTestId('preview-tab').click();
    await expectInert(page, composer.getByTestId('markdown-preview'));
    await composer.getByTestId('send-post').click();

    const post = page.getByRole('article', { name: 'Post by Mallory' });
    await expectInert(page, post.getByTestId('post-body'));
    const attachment = post.getByTestId('attachment-link');
    await expect.poll(() => attachment.textContent(), WAIT).toContain(ATTACHMENT_NAME);
    expect(await attachment.locator('img, [onerror]').count()).toBe(0);

    // Loaded afresh from the server, for the customer and for the engineer in the console.
    await page.reload();
    await expectInert(page, page.getByRole('article', { name: 'Post by Mallory' }).getByTestId('post-body'));
    await expectInert(page, descriptionMarkdown(page));
    await page.context().close();

    const engineerPage = await newPage(browser, 'en-US,en');
    await signIn(engineerPage, server.url, engineer.email, 'en');
    await engineerPage.goto(`${server.url}/console/cases/${organization.id}/${supportCase.id}`);
    const engineerPost = engineerPage.getByRole('article', { name: 'Post by Mallory' });
    await expectInert(engineerPage, engineerPost.getByTestId('post-body'));
    await expectInert(engineerPage, descriptionMarkdown(engineerPage));
    await engineerPage.getByRole('tab', { name: 'Attachments' }).click();
    const row = engineerPage.getByTestId('attachment-row');
    await expect.poll(() => row.textContent(), WAIT).toContain(ATTACHMENT_NAME);
    expect(await row.locator('img, [onerror]').count()).toBe(0);
    expect(await xssRan(engineerPage)).toBe(false);
    await engineerPage.context().close();
  });
});
