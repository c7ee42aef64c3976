import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase } from '../../server/test/case-factories';
import { buildContract } from '../../server/test/catalog-factories';
import { buildMember, buildOrganization, buildSite, buildUser } from '../../server/test/factories';
import { launchBrowser, newPage, type Browser } from '../support/browser';
import { startE2eServer, type E2eServer } from '../support/server';
import { signIn } from '../support/sign-in';
import { WAIT } from './case-e2e-support';

/**
 * A file over the case attachment limit (25 MiB here) chosen in the case feed's composer is refused
 * before it is sent, with the wizard's message, in Korean and in English, for the customer and for a
 * support engineer (who may not open cases): no upload, no 413.
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

/** A file one byte over the limit, on disk: a path is handed to the browser as is, a buffer this size too slowly. */
let tooLarge: string;
beforeAll(() => {
  tooLarge = path.join(mkdtempSync(path.join(tmpdir(), 'atrium-large-')), 'trend-export.csv');
  writeFileSync(tooLarge, '');
  truncateSync(tooLarge, 25 * 1024 * 1024 + 1);
});

describe('[CASES]: a file over the limit in the case feed', () => {
  it('is refused before uploading, with the same message as the wizard, in Korean and English, for customer and engineer', { timeout: 120_000 }, async () => {
    const { ctx } = server;
    const organization = await buildOrganization(ctx, { name: 'Daesan Chemical' });
    const site = await buildSite(ctx, { organizationId: organization.id, name: '대산 공장' });
    await buildContract(ctx, { organizationId: organization.id, siteId: site.id, endsInDays: 365 });
    const customer = await buildUser(ctx, { email: 'owner@daesan.example', name: 'Daesan Owner' });
    await buildMember(ctx, { organizationId: organization.id, userId: customer.id, role: 'support', siteIds: [site.id] });
    const supportCase = await buildCase(ctx, { organizationId: organization.id, siteId: site.id, requesterId: customer.id, subject: 'Pump trips on start' });
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
