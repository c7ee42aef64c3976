import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../server/db/schema/index';
import { launchBrowser, newPage, type Browser, type Page } from '../support/browser';
import { startE2eServer, type E2eServer } from '../support/server';

let server: E2eServer;
let browser: Browser;
let workDir: string;

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
  workDir = await mkdtemp(path.join(tmpdir(), 'atrium-e2e-catalog-'));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const NEW_PASSWORD = 'Vendor!2026';

/** The first administrator signs in with the one-time password and sets their own. */
async function signInAsVendorAdmin(page: Page): Promise<void> {
  await page.goto(`${server.url}/sign-in?next=${encodeURIComponent('/console/catalog')}`);
  await page.getByLabel('Email').fill(server.adminEmail);
  await page.getByLabel('Password', { exact: true }).fill(server.adminPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/change-password/);
  await page.getByLabel('One-time password').fill(server.adminPassword);
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Confirm new password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/console'));
}

describe('[CATALOG]: the vendor administrator', () => {
  it('creates a product and a draft release, uploads a file through the page, publishes it, and sees the file with its SHA-256', async () => {
    const page = await newPage(browser, 'en-US,en');
    await signInAsVendorAdmin(page);
    await page.goto(`${server.url}/console/catalog`);
    await expect.poll(() => page.getByTestId('families-table').getByTestId('family-row').count()).toBe(4);

    await page.getByTestId('add-product').click();
    const productForm = page.getByTestId('product-form');
    await productForm.getByLabel('Product family').click();
    await page.getByRole('option', { name: 'Storage' }).click();
    await productForm.getByLabel('Product name').fill('PI Server');
    await productForm.getByLabel('Description').fill('Data archive and asset framework');
    await productForm.getByRole('button', { name: 'Add product' }).click();
    await page.waitForURL(/\/console\/catalog\/products\/[0-9a-f-]{36}/);
    await expect.poll(() => page.getByTestId('product-title').textContent()).toBe('PI Server');

    await page.getByRole('tab', { name: 'Releases' }).click();
    await page.getByTestId('add-release').click();
    const releaseForm = page.getByTestId('release-form');
    await releaseForm.getByLabel('Version').fill('2024 SP1');
    await releaseForm.getByLabel('Release date').fill('2024-10-01');
    await releaseForm.getByLabel('Release notes').fill('Faster archive queries.');
    await releaseForm.getByRole('button', { name: 'Create draft' }).click();
    const card = page.locator('[data-testid="release-card"][data-version="2024 SP1"]');
    await expect.poll(() => card.getAttribute('data-state')).toBe('draft');

    // A file a little over 2 MiB, so that the upload reports progress on the way.
    const bytes = randomBytes(2 * 1024 * 1024 + 123);
    const filePath = path.join(workDir, 'PI-Server-2024-SP1.zip');
    await writeFile(filePath, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), bytes]));
    const expectedSha256 = createHash('sha256').update(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), bytes])).digest('hex');
    await card.getByLabel('Resource type').click();
    await page.getByRole('option', { name: 'Software', exact: true }).click();
    await card.getByLabel('File', { exact: true }).setInputFiles(filePath);
    await card.getByTestId('upload-file').click();
    const fileRow = card.locator('[data-testid="release-file"][data-file-name="PI-Server-2024-SP1.zip"]');
    await expect.poll(() => fileRow.count(), { timeout: 20_000 }).toBe(1);
    expect(await fileRow.getAttribute('data-sha256')).toBe(expectedSha256);
    expect(await fileRow.getByTestId('file-sha256').textContent()).toBe(expectedSha256);
    // 2 MiB and 127 bytes: the decimal is rounded up.
    expect(await fileRow.textContent()).toContain('2.1 MiB');

    await card.getByTestId('publish-release').click();
    await page.getByTestId('confirm-modal').getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => card.getAttribute('data-state')).toBe('published');

    // A file whose declared type does not match its bytes is refused with the server's message.
    const fakePdf = path.join(workDir, 'manual.pdf');
    await writeFile(fakePdf, 'this is not a PDF');
    await card.getByLabel('Resource type').click();
    await page.getByRole('option', { name: 'Manual', exact: true }).click();
    await card.getByLabel('File', { exact: true }).setInputFiles(fakePdf);
    await card.getByTestId('upload-file').click();
    await expect.poll(() => card.getByTestId('upload-error').textContent()).toContain("does not match its declared type (application/pdf)");

    // The list shows the new current version; the upload is in the activity log.
    await page.goto(`${server.url}/console/catalog`);
    const row = page.locator('[data-testid="product-row"][data-product-name="PI Server"]');
    await expect.poll(() => row.textContent()).toContain('2024 SP1');
    const uploaded = await server.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'catalog.file.uploaded'));
    expect(uploaded.map((event) => (event.details as { sha256?: string }).sha256)).toEqual([expectedSha256]);
    await page.context().close();
  });

  it('shows the catalog in Korean', async () => {
    const page = await newPage(browser, 'ko-KR,ko');
    await page.goto(`${server.url}/sign-in?next=${encodeURIComponent('/console/catalog')}`);
    await page.getByLabel('이메일').fill(server.adminEmail);
    await page.getByLabel('비밀번호', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '로그인' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/console/catalog'));
    await expect.poll(() => page.getByRole('heading', { name: '제품군' }).isVisible()).toBe(true);
    await page.locator('[data-testid="product-row"][data-product-name="PI Server"]').getByRole('link').click();
    await page.getByRole('tab', { name: '릴리스' }).click();
    await expect.poll(() => page.getByTestId('release-state').first().textContent()).toBe('게시됨');
    await page.context().close();
  });
});
