import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { products } from './catalog';
import { organizations, sites } from './organizations';
import { users } from './users';

export const CONTRACT_TIERS = ['standard', 'enhanced', 'premium'] as const;
export const CONTRACT_REMINDER_DAYS = [90, 30, 7] as const;

/**
 * A support contract (myOSIsoft's SRP). `scope = 'site'` is the site's contract and covers every
 * entitlement of the site that does not name its own; `scope = 'entitlement'` is one an
 * entitlement names because its dates or tier differ. Ends at the end of `ends_on` (UTC).
 */
export const supportContracts = pgTable(
  'support_contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'restrict' }),
    scope: text('scope', { enum: ['site', 'entitlement'] }).notNull(),
    tier: text('tier', { enum: CONTRACT_TIERS }).notNull(),
    reference: text('reference').notNull().default(''),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('support_contracts_site_scope_key').on(t.siteId).where(sql`scope = 'site'`),
    index('support_contracts_organization_id_idx').on(t.organizationId),
    index('support_contracts_ends_on_idx').on(t.endsOn),
  ],
);

/** A product licensed to a site, with the licensed quantity and, where it differs, its own contract. */
export const entitlements = pgTable(
  'entitlements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'restrict' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'restrict' }),
    quantity: integer('quantity').notNull(),
    contractId: uuid('contract_id').references(() => supportContracts.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('entitlements_site_product_key').on(t.siteId, t.productId),
    index('entitlements_organization_id_idx').on(t.organizationId),
    index('entitlements_product_id_idx').on(t.productId),
    index('entitlements_contract_id_idx').on(t.contractId),
  ],
);

/** A reminder email sent for a contract end date: each of 90, 30 and 7 days is sent once per end date. */
export const contractReminders = pgTable(
  'contract_reminders',
  {
    contractId: uuid('contract_id')
      .notNull()
      .references(() => supportContracts.id, { onDelete: 'cascade' }),
    endsOn: date('ends_on').notNull(),
    daysBefore: integer('days_before').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.endsOn, t.daysBefore] })],
);

/** A member's own display name for a licensed product of a site (the manual's step 5). */
export const productDisplayNames = pgTable(
  'product_display_names',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    entitlementId: uuid('entitlement_id')
      .notNull()
      .references(() => entitlements.id, { onDelete: 'cascade' }),
    displayName: text('display_name').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.entitlementId] })],
);
