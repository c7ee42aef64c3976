import { formatCaseNumber } from '../../../common/cases';
import { errorMessage } from '../../../common/errors';
import type { Locale } from '../../../common/locale';
import type { BulkCasesBody, BulkCasesResult, CaseLocator, Engineers } from '../../../common/schemas/cases';
import type { z } from 'zod';
import type { Actor } from '../../platform/actor';
import type { RequestOrigin, ServiceContext } from '../../platform/context';
import { AppError, conflict, notFound } from '../../platform/errors';
import { findOrganizationStanding } from '../organizations/organizations.repository';
import { lockCase } from './case-access';
import { applyAssignment, applyStatusChange, assertTransition, type CaseChanger } from './case-lifecycle';
import { caseSideFor } from './cases.policy';
import { findCaseById, findCaseByNumber, listEngineerUsers } from './cases.repository';

/** The console's case actions across organizations: bulk status and assignment, the engineers, finding a case by number. */

/**
 * Applies a status and/or an assignee to each case as the engineer, each in its own transaction
 * through the rules of the case page; the assignment follows the move (a refused move keeps the
 * assignee). A case already as asked (in the status, with the assignee) is listed as unchanged,
 * not as a failure: a selection of mixed cases set to one status is what bulk changes are for.
 * Failures are listed with their code and message; the others are applied.
 */
export async function bulkUpdateCases(ctx: ServiceContext, actor: Actor, body: BulkCasesBody, origin: RequestOrigin, locale: Locale): Promise<BulkCasesResult> {
  const result: BulkCasesResult = { updated: [], unchanged: [], failed: [] };
  for (const caseId of new Set(body.caseIds)) {
    try {
      const changed = await updateOneCase(ctx, actor, caseId, body, origin);
      (changed ? result.updated : result.unchanged).push(caseId);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const params = (error.details as { messageParams?: Record<string, string | number> } | undefined)?.messageParams;
      result.failed.push({ caseId, code: error.code, message: errorMessage(error.code, locale, params) });
    }
  }
  return result;
}

/** Applies the change to one case; false when the case was already as asked. */
async function updateOneCase(ctx: ServiceContext, actor: Actor, caseId: string, body: BulkCasesBody, origin: RequestOrigin): Promise<boolean> {
  const found = await findCaseById(ctx.db, caseId);
  if (!found) throw notFound('cases.not_found');
  const organization = await findOrganizationStanding(ctx.db, found.organizationId, actor.userId, actor.staffRole);
  if (!organization) throw notFound('cases.not_found');
  const side = caseSideFor(organization.standing, found.siteId);
  if (side !== 'engineer') throw notFound('cases.not_found');
  // An archived organization is read-only, as on its own routes.
  if (organization.organization.archivedAt) throw conflict('organizations.archived');
  const by: CaseChanger = { userId: actor.userId, label: actor.email, side };
  return ctx.db.transaction(async (tx) => {
    const locked = await lockCase(tx, caseId);
    let row = locked;
    if (body.status !== undefined && body.status !== row.status) {
      assertTransition(side, row.status, body.status);
      row = await applyStatusChange(tx, ctx, row, body.status, by, origin);
    }
    if (body.assigneeId !== undefined) row = await applyAssignment(tx, ctx, row, body.assigneeId, by, origin);
    // Changed when the status or the assignee now differs from what the case had.
    return row.status !== locked.status || row.assigneeId !== locked.assigneeId;
  });
}

/** Everyone a case may be assigned to: active vendor staff whose role answers cases. */
export async function listEngineers(ctx: ServiceContext): Promise<z.infer<typeof Engineers>> {
  return { items: await listEngineerUsers(ctx.db) };
}

/** The case with this 8-digit number or old-system number; 404 `cases.not_found` otherwise. */
export async function locateCase(ctx: ServiceContext, number: string): Promise<z.infer<typeof CaseLocator>> {
  const found = await findCaseByNumber(ctx.db, number.trim());
  if (!found) throw notFound('cases.not_found');
  return { id: found.id, organizationId: found.organizationId, number: formatCaseNumber(found.number) };
}
