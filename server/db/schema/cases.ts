import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, index, integer, jsonb, pgSequence, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { CASE_CATEGORIES, CASE_LANGUAGES, CASE_LINK_KINDS, CASE_STATUSES } from '../../../common/cases';
import { productFamilies, products, releases } from './catalog';
import { organizations, sites } from './organizations';
import { users } from './users';

/** Case numbers: 8 digits, sequential, never reused (myOSIsoft shows them as 00123456-like numbers). */
export const caseNumberSeq = pgSequence('case_number_seq', { startWith: 10000001, minValue: 10000001, maxValue: 99999999, increment: 1 });

/**
 * A support case of a customer site (myOSIsoft Cases, seed 000 pp. 23–32). `legacy_number` keeps the
 * number a case carried in an older system. Time to first response and to resolution are stamped
 * once, for statistics.
 */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: integer('number').notNull().default(sql`nextval('case_number_seq')`),
    legacyNumber: text('legacy_number'),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'restrict' }),
    category: text('category', { enum: CASE_CATEGORIES }).notNull(),
    productFamilyId: uuid('product_family_id').references(() => productFamilies.id, { onDelete: 'set null' }),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'set null' }),
    releaseId: uuid('release_id').references(() => releases.id, { onDelete: 'set null' }),
    subject: text('subject').notNull(),
    description: text('description').notNull(),
    language: text('language', { enum: CASE_LANGUAGES }).notNull(),
    status: text('status', { enum: CASE_STATUSES }).notNull().default('new'),
    requesterId: uuid('requester_id').references(() => users.id, { onDelete: 'set null' }),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    resolution: text('resolution'),
    /** The closed case this one continues (a case opened after the reopen window). */
    relatedCaseId: uuid('related_case_id').references((): AnyPgColumn => cases.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** The first public post or status change by an engineer. */
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    /** The last time the case was closed or abandoned; cleared when it is reopened. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** The first time the case was closed (time to resolution). */
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    reopenCount: integer('reopen_count').notNull().default(0),
  },
  (t) => [
    uniqueIndex('cases_number_key').on(t.number),
    uniqueIndex('cases_legacy_number_key').on(t.legacyNumber),
    index('cases_organization_updated_idx').on(t.organizationId, t.updatedAt, t.id),
    index('cases_organization_site_idx').on(t.organizationId, t.siteId),
    // The Cases tab counts its three views at every request: an index-only scan instead of reading each case.
    index('cases_organization_status_idx').on(t.organizationId, t.status, t.siteId, t.requesterId),
    index('cases_requester_idx').on(t.requesterId, t.updatedAt),
    index('cases_queue_idx').on(t.status, t.updatedAt, t.id),
    index('cases_assignee_idx').on(t.assigneeId, t.status),
  ],
);

/**
 * How many cases each site has in each status, kept by the database itself: triggers on `cases`
 * (migration 0009) append a +1/−1 row to `case_count_changes` for every case inserted, deleted,
 * or moved to another status, site or organization, whatever writes it. A scheduled task folds
 * the changes into `case_counts`; a count is the sum of both, so it is exact at every moment.
 * Appending instead of updating a counter keeps concurrent case creations from queuing on one
 * row. No foreign keys: an organization's cases are deleted with it, and their −1 rows are
 * written while it goes.
 */
export const caseCounts = pgTable(
  'case_counts',
  {
    organizationId: uuid('organization_id').notNull(),
    siteId: uuid('site_id').notNull(),
    status: text('status', { enum: CASE_STATUSES }).notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.siteId, t.status] })],
);

/** Changes to `case_counts` not folded in yet (see there). */
export const caseCountChanges = pgTable(
  'case_count_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organizationId: uuid('organization_id').notNull(),
    siteId: uuid('site_id').notNull(),
    status: text('status', { enum: CASE_STATUSES }).notNull(),
    change: integer('change').notNull(),
  },
  (t) => [index('case_count_changes_organization_idx').on(t.organizationId)],
);

/**
 * What happened to a case, in order: creation, status changes, assignment, description and
 * resolution edits (with the previous text, so history is kept), reopen requests, links.
 */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.id)],
);

/** A post in a case's feed; `internal` posts are engineers' notes that customers never see. */
export const casePosts = pgTable(
  'case_posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorSide: text('author_side', { enum: ['customer', 'engineer'] }).notNull(),
    visibility: text('visibility', { enum: ['public', 'internal'] }).notNull().default('public'),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_posts_case_created_idx').on(t.caseId, t.createdAt, t.id)],
);

/** The people a post mentions; each is notified and subscribed to the case. */
export const casePostMentions = pgTable(
  'case_post_mentions',
  {
    postId: uuid('post_id')
      .notNull()
      .references(() => casePosts.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId] })],
);

/**
 * A file on a case or on one of its posts, kept in the blob store by its SHA-256. A removed file
 * stays as a tombstone (`removed_at`, `removed_by`) without its bytes: `sha256` is cleared so that
 * nothing counts the row as holding them.
 */
export const caseAttachments = pgTable(
  'case_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    postId: uuid('post_id').references(() => casePosts.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256'),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploaderSide: text('uploader_side', { enum: ['customer', 'engineer'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removedBy: uuid('removed_by').references(() => users.id, { onDelete: 'set null' }),
    /** Uploaded from a composer for a post not sent yet: its uploader's only until a post takes it; left a day, deleted. */
    draft: boolean('draft').notNull().default(false),
  },
  (t) => [
    index('case_attachments_case_idx').on(t.caseId, t.createdAt),
    index('case_attachments_drafts_idx').on(t.createdAt).where(sql`${t.draft}`),
    index('case_attachments_post_idx').on(t.postId),
    // Only a removed file is without its bytes.
    check('case_attachments_bytes_check', sql`${t.sha256} is not null or ${t.removedAt} is not null`),
  ],
);

/** Who follows a case (requester, mentioned people, assignee); they get its emails and feed items. */
export const caseSubscriptions = pgTable(
  'case_subscriptions',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: text('reason', { enum: ['requester', 'mention', 'assignee', 'follow'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.userId] }), index('case_subscriptions_user_idx').on(t.userId)],
);

/**
 * Content an engineer linked to a case: a knowledge article, a document (release file of a
 * document type, or bulletin) or a release. The title is kept so the link reads well after the
 * target goes.
 */
export const caseLinks = pgTable(
  'case_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: CASE_LINK_KINDS }).notNull(),
    targetId: uuid('target_id').notNull(),
    title: text('title').notNull(),
    addedBy: uuid('added_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('case_links_case_target_key').on(t.caseId, t.kind, t.targetId)],
);

/**
 * The link between a case and remote-support sessions. The remote-support capability owns the
 * sessions and adds the foreign key on `session_id` when its table lands; the case's Remote
 * sessions tab lists these rows.
 */
export const caseRemoteSessions = pgTable(
  'case_remote_sessions',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id').notNull(),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.sessionId] })],
);

/**
 * A person's choices: which case emails they get, which figures the home page's highlights panel
 * shows and which event kinds My feed lists. Null columns mean the defaults.
 */
export const userPreferences = pgTable('user_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  caseEmails: jsonb('case_emails').$type<string[]>(),
  homeHighlights: jsonb('home_highlights').$type<string[]>(),
  homeFeedKinds: jsonb('home_feed_kinds').$type<string[]>(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * My feed: one row per recipient for events about people (case updates on cases they follow,
 * mentions). Release and contract events are read from their own tables when the feed is built.
 */
export const feedItems = pgTable(
  'feed_items',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    caseId: uuid('case_id').references(() => cases.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    details: jsonb('details').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('feed_items_user_org_idx').on(t.userId, t.organizationId, t.id)],
);
