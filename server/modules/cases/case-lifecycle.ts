import { recordCaseAudit } from './case-audit';
import { isClosedStatus, isTransitionAllowed, type CaseSide, type CaseStatus } from '../../../common/cases';
import type { RequestOrigin, ServiceContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { CaseRow } from './case-access';
import { notifyCase, subscribeToCase } from './case-notifications';
import { searchIndexJob } from '../search/search-index';
import { mayTransition } from './cases.policy';
import { ENGINEER_ROLES, insertCaseEvent, listPeople, updateCase } from './cases.repository';

/**
 * The changes of a case's status and assignee, inside a transaction the caller owns (with the case
 * row locked): the case page, the console's bulk actions and the reopen request share them, so a
 * rule holds whichever way a change arrives.
 */

/** Who makes a change, for the history, the activity log and the notices. */
export interface CaseChanger {
  userId: string;
  /** Shown in the activity log (the email). */
  label: string;
  side: CaseSide;
}

/**
 * Refuses a move the rules do not allow: 409 `cases.status_changed` when the actor saw another
 * status, 409 `cases.transition_not_allowed` when the table has no such move, 403
 * `cases.transition_forbidden` when it is not this side's; 403 `cases.reopen_by_request` for a
 * customer moving a closed case (they send a reopen request).
 */
export function assertTransition(side: CaseSide, from: CaseStatus, to: CaseStatus, expectedStatus?: CaseStatus): void {
  if (expectedStatus !== undefined && expectedStatus !== from) throw new AppError('cases.status_changed', 409, { status: from });
  if (!isTransitionAllowed(from, to)) throw new AppError('cases.transition_not_allowed', 409, { from, to, messageParams: { from, to } });
  if (!mayTransition(side, from, to)) {
    if (side === 'customer' && isClosedStatus(from)) throw new AppError('cases.reopen_by_request', 403, { from, to });
    throw new AppError('cases.transition_forbidden', 403, { from, to, messageParams: { to } });
  }
}

/**
 * The columns a move changes: updated_at always; closing stamps closed_at (and resolved_at the
 * first time); leaving a closed status clears closed_at and counts a reopen. A move never stamps
 * the first response: only the engineers' first public post does (`createPost`), as a help desk
 * counts the first reply time.
 */
export function statusChangeValues(row: Pick<CaseRow, 'status' | 'resolvedAt' | 'reopenCount'>, to: CaseStatus, now: Date) {
  const values: Parameters<typeof updateCase>[2] = { status: to, updatedAt: now };
  if (isClosedStatus(to)) {
    values.closedAt = now;
    if (row.resolvedAt === null) values.resolvedAt = now;
  } else if (isClosedStatus(row.status)) {
    values.closedAt = null;
    values.reopenCount = row.reopenCount + 1;
  }
  return values;
}

/** Moves a locked case to a status (checked by the caller): the row, a history row, the activity log, the notices. */
export async function applyStatusChange(tx: Db, ctx: ServiceContext, row: CaseRow, to: CaseStatus, by: CaseChanger, origin: RequestOrigin): Promise<CaseRow> {
  const now = ctx.clock.now();
  const from = row.status;
  const updated = await updateCase(tx, row.id, statusChangeValues(row, to, now));
  await insertCaseEvent(tx, { caseId: row.id, kind: 'status', actorId: by.userId, fromValue: from, toValue: to, createdAt: now });
  await recordCaseAudit(tx, { row, action: 'case.status.changed', actor: by, origin, at: now, details: { from, to } });
  await notifyCase(tx, ctx, updated, { userId: by.userId, side: by.side }, { kind: 'status', from, to }, { alsoQueue: [searchIndexJob({ kind: 'case', id: row.id })] });
  return updated;
}

/**
 * Assigns a locked case to an engineer, or to nobody (null). The assignee must be an active vendor
 * staff user whose role answers cases, else 422 `cases.assignee_not_engineer`; they are subscribed.
 * The same assignee again changes nothing.
 */
export async function applyAssignment(tx: Db, ctx: ServiceContext, row: CaseRow, assigneeId: string | null, by: CaseChanger, origin: RequestOrigin): Promise<CaseRow> {
  if (assigneeId !== null) {
    const [person] = await listPeople(tx, [assigneeId]);
    if (!person || person.status !== 'active' || !person.staffRole || !ENGINEER_ROLES.includes(person.staffRole)) throw new AppError('cases.assignee_not_engineer', 422);
  }
  if (row.assigneeId === assigneeId) return row;
  const now = ctx.clock.now();
  const updated = await updateCase(tx, row.id, { assigneeId, updatedAt: now });
  if (assigneeId !== null) await subscribeToCase(tx, row.id, assigneeId, 'assignee');
  await insertCaseEvent(tx, { caseId: row.id, kind: 'assignee', actorId: by.userId, fromValue: row.assigneeId, toValue: assigneeId, createdAt: now });
  await recordCaseAudit(tx, { row, action: 'case.assigned', actor: by, origin, at: now, details: { from: row.assigneeId, to: assigneeId } });
  await notifyCase(tx, ctx, updated, { userId: by.userId, side: by.side }, { kind: 'assigned', assigneeId });
  return updated;
}
