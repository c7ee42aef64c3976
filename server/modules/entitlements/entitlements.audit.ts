import type { Actor } from '../../platform/actor';
import type { AuditEventInput } from '../../platform/audit';
import type { RequestOrigin } from '../../platform/context';
import type { SupportContractRow } from './entitlements.repository';

/** The activity-log fields every contract or entitlement change shares (category `contract`). */
export function contractAudit(
  actor: Actor,
  origin: RequestOrigin,
  event: { action: string; organizationId: string; targetType: 'contract' | 'entitlement' | 'site'; targetId: string; details: Record<string, unknown> },
): AuditEventInput {
  return {
    category: 'contract',
    action: event.action,
    actorUserId: actor.userId,
    actorLabel: actor.email,
    organizationId: event.organizationId,
    targetType: event.targetType,
    targetId: event.targetId,
    ip: origin.ip,
    client: origin.client,
    details: event.details,
  };
}

/** A contract as the activity log keeps it. */
export function contractSnapshot(row: SupportContractRow) {
  return { siteId: row.siteId, scope: row.scope, tier: row.tier, reference: row.reference, startsOn: row.startsOn, endsOn: row.endsOn };
}
