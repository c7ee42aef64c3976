import { createHash, randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, downloadEvents, members, releaseFiles, supportContracts } from '../../db/schema/index';
import { buildReleaseFile, isoDateFrom } from '../../test/catalog-factories';
import { buildTestApp, type SignedIn, type TestApp } from '../../test/test-app';
import { buildProductScenario, productPath, signInMember, type ProductScenario } from '../products/product-scenario';

let t: TestApp;
let start: Date;
let baseUrl: string;
beforeAll(async () => {
  t = await buildTestApp();
  start = t.clock.now();
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const address = t.app.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterEach(() => {
  t.clock.set(start);
});
afterAll(async () => {
  await t.close();
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function linkFor(client: SignedIn, s: ProductScenario, fileId: string): Promise<string> {
  const response = await client.inject('POST', productPath(s, `/files/${fileId}/download-link`), {});
  expect(response.statusCode, response.body).toBe(201);
  return response.json().url;
}

/** A GET (or HEAD) with no cookie at all, as curl would send it. */
const fetchLink = (url: string, headers: Record<string, string> = {}, method: 'GET' | 'HEAD' = 'GET') => t.app.inject({ method, url, headers });

const eventsOf = (fileId: string) => t.database.db.select().from(downloadEvents).where(eq(downloadEvents.fileId, fileId));
const auditOf = (fileId: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'file.downloaded'), eq(auditEvents.targetId, fileId)));

async function downloadScenario(content = randomBytes(3 * 1024 * 1024 + 123), fileName = 'PI-Server_2024.2_setup.exe') {
  const s = await buildProductScenario(t, { softwareContent: content, softwareName: fileName });
  const member = await signInMember(t, s.organizationId, 'download', [s.siteA.id]);
  return { s, member, content, url: await linkFor(member, s, s.files.software.id) };
}

describe('GET /api/v1/downloads/:token over a real connection', () => {
  it('streams the whole file without a session cookie; the received bytes have the file’s SHA-256', async () => {
    const { s, content, url } = await downloadScenario();
    const response = await fetch(`${baseUrl}${url}`);
    expect(response.status).toBe(200);
    const received = Buffer.from(await response.arrayBuffer());
    expect(received.length).toBe(content.length);
    expect(sha256(received)).toBe(s.files.software.sha256);
    expect(response.headers.get('content-length')).toBe(String(content.length));
    expect(response.headers.get('x-content-sha256')).toBe(s.files.software.sha256);
    expect(await eventsOf(s.files.software.id)).toHaveLength(1);
  });

  it('resumes from the middle: the first part and the rest put together are the file, and the download is counted once', async () => {
    const { s, content, url } = await downloadScenario();
    const middle = Math.floor(content.length / 2) + 7;
    const first = await fetch(`${baseUrl}${url}`, { headers: { range: `bytes=0-${middle - 1}` } });
    expect(first.status).toBe(206);
    expect(first.headers.get('content-range')).toBe(`bytes 0-${middle - 1}/${content.length}`);
    const head = Buffer.from(await first.arrayBuffer());
    const rest = await fetch(`${baseUrl}${url}`, { headers: { range: `bytes=${middle}-`, 'if-range': `"${s.files.software.sha256}"` } });
    expect(rest.status).toBe(206);
    expect(rest.headers.get('content-range')).toBe(`bytes ${middle}-${content.length - 1}/${content.length}`);
    expect(rest.headers.get('content-length')).toBe(String(content.length - middle));
    const tail = Buffer.from(await rest.arrayBuffer());
    expect(sha256(Buffer.concat([head, tail]))).toBe(s.files.software.sha256);
    expect(await eventsOf(s.files.software.id)).toHaveLength(1);
    expect(await auditOf(s.files.software.id)).toHaveLength(1);
  });
});

describe('GET and HEAD /api/v1/downloads/:token', () => {
  it('sends the download headers: type, length, ETag, ranges, last modified, no caching, SHA-256, attachment name', async () => {
    const { s, content, url } = await downloadScenario(Buffer.from('MZ small installer'));
    const response = await fetchLink(url);
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(content)).toBe(true);
    expect(response.headers).toMatchObject({
      'content-type': 'application/octet-stream',
      'content-length': String(content.length),
      etag: `"${s.files.software.sha256}"`,
      'accept-ranges': 'bytes',
      'cache-control': 'private, no-store',
      'x-content-sha256': s.files.software.sha256,
      'content-disposition': `attachment; filename="PI-Server_2024.2_setup.exe"; filename*=UTF-8''PI-Server_2024.2_setup.exe`,
    });
    expect(Date.parse(String(response.headers['last-modified']))).not.toBeNaN();
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('names a Korean file in Content-Disposition per RFC 6266 / 5987, with an ASCII fallback', async () => {
    const { url } = await downloadScenario(Buffer.from('PK zip bytes'), '제품 설치.zip');
    const response = await fetchLink(url);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="__ __.zip"; filename*=UTF-8''%EC%A0%9C%ED%92%88%20%EC%84%A4%EC%B9%98.zip`);
    const quoted = await downloadScenario(Buffer.from('x'), 'say "hi" (1).txt');
    expect((await fetchLink(quoted.url)).headers['content-disposition']).toBe(`attachment; filename="say \\"hi\\" (1).txt"; filename*=UTF-8''say%20%22hi%22%20%281%29.txt`);
  });

  it('answers ranges: the last n bytes, an end past the file, 416 from the end on, the whole file for several ranges or another If-Range', async () => {
    const content = Buffer.from('0123456789abcdefghij');
    const { s, url } = await downloadScenario(content);
    const suffix = await fetchLink(url, { range: 'bytes=-5' });
    expect(suffix.statusCode).toBe(206);
    expect(suffix.body).toBe('fghij');
    expect(suffix.headers['content-range']).toBe('bytes 15-19/20');
    const past = await fetchLink(url, { range: 'bytes=18-100' });
    expect(past.statusCode).toBe(206);
    expect(past.body).toBe('ij');
    const beyond = await fetchLink(url, { range: 'bytes=20-' });
    expect(beyond.statusCode).toBe(416);
    expect(beyond.headers['content-range']).toBe('bytes */20');
    expect(beyond.json().error.code).toBe('files.range_not_satisfiable');
    expect((await fetchLink(url, { range: 'bytes=-0' })).statusCode).toBe(416);
    const several = await fetchLink(url, { range: 'bytes=0-1,5-6' });
    expect(several.statusCode).toBe(200);
    expect(several.body).toBe(content.toString());
    const stale = await fetchLink(url, { range: 'bytes=5-', 'if-range': '"something-else"' });
    expect(stale.statusCode).toBe(200);
    expect(stale.body).toBe(content.toString());
    const malformed = await fetchLink(url, { range: 'bytes=9-3' });
    expect(malformed.statusCode).toBe(200);
    // The full downloads and the range from byte 0 count; the 206s starting later and the 416s do not.
    expect(await eventsOf(s.files.software.id)).toHaveLength(3);
  });

  it('answers 304 to a matching If-None-Match and HEAD without a body, recording neither', async () => {
    const { s, content, url } = await downloadScenario(Buffer.from('MZ cached'));
    const notModified = await fetchLink(url, { 'if-none-match': `"${s.files.software.sha256}"` });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.rawPayload.length).toBe(0);
    expect(notModified.headers.etag).toBe(`"${s.files.software.sha256}"`);
    expect((await fetchLink(url, { 'if-none-match': '"other"' })).statusCode).toBe(200);
    const head = await fetchLink(url, {}, 'HEAD');
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-length']).toBe(String(content.length));
    expect(head.headers['accept-ranges']).toBe('bytes');
    expect(head.rawPayload.length).toBe(0);
    const headRange = await fetchLink(url, { range: 'bytes=2-' }, 'HEAD');
    expect(headRange.statusCode).toBe(206);
    expect(headRange.headers['content-length']).toBe(String(content.length - 2));
    expect(await eventsOf(s.files.software.id)).toHaveLength(1);
  });

  it('records each full download: who, which file, release, product, site, when and from where, and the activity log shows it', async () => {
    const { s, member, url } = await downloadScenario(Buffer.from('MZ recorded'));
    t.clock.advance(1000);
    await fetchLink(url, { 'user-agent': 'curl/8.5.0' });
    const [event] = await eventsOf(s.files.software.id);
    expect(event).toMatchObject({
      fileId: s.files.software.id,
      releaseId: s.currentRelease.id,
      productId: s.product.id,
      userId: member.userId,
      organizationId: s.organizationId,
      siteId: s.siteA.id,
      ip: '127.0.0.1',
      occurredAt: t.clock.now(),
    });
    const [audit] = await auditOf(s.files.software.id);
    expect(audit).toMatchObject({
      category: 'download',
      actorUserId: member.userId,
      organizationId: s.organizationId,
      targetType: 'file',
      details: expect.objectContaining({ fileName: s.files.software.fileName, version: '2024.2', product: s.product.name }),
      occurredAt: t.clock.now(),
    });
    const owner = await signInMember(t, s.organizationId, 'owner');
    const log = await owner.inject('GET', `${s.base}/activity?category=download`);
    expect(log.statusCode, log.body).toBe(200);
    expect(log.json().items.map((item: { action: string }) => item.action)).toContain('file.downloaded');
  });

  it('refuses an altered or garbled link with downloads.link_invalid and an expired one with downloads.link_expired', async () => {
    const { url } = await downloadScenario(Buffer.from('MZ signed'));
    const token = url.split('/').pop()!;
    const [payload, tag] = token.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const otherPayload = Buffer.from(JSON.stringify({ ...claims, x: claims.x + 3600 })).toString('base64url');
    const flipped = `${tag.slice(0, -1)}${tag.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of [`${otherPayload}.${tag}`, `${payload}.${flipped}`, `${payload}.`, 'garbage', `${payload}.${tag}.x`, `${Buffer.from('{').toString('base64url')}.${tag}`]) {
      const response = await fetchLink(`/api/v1/downloads/${bad}`);
      expect(response.statusCode, bad).toBe(403);
      expect(response.json().error.code).toBe('downloads.link_invalid');
    }
    const overlong = await fetchLink(`/api/v1/downloads/${'a'.repeat(1500)}.${tag}`);
    expect(overlong.json().error.code).toBe('downloads.link_invalid');
    // Past the router's parameter limit the path matches no route (or is too long a URI).
    expect([404, 414]).toContain((await fetchLink(`/api/v1/downloads/${'a'.repeat(3000)}`)).statusCode);
    t.clock.advance(15 * 60_000 - 1000);
    expect((await fetchLink(url)).statusCode).toBe(200);
    t.clock.advance(1000);
    const expired = await fetchLink(url);
    expect(expired.statusCode).toBe(403);
    expect(expired.json().error.code).toBe('downloads.link_expired');
  });

  it('answers 410 once the file is removed from the catalog', async () => {
    const { s, url } = await downloadScenario(Buffer.from('MZ to remove'));
    await t.database.db.update(releaseFiles).set({ removedAt: new Date() }).where(eq(releaseFiles.id, s.files.software.id));
    const response = await fetchLink(url);
    expect(response.statusCode).toBe(410);
    expect(response.json().error.code).toBe('files.gone');
    expect(await eventsOf(s.files.software.id)).toHaveLength(0);
  });

  it('checks access again: a member whose role changed or whose contract ended past its grace gets nothing', async () => {
    const { s, member, url } = await downloadScenario(Buffer.from('MZ recheck'));
    await t.database.db.update(supportContracts).set({ endsOn: isoDateFrom(start, -40) }).where(eq(supportContracts.id, s.contractId!));
    const expired = await fetchLink(url);
    expect(expired.statusCode).toBe(403);
    expect(expired.json().error.code).toBe('contract.expired');
    await t.database.db.update(supportContracts).set({ endsOn: isoDateFrom(start, 40) }).where(eq(supportContracts.id, s.contractId!));
    expect((await fetchLink(url)).statusCode).toBe(200);
    await t.database.db.update(members).set({ role: 'viewer' }).where(and(eq(members.userId, member.userId), eq(members.organizationId, s.organizationId)));
    const demoted = await fetchLink(url);
    expect(demoted.statusCode).toBe(403);
    expect(demoted.json().error.code).toBe('auth.forbidden');
  });

  it('serves an empty file and a document to a support user', async () => {
    const s = await buildProductScenario(t);
    const empty = await buildReleaseFile(t.ctx, { releaseId: s.currentRelease.id, resourceType: 'other', fileName: 'empty.txt', content: Buffer.alloc(0) });
    const support = await signInMember(t, s.organizationId, 'support', [s.siteA.id]);
    const response = await fetchLink(await linkFor(support, s, empty.id));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-length']).toBe('0');
    expect((await fetchLink(await linkFor(support, s, empty.id), { range: 'bytes=0-' })).statusCode).toBe(416);
    const manual = await fetchLink(await linkFor(support, s, s.files.manual.id));
    expect(manual.statusCode).toBe(200);
    expect(manual.headers['content-type']).toBe('application/pdf');
  });
});
