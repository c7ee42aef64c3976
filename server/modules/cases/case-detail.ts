import { formatCaseNumber, isWaitingOnCustomer, reopenStanding, type CaseSide } from '../../../common/cases';
import type { Locale } from '../../../common/locale';
import type { z } from 'zod';
import { CaseHistoryEntry, type CaseDetail, type CaseHistory, type PersonRef } from '../../../common/schemas/cases';
import type { StaffRole } from '../../../common/permissions';
import type { ServiceContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { OrganizationStanding } from '../organizations/organizations.policy';
import { caseAbilities, caseSideFor } from './cases.policy';
import type { FastifyRequest } from 'fastify';
import { requireOrganizationAccess } from '../organizations/organization-access';
import { findCaseDetailRow, listCaseEvents, listPeople, type CaseDetailRow } from './cases.repository';
import { canCreateCaseOn } from './case-wizard.service';

/** Who looks at a case: the side they work it from and their standing in its organization. */
export interface CaseViewer {
  side: CaseSide;
  standing: OrganizationStanding;
}

/** A person as a case shows them: vendor staff are on the engineers' side, everybody else on the customer's. */
export function personRef(id: string | null, name: string | null, staffRole: StaffRole | null): PersonRef | null {
  if (!id || name === null) return null;
  return { id, name, side: staffRole ? 'engineer' : 'customer' };
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The case page: the case with names resolved, and what the viewer may do on it now. */
export async function presentCaseDetail(ctx: ServiceContext, caseId: string, viewer: CaseViewer, locale: Locale): Promise<CaseDetail> {
  const row = await findCaseDetailRow(ctx.db, caseId);
  if (!row) throw new AppError('cases.not_found', 404);
  return presentCaseDetailRow(ctx, row, viewer, locale);
}

/**
 * The case page for a request on `:caseId` in one query: the case of the path's organization with
 * its names, or 404 `cases.not_found` when the actor may not see it (the checks of requireCaseAccess).
 */
export async function readCaseDetail(ctx: ServiceContext, request: FastifyRequest, locale: Locale): Promise<CaseDetail> {
  const { organization, standing } = requireOrganizationAccess(request);
  const caseId = (request.params as { caseId: string }).caseId;
  const row = await findCaseDetailRow(ctx.db, caseId);
  if (!row || row.case.organizationId !== organization.id) throw new AppError('cases.not_found', 404);
  const side = caseSideFor(standing, row.case.siteId);
  if (!side) throw new AppError('cases.not_found', 404);
  return presentCaseDetailRow(ctx, row, { side, standing }, locale);
}

function presentCaseDetailRow(ctx: ServiceContext, row: CaseDetailRow, viewer: CaseViewer, locale: Locale): CaseDetail {
  const c = row.case;
  const now = ctx.clock.now();
  const windowDays = ctx.config.caseReopenWindowDays;
  const reopen = reopenStanding(c.status, c.closedAt, now, windowDays);
  // The related case shows only to someone who may see it (a member limited to other sites may not).
  const relatedVisible = c.relatedCaseId !== null && row.relatedNumber !== null && row.relatedSiteId !== null && caseSideFor(viewer.standing, row.relatedSiteId) !== null;
  return {
    id: c.id,
    organizationId: c.organizationId,
    organizationName: row.organizationName,
    number: formatCaseNumber(c.number),
    legacyNumber: c.legacyNumber,
    subject: c.subject,
    description: c.description,
    resolution: c.resolution,
    language: c.language,
    status: c.status,
    waitingOnCustomer: isWaitingOnCustomer(c.status),
    category: c.category,
    site: { id: c.siteId, name: row.siteName },
    productFamily: c.productFamilyId && row.familyName ? { id: c.productFamilyId, name: row.familyName[locale] } : null,
    product: c.productId && row.productName !== null ? { id: c.productId, name: row.productName } : null,
    release: c.releaseId && row.releaseVersion !== null ? { id: c.releaseId, version: row.releaseVersion } : null,
    requester: personRef(c.requesterId, row.requesterName, row.requesterStaffRole),
    assignee: personRef(c.assigneeId, row.assigneeName, row.assigneeStaffRole),
    relatedCase: relatedVisible ? { id: c.relatedCaseId!, number: formatCaseNumber(row.relatedNumber!), subject: row.relatedSubject! } : null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    closedAt: iso(c.closedAt),
    reopenUntil: iso(reopen.reopenUntil),
    firstResponseAt: iso(c.firstResponseAt),
    resolvedAt: iso(c.resolvedAt),
    abilities: caseAbilities(viewer.side, { status: c.status, closedAt: c.closedAt }, now, windowDays, canCreateCaseOn(viewer.standing, c.siteId)),
    attachmentMaxBytes: ctx.config.caseAttachmentMaxBytes,
  };
}

/**
 * A case's history, oldest first, with actors resolved. Assignment rows carry user ids in from/to;
 * their names are added in details (`fromName`, `toName`) for the page to show. Rows marked
 * `internal` in their details (about engineers' notes) are left out for customers, and kinds this
 * version does not know are skipped.
 */
export async function presentCaseHistory(ctx: ServiceContext, caseId: string, viewer: CaseViewer): Promise<z.infer<typeof CaseHistory>> {
  const kinds: readonly string[] = CaseHistoryEntry.shape.kind.options;
  const rows = (await listCaseEvents(ctx.db, caseId)).filter((row) => kinds.includes(row.kind) && (viewer.side === 'engineer' || row.details?.internal !== true));
  const assigneeIds = rows.filter((row) => row.kind === 'assignee').flatMap((row) => [row.fromValue, row.toValue]).filter((id): id is string => id !== null);
  const names = new Map((await listPeople(ctx.db, assigneeIds)).map((p) => [p.id, p.name]));
  const items: CaseHistoryEntry[] = rows.map((row) => {
    let details = row.details ?? null;
    if (row.kind === 'assignee') {
      details = { ...details, fromName: row.fromValue ? (names.get(row.fromValue) ?? null) : null, toName: row.toValue ? (names.get(row.toValue) ?? null) : null };
    }
    return {
      id: row.id,
      kind: row.kind as CaseHistoryEntry['kind'],
      actor: personRef(row.actorId, row.actorName, row.actorStaffRole),
      from: row.fromValue,
      to: row.toValue,
      details,
      createdAt: row.createdAt.toISOString(),
    };
  });
  return { items };
}
