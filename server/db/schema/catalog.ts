import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

/** Text the vendor writes in both UI languages. */
export interface LocalizedText {
  en: string;
  ko: string;
}

/** System requirements of a component (myOSIsoft's gear icon). */
export interface SystemRequirements {
  os: string;
  cpu: string;
  memory: string;
  disk: string;
  prerequisites: string;
}

export const RESOURCE_TYPES = ['software', 'update', 'manual', 'release_notes', 'other'] as const;
export const BULLETIN_KINDS = ['notice', 'known_issue', 'document'] as const;

/** A product family (Storage, Collection, Visualization, Development by default; editable). */
export const productFamilies = pgTable('product_families', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  description: jsonb('description').$type<LocalizedText>().notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A product of the vendor's catalog (PI Server, PI Vision, …). */
export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => productFamilies.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('products_name_key').on(sql`lower(${t.name})`), index('products_family_id_idx').on(t.familyId)],
);

/** A component of a product, with its system requirements. */
export const productComponents = pgTable(
  'product_components',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    requirements: jsonb('requirements').$type<SystemRequirements>().notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('product_components_product_id_idx').on(t.productId)],
);

/** A release (version) of a product; customers see it once published. */
export const releases = pgTable(
  'releases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    version: text('version').notNull(),
    releasedOn: date('released_on').notNull(),
    notes: text('notes').notNull().default(''),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('releases_product_version_key').on(t.productId, sql`lower(${t.version})`), index('releases_product_released_on_idx').on(t.productId, t.releasedOn)],
);

/**
 * A file of a release. The bytes live in the blob store under their SHA-256 (content-addressed);
 * a removed file keeps its row (downloads answer 410) while its bytes may be reclaimed.
 */
export const releaseFiles = pgTable(
  'release_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    releaseId: uuid('release_id')
      .notNull()
      .references(() => releases.id, { onDelete: 'cascade' }),
    resourceType: text('resource_type', { enum: RESOURCE_TYPES }).notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [index('release_files_release_id_idx').on(t.releaseId), index('release_files_sha256_idx').on(t.sha256)],
);

/** Notices (alerts), known issues and related documents of a product, optionally of one release. */
export const productBulletins = pgTable(
  'product_bulletins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    releaseId: uuid('release_id').references(() => releases.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: BULLETIN_KINDS }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    url: text('url'),
    publishedOn: date('published_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('product_bulletins_product_kind_idx').on(t.productId, t.kind, t.publishedOn)],
);

/** A version of a product's licence agreement (EULA); the newest version is the one in force. */
export const licenseAgreements = pgTable(
  'license_agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('license_agreements_product_version_key').on(t.productId, t.version)],
);

/** Who agreed to which agreement version, when and from where ("I agree"). */
export const agreementAcceptances = pgTable(
  'agreement_acceptances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => licenseAgreements.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id').notNull(),
    ip: text('ip'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agreement_acceptances_user_agreement_idx').on(t.userId, t.agreementId)],
);

/** One download of a file: who, which file, for which site, when and from where. No foreign keys: a record outlives what it names. */
export const downloadEvents = pgTable(
  'download_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    fileId: uuid('file_id').notNull(),
    releaseId: uuid('release_id').notNull(),
    productId: uuid('product_id').notNull(),
    userId: uuid('user_id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    siteId: uuid('site_id').notNull(),
    ip: text('ip'),
    client: text('client'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('download_events_product_release_idx').on(t.productId, t.releaseId), index('download_events_org_occurred_at_idx').on(t.organizationId, t.occurredAt)],
);
