import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Article, ArticleAttachment, ArticleView } from '../../../common/schemas/knowledge';
import { SearchPreview } from '../../../common/schemas/search';
import { articleAttachments } from '../../db/schema/index';
import { buildTestApp, type TestApp } from '../../test/test-app';
import { auditOf, buildKnowledgeScenario, CONSOLE, signInStaff, uploadArticleFile, writeArticle, writePublishedArticle, type KnowledgeScenario } from './knowledge.test-support';

const SMALL_LIMIT = 64 * 1024;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(100)]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let t: TestApp;
let small: TestApp;
let s: KnowledgeScenario;
beforeAll(async () => {
  t = await buildTestApp();
  small = await buildTestApp({ serviceConfig: { caseAttachmentMaxBytes: SMALL_LIMIT } });
  s = await buildKnowledgeScenario(t);
});
afterAll(async () => {
  await t.close();
  await small.close();
});

const expectError = (response: { statusCode: number; json(): unknown; body: string }, status: number, code: string) => {
  expect(response.statusCode, response.body).toBe(status);
  expect((response.json() as { error: { code: string } }).error.code).toBe(code);
};

async function storedFiles(filesDir: string): Promise<string[]> {
  const entries = await readdir(filesDir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

describe('POST /api/v1/console/articles/:articleId/attachments', () => {
  it('stores the bytes by SHA-256, typed from the bytes, without changing the article’s updatedAt; logs it', async () => {
    const article = await writeArticle(s.engineer);
    t.clock.advance(1_000);
    const response = await uploadArticleFile(t, s.engineer, article.id, 'trend.png', PNG, 'text/html');
    expect(response.statusCode, response.body).toBe(201);
    const attachment = ArticleAttachment.parse(response.json());
    expect(attachment).toMatchObject({ name: 'trend.png', contentType: 'image/png', size: PNG.length, url: `${CONSOLE}/${article.id}/attachments/${attachment.id}` });
    expect(await t.ctx.blobs.size(sha256(PNG))).toBe(PNG.length);
    const reloaded = Article.parse((await s.engineer.inject('GET', `${CONSOLE}/${article.id}`)).json());
    expect(reloaded.attachments).toEqual([attachment]);
    expect(reloaded.updatedAt).toBe(article.updatedAt);
    expect((await auditOf(t, article.id)).at(-1)).toMatchObject({ action: 'article.attachment.added', details: { attachmentId: attachment.id, name: 'trend.png', contentType: 'image/png', sha256: sha256(PNG) } });
    const types: [string, Buffer | string, string][] = [
      ['notes.txt', 'line one\n한국어 😀\n', 'text/plain'],
      ['page.txt', '<html><script>alert(1)</script></html>', 'application/octet-stream'],
      ['drawing.svg', '<svg onload=alert(1)>', 'application/octet-stream'],
      ['manual.pdf', PDF, 'application/pdf'],
    ];
    for (const [name, content, expected] of types) {
      const uploaded = await uploadArticleFile(t, s.engineer, article.id, name, content, 'image/png');
      expect(uploaded.statusCode, uploaded.body).toBe(201);
      expect(uploaded.json().contentType, name).toBe(expected);
    }
  });

  it('refuses an empty file, a bad name, an unknown article and customers', async () => {
    const article = await writeArticle(s.engineer);
    expectError(await uploadArticleFile(t, s.engineer, article.id, 'empty.txt', Buffer.alloc(0)), 400, 'files.empty');
    expectError(await uploadArticleFile(t, s.engineer, article.id, '../etc/passwd', 'x'), 400, 'files.invalid_name');
    expectError(await uploadArticleFile(t, s.engineer, article.id, '.hidden', 'x'), 400, 'files.invalid_name');
    expectError(await uploadArticleFile(t, s.engineer, randomUUID(), 'a.txt', 'x'), 404, 'articles.not_found');
    expectError(await uploadArticleFile(t, s.customer, article.id, 'a.txt', 'x'), 403, 'auth.forbidden');
    expect(await t.ctx.db.select().from(articleAttachments).where(eq(articleAttachments.articleId, article.id))).toEqual([]);
  });

  it('refuses a file over the limit with 413 articles.attachment_too_large and keeps nothing (declared and streamed)', async () => {
    const writer = await signInStaff(small);
    const article = await writeArticle(writer);
    const before = await storedFiles(small.filesDir);
    const declared = await uploadArticleFile(small, writer, article.id, 'big.bin', randomBytes(SMALL_LIMIT + 1));
    expectError(declared, 413, 'articles.attachment_too_large');
    expect(declared.json().error.message).toBe('The file is larger than 64 KiB.');
    const streamed = await uploadArticleFile(small, writer, article.id, 'stream.bin', Readable.from(Array.from({ length: 20 }, () => randomBytes(8 * 1024))));
    expectError(streamed, 413, 'articles.attachment_too_large');
    expect(await small.ctx.db.select().from(articleAttachments)).toEqual([]);
    expect(await storedFiles(small.filesDir)).toEqual(before);
    expect((await uploadArticleFile(small, writer, article.id, 'fits.bin', randomBytes(SMALL_LIMIT))).statusCode).toBe(201);
  });
});

describe('downloads', () => {
  it('serves images inline and other files as downloads, never sniffed, in the console, the portal and the public page', async () => {
    const article = await writePublishedArticle(s.engineer, { visibility: 'public' });
    const image = ArticleAttachment.parse((await uploadArticleFile(t, s.engineer, article.id, '화면 캡처.png', PNG)).json());
    t.clock.advance(1_000);
    const pdf = ArticleAttachment.parse((await uploadArticleFile(t, s.engineer, article.id, 'guide.pdf', PDF)).json());
    const view = ArticleView.parse((await s.customer.inject('GET', `${s.portal}/${article.id}`)).json());
    expect(view.attachments.map((a) => a.url)).toEqual([`${s.portal}/${article.id}/attachments/${image.id}`, `${s.portal}/${article.id}/attachments/${pdf.id}`]);
    const publicView = ArticleView.parse((await t.app.inject({ method: 'GET', url: `/api/v1/public/articles/${article.id}` })).json());
    expect(publicView.attachments[0]!.url).toBe(`/api/v1/public/articles/${article.id}/attachments/${image.id}`);

    const fetches = [
      () => s.engineer.inject('GET', image.url),
      () => s.customer.inject('GET', view.attachments[0]!.url),
      () => t.app.inject({ method: 'GET', url: publicView.attachments[0]!.url }),
    ];
    for (const fetch of fetches) {
      const response = await fetch();
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('image/png');
      expect(response.headers['content-disposition']).toMatch(/^inline; filename="__ __.png"; filename\*=UTF-8''%ED%99%94/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
      expect(response.rawPayload.equals(PNG)).toBe(true);
    }
    const document = await s.customer.inject('GET', view.attachments[1]!.url);
    expect(document.headers['content-type']).toBe('application/pdf');
    expect(document.headers['content-disposition']).toMatch(/^attachment; filename="guide.pdf"/);
    expect(document.rawPayload.equals(PDF)).toBe(true);
  });

  it('answers 404 for another article’s attachment, and for files of articles the reader may not read', async () => {
    const mine = await writePublishedArticle(s.engineer, { visibility: 'public' });
    const theirs = await writePublishedArticle(s.engineer, { visibility: 'public' });
    const file = ArticleAttachment.parse((await uploadArticleFile(t, s.engineer, theirs.id, 'a.txt', 'text')).json());
    expectError(await s.engineer.inject('GET', `${CONSOLE}/${mine.id}/attachments/${file.id}`), 404, 'articles.attachment_not_found');
    expectError(await s.customer.inject('GET', `${s.portal}/${mine.id}/attachments/${file.id}`), 404, 'articles.attachment_not_found');
    expectError(await t.app.inject({ method: 'GET', url: `/api/v1/public/articles/${mine.id}/attachments/${file.id}` }), 404, 'articles.attachment_not_found');
    expectError(await s.engineer.inject('DELETE', `${CONSOLE}/${mine.id}/attachments/${file.id}`), 404, 'articles.attachment_not_found');

    const forCustomers = await writePublishedArticle(s.engineer, { visibility: 'customers' });
    const internal = await writePublishedArticle(s.engineer, { visibility: 'internal' });
    const customersFile = ArticleAttachment.parse((await uploadArticleFile(t, s.engineer, forCustomers.id, 'c.txt', 'for customers')).json());
    const internalFile = ArticleAttachment.parse((await uploadArticleFile(t, s.engineer, internal.id, 'i.txt', 'internal')).json());
    expect((await s.customer.inject('GET', `${s.portal}/${forCustomers.id}/attachments/${customersFile.id}`)).statusCode).toBe(200);
    expectError(await t.app.inject({ method: 'GET', url: `/api/v1/public/articles/${forCustomers.id}/attachments/${customersFile.id}` }), 404, 'articles.not_found');
    expectError(await s.customer.inject('GET', `${s.portal}/${internal.id}/attachments/${internalFile.id}`), 404, 'articles.not_found');
    expect((await s.engineer.inject('GET', internalFile.url)).statusCode).toBe(200);
  });
});

describe('the search quick view of an article', () => {
  it('lists the article’s attachments at the reader’s own address, so that its images show there too', async () => {
    const article = await writePublishedArticle(s.engineer, { visibility: 'customers' });
    const image = ArticleAttachment.parse((await uploadArticleFile(t, s.engineer, article.id, 'topbar.png', PNG)).json());
    await t.drainJobs();
    const organizationBase = s.portal.replace(/\/articles$/, '');
    const portal = await s.customer.inject('GET', `${organizationBase}/search/preview/article/${article.id}`);
    expect(portal.statusCode, portal.body).toBe(200);
    const portalImage = SearchPreview.parse(portal.json()).attachments;
    expect(portalImage).toEqual([{ id: image.id, contentType: 'image/png', url: `${s.portal}/${article.id}/attachments/${image.id}` }]);
    expect((await s.customer.inject('GET', portalImage[0]!.url)).statusCode).toBe(200);
    const inConsole = await s.engineer.inject('GET', `/api/v1/console/search/preview/article/${article.id}`);
    expect(SearchPreview.parse(inConsole.json()).attachments.map((a) => a.url)).toEqual([image.url]);
  });
});

describe('DELETE /api/v1/console/articles/:articleId/attachments/:attachmentId', () => {
  it('removes the file and its bytes unless something else holds the same bytes; deleting the article removes its files', async () => {
    const first = await writeArticle(s.engineer);
    const second = await writeArticle(s.engineer);
    const bytes = randomBytes(300);
    const a = ArticleAttachment.parse((await uploadArticleFile(t, s.engineer, first.id, 'shared.bin', bytes)).json());
    const b = ArticleAttachment.parse((await uploadArticleFile(t, s.engineer, second.id, 'shared.bin', bytes)).json());
    expect((await s.engineer.inject('DELETE', `${CONSOLE}/${first.id}/attachments/${a.id}`)).statusCode).toBe(204);
    expect(await t.ctx.blobs.size(sha256(bytes))).toBe(bytes.length);
    expect((await auditOf(t, first.id)).at(-1)).toMatchObject({ action: 'article.attachment.deleted', details: { attachmentId: a.id } });
    expect((await s.engineer.inject('DELETE', `${CONSOLE}/${second.id}`)).statusCode).toBe(204);
    expect(await t.ctx.blobs.size(sha256(bytes))).toBeNull();
    expect(await t.ctx.db.select().from(articleAttachments).where(eq(articleAttachments.id, b.id))).toEqual([]);
  });
});
