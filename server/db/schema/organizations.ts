import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { users } from './users';

/** A customer organization (My Systems "organization", myOSIsoft "company"). */
export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  notes: text('notes'),
  /** Members must enrol a second sign-in step at their next sign-in. */
  requireMfa: boolean('require_mfa').notNull().default(false),
  /** Admins may invite with roles other than viewer (seed 002 invites as viewer by default). */
  allowInviteRoles: boolean('allow_invite_roles').notNull().default(false),
  /** The account team shown on Contact us: vendor staff users. */
  accountManagerId: uuid('account_manager_id').references(() => users.id, { onDelete: 'set null' }),
  successManagerId: uuid('success_manager_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  archivedAt: timestamp('archived_at', { withTimezone: true }),
  archivedBy: uuid('archived_by'),
});

/** A site of an organization; a site may hold sub-sites, like My Systems folders. */
export const sites = pgTable(
  'sites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => sites.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sites_organization_id_idx').on(t.organizationId), index('sites_parent_id_idx').on(t.parentId)],
);

/** A user's membership in an organization, with a role. */
export const members = pgTable(
  'members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['owner', 'admin', 'super', 'support', 'download', 'operator', 'viewer'] }).notNull(),
    status: text('status', { enum: ['active', 'inactive'] }).notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('members_organization_user_key').on(t.organizationId, t.userId), index('members_user_id_idx').on(t.userId)],
);

/** The sites a member below admin may act on. */
export const memberSites = pgTable(
  'member_sites',
  {
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.siteId] }), index('member_sites_site_id_idx').on(t.siteId)],
);

/**
 * An invitation to join an organization by email (My Systems): pending until accepted, revoked or
 * past its expiry (7 days). Only the SHA-256 of the emailed token is stored.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role', { enum: ['owner', 'admin', 'super', 'support', 'download', 'operator', 'viewer'] }).notNull(),
    /** Sites the new member may act on, for roles below admin. */
    siteIds: jsonb('site_ids').$type<string[]>().notNull().default([]),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedUserId: uuid('accepted_user_id').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('invitations_token_hash_key').on(t.tokenHash), index('invitations_organization_id_idx').on(t.organizationId, t.createdAt)],
);
