import { recordCaseAudit } from './case-audit';
import { isClosedStatus, isWaitingOnCustomer } from '../../../common/cases';
import type { StaffRole } from '../../../common/permissions';
import type { CasePost, CasePostPage, CreatePostBody, MentionCandidate } from '../../../common/schemas/cases';
import type { RequestOrigin, ServiceContext } from '../../platform/context';
import { readAll, type Db } from '../../platform/db';
import { AppError, badRequest, conflict, forbidden } from '../../platform/errors';
import { lockCase, type CaseAccess } from './case-access';
import { presentAttachment, recordAttachmentAdded } from './case-attachments.service';
import {
  attachToPost,
  findPostWithAuthor,
  insertPost,
  insertPostMentions,
  listAttachmentsOfPosts,
  listMentionsOfPosts,
  listPostsPage,
  listRemoteSessions,
  lockAttachmentsOfCase,
  type PostPosition,
  type PostRow,
  type AttachmentRow,
} from './case-feed.repository';
import { applyStatusChange } from './case-lifecycle';
import { listMentionCandidates, resolveMentions } from './case-mentions';
import { notifyCase, subscribeToCase } from './case-notifications';
import { updateCase } from './cases.repository';

/**
 * A case's feed: posts by the customer's members and by engineers, newest first, and the engineers'
 * internal notes, which a customer never reads or hears of. A post may mention people (who are
 * notified and subscribed) and carry attachments uploaded before it.
 */

// ---- Cursor ----

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const encodeCursor = (position: PostPosition): string => Buffer.from(`${position.at}|${position.id}`, 'utf8').toString('base64url');

/** The position a cursor names; 400 `validation.failed` for anything this server did not write. */
function decodeCursor(cursor: string): PostPosition {
  const [at, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (rest.length > 0 || !at || !id || !TIMESTAMP.test(at) || !UUID.test(id) || Number.isNaN(Date.parse(at))) {
    throw badRequest('validation.failed', { in: 'querystring', fieldErrors: { cursor: ['invalid cursor'] } });
  }
  return { at, id };
}

// ---- Reading ----

/** Posts as the API shows them, with their authors, mentions and attachments (three queries for a page). */
async function presentPosts(db: Db, access: CaseAccess, rows: { post: PostRow; authorName: string | null; authorStaffRole: StaffRole | null }[]): Promise<CasePost[]> {
  const ids = rows.map((row) => row.post.id);
  const [mentions, attachments] = await readAll(db, [() => listMentionsOfPosts(db, ids), () => listAttachmentsOfPosts(db, ids)]);
  return rows.map(({ post, authorName, authorStaffRole }) => ({
    id: post.id,
    author: post.authorId ? { id: post.authorId, name: authorName ?? '', side: post.authorSide, staffRole: post.authorSide === 'engineer' ? authorStaffRole : null } : null,
    internal: post.visibility === 'internal',
    body: post.body,
    mentions: mentions.get(post.id) ?? [],
    attachments: attachments.filter((a) => a.attachment.postId === post.id).map((a) => presentAttachment(access, a)),
    createdAt: post.createdAt.toISOString(),
  }));
}

/** A page of the feed, newest first; a customer's has no internal notes. */
export async function listPosts(ctx: ServiceContext, access: CaseAccess, query: { cursor?: string | undefined; limit: number }): Promise<CasePostPage> {
  const before = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await listPostsPage(ctx.db, access.caseRow.id, { includeInternal: access.side === 'engineer', limit: query.limit + 1, ...(before ? { before } : {}) });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: await presentPosts(ctx.db, access, page),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.position, id: last.post.id }) : null,
  };
}

/** The people who may be mentioned on the case whose name or email contains `q`, at most ten. */
export async function findMentionCandidates(ctx: ServiceContext, access: CaseAccess, q: string): Promise<{ items: MentionCandidate[] }> {
  return { items: await listMentionCandidates(ctx.db, access.caseRow, q) };
}

/** The remote-support sessions linked to the case (the remote-support capability links them). */
export async function listCaseRemoteSessions(ctx: ServiceContext, access: CaseAccess) {
  const rows = await listRemoteSessions(ctx.db, access.caseRow.id);
  return { items: rows.map((row) => ({ sessionId: row.sessionId, linkedAt: row.linkedAt.toISOString() })) };
}

// ---- Writing ----

/** Checks the attachments a post takes: uploaded to this case by its author (on the case or as drafts), on no post yet. */
async function claimAttachments(tx: Db, caseId: string, authorId: string, ids: readonly string[]): Promise<AttachmentRow[]> {
  const unique = [...new Set(ids)];
  const rows = new Map((await lockAttachmentsOfCase(tx, caseId, unique)).map((row) => [row.id, row]));
  return unique.map((id) => {
    const row = rows.get(id);
    if (!row || row.uploadedBy !== authorId) throw new AppError('cases.attachment_not_found', 422, { attachmentId: id });
    // Removed by an engineer after it was uploaded: nothing left to post.
    if (row.removedAt !== null) throw new AppError('cases.attachment_removed', 422, { attachmentId: id });
    if (row.postId !== null) throw conflict('cases.attachment_in_use', { attachmentId: id });
    return row;
  });
}

/**
 * Writes a post or, for engineers, an internal note. A customer may not write internal notes (403);
 * a public post on a closed case answers 409 `cases.closed`. Mentions and attachments are checked
 * (422 / 409). A customer's reply to a case waiting on them sends it back to Researching; an
 * engineer's first public post stamps the first response. The author and the mentioned people are
 * subscribed. One transaction with the activity log and the notices.
 */
export async function createPost(ctx: ServiceContext, access: CaseAccess, body: CreatePostBody, origin: RequestOrigin): Promise<CasePost> {
  const { actor, side } = access;
  const internal = body.internal;
  if (internal && side !== 'engineer') throw forbidden();
  // A file uploaded to the case is visible to customers from that moment: an internal note's files
  // are uploaded to the note itself (upload with postId), never moved onto it.
  if (internal && body.attachmentIds.length > 0) throw new AppError('cases.note_attachments_after_post', 422);
  const postId = await ctx.db.transaction(async (tx) => {
    let row = await lockCase(tx, access.caseRow.id);
    if (!internal && isClosedStatus(row.status)) throw conflict('cases.closed');
    const mentions = await resolveMentions(tx, row, body.mentionIds, internal);
    const claimed = await claimAttachments(tx, row.id, actor.userId, body.attachmentIds);
    const attachmentIds = claimed.map((attachment) => attachment.id);
    const now = ctx.clock.now();
    const post = await insertPost(tx, {
      caseId: row.id,
      organizationId: row.organizationId,
      authorId: actor.userId,
      authorSide: side,
      visibility: internal ? 'internal' : 'public',
      body: body.body,
      createdAt: now,
    });
    await attachToPost(tx, attachmentIds, post.id);
    // Drafts come out with the post: the history and the log name them now, as an upload to the case does.
    for (const draft of claimed.filter((attachment) => attachment.draft)) {
      await recordAttachmentAdded(tx, { row, attachment: draft, postId: post.id, actor, origin, at: now, internal: false });
    }
    await insertPostMentions(tx, post.id, mentions.map((m) => m.id));
    // The way a help desk reopens a pending ticket on reply: the customer answered, the case is back with the engineers.
    if (!internal && side === 'customer' && isWaitingOnCustomer(row.status)) {
      row = await applyStatusChange(tx, ctx, row, 'researching', { userId: actor.userId, label: actor.email, side }, origin);
    }
    row = await updateCase(tx, row.id, { updatedAt: now, ...(!internal && side === 'engineer' && row.firstResponseAt === null ? { firstResponseAt: now } : {}) });
    await subscribeToCase(tx, row.id, actor.userId, 'follow');
    for (const mention of mentions) await subscribeToCase(tx, row.id, mention.id, 'mention');
    await recordCaseAudit(tx, {
      row,
      action: internal ? 'case.note.created' : 'case.post.created',
      actor: { userId: actor.userId, label: actor.email },
      origin,
      at: now,
      details: { postId: post.id, mentionIds: mentions.map((m) => m.id), attachmentIds, length: [...body.body].length },
      internal,
    });
    await notifyCase(tx, ctx, row, { userId: actor.userId, side }, { kind: 'post', postId: post.id, internal, mentionIds: mentions.map((m) => m.id) });
    return post.id;
  });
  const created = await findPostWithAuthor(ctx.db, postId);
  return (await presentPosts(ctx.db, access, [created!]))[0]!;
}
