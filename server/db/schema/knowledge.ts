import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, date, index, integer, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ARTICLE_LANGUAGES, ARTICLE_STATUSES, ARTICLE_VISIBILITIES, SEARCH_KINDS } from '../../../common/knowledge';
import { cases } from './cases';
import { products } from './catalog';
import { organizations, sites } from './organizations';
import { users } from './users';

/** PostgreSQL's `tsvector`; written from the search tokenizer's output, never parsed by a text search configuration. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * A knowledge article (myOSIsoft 기술 자료, seed 000 pp. 33–35): what is shared by all of its
 * languages — visibility, product tags, verification, votes and views, and the case it came from.
 * The words live in `article_translations`, one row per language.
 */
export const articles = pgTable(
  'articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visibility: text('visibility', { enum: ARTICLE_VISIBILITIES }).notNull().default('internal'),
    /** The closed case whose resolution this article was written from. */
    sourceCaseId: uuid('source_case_id').references(() => cases.id, { onDelete: 'set null' }),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedBy: uuid('verified_by').references(() => users.id, { onDelete: 'set null' }),
    /** When the verification lapses and the article asks for review (null: never). */
    verificationExpiresAt: timestamp('verification_expires_at', { withTimezone: true }),
    viewCount: integer('view_count').notNull().default(0),
    helpfulCount: integer('helpful_count').notNull().default(0),
    notHelpfulCount: integer('not_helpful_count').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('articles_source_case_idx').on(t.sourceCaseId), index('articles_verification_expires_idx').on(t.verificationExpiresAt)],
);

/** One language of an article: its own words, draft or published on its own. */
export const articleTranslations = pgTable(
  'article_translations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    language: text('language', { enum: ARTICLE_LANGUAGES }).notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    /** Markdown sections: the issue, the environment (products and versions) and the resolution. */
    issue: text('issue').notNull().default(''),
    environment: text('environment').notNull().default(''),
    resolution: text('resolution').notNull().default(''),
    status: text('status', { enum: ARTICLE_STATUSES }).notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('article_translations_article_language_key').on(t.articleId, t.language)],
);

/** The products an article is about (its product tags). */
export const articleProducts = pgTable(
  'article_products',
  {
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.productId] }), index('article_products_product_idx').on(t.productId)],
);

/** "Was this helpful?": one vote per person per article (1 up, -1 down). */
export const articleVotes = pgTable(
  'article_votes',
  {
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    value: smallint('value').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.userId] })],
);

/**
 * Who has read an article on which day (UTC), so that a view counts once per reader per day and
 * not once per reload (Outline counts views per person the same way). A signed-in reader is
 * `user:<id>`; one not signed in is `anon:` and a keyed hash of their address and browser (the
 * address itself is never stored). Rows older than yesterday are pruned by the scheduler.
 */
export const articleViews = pgTable(
  'article_views',
  {
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    viewer: text('viewer').notNull(),
    viewedOn: date('viewed_on', { mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.viewer, t.viewedOn] }), index('article_views_viewed_on_idx').on(t.viewedOn)],
);

/** A file or image of an article; the bytes live in the blob store under their SHA-256. */
export const articleAttachments = pgTable(
  'article_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('article_attachments_article_idx').on(t.articleId), index('article_attachments_sha256_idx').on(t.sha256)],
);

/**
 * The one search index: a row per findable thing (an article translation, a document, a release, a
 * case), written by the durable job queue. `tsv` holds the search tokenizer's tokens with weights A
 * (title), B (summary) and C (body); who may see a row is decided from `organization_id`,
 * `site_id`, `audience`, `published` and `product_ids`.
 */
export const searchEntries = pgTable(
  'search_entries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind', { enum: SEARCH_KINDS }).notNull(),
    /** The indexed row: article translation, release file or bulletin, release, case. */
    sourceId: uuid('source_id').notNull(),
    /** What a result opens: the article (for a translation), the release, the bulletin or file, the case. */
    targetId: uuid('target_id').notNull(),
    /** Document subtype: manual, release_notes, notice, known_issue, document. */
    subtype: text('subtype'),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    siteId: uuid('site_id').references(() => sites.id, { onDelete: 'cascade' }),
    /** internal, customers or public for articles; customers for documents and releases; organization for cases. */
    audience: text('audience').notNull(),
    published: boolean('published').notNull(),
    verified: boolean('verified').notNull().default(false),
    language: text('language'),
    productIds: uuid('product_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** The case number (and old number) or the version, matched exactly. */
    reference: text('reference'),
    title: text('title').notNull(),
    /** Plain text the snippet is cut from (the summary and body, shortened). */
    body: text('body').notNull(),
    /** Words the entry is also found by but never shown (a document's kind in both languages, a bulletin's product). */
    keywords: text('keywords').notNull().default(''),
    tsv: tsvector('tsv').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // Source first: a kind alone (a third of the rows) is never worth an index scan beside the GIN.
    uniqueIndex('search_entries_source_kind_key').on(t.sourceId, t.kind),
    index('search_entries_tsv_idx').using('gin', t.tsv),
    // The title's tokens (weight A) alone: above the counted matches, title matches are still ranked.
    index('search_entries_title_tsv_idx').using('gin', sql`ts_filter(${t.tsv}, '{a}')`),
    index('search_entries_organization_idx').on(t.organizationId),
    index('search_entries_target_idx').on(t.targetId),
  ],
);

/** Latin words of the index and how many entries hold them: the vocabulary typos are corrected against (pg_trgm). */
export const searchTerms = pgTable(
  'search_terms',
  {
    term: text('term').primaryKey(),
    entries: integer('entries').notNull().default(0),
  },
  (t) => [index('search_terms_trgm_idx').using('gin', sql`${t.term} gin_trgm_ops`)],
);

/**
 * A version number for each part of the search index, kept by the database itself: triggers
 * (migration 0010) raise it whenever what a search could answer changes. Scope `''` is what every
 * reader shares (articles, documents, releases, product names); an organization's id is its cases
 * and its licensed products. The search result cache keeps an answer only while the versions it
 * was computed at still stand. Never reset: a version only grows.
 */
export const searchGenerations = pgTable('search_generations', {
  scope: text('scope').primaryKey(),
  generation: bigint('generation', { mode: 'number' }).notNull(),
});

/**
 * A suggested article a customer opened from the case wizard. `case_id` is stamped when that wizard
 * submits a case; an opening whose wizard never submits counts as deflected.
 */
export const articleSuggestionOpens = pgTable(
  'article_suggestion_opens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** A random id the wizard picks when it opens; the case it submits carries it. */
    wizardId: uuid('wizard_id').notNull(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id').references(() => cases.id, { onDelete: 'set null' }),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('article_suggestion_opens_wizard_idx').on(t.wizardId), index('article_suggestion_opens_org_opened_idx').on(t.organizationId, t.openedAt)],
);
