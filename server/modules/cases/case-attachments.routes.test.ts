import { createHash, randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseAttachment, CaseAttachmentList, CaseHistory, CasePostPage } from '../../../common/schemas/cases';
import { auditEvents, caseAttachments, caseEvents } from '../../db/schema/index';
import { buildReleaseFile } from '../../test/catalog-factories';
import { buildTestApp, signInNewUser, type TestApp } from '../../test/test-app';
import { DRAFT_ATTACHMENT_TTL_MS, pruneDraftAttachments } from './case-attachments.service';
import { buildCaseScenario, signInCaseMember, uploadAs, type CaseScenario } from './case-feed.test-support';

const SMALL_LIMIT = 64 * 1024;

let t: TestApp;
let small: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  small = await buildTestApp({ serviceConfig: { caseAttachmentMaxBytes: SMALL_LIMIT } });
});
afterAll(async () => {
  await t.close();
  await small.close();
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(100)]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n');

/** Every stored file under the blob directory, staging area included. */
async function storedFiles(filesDir: string): Promise<string[]> {
  const entries = await readdir(filesDir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

const attachmentsOf = (app: TestApp, caseId: string) => app.ctx.db.select().from(caseAttachments).where(eq(caseAttachments.caseId, caseId));

describe('POST /api/v1/organizations/:organizationId/cases/:caseId/attachments', () => {
  it('stores the bytes by SHA-256 with the type read from the bytes, a history row and the activity log', async () => {
    const s = await buildCaseScenario(t);
    // Declared as HTML, the bytes are a PNG: the declaration is ignored.
    const response = await uploadAs(t, s.requester, s.base, 'screenshot.png', PNG, 'text/html');
    expect(response.statusCode, response.body).toBe(201);
    const attachment = CaseAttachment.parse(response.json());
    expect(attachment).toMatchObject({ name: 'screenshot.png', contentType: 'image/png', size: PNG.length, postId: null, uploadedBy: { id: s.requester.userId, name: s.requester.name, side: 'customer' } });
    expect(attachment.url).toBe(`${s.base}/attachments/${attachment.id}/content`);
    const [row] = await attachmentsOf(t, s.caseId);
    expect(row).toMatchObject({ sha256: sha256(PNG), uploaderSide: 'customer', organizationId: s.organizationId });
    expect(await t.ctx.blobs.size(sha256(PNG))).toBe(PNG.length);
    const [event] = await t.ctx.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, s.caseId), eq(caseEvents.kind, 'attachment_added')));
    expect(event).toMatchObject({ actorId: s.requester.userId, toValue: 'screenshot.png', details: { attachmentId: attachment.id } });
    const [audit] = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'case.attachment.added'), eq(auditEvents.targetId, s.caseId)));
    expect(audit).toMatchObject({ category: 'case', organizationId: s.organizationId, details: { attachmentId: attachment.id, name: 'screenshot.png', contentType: 'image/png' } });
  });

  it('types text, markup and unknown bytes from their content, never from the declared type', async () => {
    const s = await buildCaseScenario(t);
    const cases: [string, Buffer | string, string, string][] = [
      ['notes.txt', 'line one\nline two 한국어 😀\n', 'image/png', 'text/plain'],
      ['page.txt', '  <html><script>alert(1)</script></html>', 'text/plain', 'application/octet-stream'],
      ['drawing.svg', 'just text in an svg name', 'text/plain', 'application/octet-stream'],
      ['manual.pdf', PDF, 'application/octet-stream', 'application/pdf'],
      ['blob.bin', randomBytes(500), 'image/png', 'application/octet-stream'],
    ];
    for (const [name, content, declared, expected] of cases) {
      const response = await uploadAs(t, s.engineer, s.base, name, content, declared);
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json().contentType, name).toBe(expected);
    }
  });

  it('refuses an upload over the limit with 413 and keeps nothing: no row, no blob, no staged file (declared and streamed)', async () => {
    const s = await buildCaseScenario(small);
    const before = await storedFiles(small.filesDir);
    const declared = await uploadAs(small, s.requester, s.base, 'big.bin', randomBytes(SMALL_LIMIT + 1));
    expect(declared.statusCode).toBe(413);
    expect(declared.json().error).toMatchObject({ code: 'cases.attachment_too_large', message: 'The attachment is larger than the limit of 64 KiB.' });
    // Chunked, without a length: refused while streaming.
    const chunks = Array.from({ length: 20 }, () => randomBytes(8 * 1024));
    const streamed = await uploadAs(small, s.requester, s.base, 'stream.bin', Readable.from(chunks));
    expect(streamed.statusCode).toBe(413);
    expect(streamed.json().error.code).toBe('cases.attachment_too_large');
    expect(await attachmentsOf(small, s.caseId)).toEqual([]);
    expect(await storedFiles(small.filesDir)).toEqual(before);
    // Exactly at the limit is fine.
    const fits = await uploadAs(small, s.requester, s.base, 'fits.bin', randomBytes(SMALL_LIMIT));
    expect(fits.statusCode, fits.body).toBe(201);
  });

  it('answers the limit in Korean for a Korean request', async () => {
    const s = await buildCaseScenario(small);
    const response = await small.app.inject({
      method: 'POST',
      url: `${s.base}/attachments?name=big.bin`,
      headers: { cookie: s.requester.cookie, 'x-csrf-token': s.requester.csrfToken, 'content-type': 'application/octet-stream', 'accept-language': 'ko' },
      payload: randomBytes(SMALL_LIMIT + 10),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.message).toBe('첨부 파일이 허용된 크기(64 KiB)보다 큽니다.');
  });

  it('refuses an empty file with 400 files.empty and stores nothing', async () => {
    const s = await buildCaseScenario(t);
    const before = await storedFiles(t.filesDir);
    const response = await uploadAs(t, s.requester, s.base, 'empty.txt', Buffer.alloc(0));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('files.empty');
    expect(await attachmentsOf(t, s.caseId)).toEqual([]);
    expect(await storedFiles(t.filesDir)).toEqual(before);
  });

  it('refuses names with folders, control or direction characters and hidden names with 400 files.invalid_name', async () => {
    const s = await buildCaseScenario(t);
    for (const name of ['../etc/passwd', 'logs/today.txt', 'C:\\boot.ini', '.htaccess', 'bell\u0007.txt', 'invoice\u202Efdp.exe', '   ', '<script>alert(1)</script>.txt']) {
      const response = await uploadAs(t, s.requester, s.base, name, 'x');
      expect(response.statusCode, name).toBe(400);
      expect(response.json().error.code).toBe('files.invalid_name');
    }
    expect(await attachmentsOf(t, s.caseId)).toEqual([]);
  });

  it('refuses an attachment on a closed case with 409 cases.closed', async () => {
    const s = await buildCaseScenario(t, { status: 'closed' });
    const response = await uploadAs(t, s.requester, s.base, 'late.txt', 'late');
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('cases.closed');
  });
});

describe('GET /api/v1/organizations/:organizationId/cases/:caseId/attachments and …/content', () => {
  it('keeps HTML in names as text and serves every attachment inert: attachment disposition, nosniff, octet-stream for what a browser runs', async () => {
    const s = await buildCaseScenario(t);
    const names = ['<img src=x onerror=alert(1)>.png', '<svg onload=alert(1)>.svg', '"><iframe src=javascript:alert(1)>.html', 'javascript:alert(1).txt', '&lt;b&gt; &#60;i&#62;.txt', '[x](javascript:alert(1)).md'];
    const uploaded: CaseAttachment[] = [];
    for (const name of names) {
      const response = await uploadAs(t, s.requester, s.base, name, '<script>alert(document.cookie)</script>', 'text/html');
      expect(response.statusCode, name).toBe(201);
      uploaded.push(response.json());
      expect(response.json().name).toBe(name);
    }
    const list = CaseAttachmentList.parse((await s.engineer.inject('GET', `${s.base}/attachments`)).json());
    expect(list.items.map((a) => a.name).sort()).toEqual([...names].sort());
    for (const attachment of uploaded) {
      const response = await s.engineer.inject('GET', attachment.url);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/octet-stream');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      // One quoted ASCII name (quotes escaped, so nothing breaks out of it) and the exact name percent-encoded.
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="(?:[^"\\]|\\.)*"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
      const encoded = /filename\*=UTF-8''(.+)$/.exec(String(response.headers['content-disposition']))![1]!;
      expect(decodeURIComponent(encoded)).toBe(attachment.name);
      expect(response.body).toBe('<script>alert(document.cookie)</script>');
    }
  });

  it('keeps emoji and 4-byte characters in names and serves the exact bytes', async () => {
    const s = await buildCaseScenario(t);
    const name = '현장 보고서 📊🔥 𠜎.txt';
    const content = Buffer.from('측정값 😀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢\n');
    const response = await uploadAs(t, s.requester, s.base, name, content);
    expect(response.json().name).toBe(name);
    const download = await s.requester.inject('GET', response.json().url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(download.headers['content-length']).toBe(String(content.length));
    expect(download.rawPayload.equals(content)).toBe(true);
    expect(String(download.headers['content-disposition'])).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
  });

  it('lists case and post attachments, and answers 404 for an attachment of another case', async () => {
    const s = await buildCaseScenario(t);
    const other = await buildCaseScenario(t);
    const onCase = (await uploadAs(t, s.requester, s.base, 'a.txt', 'a')).json().id as string;
    t.clock.advance(1000);
    const forPost = (await uploadAs(t, s.engineer, s.base, 'b.txt', 'b')).json().id as string;
    const post = await s.engineer.inject('POST', `${s.base}/posts`, { body: 'see b', attachmentIds: [forPost] });
    expect(post.statusCode, post.body).toBe(201);
    const list = CaseAttachmentList.parse((await s.requester.inject('GET', `${s.base}/attachments`)).json());
    expect(list.items.map((a) => [a.id, a.postId])).toEqual([
      [onCase, null],
      [forPost, post.json().id],
    ]);
    const foreign = (await uploadAs(t, other.requester, other.base, 'c.txt', 'c')).json().id as string;
    const crossed = await s.requester.inject('GET', `${s.base}/attachments/${foreign}/content`);
    expect(crossed.statusCode).toBe(404);
    expect(crossed.json().error.code).toBe('cases.attachment_not_found');
    const outsider = await signInNewUser(t);
    expect((await outsider.inject('GET', `${other.base}/attachments/${foreign}/content`)).statusCode).toBe(404);
    expect((await outsider.inject('GET', `${other.base}/attachments`)).statusCode).toBe(404);
  });

  it('keeps an attachment whose bytes a removed release file shared (the blob store is shared)', async () => {
    const s = await buildCaseScenario(t);
    const bytes = randomBytes(2000);
    const file = await buildReleaseFile(t.ctx, { content: bytes });
    const uploaded = await uploadAs(t, s.requester, s.base, 'same-bytes.bin', bytes);
    expect(uploaded.statusCode).toBe(201);
    const admin = await signInNewUser(t, { staffRole: 'vendor_admin' });
    const removed = await admin.inject('DELETE', `/api/v1/catalog/files/${file.id}`);
    expect(removed.statusCode, removed.body).toBe(204);
    const download = await s.requester.inject('GET', uploaded.json().url);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(bytes)).toBe(true);
  });
});

describe('DELETE /api/v1/organizations/:organizationId/cases/:caseId/attachments/:attachmentId', () => {
  type Client = CaseScenario['requester'];

  /** Uploads fresh bytes as `client` and posts them; the attachment, its bytes' hash and the post's id. */
  async function postFile(s: CaseScenario, client: Client, name = 'router-config.txt') {
    const bytes = Buffer.from(`password=${randomBytes(16).toString('hex')}\n`);
    const uploaded = CaseAttachment.parse((await uploadAs(t, client, s.base, name, bytes)).json());
    const post = await client.inject('POST', `${s.base}/posts`, { body: 'the config', attachmentIds: [uploaded.id] });
    expect(post.statusCode, post.body).toBe(201);
    return { attachment: uploaded, sha: sha256(bytes), postId: post.json().id as string };
  }

  const remove = (client: Client, s: CaseScenario, attachmentId: string) => client.inject('DELETE', `${s.base}/attachments/${attachmentId}`);
  const historyOf = async (client: Client, s: CaseScenario) => CaseHistory.parse((await client.inject('GET', `${s.base}/history`)).json()).items;
  const closeCase = (s: CaseScenario) => t.database.raw(`update cases set status = 'closed', closed_at = now() where id = $1`, [s.caseId]);
  const postedAttachments = async (client: Client, s: CaseScenario) => CasePostPage.parse((await client.inject('GET', `${s.base}/posts`)).json()).items.flatMap((post) => post.attachments);
  const removalAudits = (attachmentId: string) =>
    t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'case.attachment.removed'), sql`${auditEvents.details}->>'attachmentId' = ${attachmentId}`));

  it('lets the uploader remove their file: the bytes leave the store, the post keeps a tombstone, the download answers 410 and the activity log has the entry', async () => {
    const s = await buildCaseScenario(t);
    const { attachment, sha, postId } = await postFile(s, s.requester);
    expect((await postedAttachments(s.requester, s)).find((a) => a.id === attachment.id)?.canRemove).toBe(true);
    t.clock.advance(60_000);

    const response = await remove(s.requester, s, attachment.id);
    expect(response.statusCode, response.body).toBe(204);

    expect(await t.ctx.blobs.size(sha)).toBeNull();
    const [row] = await attachmentsOf(t, s.caseId);
    expect(row).toMatchObject({ id: attachment.id, postId, sha256: null, removedBy: s.requester.userId, removedAt: t.clock.now() });
    for (const client of [s.requester, s.engineer]) {
      const [shown] = await postedAttachments(client, s);
      expect(shown).toMatchObject({ id: attachment.id, name: 'router-config.txt', canRemove: false, removed: { at: t.clock.now().toISOString(), by: { id: s.requester.userId, name: s.requester.name } } });
      const listed = CaseAttachmentList.parse((await client.inject('GET', `${s.base}/attachments`)).json());
      expect(listed.items.map((a) => [a.id, a.removed?.by?.id])).toEqual([[attachment.id, s.requester.userId]]);
    }
    const download = await s.engineer.inject('GET', attachment.url);
    expect(download.statusCode).toBe(410);
    expect(download.json().error).toMatchObject({ code: 'cases.attachment_removed', message: 'This file was removed from the case.' });

    const [audit] = await removalAudits(attachment.id);
    expect(audit).toMatchObject({
      category: 'case',
      organizationId: s.organizationId,
      actorUserId: s.requester.userId,
      targetId: s.caseId,
      details: { attachmentId: attachment.id, postId, name: 'router-config.txt', size: attachment.size, withdrawn: false },
    });
    // The History tab says who removed which file, on both sides.
    for (const client of [s.requester, s.engineer]) {
      const removals = (await historyOf(client, s)).filter((e) => e.kind === 'attachment_removed');
      expect(removals).toEqual([expect.objectContaining({ from: 'router-config.txt', actor: expect.objectContaining({ id: s.requester.userId }), details: expect.objectContaining({ attachmentId: attachment.id }) })]);
    }
  });

  it('lets an engineer remove a customer’s file, even on a closed case', async () => {
    const s = await buildCaseScenario(t);
    const { attachment, sha } = await postFile(s, s.requester);
    await closeCase(s);
    expect((await postedAttachments(s.engineer, s))[0]?.canRemove).toBe(true);
    const response = await remove(s.engineer, s, attachment.id);
    expect(response.statusCode, response.body).toBe(204);
    expect(await t.ctx.blobs.size(sha)).toBeNull();
    expect((await postedAttachments(s.requester, s))[0]?.removed?.by).toEqual({ id: s.engineer.userId, name: s.engineer.name });
    expect(await removalAudits(attachment.id)).toHaveLength(1);
  });

  it('refuses another member of the organization with 403 cases.attachment_remove_forbidden (in their language) and keeps the file', async () => {
    const s = await buildCaseScenario(t);
    const { attachment, sha } = await postFile(s, s.requester);
    const colleague = await signInCaseMember(t, s.organizationId, 'admin');
    expect((await postedAttachments(colleague, s))[0]).toMatchObject({ id: attachment.id, canRemove: false, removed: null });
    const response = await remove(colleague, s, attachment.id);
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({ code: 'cases.attachment_remove_forbidden' });
    const korean = await t.app.inject({
      method: 'DELETE',
      url: `${s.base}/attachments/${attachment.id}`,
      headers: { cookie: colleague.cookie, 'x-csrf-token': colleague.csrfToken, 'accept-language': 'ko' },
    });
    expect(korean.statusCode).toBe(403);
    expect(korean.json().error.message).toBe('이 파일은 첨부한 본인만 케이스가 진행 중일 때 삭제할 수 있습니다. 지원 엔지니어는 언제든 삭제할 수 있습니다.');
    expect(await t.ctx.blobs.size(sha)).toBe(attachment.size);
    expect((await s.requester.inject('GET', attachment.url)).statusCode).toBe(200);
    expect(await removalAudits(attachment.id)).toEqual([]);
  });

  it('answers 404 for another organization’s file and, to a customer, for a file of an internal note', async () => {
    const s = await buildCaseScenario(t);
    const other = await buildCaseScenario(t);
    const { attachment: foreign, sha: foreignSha } = await postFile(other, other.requester);
    const outsider = await signInCaseMember(t, s.organizationId, 'owner');
    expect((await remove(outsider, other, foreign.id)).statusCode).toBe(404);
    const crossed = await remove(s.requester, s, foreign.id);
    expect(crossed.statusCode).toBe(404);
    expect(crossed.json().error.code).toBe('cases.attachment_not_found');
    expect(await t.ctx.blobs.size(foreignSha)).toBe(foreign.size);

    const note = await s.engineer.inject('POST', `${s.base}/posts`, { body: 'their licence key is in the dump', internal: true });
    expect(note.statusCode, note.body).toBe(201);
    const noteFile = CaseAttachment.parse((await uploadAs(t, s.engineer, s.base, 'dump.txt', randomBytes(8).toString('hex'), 'text/plain', note.json().id)).json());
    const hidden = await remove(s.requester, s, noteFile.id);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('cases.attachment_not_found');
    // The engineer's removal of a note's file stays out of the organization's own activity log.
    expect((await remove(s.engineer, s, noteFile.id)).statusCode).toBe(204);
    const [audit] = await removalAudits(noteFile.id);
    expect(audit).toMatchObject({ organizationId: null, details: { organizationId: s.organizationId, name: 'dump.txt' } });
    // Nor does the customer's History tab hear of it; the engineer's does.
    expect((await historyOf(s.requester, s)).filter((e) => e.kind === 'attachment_removed')).toEqual([]);
    expect((await historyOf(s.engineer, s)).filter((e) => e.kind === 'attachment_removed').map((e) => e.from)).toEqual(['dump.txt']);
  });

  it('refuses the uploader once the case is closed', async () => {
    const s = await buildCaseScenario(t);
    const { attachment, sha } = await postFile(s, s.requester);
    await closeCase(s);
    expect((await postedAttachments(s.requester, s))[0]?.canRemove).toBe(false);
    const response = await remove(s.requester, s, attachment.id);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('cases.attachment_remove_forbidden');
    expect(await t.ctx.blobs.size(sha)).toBe(attachment.size);
  });

  it('answers a second removal with 410 cases.attachment_removed and writes nothing more', async () => {
    const s = await buildCaseScenario(t);
    const { attachment } = await postFile(s, s.requester);
    expect((await remove(s.requester, s, attachment.id)).statusCode).toBe(204);
    for (const client of [s.requester, s.engineer]) {
      const again = await remove(client, s, attachment.id);
      expect(again.statusCode).toBe(410);
      expect(again.json().error.code).toBe('cases.attachment_removed');
    }
    expect(await removalAudits(attachment.id)).toHaveLength(1);
  });

  it('deletes a file its uploader withdraws before posting it outright (a second try answers 404), and keeps the history', async () => {
    const s = await buildCaseScenario(t);
    const bytes = randomBytes(300);
    const uploaded = CaseAttachment.parse((await uploadAs(t, s.requester, s.base, 'wrong.bin', bytes)).json());
    const response = await remove(s.requester, s, uploaded.id);
    expect(response.statusCode, response.body).toBe(204);
    expect(await attachmentsOf(t, s.caseId)).toEqual([]);
    expect(await t.ctx.blobs.size(sha256(bytes))).toBeNull();
    const [audit] = await removalAudits(uploaded.id);
    expect(audit).toMatchObject({ details: { name: 'wrong.bin', size: 300, postId: null, withdrawn: true } });
    const again = await remove(s.requester, s, uploaded.id);
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('cases.attachment_not_found');
    expect((await s.requester.inject('GET', uploaded.url)).statusCode).toBe(404);
    // The history still says the file was attached, and then that it was removed.
    const [event] = await t.ctx.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, s.caseId), eq(caseEvents.kind, 'attachment_added')));
    expect(event).toMatchObject({ toValue: 'wrong.bin', details: { attachmentId: uploaded.id } });
    expect((await historyOf(s.requester, s)).filter((e) => e.kind.startsWith('attachment_')).map((e) => [e.kind, e.details?.name])).toEqual([
      ['attachment_added', 'wrong.bin'],
      ['attachment_removed', 'wrong.bin'],
    ]);
  });

  it('keeps the bytes while another attachment holds the same ones', async () => {
    const s = await buildCaseScenario(t);
    const bytes = randomBytes(700);
    const first = CaseAttachment.parse((await uploadAs(t, s.requester, s.base, 'first.bin', bytes)).json());
    const second = CaseAttachment.parse((await uploadAs(t, s.engineer, s.base, 'second.bin', bytes)).json());
    expect((await remove(s.engineer, s, first.id)).statusCode).toBe(204);
    expect(await t.ctx.blobs.size(sha256(bytes))).toBe(bytes.length);
    const download = await s.requester.inject('GET', second.url);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(bytes)).toBe(true);
    expect((await remove(s.engineer, s, second.id)).statusCode).toBe(204);
    expect(await t.ctx.blobs.size(sha256(bytes))).toBeNull();
  });

  it('refuses to post a file an engineer removed after it was uploaded', async () => {
    const s = await buildCaseScenario(t);
    const uploaded = CaseAttachment.parse((await uploadAs(t, s.requester, s.base, 'secret.txt', randomBytes(8).toString('hex'))).json());
    expect((await remove(s.engineer, s, uploaded.id)).statusCode).toBe(204);
    const post = await s.requester.inject('POST', `${s.base}/posts`, { body: 'see the file', attachmentIds: [uploaded.id] });
    expect(post.statusCode).toBe(422);
    expect(post.json().error).toMatchObject({ code: 'cases.attachment_removed', details: { attachmentId: uploaded.id } });
  });
});

describe('draft attachments: a file for a post being written', () => {
  type Client = CaseScenario['requester'];
  const uploadDraft = (client: Client, s: CaseScenario, name: string, bytes: Buffer) =>
    t.app.inject({
      method: 'POST',
      url: `${s.base}/attachments?name=${encodeURIComponent(name)}&draft=true`,
      headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'content-type': 'application/octet-stream' },
      payload: bytes,
    });
  const listed = async (client: Client, s: CaseScenario) => CaseAttachmentList.parse((await client.inject('GET', `${s.base}/attachments`)).json()).items.map((a) => a.name);
  const history = async (client: Client, s: CaseScenario) => CaseHistory.parse((await client.inject('GET', `${s.base}/history`)).json()).items.filter((e) => e.kind.startsWith('attachment_')).map((e) => [e.kind, e.details?.name]);
  const audits = (s: CaseScenario) => t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.targetId, s.caseId), sql`${auditEvents.action} like 'case.attachment.%'`));

  it('is seen by nobody but its uploader, in no list, history, log or mail, until the post takes it; then all name it once', async () => {
    const s = await buildCaseScenario(t);
    const bytes = randomBytes(400);
    const response = await uploadDraft(s.engineer, s, 'router-config.txt', bytes);
    expect(response.statusCode, response.body).toBe(201);
    const draft = CaseAttachment.parse(response.json());
    expect(draft.postId).toBeNull();
    expect(await listed(s.requester, s)).toEqual([]);
    expect(await listed(s.engineer, s)).toEqual([]);
    expect(await history(s.requester, s)).toEqual([]);
    expect(await audits(s)).toEqual([]);
    expect((await s.requester.inject('GET', draft.url)).statusCode).toBe(404);
    const customerRemoves = await s.requester.inject('DELETE', `${s.base}/attachments/${draft.id}`);
    expect(customerRemoves.statusCode).toBe(404);
    const own = await s.engineer.inject('GET', draft.url);
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.equals(bytes)).toBe(true);
    // The case did not change for anyone: not even its update time moved.
    const [caseRow] = await t.database.raw<{ updated_at: Date; created_at: Date }>(`select updated_at, created_at from cases where id = $1`, [s.caseId]);
    expect(caseRow!.updated_at.getTime()).toBe(caseRow!.created_at.getTime());

    t.clock.advance(60_000);
    const post = await s.engineer.inject('POST', `${s.base}/posts`, { body: 'The configuration is attached.', attachmentIds: [draft.id] });
    expect(post.statusCode, post.body).toBe(201);
    expect(post.json().attachments.map((a: CaseAttachment) => a.name)).toEqual(['router-config.txt']);
    expect(await listed(s.requester, s)).toEqual(['router-config.txt']);
    expect((await s.requester.inject('GET', draft.url)).statusCode).toBe(200);
    expect(await history(s.requester, s)).toEqual([['attachment_added', 'router-config.txt']]);
    const logged = await audits(s);
    expect(logged.map((e) => [e.action, (e.details as { postId: string }).postId])).toEqual([['case.attachment.added', post.json().id]]);
  });

  it('is nobody else’s to fetch, remove or post, engineers included (404 and 422 as for a file that is not there)', async () => {
    const s = await buildCaseScenario(t);
    const draft = CaseAttachment.parse((await uploadDraft(s.requester, s, 'plant-notes.txt', randomBytes(200))).json());
    expect((await s.engineer.inject('GET', draft.url)).statusCode).toBe(404);
    const removed = await s.engineer.inject('DELETE', `${s.base}/attachments/${draft.id}`);
    expect(removed.statusCode).toBe(404);
    expect(removed.json().error.code).toBe('cases.attachment_not_found');
    const posted = await s.engineer.inject('POST', `${s.base}/posts`, { body: 'Taking your file', attachmentIds: [draft.id] });
    expect(posted.statusCode).toBe(422);
    expect(posted.json().error).toMatchObject({ code: 'cases.attachment_not_found', details: { attachmentId: draft.id } });
    expect((await attachmentsOf(t, s.caseId)).map((row) => [row.name, row.draft, row.postId])).toEqual([['plant-notes.txt', true, null]]);
  });

  it('withdrawn by its uploader goes without a trace: no history, no log entry, no bytes', async () => {
    const s = await buildCaseScenario(t);
    const bytes = randomBytes(500);
    const draft = CaseAttachment.parse((await uploadDraft(s.requester, s, 'wrong.png', bytes)).json());
    const response = await s.requester.inject('DELETE', `${s.base}/attachments/${draft.id}`);
    expect(response.statusCode, response.body).toBe(204);
    expect(await attachmentsOf(t, s.caseId)).toEqual([]);
    expect(await t.ctx.blobs.size(sha256(bytes))).toBeNull();
    expect(await history(s.engineer, s)).toEqual([]);
    expect(await audits(s)).toEqual([]);
  });

  it('left by a composer closed without sending is deleted after a day with its bytes; a younger one stays', async () => {
    const s = await buildCaseScenario(t);
    const oldBytes = randomBytes(600);
    const youngBytes = randomBytes(650);
    const old = CaseAttachment.parse((await uploadDraft(s.requester, s, 'old.bin', oldBytes)).json());
    const young = CaseAttachment.parse((await uploadDraft(s.requester, s, 'young.bin', youngBytes)).json());
    // Uploaded a day and a minute ago, and a day less a minute ago (the session would not last a day of the test clock).
    const ago = (ms: number) => new Date(t.clock.now().getTime() - ms);
    await t.ctx.db.update(caseAttachments).set({ createdAt: ago(DRAFT_ATTACHMENT_TTL_MS + 60_000) }).where(eq(caseAttachments.id, old.id));
    await t.ctx.db.update(caseAttachments).set({ createdAt: ago(DRAFT_ATTACHMENT_TTL_MS - 60_000) }).where(eq(caseAttachments.id, young.id));
    expect(await pruneDraftAttachments(t.ctx)).toBeGreaterThanOrEqual(1);
    expect((await attachmentsOf(t, s.caseId)).map((row) => row.id)).toEqual([young.id]);
    expect(await t.ctx.blobs.size(sha256(oldBytes))).toBeNull();
    expect(await t.ctx.blobs.size(sha256(youngBytes))).toBe(youngBytes.length);
    // The post that would have taken the old one finds it gone.
    const post = await s.requester.inject('POST', `${s.base}/posts`, { body: 'here', attachmentIds: [old.id] });
    expect(post.statusCode).toBe(422);
    expect(post.json().error.code).toBe('cases.attachment_not_found');
  });
});
