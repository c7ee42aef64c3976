import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { caseAttachments, cases } from '../../server/db/schema/index';
import { buildCase } from '../../server/test/case-factories';
import { buildContract } from '../../server/test/catalog-factories';
import { buildMember, buildOrganization, buildSite, buildUser } from '../../server/test/factories';
import { newPage, type Browser } from '../support/browser';
import type { E2eServer } from '../support/server';
import { useServerAndBrowser } from '../support/suite';
import { setUserLocale, WAIT } from './case-e2e-support';
import { signIn } from '../support/sign-in';

/**
 * Removing a case attachment in the browser: the composer's × deletes a file not yet posted, and a
 * posted file is removed through its trash button and a confirm dialog in the person's language,
 * leaving "removed by … on …" in the post; another member sees the line but no button.
 */

let server: E2eServer;
let browser: Browser;

useServerAndBrowser((started) => ({ server, browser } = started));

const CONFIG = Buffer.from('db.password=hunter2\n');

describe('[CASES]: removing an attachment', () => {
  it('a customer takes back an unsent file, removes a posted one after confirming in Korean, and the post keeps the tombstone', { timeout: 120_000 }, async () => {
    const { ctx } = server;
    const organization = await buildOrganization(ctx, { name: '한빛 발전' });
    const site = await buildSite(ctx, { organizationId: organization.id, name: '당진 발전소' });
    await buildContract(ctx, { organizationId: organization.id, siteId: site.id, endsInDays: 365 });
    const customer = await buildUser(ctx, { email: 'kim@hanbit.example', name: '김민수' });
    await buildMember(ctx, { organizationId: organization.id, userId: customer.id, role: 'support', siteIds: [site.id] });
    await setUserLocale(server, customer.id, 'ko');
    const colleague = await buildUser(ctx, { email: 'lee@hanbit.example', name: 'Lee Colleague' });
    await buildMember(ctx, { organizationId: organization.id, userId: colleague.id, role: 'admin' });
    const supportCase = await buildCase(ctx, { organizationId: organization.id, siteId: site.id, requesterId: customer.id, subject: 'Historian stops at night' });
    const stored = () => ctx.db.select({ name: caseAttachments.name, removedAt: caseAttachments.removedAt }).from(caseAttachments).where(eq(caseAttachments.caseId, supportCase.id));

    const page = await newPage(browser, 'ko-KR,ko');
    await signIn(page, server.url, customer.email, 'ko');
    await page.goto(`${server.url}/portal/cases/${supportCase.id}`);
    await page.getByTestId('case-view').waitFor(WAIT);

    // Two files chosen, both stored at once as drafts (the customer's alone until sent); the wrong one is taken back with its ×.
    const composer = page.getByTestId('post-composer');
    await composer.locator('input[type=file]').setInputFiles([
      { name: 'wrong.txt', mimeType: 'text/plain', buffer: Buffer.from('not this one\n') },
      { name: 'config.txt', mimeType: 'text/plain', buffer: CONFIG },
    ]);
    const chosen = composer.getByTestId('chosen-attachment');
    await expect.poll(async () => (await chosen.evaluateAll((items) => items.map((item) => item.getAttribute('data-status')))).join(','), WAIT).toBe('done,done');
    await composer.getByRole('button', { name: 'wrong.txt 빼기' }).click();
    await expect.poll(async () => (await stored()).map((row) => row.name), WAIT).toEqual(['config.txt']);

    await composer.getByRole('textbox', { name: '답글' }).fill('설정 파일을 첨부합니다.');
    await composer.getByTestId('send-post').click();
    const post = page.getByRole('article', { name: '김민수의 게시물' });
    await expect.poll(() => post.getByTestId('attachment-link').textContent(), WAIT).toContain('config.txt');

    // The trash button asks first, in Korean; cancelling keeps the file.
    await post.getByRole('button', { name: 'config.txt 파일 삭제' }).click();
    const dialog = page.getByRole('dialog', { name: '이 파일을 삭제할까요?' });
    await dialog.waitFor(WAIT);
    await dialog.getByRole('button', { name: '취소' }).click();
    await dialog.waitFor({ state: 'hidden', ...WAIT });
    expect((await stored())[0]?.removedAt).toBeNull();
    await post.getByRole('button', { name: 'config.txt 파일 삭제' }).click();
    await dialog.getByRole('button', { name: '파일 삭제' }).click();

    const tombstone = post.getByTestId('removed-attachment');
    await expect.poll(() => tombstone.textContent(), WAIT).toContain('김민수 님이');
    expect(await tombstone.textContent()).toContain('config.txt');
    expect(await tombstone.textContent()).toContain('파일을 삭제했습니다');
    expect(await post.getByTestId('attachment-link').count()).toBe(0);
    expect(await post.getByTestId('remove-attachment').count()).toBe(0);
    expect((await stored())[0]?.removedAt).not.toBeNull();
    expect(await ctx.blobs.size(createHash('sha256').update(CONFIG).digest('hex'))).toBeNull();
    await page.context().close();

    // Another member of the organization sees the line in English, and no remove button anywhere.
    const colleaguePage = await newPage(browser, 'en-US,en');
    await signIn(colleaguePage, server.url, colleague.email, 'en');
    await colleaguePage.goto(`${server.url}/portal/cases/${supportCase.id}`);
    const seen = colleaguePage.getByRole('article', { name: 'Post by 김민수' }).getByTestId('removed-attachment');
    await expect.poll(() => seen.textContent(), WAIT).toContain('File removed by 김민수 on');
    await colleaguePage.getByRole('tab', { name: 'Attachments' }).click();
    const row = colleaguePage.getByTestId('attachment-row');
    await expect.poll(() => row.count(), WAIT).toBe(1);
    expect(await row.getAttribute('data-removed')).toBe('true');
    expect(await colleaguePage.getByTestId('remove-attachment').count()).toBe(0);
    // The History tab tells who removed which file.
    await colleaguePage.getByRole('tab', { name: 'History' }).click();
    const removal = colleaguePage.locator('[data-testid="history-entry"][data-kind="attachment_removed"]');
    // The file taken back before it was sent was never on the case for anyone: only the posted one's removal is there.
    await expect.poll(async () => (await removal.allTextContents()).length, WAIT).toBe(1);
    expect(await removal.allTextContents()).toEqual([expect.stringContaining('김민수 removed the file config.txt')]);
    const added = colleaguePage.locator('[data-testid="history-entry"][data-kind="attachment_added"]');
    expect(await added.allTextContents()).toEqual([expect.stringContaining('config.txt')]);
    await colleaguePage.context().close();
  });

  it('takes back an unsent file even from a case closed meanwhile, and says so when the server cannot be reached, the file staying', { timeout: 60_000 }, async () => {
    const { ctx } = server;
    const organization = await buildOrganization(ctx, { name: 'Delta Water' });
    const site = await buildSite(ctx, { organizationId: organization.id, name: 'Plant 3' });
    await buildContract(ctx, { organizationId: organization.id, siteId: site.id, endsInDays: 365 });
    const customer = await buildUser(ctx, { email: 'ops@delta.example', name: 'Dana Ops' });
    await buildMember(ctx, { organizationId: organization.id, userId: customer.id, role: 'support', siteIds: [site.id] });
    const supportCase = await buildCase(ctx, { organizationId: organization.id, siteId: site.id, requesterId: customer.id, subject: 'Pump trips' });

    const page = await newPage(browser, 'en-US,en');
    await signIn(page, server.url, customer.email, 'en');
    await page.goto(`${server.url}/portal/cases/${supportCase.id}`);
    await page.getByTestId('case-view').waitFor(WAIT);
    const composer = page.getByTestId('post-composer');
    await composer.locator('input[type=file]').setInputFiles([{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('trip log\n') }]);
    await expect.poll(() => composer.getByTestId('chosen-attachment').getAttribute('data-status'), WAIT).toBe('done');

    const files = () => ctx.db.select({ name: caseAttachments.name, removedAt: caseAttachments.removedAt }).from(caseAttachments).where(eq(caseAttachments.caseId, supportCase.id));

    // The server out of reach: the composer says the file is still there.
    await page.route('**/attachments/*', (route) => (route.request().method() === 'DELETE' ? route.abort('connectionrefused') : route.fallback()));
    await composer.getByRole('button', { name: 'Remove notes.txt' }).click();
    await page.getByText('notes.txt could not be removed from the case and is still on it:').waitFor(WAIT);
    expect(await files()).toEqual([{ name: 'notes.txt', removedAt: null }]);
    await page.unroute('**/attachments/*');

    // Closed behind the page's back: a file nobody else has seen is still its uploader's to take back.
    await composer.locator('input[type=file]').setInputFiles([{ name: 'second.txt', mimeType: 'text/plain', buffer: Buffer.from('more\n') }]);
    await expect.poll(() => composer.getByTestId('chosen-attachment').getAttribute('data-status'), WAIT).toBe('done');
    await ctx.db.update(cases).set({ status: 'closed', closedAt: new Date() }).where(eq(cases.id, supportCase.id));
    await composer.getByRole('button', { name: 'Remove second.txt' }).click();
    await expect.poll(async () => (await files()).map((file) => file.name), WAIT).toEqual(['notes.txt']);
    await page.context().close();
  });
});
