import type { Readable } from 'node:stream';
import type { CatalogFile, UploadFileQuery } from '../../../common/schemas/catalog';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import type { RequestOrigin, ServiceContext } from '../../platform/context';
import { AppError, badRequest, notFound } from '../../platform/errors';
import { formatBytes, type StagedBlob } from '../../platform/storage';
import { queueSearchIndex } from '../search/search-index';
import { catalogAudit } from './catalog-support';
import { findProduct } from './catalog.repository';
import { contentMatchesType, normalizeContentType } from './content-type';
import { cleanFileName } from './file-name';
import { findFileWithRelease, findRelease, insertReleaseFile, isBlobReferenced, lockBlob, markFileRemoved, type ReleaseFileRow } from './releases.repository';

/** The upload as the route hands it over: the raw body stream and what the client declared. */
export interface UploadSource {
  stream: Readable;
  contentType: string | undefined;
  contentLength: number | undefined;
}

function presentUploaded(row: ReleaseFileRow): CatalogFile {
  return { id: row.id, fileName: row.fileName, resourceType: row.resourceType, contentType: row.contentType, size: row.size, sha256: row.sha256, createdAt: row.createdAt.toISOString() };
}

const tooLarge = (maxBytes: number) => new AppError('files.too_large', 413, { maxBytes, messageParams: { maxSize: formatBytes(maxBytes) } });

/** Streams the body into the blob store; 413 over the limit, `files.upload_incomplete` when the client broke off. */
async function stageUpload(ctx: ServiceContext, stream: Readable): Promise<StagedBlob> {
  try {
    return await ctx.blobs.stage(stream, { maxBytes: ctx.config.uploadMaxBytes });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw badRequest('files.upload_incomplete');
  }
}

/**
 * Stores a file of a release: checks the name and the declared size first (nothing read), streams
 * the bytes into the blob store, checks the declared type against the bytes, then commits the blob
 * and inserts the row together. On any failure nothing is kept.
 */
export async function uploadReleaseFile(ctx: ServiceContext, actor: Actor, releaseId: string, query: UploadFileQuery, source: UploadSource, origin: RequestOrigin): Promise<CatalogFile> {
  const release = await findRelease(ctx.db, releaseId);
  if (!release) throw notFound('catalog.not_found');
  const fileName = cleanFileName(query.fileName);
  if (!fileName) throw badRequest('files.invalid_name', { fieldErrors: { fileName: ['files.invalid_name'] } });
  const mediaType = normalizeContentType(source.contentType);
  if (!mediaType) throw new AppError('files.type_mismatch', 415, { declared: source.contentType, messageParams: { declared: String(source.contentType) } });
  const maxBytes = ctx.config.uploadMaxBytes;
  if (source.contentLength !== undefined && source.contentLength > maxBytes) throw tooLarge(maxBytes);

  const staged = await stageUpload(ctx, source.stream);
  let committed = false;
  try {
    if (staged.size === 0) throw badRequest('files.empty');
    if (!contentMatchesType(mediaType, staged.head)) throw new AppError('files.type_mismatch', 415, { declared: mediaType, messageParams: { declared: mediaType } });
    const product = await findProduct(ctx.db, release.productId);
    return await ctx.db.transaction(async (tx) => {
      await lockBlob(tx, staged.sha256);
      // The release may have been deleted while the bytes were arriving.
      if (!(await findRelease(tx, releaseId))) throw notFound('catalog.not_found');
      const row = await insertReleaseFile(tx, {
        releaseId,
        resourceType: query.resourceType,
        fileName,
        contentType: mediaType,
        size: staged.size,
        sha256: staged.sha256,
        uploadedBy: actor.userId,
      });
      await recordAudit(tx, {
        ...catalogAudit(actor, origin, 'release_file', row.id),
        action: 'catalog.file.uploaded',
        details: { productId: release.productId, product: product?.name ?? null, releaseId, version: release.version, fileName, resourceType: row.resourceType, size: row.size, sha256: row.sha256 },
      });
      await queueSearchIndex(tx, { kind: 'release', id: releaseId });
      // Last, so that a failed insert never leaves bytes behind; the blob lock keeps a removal of the same bytes out.
      await staged.commit();
      committed = true;
      return presentUploaded(row);
    });
  } catch (error) {
    await staged.discard();
    // The bytes were moved into place but the transaction did not commit: drop them unless another file holds them.
    if (committed) await reclaimBlobs(ctx, [staged.sha256]);
    throw error;
  }
}

/**
 * Removes a file from the catalog: the row stays (downloads answer 410 `files.gone`), the bytes go
 * when no other file still holds them.
 */
export async function removeReleaseFile(ctx: ServiceContext, actor: Actor, fileId: string, origin: RequestOrigin): Promise<void> {
  const sha256 = await ctx.db.transaction(async (tx) => {
    const found = await findFileWithRelease(tx, fileId);
    if (!found) throw notFound('catalog.not_found');
    const { file, release } = found;
    if (file.removedAt) throw new AppError('files.gone', 410);
    await markFileRemoved(tx, fileId, ctx.clock.now());
    await recordAudit(tx, {
      ...catalogAudit(actor, origin, 'release_file', fileId),
      action: 'catalog.file.removed',
      details: { productId: release.productId, releaseId: release.id, version: release.version, fileName: file.fileName, sha256: file.sha256 },
    });
    await queueSearchIndex(tx, { kind: 'release', id: release.id });
    return file.sha256;
  });
  await reclaimBlobs(ctx, [sha256]);
}

/** Deletes the stored bytes of each hash that no file row (not removed) holds any more. */
export async function reclaimBlobs(ctx: ServiceContext, hashes: readonly string[]): Promise<void> {
  for (const sha256 of new Set(hashes)) {
    await ctx.db.transaction(async (tx) => {
      await lockBlob(tx, sha256);
      if (!(await isBlobReferenced(tx, sha256))) await ctx.blobs.remove(sha256);
    });
  }
}
