import { formatCaseNumber } from '../../../common/cases';
import { recordAudit } from '../../platform/audit';
import type { RequestOrigin } from '../../platform/context';
import type { Db } from '../../platform/db';
import type { CaseRow } from './case-access';

/** The case actions in the activity log (their labels are in the web's activity feature). */
export type CaseAuditAction =
  | 'case.created'
  | 'case.status.changed'
  | 'case.assigned'
  | 'case.description.updated'
  | 'case.resolution.updated'
  | 'case.reopen.requested'
  | 'case.post.created'
  | 'case.note.created'
  | 'case.attachment.added'
  | 'case.attachment.removed'
  | 'case.link.added'
  | 'case.link.removed';

/**
 * Writes a case's change to the activity log, in the transaction of the change, with the case's
 * number in the details. `internal` keeps it out of the organization's own activity log (which its
 * owners read), for engineers' notes and their files; the organization stays in the details.
 */
export function recordCaseAudit(
  tx: Db,
  entry: {
    row: Pick<CaseRow, 'id' | 'number' | 'organizationId'>;
    action: CaseAuditAction;
    actor: { userId: string; label: string };
    origin: RequestOrigin;
    at: Date;
    details?: Record<string, unknown>;
    internal?: boolean;
  },
): Promise<void> {
  const { row, internal = false } = entry;
  return recordAudit(tx, {
    category: 'case',
    action: entry.action,
    actorUserId: entry.actor.userId,
    actorLabel: entry.actor.label,
    organizationId: internal ? null : row.organizationId,
    targetType: 'case',
    targetId: row.id,
    ip: entry.origin.ip,
    client: entry.origin.client,
    details: { number: formatCaseNumber(row.number), ...(internal ? { organizationId: row.organizationId } : {}), ...entry.details },
    occurredAt: entry.at,
  });
}
