import type { Readable } from 'node:stream';
import type { ArticleAttachment } from '../../../common/schemas/knowledge';
import type { Actor } from '../../platform/actor';
import type { RequestOrigin, ServiceContext } from '../../platform/context';
import { AppError, badRequest } from '../../platform/errors';
import { formatBytes, type StagedBlob } from '../../platform/storage';
import { cleanAttachmentName, detectAttachmentType, servedContentType } from '../cases/case-attachments.files';
import { isBlobReferenced, lockBlob } from '../catalog/releases.repository';
import { recordArticleAudit } from './article-audit';
import { articleNotFound, consoleArticleBase, presentAttachment } from './article-present';
import { deleteArticleAttachment, findArticle, findArticleAttachment, insertArticleAttachment, lockArticle } from './articles.repository';

/**
 * Files and images of articles, stored like case attachments: the raw body streamed into the blob
 * store up to the case attachment limit, kept under its SHA-256, typed from its bytes (never from
 * what the client declared). Images are shown inline in the article; everything else downloads.
 * Adding or removing a file does not change the article's updatedAt, so an editor that uploads an
 * image while writing can still save its text.
 */

/** The upload as the route hands it over: the raw body and its declared length. */
export interface ArticleUpload {
  stream: Readable;
  contentLength: number | undefined;
}

/** Types a browser may show inline without running anything. */
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif']);

const tooLarge = (maxBytes: number) => new AppError('articles.attachment_too_large', 413, { maxBytes, messageParams: { max: formatBytes(maxBytes) } });
const attachmentNotFound = () => new AppError('articles.attachment_not_found', 404);

/** Streams the body into the blob store; 413 `articles.attachment_too_large` over the limit (nothing kept). */
async function stageUpload(ctx: ServiceContext, stream: Readable): Promise<StagedBlob> {
  const maxBytes = ctx.config.caseAttachmentMaxBytes;
  try {
    return await ctx.blobs.stage(stream, { maxBytes });
  } catch (error) {
    if (error instanceof AppError && error.code === 'files.too_large') throw tooLarge(maxBytes);
    if (error instanceof AppError) throw error;
    throw badRequest('files.upload_incomplete');
  }
}

/** Deletes stored bytes that nothing refers to any more (after an article or a file is deleted, or a failed insert). */
export async function reclaimArticleBlobs(ctx: ServiceContext, hashes: readonly string[]): Promise<void> {
  for (const sha256 of new Set(hashes)) {
    await ctx.db.transaction(async (tx) => {
      await lockBlob(tx, sha256);
      if (!(await isBlobReferenced(tx, sha256))) await ctx.blobs.remove(sha256);
    });
  }
}

/**
 * Stores a file on the article: the name checked (400 `files.invalid_name`), a declared size over
 * the limit refused at once, then the bytes streamed; over the limit, empty (400 `files.empty`) or
 * broken off, nothing is kept. The row and the activity entry are written in one transaction and
 * the blob is committed last.
 */
export async function uploadArticleAttachment(ctx: ServiceContext, actor: Actor, articleId: string, rawName: string, upload: ArticleUpload, origin: RequestOrigin): Promise<ArticleAttachment> {
  const name = cleanAttachmentName(rawName);
  if (!name) throw badRequest('files.invalid_name', { fieldErrors: { name: ['files.invalid_name'] } });
  if (!(await findArticle(ctx.db, articleId))) throw articleNotFound();
  const maxBytes = ctx.config.caseAttachmentMaxBytes;
  if (upload.contentLength !== undefined && upload.contentLength > maxBytes) throw tooLarge(maxBytes);

  const staged = await stageUpload(ctx, upload.stream);
  let committed = false;
  try {
    if (staged.size === 0) throw badRequest('files.empty');
    const contentType = detectAttachmentType(staged.head, staged.size, name);
    const row = await ctx.db.transaction(async (tx) => {
      // The article may have been deleted while the bytes were arriving.
      if (!(await lockArticle(tx, articleId))) throw articleNotFound();
      await lockBlob(tx, staged.sha256);
      const now = ctx.clock.now();
      const inserted = await insertArticleAttachment(tx, { articleId, fileName: name, contentType, size: staged.size, sha256: staged.sha256, uploadedBy: actor.userId, createdAt: now });
      await recordArticleAudit(tx, {
        articleId,
        action: 'article.attachment.added',
        actor: { userId: actor.userId, label: actor.email },
        origin,
        at: now,
        details: { attachmentId: inserted.id, name, contentType, size: staged.size, sha256: staged.sha256 },
      });
      // Last, so that a failed insert never leaves bytes behind; the blob lock keeps a removal of the same bytes out.
      await staged.commit();
      committed = true;
      return inserted;
    });
    return presentAttachment(row, consoleArticleBase(articleId));
  } catch (error) {
    await staged.discard();
    if (committed) await reclaimArticleBlobs(ctx, [staged.sha256]);
    throw error;
  }
}

/** Deletes a file of the article (and its bytes when nothing else holds them); 404 for one of another article. */
export async function removeArticleAttachment(ctx: ServiceContext, actor: Actor, articleId: string, attachmentId: string, origin: RequestOrigin): Promise<void> {
  const sha256 = await ctx.db.transaction(async (tx) => {
    if (!(await lockArticle(tx, articleId))) throw articleNotFound();
    const found = await findArticleAttachment(tx, articleId, attachmentId);
    if (!found) throw attachmentNotFound();
    const now = ctx.clock.now();
    await deleteArticleAttachment(tx, found.id);
    await recordArticleAudit(tx, {
      articleId,
      action: 'article.attachment.deleted',
      actor: { userId: actor.userId, label: actor.email },
      origin,
      at: now,
      details: { attachmentId: found.id, name: found.fileName, sha256: found.sha256 },
    });
    return found.sha256;
  });
  await reclaimArticleBlobs(ctx, [sha256]);
}

/** What the download routes stream. */
export interface OpenedArticleFile {
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  /** Shown in the page (an image) rather than downloaded. */
  inline: boolean;
}

/**
 * A file of the article to download, for a reader already allowed to read the article: 404
 * `articles.attachment_not_found` for one of another article or whose bytes are gone. The type is
 * the stored one when inert, else opaque bytes.
 */
export async function openArticleAttachment(ctx: ServiceContext, articleId: string, attachmentId: string): Promise<OpenedArticleFile> {
  const found = await findArticleAttachment(ctx.db, articleId, attachmentId);
  if (!found || (await ctx.blobs.size(found.sha256)) === null) throw attachmentNotFound();
  const contentType = servedContentType(found.contentType);
  return { name: found.fileName, contentType, size: found.size, sha256: found.sha256, inline: INLINE_TYPES.has(contentType) };
}
