import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { agreementAcceptances, downloadEvents, organizations } from '../../server/db/schema/index';
import { buildAgreement, buildComponent, buildContract, buildEntitlement, buildProduct, buildRelease, buildReleaseFile, isoDateFrom } from '../../server/test/catalog-factories';
import { buildMember, buildOrganization, buildSite, buildUser } from '../../server/test/factories';
import { newPage, type Browser } from '../support/browser';
import type { E2eServer } from '../support/server';
import { useServerAndBrowser } from '../support/suite';
import { signInThroughPage } from '../support/sign-in';

/** The first page load builds the app's chunks on a busy machine: give pages time. */
const WAIT = { timeout: 10_000 };

let server: E2eServer;
let browser: Browser;

useServerAndBrowser((started) => ({ server, browser } = started));

/** An organization with one site under a contract ending `endsInDays` from now, licensed for a product with a published release and one software file. */
async function licensedSite(name: string, endsInDays: number, options: { agreement?: boolean; fileName: string; content: Buffer }) {
  const { ctx } = server;
  const organization = await buildOrganization(ctx, { name });
  const site = await buildSite(ctx, { organizationId: organization.id, name: `${name} plant` });
  await buildContract(ctx, { organizationId: organization.id, siteId: site.id, endsInDays });
  const product = await buildProduct(ctx, { name: `PI Server ${name}` });
  await buildComponent(ctx, { productId: product.id, name: 'Data Archive' });
  await buildEntitlement(ctx, { organizationId: organization.id, siteId: site.id, productId: product.id, quantity: 3 });
  const release = await buildRelease(ctx, { productId: product.id, version: '2024 R2', releasedOn: isoDateFrom(ctx.clock.now(), -10) });
  const file = await buildReleaseFile(ctx, { releaseId: release.id, resourceType: 'software', fileName: options.fileName, content: options.content });
  const agreement = options.agreement ? await buildAgreement(ctx, { productId: product.id, title: 'PI Server licence agreement', body: 'You may install this software on the licensed number of servers.' }) : null;
  return { organization, site, product, release, file, agreement };
}

describe('[PRODUCTS]: downloads in the portal', () => {
  it('a download user agrees to the licence agreement and receives the file, with the SHA-256 shown', async () => {
    const content = randomBytes(256 * 1024);
    const data = await licensedSite('Yeosu Chemical', 365, { agreement: true, fileName: '제품 설치.zip', content });
    const user = await buildUser(server.ctx, { email: 'download@yeosu.example', name: 'Lee Download' });
    await buildMember(server.ctx, { organizationId: data.organization.id, userId: user.id, role: 'download', siteIds: [data.site.id] });

    const page = await newPage(browser, 'en-US,en');
    await signInThroughPage(page, server.url, user.email);
    await page.waitForURL((url) => url.pathname.startsWith('/portal'));
    await page.goto(`${server.url}/portal/products`);
    const row = page.locator(`[data-testid="product-row"][data-product-id="${data.product.id}"]`);
    await expect.poll(() => row.count(), WAIT).toBe(1);
    expect(await row.textContent()).toContain('2024 R2');
    await row.getByTestId('expand-product').click();
    await expect.poll(() => page.getByTestId('product-components').textContent(), WAIT).toContain('Data Archive');

    await row.getByTestId('product-downloads').click();
    const fileRow = page.locator(`[data-testid="file-row"][data-file-id="${data.file.id}"]`);
    await expect.poll(() => fileRow.count(), WAIT).toBe(1);
    expect(await fileRow.getByTestId('file-sha256').getAttribute('data-sha256')).toBe(data.file.sha256);
    await fileRow.getByTestId('download-file').click();

    const agreement = page.getByTestId('agreement-body');
    await expect.poll(() => agreement.textContent(), WAIT).toContain('licensed number of servers');
    const downloadEvent = page.waitForEvent('download');
    await page.getByRole('button', { name: 'I agree' }).click();
    const download = await downloadEvent;
    expect(download.suggestedFilename()).toBe('제품 설치.zip');
    const received = await readFile((await download.path())!);
    expect(createHash('sha256').update(received).digest('hex')).toBe(data.file.sha256);

    const accepted = await server.ctx.db.select().from(agreementAcceptances).where(eq(agreementAcceptances.userId, user.id));
    expect(accepted).toEqual([expect.objectContaining({ agreementId: data.agreement!.id, organizationId: data.organization.id })]);
    await expect.poll(async () => (await server.ctx.db.select().from(downloadEvents).where(eq(downloadEvents.fileId, data.file.id))).length, WAIT).toBe(1);

    // Accepted once: the next download starts at once.
    const again = page.waitForEvent('download');
    await fileRow.getByTestId('download-file').click();
    expect((await again).suggestedFilename()).toBe('제품 설치.zip');
    await page.context().close();
  });

  it('a member of a site past its grace period is warned, sees the download disabled with the reason, and the API refuses', async () => {
    const data = await licensedSite('Ulsan Refinery', -45, { fileName: 'PI-Vision_setup.exe', content: Buffer.from('MZ installer') });
    const manager = await buildUser(server.ctx, { email: 'am@vendor.example', name: 'Park Manager', staffRole: 'account_manager' });
    await server.ctx.db.update(organizations).set({ accountManagerId: manager.id }).where(eq(organizations.id, data.organization.id));
    const user = await buildUser(server.ctx, { email: 'download@ulsan.example', name: 'Choi Download' });
    await buildMember(server.ctx, { organizationId: data.organization.id, userId: user.id, role: 'download', siteIds: [data.site.id] });

    const page = await newPage(browser, 'en-US,en');
    await signInThroughPage(page, server.url, user.email);
    await page.waitForURL((url) => url.pathname.startsWith('/portal'));
    await page.goto(`${server.url}/portal/products`);

    // The pop-up, once per session, then the alert on the page.
    const popUp = page.getByRole('dialog', { name: 'Support contract notice' });
    await expect.poll(() => popUp.textContent(), WAIT).toContain('has expired');
    await page.getByTestId('contract-warning-close').click();
    await expect.poll(() => popUp.count(), WAIT).toBe(0);
    const alert = page.getByTestId('contract-warnings').getByTestId('contract-warning');
    expect(await alert.getAttribute('data-state')).toBe('expired');
    await page.reload();
    await expect.poll(() => page.getByTestId('contract-warnings').count(), WAIT).toBe(1);
    expect(await page.getByRole('dialog', { name: 'Support contract notice' }).count()).toBe(0);

    await page.getByTestId('contract-warnings').getByRole('button', { name: 'Notify my account manager' }).click();
    await expect.poll(() => page.getByTestId('notify-sent').count(), WAIT).toBe(1);
    await server.waitForMail(manager.email);

    const row = page.locator(`[data-testid="product-row"][data-product-id="${data.product.id}"]`);
    await row.getByTestId('product-downloads').click();
    const fileRow = page.locator(`[data-testid="file-row"][data-file-id="${data.file.id}"]`);
    await expect.poll(() => fileRow.count(), WAIT).toBe(1);
    const button = fileRow.getByTestId('download-file');
    expect(await button.isDisabled()).toBe(true);
    const reason = 'The support contract of this site ended more than 30 days ago. Renew it to download software again.';
    expect(await fileRow.getByTestId('refusal-reason').getAttribute('data-reason')).toBe(reason);
    await fileRow.getByTestId('refusal-reason').hover();
    await expect.poll(() => page.getByRole('tooltip').textContent(), WAIT).toBe(reason);

    const refused = await page.evaluate(async (url) => {
      const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: '{}' });
      return { status: response.status, body: (await response.json()) as { error: { code: string } } };
    }, `/api/v1/organizations/${data.organization.id}/sites/${data.site.id}/products/${data.product.id}/files/${data.file.id}/download-link`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('contract.expired');
    await page.context().close();
  });
});
