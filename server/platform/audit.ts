import { auditEvents } from '../db/schema/index';
import type { Db } from './db';

export type AuditCategory = 'sign_in' | 'account' | 'organization' | 'site' | 'member' | 'settings' | 'token' | 'system' | 'catalog' | 'contract' | 'download' | 'case' | 'article';

export interface AuditEventInput {
  category: AuditCategory;
  action: string;
  actorUserId?: string | null;
  actorLabel?: string | null;
  organizationId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  client?: string | null;
  details?: Record<string, unknown> | null;
  occurredAt?: Date;
}

/** Appends one event to the activity log; call it with the transaction that makes the change. */
export async function recordAudit(db: Db, event: AuditEventInput): Promise<void> {
  await auditInsert(db, event);
}

/**
 * The insert of one activity log event, not yet run: awaited, it runs alone (as `recordAudit`);
 * its `getSQL()` can join a statement that makes the change, as a data-modifying CTE.
 */
export function auditInsert(db: Db, event: AuditEventInput) {
  return db.insert(auditEvents).values({
    category: event.category,
    action: event.action,
    actorUserId: event.actorUserId ?? null,
    actorLabel: event.actorLabel ?? null,
    organizationId: event.organizationId ?? null,
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    ip: event.ip ?? null,
    client: event.client ?? null,
    details: event.details ?? null,
    ...(event.occurredAt ? { occurredAt: event.occurredAt } : {}),
  });
}
