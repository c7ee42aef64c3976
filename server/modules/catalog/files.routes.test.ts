import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogFile, ProductDetail } from '../../../common/schemas/catalog';
import { auditEvents, releaseFiles } from '../../db/schema/index';
import { buildRelease, buildReleaseFile } from '../../test/catalog-factories';
import { buildMember, buildOrganization, buildUser } from '../../test/factories';
import { buildTestApp, signInAs, signInNewUser, type SignedIn, type TestApp } from '../../test/test-app';

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await signInNewUser(t, { staffRole: 'vendor_admin' });
});
afterAll(async () => {
  await t.close();
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
const ZIP = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(200)]);
const CFB = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), randomBytes(600)]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(100)]);

function uploadUrl(releaseId: string, fileName: string, resourceType = 'software'): string {
  return `/api/v1/catalog/releases/${releaseId}/files?${new URLSearchParams({ resourceType, fileName }).toString()}`;
}

/** Uploads raw bytes (or a stream) as the request body, the way the console does. */
function upload(app: TestApp['app'], client: SignedIn, url: string, body: Buffer | Readable, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url, payload: body, headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'content-type': 'application/octet-stream', ...headers } });
}

const filesOfRelease = (releaseId: string) => t.database.db.select().from(releaseFiles).where(eq(releaseFiles.releaseId, releaseId));
const tmpFiles = async (filesDir: string) => readdir(path.join(filesDir, 'tmp')).catch(() => [] as string[]);

async function readBlob(app: TestApp, hash: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of app.ctx.blobs.read(hash)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('POST /api/v1/catalog/releases/:releaseId/files', () => {
  it('stores the bytes under their SHA-256 and size, records the row and the activity', async () => {
    const release = await buildRelease(t.ctx, { published: false });
    const bytes = randomBytes(300_000);
    const response = await upload(t.app, admin, uploadUrl(release.id, 'PI-Server-2024-x64.exe'), bytes);
    expect(response.statusCode, response.body).toBe(201);
    const file = response.json() as CatalogFile;
    expect(file).toMatchObject({ fileName: 'PI-Server-2024-x64.exe', resourceType: 'software', contentType: 'application/octet-stream', size: bytes.length, sha256: sha256(bytes) });
    expect(sha256(await readBlob(t, file.sha256))).toBe(sha256(bytes));
    const [row] = await filesOfRelease(release.id);
    expect(row).toMatchObject({ id: file.id, uploadedBy: admin.userId, removedAt: null });
    const [event] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'catalog.file.uploaded'), eq(auditEvents.targetId, file.id)));
    expect(event).toMatchObject({ category: 'catalog', actorUserId: admin.userId, details: { releaseId: release.id, fileName: 'PI-Server-2024-x64.exe', size: bytes.length, sha256: file.sha256 } });
    expect(await tmpFiles(t.filesDir)).toEqual([]);
  });

  it('keeps Korean names (normalized to NFC) and accepts types that match their bytes', async () => {
    const release = await buildRelease(t.ctx);
    const korean = await upload(t.app, admin, uploadUrl(release.id, '제품 설치.zip'.normalize('NFD')), ZIP, { 'content-type': 'application/zip' });
    expect(korean.statusCode, korean.body).toBe(201);
    expect(korean.json()).toMatchObject({ fileName: '제품 설치.zip', contentType: 'application/zip' });
    for (const [name, bytes, type, stored] of [
      ['manual.pdf', PDF, 'application/pdf; charset=binary', 'application/pdf'],
      ['setup.msi', CFB, 'application/x-msi', 'application/x-msi'],
      ['Report.docx', ZIP, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['Windows.zip', ZIP, 'application/x-zip-compressed', 'application/x-zip-compressed'],
      ['diagram.png', PNG, 'IMAGE/PNG', 'image/png'],
      ['notes.txt', Buffer.from('릴리스 노트\n'), 'text/plain;charset=utf-8', 'text/plain'],
      ['anything.bin', PDF, 'application/octet-stream', 'application/octet-stream'],
    ] as const) {
      const response = await upload(t.app, admin, uploadUrl(release.id, name, 'manual'), bytes, { 'content-type': type });
      expect(response.statusCode, `${name}: ${response.body}`).toBe(201);
      expect(response.json().contentType).toBe(stored);
    }
    // No Content-Type at all is taken as application/octet-stream.
    const bare = await t.app.inject({ method: 'POST', url: uploadUrl(release.id, 'bare.bin'), payload: PNG, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken } });
    expect(bare.statusCode, bare.body).toBe(201);
    expect(bare.json().contentType).toBe('application/octet-stream');
  });

  it('refuses names with folders, traversal, control characters or a leading dot, storing nothing', async () => {
    const release = await buildRelease(t.ctx);
    for (const name of ['../x', 'a/b', '..\\..\\windows\\system32', 'a\\b', '..', '.', '.htaccess', 'bad\u0000name', 'tab\tname', 'line\nbreak', 'del\u007f', 'c1\u0085', '', '   ', 'n'.repeat(256), 'invoice\u202Efdp.exe', 'what?.zip', 'C:evil']) {
      const response = await upload(t.app, admin, uploadUrl(release.id, name), Buffer.from('bytes'));
      expect(response.statusCode, JSON.stringify(name)).toBe(400);
      expect(response.json().error.code).toBe('files.invalid_name');
    }
    expect((await upload(t.app, admin, uploadUrl(release.id, `  ${'n'.repeat(251)}.zip  `), Buffer.from('ok'))).statusCode).toBe(201);
    expect((await filesOfRelease(release.id)).map((f) => f.fileName)).toEqual([`${'n'.repeat(251)}.zip`]);
    expect(await tmpFiles(t.filesDir)).toEqual([]);
  });

  it('refuses a declared type the bytes do not match (415), storing nothing', async () => {
    const release = await buildRelease(t.ctx);
    for (const [bytes, type] of [
      [Buffer.from('hello, not a pdf'), 'application/pdf'],
      [PDF, 'text/plain'],
      [ZIP, 'image/png'],
      [PNG, 'application/zip'],
      [Buffer.from('MZ\x90\x00 an exe'), 'application/x-msi'],
      [ZIP, 'application/x-msdownload'],
    ] as const) {
      const response = await upload(t.app, admin, uploadUrl(release.id, 'file.bin'), bytes, { 'content-type': type });
      expect(response.statusCode, type).toBe(415);
      expect(response.json().error).toMatchObject({ code: 'files.type_mismatch', details: { declared: type } });
      expect(response.json().error.message).toContain(type);
    }
    expect(await filesOfRelease(release.id)).toEqual([]);
    expect(await tmpFiles(t.filesDir)).toEqual([]);
  });

  it('refuses an empty file, an unknown release (before reading) and a bad resource type', async () => {
    const release = await buildRelease(t.ctx);
    const empty = await upload(t.app, admin, uploadUrl(release.id, 'empty.bin'), Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('files.empty');
    const unknown = await upload(t.app, admin, uploadUrl(randomUUID(), 'x.bin'), Buffer.from('x'));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('catalog.not_found');
    const badType = await upload(t.app, admin, uploadUrl(release.id, 'x.bin', 'firmware'), Buffer.from('x'));
    expect(badType.statusCode).toBe(400);
    expect(badType.json().error.code).toBe('validation.failed');
    expect((await upload(t.app, admin, `/api/v1/catalog/releases/${release.id}/files?resourceType=software`, Buffer.from('x'))).statusCode).toBe(400);
    expect(await filesOfRelease(release.id)).toEqual([]);
  });

  it('lets only vendor administrators upload: others are refused before anything is stored', async () => {
    const release = await buildRelease(t.ctx);
    const engineer = await signInNewUser(t, { staffRole: 'support_engineer' });
    const organization = await buildOrganization(t.ctx);
    const owner = await buildUser(t.ctx);
    await buildMember(t.ctx, { organizationId: organization.id, userId: owner.id, role: 'owner' });
    for (const client of [engineer, await signInAs(t.app, owner.email)]) {
      const response = await upload(t.app, client, uploadUrl(release.id, 'x.bin'), Buffer.from('x'));
      expect(response.statusCode).toBe(403);
    }
    const anonymous = await t.app.inject({ method: 'POST', url: uploadUrl(release.id, 'x.bin'), payload: Buffer.from('x'), headers: { 'content-type': 'application/octet-stream' } });
    expect(anonymous.statusCode).toBe(401);
    const noCsrf = await t.app.inject({ method: 'POST', url: uploadUrl(release.id, 'x.bin'), payload: Buffer.from('x'), headers: { cookie: admin.cookie, 'content-type': 'application/octet-stream' } });
    expect(noCsrf.json().error.code).toBe('auth.csrf_failed');
    expect(await filesOfRelease(release.id)).toEqual([]);
  });
});

describe('the upload limit', () => {
  let small: TestApp;
  let smallAdmin: SignedIn;
  beforeAll(async () => {
    small = await buildTestApp({ uploadMaxBytes: 1024 });
    smallAdmin = await signInNewUser(small, { staffRole: 'vendor_admin' });
  });
  afterAll(async () => {
    await small.close();
  });
  const smallFiles = (releaseId: string) => small.database.db.select().from(releaseFiles).where(eq(releaseFiles.releaseId, releaseId));

  it('accepts a file of exactly the limit', async () => {
    const release = await buildRelease(small.ctx);
    const response = await upload(small.app, smallAdmin, uploadUrl(release.id, 'limit.bin'), randomBytes(1024));
    expect(response.statusCode, response.body).toBe(201);
  });

  it('refuses a declared Content-Length over the limit at once (413)', async () => {
    const release = await buildRelease(small.ctx);
    const response = await upload(small.app, smallAdmin, uploadUrl(release.id, 'big.bin'), randomBytes(2048));
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({ code: 'files.too_large', details: { maxBytes: 1024 } });
    expect(response.json().error.message).toContain('1 KiB');
    expect(await smallFiles(release.id)).toEqual([]);
    expect(await tmpFiles(small.filesDir)).toEqual([]);
  });

  it('refuses a chunked body that grows over the limit while streaming (413), leaving no partial file', async () => {
    const release = await buildRelease(small.ctx);
    const chunks = Array.from({ length: 8 }, () => randomBytes(300));
    const response = await upload(small.app, smallAdmin, uploadUrl(release.id, 'stream.bin'), Readable.from(chunks));
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('files.too_large');
    expect(await smallFiles(release.id)).toEqual([]);
    expect(await tmpFiles(small.filesDir)).toEqual([]);
  });

  it('answers 413 to a real HTTP client streaming past the limit, on the same connection', async () => {
    const release = await buildRelease(small.ctx);
    await small.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = small.app.server.address() as { port: number };
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: uploadUrl(release.id, 'http.bin'),
        headers: { cookie: smallAdmin.cookie, 'x-csrf-token': smallAdmin.csrfToken, 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked' },
      });
      let answered = false;
      request.on('response', (response) => {
        answered = true;
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', (error) => (answered ? undefined : reject(error)));
      // Keep sending until the server answers; it refuses once 1 KiB is passed.
      const send = () => {
        if (answered) return request.end();
        if (request.write(randomBytes(512))) setImmediate(send);
        else request.once('drain', send);
      };
      send();
    });
    expect(status).toBe(413);
    expect(await smallFiles(release.id)).toEqual([]);
    await expect.poll(() => tmpFiles(small.filesDir)).toEqual([]);
  });
});

describe('an upload the client breaks off', () => {
  it('stores nothing and leaves no temporary file', async () => {
    const release = await buildRelease(t.ctx);
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = t.app.server.address() as { port: number };
    const request = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: uploadUrl(release.id, 'cut.bin'),
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'application/octet-stream', 'content-length': String(2_000_000) },
    });
    request.on('error', () => undefined);
    request.write(randomBytes(1_000_000));
    // Wait until the server is writing the upload to a temporary file, then go away.
    await expect.poll(async () => (await tmpFiles(t.filesDir)).length).toBe(1);
    request.destroy();
    await expect.poll(() => tmpFiles(t.filesDir)).toEqual([]);
    expect(await filesOfRelease(release.id)).toEqual([]);
    // The server is fine afterwards.
    expect((await upload(t.app, admin, uploadUrl(release.id, 'after.bin'), Buffer.from('whole'))).statusCode).toBe(201);
  });
});

describe('DELETE /api/v1/catalog/files/:fileId', () => {
  it('keeps the row marked removed, and deletes the bytes only when no other file holds them', async () => {
    const release = await buildRelease(t.ctx);
    const bytes = Buffer.from(`same bytes ${randomUUID()}`);
    const first = (await upload(t.app, admin, uploadUrl(release.id, 'a.bin'), bytes)).json() as CatalogFile;
    const second = (await upload(t.app, admin, uploadUrl(release.id, 'b.bin'), bytes)).json() as CatalogFile;
    expect(first.sha256).toBe(second.sha256);

    t.clock.set(new Date('2026-04-01T00:00:00.000Z'));
    expect((await admin.inject('DELETE', `/api/v1/catalog/files/${first.id}`)).statusCode).toBe(204);
    expect(await t.ctx.blobs.size(first.sha256)).toBe(bytes.length);
    expect((await admin.inject('DELETE', `/api/v1/catalog/files/${second.id}`)).statusCode).toBe(204);
    expect(await t.ctx.blobs.size(first.sha256)).toBeNull();
    const rows = await filesOfRelease(release.id);
    expect(rows.map((r) => r.removedAt?.toISOString())).toEqual(['2026-04-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z']);
    const detail = (await admin.inject('GET', `/api/v1/catalog/products/${release.productId}`)).json() as ProductDetail;
    expect(detail.releases[0]!.files.every((f) => f.removedAt === '2026-04-01T00:00:00.000Z')).toBe(true);
    const [event] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'catalog.file.removed'), eq(auditEvents.targetId, first.id)));
    expect(event).toMatchObject({ category: 'catalog', details: { fileName: 'a.bin', sha256: first.sha256 } });

    const again = await admin.inject('DELETE', `/api/v1/catalog/files/${first.id}`);
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe('files.gone');
    expect((await admin.inject('DELETE', `/api/v1/catalog/files/${randomUUID()}`)).statusCode).toBe(404);
    // Uploading the same bytes again stores them again.
    const third = (await upload(t.app, admin, uploadUrl(release.id, 'c.bin'), bytes)).json() as CatalogFile;
    expect(await t.ctx.blobs.size(third.sha256)).toBe(bytes.length);
  });

  it('is for vendor administrators only', async () => {
    const file = await buildReleaseFile(t.ctx);
    const engineer = await signInNewUser(t, { staffRole: 'support_engineer' });
    expect((await engineer.inject('DELETE', `/api/v1/catalog/files/${file.id}`)).statusCode).toBe(403);
    expect((await t.database.db.select().from(releaseFiles).where(eq(releaseFiles.id, file.id)))[0]!.removedAt).toBeNull();
  });
});
