import { recordCaseAudit } from './case-audit';
import type { Readable } from 'node:stream';
import { isClosedStatus } from '../../../common/cases';
import type { CaseAttachment } from '../../../common/schemas/cases';
import type { RequestOrigin, ServiceContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError, badRequest, conflict, forbidden } from '../../platform/errors';
import { formatBytes, type StagedBlob } from '../../platform/storage';
import { isBlobReferenced, lockBlob } from '../catalog/releases.repository';
import { lockCase, type CaseAccess, type CaseRow } from './case-access';
import { cleanAttachmentName, detectAttachmentType, servedContentType } from './case-attachments.files';
import {
  deleteAttachment,
  deleteDraftsBefore,
  findAttachmentOfCase,
  findOwnPost,
  insertAttachment,
  listAttachmentsOfCase,
  markAttachmentRemoved,
  type AttachmentRow,
  type AttachmentWithUploader,
} from './case-feed.repository';
import { notifyCase } from './case-notifications';
import { mayRemoveAttachment } from './cases.policy';
import { insertCaseEvent, updateCase } from './cases.repository';

/**
 * Files on a case and on its posts: uploaded as a raw streamed body up to the configured limit,
 * kept in the blob store by SHA-256, typed from their bytes, and served as downloads. A file on an
 * internal note is the engineers' only: customers never list or fetch it. A removed file keeps its
 * row as a tombstone (who removed it, when) without its bytes.
 */

/** The upload as the route hands it over: the raw body and its declared length. */
export interface AttachmentUpload {
  stream: Readable;
  contentLength: number | undefined;
}

/** Where an attachment is downloaded. */
export const attachmentUrl = (caseRow: Pick<CaseRow, 'id' | 'organizationId'>, attachmentId: string): string =>
  `/api/v1/organizations/${caseRow.organizationId}/cases/${caseRow.id}/attachments/${attachmentId}/content`;

/** An attachment row as the API shows it to the actor (whether they may remove it follows the policy). */
export function presentAttachment(access: Pick<CaseAccess, 'actor' | 'side' | 'caseRow'>, { attachment, uploaderName, removerName }: AttachmentWithUploader): CaseAttachment {
  const { caseRow } = access;
  const removed = attachment.removedAt === null ? null : { at: attachment.removedAt.toISOString(), by: attachment.removedBy ? { id: attachment.removedBy, name: removerName ?? '' } : null };
  return {
    id: attachment.id,
    name: attachment.name,
    contentType: attachment.contentType,
    size: attachment.size,
    postId: attachment.postId,
    uploadedBy: attachment.uploadedBy ? { id: attachment.uploadedBy, name: uploaderName ?? '', side: attachment.uploaderSide } : null,
    createdAt: attachment.createdAt.toISOString(),
    url: attachmentUrl(caseRow, attachment.id),
    removed,
    canRemove: removed === null && mayRemoveAttachment(access.side, caseRow.status, access.actor.userId, attachment.uploadedBy),
  };
}

const tooLarge = (maxBytes: number) => new AppError('cases.attachment_too_large', 413, { maxBytes, messageParams: { maxSize: formatBytes(maxBytes) } });

/** Streams the body into the blob store; 413 `cases.attachment_too_large` over the limit (nothing kept). */
async function stageAttachment(ctx: ServiceContext, stream: Readable): Promise<StagedBlob> {
  const maxBytes = ctx.config.caseAttachmentMaxBytes;
  try {
    return await ctx.blobs.stage(stream, { maxBytes });
  } catch (error) {
    if (error instanceof AppError && error.code === 'files.too_large') throw tooLarge(maxBytes);
    if (error instanceof AppError) throw error;
    throw badRequest('files.upload_incomplete');
  }
}

/** Deletes stored bytes that no release file and no case attachment holds any more (after a failed insert). */
async function reclaimBlob(ctx: ServiceContext, sha256: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await lockBlob(tx, sha256);
    if (!(await isBlobReferenced(tx, sha256))) await ctx.blobs.remove(sha256);
  });
}

/**
 * The history row and the activity log entry of a file now on the case: uploaded to it, or a draft
 * a post took. Like the note itself, a note's file stays out of the organization's own activity log.
 */
export async function recordAttachmentAdded(
  tx: Db,
  entry: { row: CaseRow; attachment: AttachmentRow; postId: string | null; actor: { userId: string; email: string }; origin: RequestOrigin; at: Date; internal: boolean },
): Promise<void> {
  const { row, attachment, postId, actor, origin, at, internal } = entry;
  const { id: attachmentId, name, size, contentType, sha256 } = attachment;
  await insertCaseEvent(tx, { caseId: row.id, kind: 'attachment_added', actorId: actor.userId, toValue: name, details: { attachmentId, name, size, ...(internal ? { internal: true } : {}) }, createdAt: at });
  await recordCaseAudit(tx, { row, action: 'case.attachment.added', actor: { userId: actor.userId, label: actor.email }, origin, at, details: { postId, attachmentId, name, contentType, size, sha256 }, internal });
}

/**
 * Stores a file on the case, on a post of the uploader's (`postId`, as an internal note's files
 * go), or as a draft for a post being written (`draft`): the name is checked and the declared size
 * refused at once when over the limit, then the bytes stream to the blob store; over the limit,
 * empty or broken off, nothing is kept. The type is read from the bytes. One transaction writes the
 * row, the history, the activity log and the notices (a draft: the row alone, its history written
 * when a post takes it); the blob is committed last.
 */
export async function uploadAttachment(
  ctx: ServiceContext,
  access: CaseAccess,
  rawName: string,
  upload: AttachmentUpload,
  origin: RequestOrigin,
  target: { postId?: string | undefined; draft?: boolean | undefined } = {},
): Promise<CaseAttachment> {
  const { actor, caseRow, side } = access;
  const { postId } = target;
  // A file for a post on its way (the composer's): nobody else sees it, nothing is told of it, until the post takes it.
  const draft = postId === undefined && target.draft === true;
  const name = cleanAttachmentName(rawName);
  if (!name) throw badRequest('files.invalid_name', { fieldErrors: { name: ['files.invalid_name'] } });
  // Engineers may add files to an internal note of a closed case; everything else needs it open.
  if (postId === undefined && isClosedStatus(caseRow.status)) throw conflict('cases.closed');
  const maxBytes = ctx.config.caseAttachmentMaxBytes;
  if (upload.contentLength !== undefined && upload.contentLength > maxBytes) throw tooLarge(maxBytes);

  const staged = await stageAttachment(ctx, upload.stream);
  let committed = false;
  try {
    if (staged.size === 0) throw badRequest('files.empty');
    const contentType = detectAttachmentType(staged.head, staged.size, name);
    const row = await ctx.db.transaction(async (tx) => {
      const locked = await lockCase(tx, caseRow.id);
      const post = postId === undefined ? null : await findOwnPost(tx, locked.id, postId, actor.userId);
      if (postId !== undefined && !post) throw new AppError('cases.post_not_found', 404);
      const internal = post?.visibility === 'internal';
      // The case may have been closed while the bytes were arriving.
      if (!internal && isClosedStatus(locked.status)) throw conflict('cases.closed');
      await lockBlob(tx, staged.sha256);
      const now = ctx.clock.now();
      const inserted = await insertAttachment(tx, {
        caseId: locked.id,
        organizationId: locked.organizationId,
        postId: post?.id ?? null,
        name,
        contentType,
        size: staged.size,
        sha256: staged.sha256,
        uploadedBy: actor.userId,
        uploaderSide: side,
        createdAt: now,
        draft,
      });
      if (draft) {
        await staged.commit();
        committed = true;
        return inserted;
      }
      await recordAttachmentAdded(tx, { row: locked, attachment: inserted, postId: post?.id ?? null, actor, origin, at: now, internal });
      const updated = await updateCase(tx, locked.id, { updatedAt: now });
      await notifyCase(tx, ctx, updated, { userId: actor.userId, side }, { kind: 'attachment', attachmentId: inserted.id, internal });
      // Last, so that a failed insert never leaves bytes behind; the blob lock keeps a removal of the same bytes out.
      await staged.commit();
      committed = true;
      return inserted;
    });
    return presentAttachment(access, { attachment: row, uploaderName: actor.name, removerName: null });
  } catch (error) {
    await staged.discard();
    if (committed) await reclaimBlob(ctx, staged.sha256);
    throw error;
  }
}

/** The case's attachments, oldest first; a customer does not see those on internal notes. */
export async function listCaseAttachments(ctx: ServiceContext, access: CaseAccess): Promise<{ items: CaseAttachment[] }> {
  const rows = await listAttachmentsOfCase(ctx.db, access.caseRow.id, { includeInternal: access.side === 'engineer' });
  return { items: rows.map((row) => presentAttachment(access, row)) };
}

/** What the content route streams. */
export interface OpenedAttachment {
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: Date;
}

const attachmentNotFound = () => new AppError('cases.attachment_not_found', 404);
const attachmentRemoved = () => new AppError('cases.attachment_removed', 410);

/** The attachment of the case as the actor may see it: 404 for one of another case and, for a customer, one on an internal note. */
async function findVisibleAttachment(db: Db, access: CaseAccess, attachmentId: string) {
  const found = await findAttachmentOfCase(db, access.caseRow.id, attachmentId);
  if (!found || (found.postVisibility === 'internal' && access.side !== 'engineer')) throw attachmentNotFound();
  // A draft is its uploader's alone until a post takes it.
  if (found.attachment.draft && found.attachment.uploadedBy !== access.actor.userId) throw attachmentNotFound();
  return found;
}

/**
 * An attachment to download: 404 `cases.attachment_not_found` for one of another case, one whose
 * bytes are gone, and, for a customer, one on an internal note; 410 `cases.attachment_removed` for
 * a removed one.
 */
export async function openAttachment(ctx: ServiceContext, access: CaseAccess, attachmentId: string): Promise<OpenedAttachment> {
  const { attachment } = await findVisibleAttachment(ctx.db, access, attachmentId);
  if (attachment.removedAt !== null || attachment.sha256 === null) throw attachmentRemoved();
  if ((await ctx.blobs.size(attachment.sha256)) === null) throw attachmentNotFound();
  return { name: attachment.name, contentType: servedContentType(attachment.contentType), size: attachment.size, sha256: attachment.sha256, createdAt: attachment.createdAt };
}

/**
 * Removes a file from the case (Zendesk's "redact attachment"): 404 `cases.attachment_not_found`
 * for one the actor cannot see, 403 `cases.attachment_remove_forbidden` unless the policy allows it
 * (engineers always, the uploader while the case is open), 410 `cases.attachment_removed` when it
 * already was. A file on a post, or removed by someone else than its uploader, stays as a
 * tombstone so the post and the history still name it; one its uploader withdraws before it is on
 * a post is deleted outright. One transaction writes the change, the activity log and the live
 * update; once it is committed the bytes go (reclaimBlob), unless another row holds the same ones
 * (the store is shared). A failed commit thus never leaves a live row without its bytes.
 */
export async function removeAttachment(ctx: ServiceContext, access: CaseAccess, attachmentId: string, origin: RequestOrigin): Promise<void> {
  const { actor, side } = access;
  const sha256 = await ctx.db.transaction(async (tx) => {
    // The case lock keeps a post from taking the file while it goes, and a second removal out.
    const locked = await lockCase(tx, access.caseRow.id);
    const { attachment, postVisibility } = await findVisibleAttachment(tx, access, attachmentId);
    const { sha256 } = attachment;
    // A draft (its uploader's alone, whatever became of the case) goes without a word: no history, no log, no notice.
    if (attachment.draft && sha256 !== null) {
      await deleteAttachment(tx, attachment.id);
      return sha256;
    }
    if (!mayRemoveAttachment(side, locked.status, actor.userId, attachment.uploadedBy)) throw forbidden('cases.attachment_remove_forbidden');
    if (attachment.removedAt !== null || sha256 === null) throw attachmentRemoved();
    const now = ctx.clock.now();
    const withdrawn = attachment.postId === null && attachment.uploadedBy === actor.userId;
    if (withdrawn) await deleteAttachment(tx, attachment.id);
    else await markAttachmentRemoved(tx, attachment.id, { removedAt: now, removedBy: actor.userId });
    const internal = postVisibility === 'internal';
    await insertCaseEvent(tx, { caseId: locked.id, kind: 'attachment_removed', actorId: actor.userId, fromValue: attachment.name, details: { attachmentId: attachment.id, name: attachment.name, size: attachment.size, ...(internal ? { internal: true } : {}) }, createdAt: now });
    const updated = await updateCase(tx, locked.id, { updatedAt: now });
    await recordCaseAudit(tx, {
      row: locked,
      action: 'case.attachment.removed',
      actor: { userId: actor.userId, label: actor.email },
      origin,
      at: now,
      details: { postId: attachment.postId, attachmentId: attachment.id, name: attachment.name, contentType: attachment.contentType, size: attachment.size, sha256, uploadedBy: attachment.uploadedBy, withdrawn },
      internal,
    });
    await notifyCase(tx, ctx, updated, { userId: actor.userId, side }, { kind: 'attachment', attachmentId: attachment.id, internal });
    return sha256;
  });
  await reclaimBlob(ctx, sha256);
}

/** How long a draft waits for its post before it is deleted (a composer closed without sending). */
export const DRAFT_ATTACHMENT_TTL_MS = 24 * 60 * 60 * 1000;
/** How often the drafts left behind are looked for. */
export const DRAFT_ATTACHMENTS_PRUNE_EVERY_MS = 60 * 60 * 1000;

/** Deletes the drafts no post took within a day, and their bytes where nothing else holds them; returns how many. */
export async function pruneDraftAttachments(ctx: ServiceContext): Promise<number> {
  const deleted = await deleteDraftsBefore(ctx.db, new Date(ctx.clock.now().getTime() - DRAFT_ATTACHMENT_TTL_MS));
  for (const sha256 of new Set(deleted.flatMap((row) => (row.sha256 ? [row.sha256] : [])))) await reclaimBlob(ctx, sha256);
  return deleted.length;
}
