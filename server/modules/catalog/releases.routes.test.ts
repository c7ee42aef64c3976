import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agreement, Bulletin, ProductDetail, Release } from '../../../common/schemas/catalog';
import { auditEvents, releaseFiles, releases } from '../../db/schema/index';
import { buildProduct, buildRelease, buildReleaseFile } from '../../test/catalog-factories';
import { buildTestApp, signInNewUser, type SignedIn, type TestApp } from '../../test/test-app';

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await signInNewUser(t, { staffRole: 'vendor_admin' });
});
afterAll(async () => {
  await t.close();
});

const auditOf = (action: string, targetId: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.targetId, targetId)));

async function createRelease(productId: string, body: Record<string, unknown>): Promise<Release> {
  const response = await admin.inject('POST', `/api/v1/catalog/products/${productId}/releases`, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('releases', () => {
  it('adds a draft, edits it, publishes it at the clock’s time and logs each step', async () => {
    const product = await buildProduct(t.ctx);
    const draft = await createRelease(product.id, { version: 'PI Server 2024 SP1', releasedOn: '2024-10-01', notes: '## Fixes\n- faster archive' });
    expect(draft).toMatchObject({ productId: product.id, version: 'PI Server 2024 SP1', releasedOn: '2024-10-01', notes: '## Fixes\n- faster archive', publishedAt: null });
    expect((await auditOf('catalog.release.created', draft.id))[0]).toMatchObject({ category: 'catalog', actorUserId: admin.userId, details: { productId: product.id } });

    const changed = await admin.inject('PATCH', `/api/v1/catalog/releases/${draft.id}`, { releasedOn: '2024-10-15', notes: 'Updated' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ releasedOn: '2024-10-15', notes: 'Updated', publishedAt: null });
    expect((await auditOf('catalog.release.updated', draft.id))[0]!.details).toMatchObject({ before: { releasedOn: '2024-10-01' }, after: { releasedOn: '2024-10-15' } });

    t.clock.set(new Date('2026-03-02T09:00:00.000Z'));
    const published = await admin.inject('POST', `/api/v1/catalog/releases/${draft.id}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json().publishedAt).toBe('2026-03-02T09:00:00.000Z');
    // Publishing again changes nothing and logs nothing more.
    t.clock.set(new Date('2026-03-03T09:00:00.000Z'));
    expect((await admin.inject('POST', `/api/v1/catalog/releases/${draft.id}/publish`)).json().publishedAt).toBe('2026-03-02T09:00:00.000Z');
    const events = await auditOf('catalog.release.published', draft.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.details).toMatchObject({ version: 'PI Server 2024 SP1' });
    // Still editable once published (a typo in the notes).
    expect((await admin.inject('PATCH', `/api/v1/catalog/releases/${draft.id}`, { notes: 'Fixed typo' })).statusCode).toBe(200);
    const detail = (await admin.inject('GET', `/api/v1/catalog/products/${product.id}`)).json() as ProductDetail;
    expect(detail.latestVersion).toBe('PI Server 2024 SP1');
  });

  it('keeps versions unique per product, ignoring case, but not across products', async () => {
    const product = await buildProduct(t.ctx);
    const first = await createRelease(product.id, { version: '2024', releasedOn: '2024-01-01' });
    const second = await createRelease(product.id, { version: '2025', releasedOn: '2025-01-01' });
    const again = await admin.inject('POST', `/api/v1/catalog/products/${product.id}/releases`, { version: ' 2024 ', releasedOn: '2024-02-01' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('catalog.version_taken');
    await buildRelease(t.ctx, { productId: product.id, version: 'SP1-beta' });
    expect((await admin.inject('POST', `/api/v1/catalog/products/${product.id}/releases`, { version: 'sp1-BETA', releasedOn: '2024-02-01' })).statusCode).toBe(409);
    const renamed = await admin.inject('PATCH', `/api/v1/catalog/releases/${second.id}`, { version: '2024' });
    expect(renamed.statusCode).toBe(409);
    expect(renamed.json().error.code).toBe('catalog.version_taken');
    expect((await admin.inject('PATCH', `/api/v1/catalog/releases/${first.id}`, { version: '2024' })).statusCode).toBe(200);
    await createRelease((await buildProduct(t.ctx)).id, { version: '2024', releasedOn: '2024-01-01' });
  });

  it('refuses bad versions, dates and notes, and unknown products or releases', async () => {
    const product = await buildProduct(t.ctx);
    for (const body of [
      {},
      { version: '', releasedOn: '2024-01-01' },
      { version: 'v'.repeat(51), releasedOn: '2024-01-01' },
      { version: '1.\n0', releasedOn: '2024-01-01' },
      { version: '1.0\u0000', releasedOn: '2024-01-01' },
      { version: '1.0', releasedOn: '2026-02-30' },
      { version: '1.0', releasedOn: '01/02/2026' },
      { version: '1.0', releasedOn: '2024-01-01', notes: 'n'.repeat(20_001) },
      { version: '1.0', releasedOn: '2024-01-01', publishedAt: '2024-01-01T00:00:00Z' },
    ]) {
      const response = await admin.inject('POST', `/api/v1/catalog/products/${product.id}/releases`, body);
      expect(response.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(response.json().error.code).toBe('validation.failed');
    }
    expect((await admin.inject('POST', `/api/v1/catalog/products/${product.id}/releases`, { version: '1.0', releasedOn: '2024-01-01', notes: 'n'.repeat(20_000) })).statusCode).toBe(201);
    expect((await admin.inject('POST', `/api/v1/catalog/products/${randomUUID()}/releases`, { version: '1.0', releasedOn: '2024-01-01' })).json().error.code).toBe('catalog.not_found');
    for (const [method, url] of [
      ['PATCH', `/api/v1/catalog/releases/${randomUUID()}`],
      ['POST', `/api/v1/catalog/releases/${randomUUID()}/publish`],
      ['DELETE', `/api/v1/catalog/releases/${randomUUID()}`],
    ] as const) {
      expect((await admin.inject(method, url, method === 'PATCH' ? { notes: 'x' } : undefined)).statusCode, `${method} ${url}`).toBe(404);
    }
  });

  it('deletes a draft with its files and their bytes, but refuses a published release', async () => {
    const product = await buildProduct(t.ctx);
    const draft = await buildRelease(t.ctx, { productId: product.id, published: false });
    const file = await buildReleaseFile(t.ctx, { releaseId: draft.id, content: Buffer.from(`draft only ${randomUUID()}`) });
    expect(await t.ctx.blobs.size(file.sha256)).not.toBeNull();
    expect((await admin.inject('DELETE', `/api/v1/catalog/releases/${draft.id}`)).statusCode).toBe(204);
    expect(await t.database.db.select().from(releases).where(eq(releases.id, draft.id))).toEqual([]);
    expect(await t.database.db.select().from(releaseFiles).where(eq(releaseFiles.id, file.id))).toEqual([]);
    expect(await t.ctx.blobs.size(file.sha256)).toBeNull();
    expect((await auditOf('catalog.release.deleted', draft.id))[0]!.details).toMatchObject({ before: { files: [file.fileName] } });

    const published = await buildRelease(t.ctx, { productId: product.id });
    const refused = await admin.inject('DELETE', `/api/v1/catalog/releases/${published.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('catalog.release_published');
  });
});

describe('bulletins', () => {
  it('adds notices, known issues and documents, about the product or one of its releases, then edits and deletes them', async () => {
    const product = await buildProduct(t.ctx);
    const release = await buildRelease(t.ctx, { productId: product.id });
    const notice = await admin.inject('POST', `/api/v1/catalog/products/${product.id}/bulletins`, { kind: 'notice', title: '보안 공지', body: 'Patch now.', publishedOn: '2026-01-10' });
    expect(notice.statusCode, notice.body).toBe(201);
    expect(notice.json()).toMatchObject({ kind: 'notice', title: '보안 공지', releaseId: null, url: null, publishedOn: '2026-01-10' });
    const issue = (
      await admin.inject('POST', `/api/v1/catalog/products/${product.id}/bulletins`, { kind: 'known_issue', title: 'Archive stalls', releaseId: release.id, publishedOn: '2026-01-11' })
    ).json() as Bulletin;
    const document = (
      await admin.inject('POST', `/api/v1/catalog/products/${product.id}/bulletins`, { kind: 'document', title: 'Install guide', url: 'https://docs.example.com/install', publishedOn: '2026-01-12' })
    ).json() as Bulletin;
    expect(document.url).toBe('https://docs.example.com/install');

    const changed = await admin.inject('PATCH', `/api/v1/catalog/bulletins/${issue.id}`, { title: 'Archive stalls under load', releaseId: null });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ title: 'Archive stalls under load', releaseId: null });
    const detail = (await admin.inject('GET', `/api/v1/catalog/products/${product.id}`)).json() as ProductDetail;
    expect(detail.bulletins.map((b) => b.kind)).toEqual(['document', 'known_issue', 'notice']);

    expect((await admin.inject('DELETE', `/api/v1/catalog/bulletins/${document.id}`)).statusCode).toBe(204);
    expect(await auditOf('catalog.bulletin.created', document.id)).toHaveLength(1);
    expect(await auditOf('catalog.bulletin.updated', issue.id)).toHaveLength(1);
    expect(await auditOf('catalog.bulletin.deleted', document.id)).toHaveLength(1);
    expect((await admin.inject('DELETE', `/api/v1/catalog/bulletins/${document.id}`)).statusCode).toBe(404);
  });

  it('refuses a release of another product, unsafe links and bad input', async () => {
    const product = await buildProduct(t.ctx);
    const foreign = await buildRelease(t.ctx);
    const wrong = await admin.inject('POST', `/api/v1/catalog/products/${product.id}/bulletins`, { kind: 'notice', title: 'X', releaseId: foreign.id, publishedOn: '2026-01-01' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('catalog.wrong_product');
    const base = { kind: 'notice', title: 'Title', publishedOn: '2026-01-01' };
    for (const body of [
      { ...base, kind: 'alert' },
      { ...base, title: '' },
      { ...base, title: 't'.repeat(201) },
      { ...base, url: 'javascript:alert(1)' },
      { ...base, url: 'ftp://files.example.com/x' },
      { ...base, url: 'https://exa mple.com' },
      { ...base, publishedOn: '2026-13-01' },
      { ...base, body: 'b'.repeat(20_001) },
    ]) {
      expect((await admin.inject('POST', `/api/v1/catalog/products/${product.id}/bulletins`, body)).statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
    }
    expect((await admin.inject('POST', `/api/v1/catalog/products/${randomUUID()}/bulletins`, base)).statusCode).toBe(404);
    const own = (await admin.inject('POST', `/api/v1/catalog/products/${product.id}/bulletins`, base)).json() as Bulletin;
    expect((await admin.inject('PATCH', `/api/v1/catalog/bulletins/${own.id}`, { releaseId: foreign.id })).json().error.code).toBe('catalog.wrong_product');
  });
});

describe('licence agreements', () => {
  it('publishes numbered versions, the newest in force, and lists them newest first', async () => {
    const product = await buildProduct(t.ctx);
    expect((await admin.inject('GET', `/api/v1/catalog/products/${product.id}/agreements`)).json()).toEqual({ items: [] });
    const first = await admin.inject('POST', `/api/v1/catalog/products/${product.id}/agreements`, { title: '최종 사용자 라이선스 계약', body: '제1조 ...\n제2조 ...' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ version: 1, inForce: true, title: '최종 사용자 라이선스 계약' });
    const second = (await admin.inject('POST', `/api/v1/catalog/products/${product.id}/agreements`, { title: 'EULA', body: 'Version two' })).json() as Agreement;
    expect(second.version).toBe(2);
    const list = (await admin.inject('GET', `/api/v1/catalog/products/${product.id}/agreements`)).json().items as Agreement[];
    expect(list.map((a) => [a.version, a.inForce])).toEqual([
      [2, true],
      [1, false],
    ]);
    const [event] = await auditOf('catalog.agreement.published', second.id);
    expect(event).toMatchObject({ category: 'catalog', details: { productId: product.id, version: 2 } });
    // Versions are per product.
    expect((await admin.inject('POST', `/api/v1/catalog/products/${(await buildProduct(t.ctx)).id}/agreements`, { title: 'EULA', body: 'x' })).json().version).toBe(1);
  });

  it('refuses empty agreements and unknown products', async () => {
    const product = await buildProduct(t.ctx);
    for (const body of [{}, { title: 'EULA', body: '' }, { title: 'EULA', body: '   ' }, { title: '', body: 'x' }, { title: 'EULA\u0007', body: 'x' }]) {
      expect((await admin.inject('POST', `/api/v1/catalog/products/${product.id}/agreements`, body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await admin.inject('GET', `/api/v1/catalog/products/${randomUUID()}/agreements`)).statusCode).toBe(404);
    expect((await admin.inject('POST', `/api/v1/catalog/products/${randomUUID()}/agreements`, { title: 'EULA', body: 'x' })).statusCode).toBe(404);
  });
});

describe('who may change releases', () => {
  it('refuses support engineers and account managers', async () => {
    const product = await buildProduct(t.ctx);
    const release = await buildRelease(t.ctx, { productId: product.id, published: false });
    for (const staffRole of ['support_engineer', 'account_manager'] as const) {
      const staff = await signInNewUser(t, { staffRole });
      expect((await staff.inject('POST', `/api/v1/catalog/products/${product.id}/releases`, { version: 'x', releasedOn: '2026-01-01' })).statusCode).toBe(403);
      expect((await staff.inject('POST', `/api/v1/catalog/releases/${release.id}/publish`)).statusCode).toBe(403);
      expect((await staff.inject('POST', `/api/v1/catalog/products/${product.id}/agreements`, { title: 'EULA', body: 'x' })).statusCode).toBe(403);
      expect((await staff.inject('POST', `/api/v1/catalog/products/${product.id}/bulletins`, { kind: 'notice', title: 'x', publishedOn: '2026-01-01' })).statusCode).toBe(403);
    }
    expect((await t.database.db.select().from(releases).where(eq(releases.id, release.id)))[0]!.publishedAt).toBeNull();
  });
});
