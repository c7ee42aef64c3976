import { and, asc, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { CUSTOMER_ROLE_PERMISSIONS, CUSTOMER_ROLES, STAFF_ROLE_PERMISSIONS, STAFF_ROLES } from '../../../common/permissions';
import { caseAttachments, casePostMentions, casePosts, caseRemoteSessions, users } from '../../db/schema/index';
import type { Db } from '../../platform/db';
import { prepared } from '../../platform/prepared';
import { ALL_SITES_ROLES } from '../organizations/organizations.policy';

/**
 * The tables of a case's conversation: posts, their mentions, attachments and remote sessions, and
 * the people who may be mentioned. Callers say whether internal notes are included: a customer's
 * query never reads them.
 */

export type PostRow = typeof casePosts.$inferSelect;
export type AttachmentRow = typeof caseAttachments.$inferSelect;

/** Customer roles that see cases; staff roles that answer them. */
const CASE_VIEW_ROLES = CUSTOMER_ROLES.filter((role) => CUSTOMER_ROLE_PERMISSIONS[role].includes('case.view'));
const CASE_ANSWER_STAFF_ROLES = STAFF_ROLES.filter((role) => STAFF_ROLE_PERMISSIONS[role].includes('case.answer'));

const list = (values: readonly string[]): SQL => sql.join(
  values.map((value) => sql`${value}`),
  sql`, `,
);

/** The value of an ILIKE pattern matching `text` anywhere, with its wildcards escaped. */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// ---- Posts ----

/** Keyset position in a feed: a post's time with microseconds (as PostgreSQL keeps it) and id. */
export interface PostPosition {
  at: string;
  id: string;
}

/** A page of a case's posts, newest first, after `before` when given; each row carries its position. */
export async function listPostsPage(db: Db, caseId: string, options: { includeInternal: boolean; before?: PostPosition; limit: number }) {
  // The case page reads this at every visit: two prepared statements (first page, later pages).
  const build = (d: Db, after: boolean) =>
    d
      .select({
        post: casePosts,
        authorName: users.name,
        authorStaffRole: users.staffRole,
        position: sql<string>`to_char(${casePosts.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      })
      .from(casePosts)
      .leftJoin(users, eq(users.id, casePosts.authorId))
      .where(
        and(
          eq(casePosts.caseId, sql.placeholder('caseId')),
          or(sql`${sql.placeholder('includeInternal')}::boolean`, eq(casePosts.visibility, 'public')),
          after ? sql`(${casePosts.createdAt}, ${casePosts.id}) < (${sql.placeholder('beforeAt')}::timestamptz, ${sql.placeholder('beforeId')}::uuid)` : undefined,
        ),
      )
      .orderBy(desc(casePosts.createdAt), desc(casePosts.id))
      .limit(sql.placeholder('limit'))
      .prepare(after ? 'list_case_posts_after' : 'list_case_posts');
  const { before } = options;
  const statement = before ? prepared(db, 'list_case_posts_after', (d) => build(d, true)) : prepared(db, 'list_case_posts', (d) => build(d, false));
  return statement.execute({ caseId, includeInternal: options.includeInternal, limit: options.limit, ...(before ? { beforeAt: before.at, beforeId: before.id } : {}) });
}

/** One post with its author's name. */
export async function findPostWithAuthor(db: Db, postId: string) {
  const [row] = await db.select({ post: casePosts, authorName: users.name, authorStaffRole: users.staffRole }).from(casePosts).leftJoin(users, eq(users.id, casePosts.authorId)).where(eq(casePosts.id, postId)).limit(1);
  return row;
}

/** Inserts a post and returns it. */
export async function insertPost(db: Db, values: typeof casePosts.$inferInsert): Promise<PostRow> {
  const [row] = await db.insert(casePosts).values(values).returning();
  return row!;
}

/** Records the people a post mentions. */
export async function insertPostMentions(db: Db, postId: string, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .insert(casePostMentions)
    .values(userIds.map((userId) => ({ postId, userId })))
    .onConflictDoNothing();
}

/** The people the posts mention, with their names, by post. */
export async function listMentionsOfPosts(db: Db, postIds: readonly string[]): Promise<Map<string, { id: string; name: string }[]>> {
  const byPost = new Map<string, { id: string; name: string }[]>();
  if (postIds.length === 0) return byPost;
  const statement = prepared(db, 'list_post_mentions', (d) =>
    d
      .select({ postId: casePostMentions.postId, id: users.id, name: users.name })
      .from(casePostMentions)
      .innerJoin(users, eq(users.id, casePostMentions.userId))
      .where(sql`${casePostMentions.postId} = any(${sql.placeholder('postIds')}::uuid[])`)
      .orderBy(asc(users.name), asc(users.id))
      .prepare('list_post_mentions'),
  );
  const rows = await statement.execute({ postIds: [...postIds] });
  for (const row of rows) {
    const mentions = byPost.get(row.postId) ?? [];
    mentions.push({ id: row.id, name: row.name });
    byPost.set(row.postId, mentions);
  }
  return byPost;
}

// ---- Attachments ----

/** Who removed a file, joined apart from its uploader. */
const removers = alias(users, 'removers');
const attachmentColumns = { attachment: caseAttachments, uploaderName: users.name, removerName: removers.name };
export type AttachmentWithUploader = { attachment: AttachmentRow; uploaderName: string | null; removerName: string | null };

/** A post of the case written by this person, with its visibility, if any. */
export async function findOwnPost(db: Db, caseId: string, postId: string, authorId: string): Promise<{ id: string; visibility: 'public' | 'internal' } | undefined> {
  const [row] = await db
    .select({ id: casePosts.id, visibility: casePosts.visibility })
    .from(casePosts)
    .where(and(eq(casePosts.id, postId), eq(casePosts.caseId, caseId), eq(casePosts.authorId, authorId)))
    .limit(1);
  return row;
}

/** Inserts an attachment row and returns it. */
export async function insertAttachment(db: Db, values: typeof caseAttachments.$inferInsert): Promise<AttachmentRow> {
  const [row] = await db.insert(caseAttachments).values(values).returning();
  return row!;
}

/**
 * A case's attachments, oldest first: those on the case and those on its posts; without
 * `includeInternal`, the ones on internal notes are left out.
 */
export function listAttachmentsOfCase(db: Db, caseId: string, options: { includeInternal: boolean }): Promise<AttachmentWithUploader[]> {
  const query = db
    .select(attachmentColumns)
    .from(caseAttachments)
    .leftJoin(users, eq(users.id, caseAttachments.uploadedBy))
    .leftJoin(removers, eq(removers.id, caseAttachments.removedBy))
    .leftJoin(casePosts, eq(casePosts.id, caseAttachments.postId));
  const visible = options.includeInternal ? undefined : or(isNull(caseAttachments.postId), eq(casePosts.visibility, 'public'));
  // A draft is on no post yet: its uploader's composer shows it, the case does not.
  return query.where(and(eq(caseAttachments.caseId, caseId), eq(caseAttachments.draft, false), visible)).orderBy(asc(caseAttachments.createdAt), asc(caseAttachments.id));
}

/** The attachments of these posts, oldest first. */
export function listAttachmentsOfPosts(db: Db, postIds: readonly string[]): Promise<AttachmentWithUploader[]> {
  if (postIds.length === 0) return Promise.resolve([]);
  const statement = prepared(db, 'list_post_attachments', (d) =>
    d
      .select(attachmentColumns)
      .from(caseAttachments)
      .leftJoin(users, eq(users.id, caseAttachments.uploadedBy))
      .leftJoin(removers, eq(removers.id, caseAttachments.removedBy))
      .where(sql`${caseAttachments.postId} = any(${sql.placeholder('postIds')}::uuid[])`)
      .orderBy(asc(caseAttachments.createdAt), asc(caseAttachments.id))
      .prepare('list_post_attachments'),
  );
  return statement.execute({ postIds: [...postIds] });
}

/** One attachment of the case with the visibility of the post it is on (null: on the case itself). */
export async function findAttachmentOfCase(db: Db, caseId: string, attachmentId: string) {
  const [row] = await db
    .select({ attachment: caseAttachments, postVisibility: casePosts.visibility })
    .from(caseAttachments)
    .leftJoin(casePosts, eq(casePosts.id, caseAttachments.postId))
    .where(and(eq(caseAttachments.id, attachmentId), eq(caseAttachments.caseId, caseId)))
    .limit(1);
  return row;
}

/** The case's attachments with these ids, locked until the transaction ends. */
export function lockAttachmentsOfCase(db: Db, caseId: string, ids: readonly string[]): Promise<AttachmentRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(caseAttachments)
    .where(and(eq(caseAttachments.caseId, caseId), inArray(caseAttachments.id, [...ids])))
    .for('update');
}

/** Makes the attachment a tombstone: who removed it and when, without its bytes' hash (nothing holds them through it any more). */
export async function markAttachmentRemoved(db: Db, id: string, removal: { removedAt: Date; removedBy: string }): Promise<void> {
  await db.update(caseAttachments).set({ ...removal, sha256: null }).where(eq(caseAttachments.id, id));
}

/** Deletes an attachment row (a file its uploader withdrew before it was on a post). */
export async function deleteAttachment(db: Db, id: string): Promise<void> {
  await db.delete(caseAttachments).where(eq(caseAttachments.id, id));
}

/** Puts attachments on a post; drafts among them are drafts no more. */
export async function attachToPost(db: Db, ids: readonly string[], postId: string): Promise<void> {
  if (ids.length === 0) return;
  await db.update(caseAttachments).set({ postId, draft: false }).where(inArray(caseAttachments.id, [...ids]));
}

/** Deletes the drafts uploaded before `before` that no post took, and returns the hashes of their bytes. */
export async function deleteDraftsBefore(db: Db, before: Date): Promise<{ id: string; sha256: string | null }[]> {
  return db
    .delete(caseAttachments)
    .where(and(eq(caseAttachments.draft, true), lt(caseAttachments.createdAt, before)))
    .returning({ id: caseAttachments.id, sha256: caseAttachments.sha256 });
}

// ---- Remote sessions ----

/** The remote-support sessions linked to a case, newest first. */
export function listRemoteSessions(db: Db, caseId: string) {
  return db.select().from(caseRemoteSessions).where(eq(caseRemoteSessions.caseId, caseId)).orderBy(desc(caseRemoteSessions.linkedAt), asc(caseRemoteSessions.sessionId));
}

// ---- Mention candidates ----

export interface MentionCandidateRow {
  id: string;
  name: string;
  email: string;
  role: 'member' | 'account_manager' | 'success_manager';
}

/**
 * The people who may be mentioned on a case of a site: active members whose role sees cases and,
 * below admin, who were given the site or a site above it; and the organization's account manager
 * and customer success manager while they are active staff who answer cases (others could not open
 * the case). `q` matches name or email anywhere, ignoring case; `ids` narrows to these people.
 */
export async function listMentionCandidateRows(
  db: Db,
  options: { organizationId: string; siteId: string; q?: string; ids?: readonly string[]; limit: number },
): Promise<MentionCandidateRow[]> {
  const filters: SQL[] = [];
  if (options.q) {
    const pattern = containsPattern(options.q);
    filters.push(sql`(c.name ilike ${pattern} or c.email ilike ${pattern})`);
  }
  if (options.ids) {
    if (options.ids.length === 0) return [];
    filters.push(sql`c.id in (${list(options.ids.map(String))})`);
  }
  const where = filters.length > 0 ? sql`where ${sql.join(filters, sql` and `)}` : sql``;
  const result = await db.execute(sql`
    with recursive chain(id, parent_id) as (
      select id, parent_id from sites where id = ${options.siteId}
      union all
      select s.id, s.parent_id from sites s join chain on s.id = chain.parent_id
    ),
    team(user_id, role, rank) as (
      select account_manager_id, 'account_manager', 2 from organizations where id = ${options.organizationId}
      union all
      select success_manager_id, 'success_manager', 1 from organizations where id = ${options.organizationId}
    ),
    everyone(id, name, email, role, rank) as (
      select u.id, u.name, u.email, 'member', 0
        from members m join users u on u.id = m.user_id
       where m.organization_id = ${options.organizationId} and m.status = 'active' and u.status = 'active'
         and m.role in (${list(CASE_VIEW_ROLES)})
         and (m.role in (${list(ALL_SITES_ROLES)})
              or exists (select 1 from member_sites ms where ms.member_id = m.id and ms.site_id in (select id from chain)))
      union all
      select u.id, u.name, u.email, team.role, team.rank
        from team join users u on u.id = team.user_id
       where u.status = 'active' and u.staff_role in (${list(CASE_ANSWER_STAFF_ROLES)})
    ),
    c as (select distinct on (id) id, name, email, role from everyone order by id, rank desc)
    select id, name, email, role from c ${where}
     order by lower(name), id
     limit ${options.limit}`);
  return (result as unknown as { rows: MentionCandidateRow[] }).rows;
}
