import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { casePosts } from '../../server/db/schema/index';
import { buildCase } from '../../server/test/case-factories';
import { buildContract } from '../../server/test/catalog-factories';
import { buildMember, buildOrganization, buildSite, buildUser } from '../../server/test/factories';
import { newPage, type Browser } from '../support/browser';
import type { E2eServer } from '../support/server';
import { useServerAndBrowser } from '../support/suite';
import { signIn } from '../support/sign-in';
import { WAIT } from './case-e2e-support';

/**
 * The case feed's composer (issue 6). A file over the case attachment limit (25 MiB here) is refused
 * before it is sent, with the wizard's message, in Korean and in English, for the customer and for a
 * support engineer (who may not open cases): no upload, no 413. And a double click on Post, both
 * clicks at once, sends the post once (found in a QA walk: TanStack Query reports the request
 * pending only a tick later, so the button was still enabled).
 */

let server: E2eServer;
let browser: Browser;

useServerAndBrowser((started) => ({ server, browser } = started));

/** A file one byte over the limit, on disk: a path is handed to the browser as is, a buffer this size too slowly. */
let tooLarge: string;
beforeAll(() => {
  tooLarge = path.join(mkdtempSync(path.join(tmpdir(), 'atrium-large-')), 'trend-export.csv');
  writeFileSync(tooLarge, '');
  truncateSync(tooLarge, 25 * 1024 * 1024 + 1);
});

/** An organization with a site under contract, a customer member of it, and a case of theirs. */
async function customerWithCase(names: { organization: string; site: string; email: string; name: string; subject: string }) {
  const { ctx } = server;
  const organization = await buildOrganization(ctx, { name: names.organization });
  const site = await buildSite(ctx, { organizationId: organization.id, name: names.site });
  await buildContract(ctx, { organizationId: organization.id, siteId: site.id, endsInDays: 365 });
  const customer = await buildUser(ctx, { email: names.email, name: names.name });
  await buildMember(ctx, { organizationId: organization.id, userId: customer.id, role: 'support', siteIds: [site.id] });
  const supportCase = await buildCase(ctx, { organizationId: organization.id, siteId: site.id, requesterId: customer.id, subject: names.subject });
  return { organization, customer, supportCase };
}

describe('[CASES]: a file over the limit in the case feed', () => {
  it('is refused before uploading, with the same message as the wizard, in Korean and English, for customer and engineer', { timeout: 120_000 }, async () => {
    const { ctx } = server;
    const { organization, customer, supportCase } = await customerWithCase({ organization: 'Daesan Chemical', site: '대산 공장', email: 'owner@daesan.example', name: 'Daesan Owner', subject: 'Pump trips on start' });
    // A support engineer may not open cases (no case.create), yet answers them: the limit is the case's, not the wizard's.
    const engineer = await buildUser(ctx, { email: 'engineer@vendor.example', name: 'Vendor Engineer', staffRole: 'support_engineer' });

    for (const [language, languages, message, limit, who, casePath] of [
      ['ko', 'ko-KR,ko', '크기 제한을 넘는 파일이라 첨부되지 않습니다.', '파일당 최대 25 MiB', customer.email, `/portal/cases/${supportCase.id}`],
      ['en', 'en-US,en', 'This file is larger than the limit and will not be attached.', 'Up to 25 MiB each', customer.email, `/portal/cases/${supportCase.id}`],
      ['en', 'en-US,en', 'This file is larger than the limit and will not be attached.', 'Up to 25 MiB each', engineer.email, `/console/cases/${organization.id}/${supportCase.id}`],
    ] as const) {
      const page = await newPage(browser, languages);
      const uploads: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname.endsWith('/attachments') && request.method() === 'POST') uploads.push(request.url());
      });
      await signIn(page, server.url, who, language, casePath);
      const composer = page.getByTestId('post-composer');
      await composer.waitFor(WAIT);
      await expect.poll(() => composer.textContent(), WAIT).toContain(limit);
      await composer.locator('input[type=file]').setInputFiles(tooLarge);
      const chosen = composer.getByTestId('chosen-attachment');
      await expect.poll(() => chosen.getAttribute('data-status'), WAIT).toBe('too_large');
      expect(await chosen.getByRole('alert').textContent(), who).toBe(message);
      expect(uploads, who).toEqual([]);
      await page.context().close();
    }
  });
});

describe('[CASES]: a double click on Post', () => {
  it('sends one post', { timeout: 120_000 }, async () => {
    const { customer, supportCase } = await customerWithCase({ organization: 'Doubleclick Chemicals', site: 'Doubleclick plant', email: 'quick@doubleclick.example', name: 'Quick Clicker', subject: 'Double click' });
    const page = await newPage(browser, 'en-US,en');
    await signIn(page, server.url, customer.email, 'en', `/portal/cases/${supportCase.id}`);
    const composer = page.getByTestId('post-composer');
    const box = composer.getByRole('textbox', { name: 'Post' });
    await box.fill('Sent once, however fast the click.');
    await composer.getByTestId('send-post').dblclick();
    await expect.poll(() => page.getByRole('article', { name: 'Post by Quick Clicker' }).count(), WAIT).toBe(1);
    // Settled: the box is empty again, and the server holds one post.
    await expect.poll(() => box.inputValue(), WAIT).toBe('');
    expect(await server.ctx.db.select().from(casePosts).where(eq(casePosts.caseId, supportCase.id))).toHaveLength(1);
    await page.context().close();
  });
});
