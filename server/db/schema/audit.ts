import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The append-only activity log. No foreign keys: an event outlives what it describes.
 * The id is an identity column so that paging by id is stable and cheap.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label'),
    organizationId: uuid('organization_id'),
    category: text('category').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    ip: text('ip'),
    client: text('client'),
    details: jsonb('details'),
  },
  (t) => [
    index('audit_events_occurred_at_idx').on(t.occurredAt),
    index('audit_events_org_occurred_at_idx').on(t.organizationId, t.occurredAt),
    index('audit_events_category_occurred_at_idx').on(t.category, t.occurredAt),
    index('audit_events_org_category_occurred_at_idx').on(t.organizationId, t.category, t.occurredAt),
    index('audit_events_actor_occurred_at_idx').on(t.actorUserId, t.occurredAt),
  ],
);
