import { recordCaseAudit } from './case-audit';
import { formatCaseNumber, isClosedStatus, reopenStanding } from '../../../common/cases';
import type { Locale } from '../../../common/locale';
import type { z } from 'zod';
import type { AssignBody, CaseDetail, CaseHistory, CreateCaseBody, CreatedCase, ReopenBody, TransitionBody, UpdateCaseBody } from '../../../common/schemas/cases';
import type { Actor } from '../../platform/actor';
import type { RequestOrigin, ServiceContext } from '../../platform/context';
import { AppError, forbidden, notFound } from '../../platform/errors';
import { assertContractAllowsAccess, findSiteWithContract, standingOf } from '../entitlements/contract-standing';
import type { OrganizationAccess } from '../organizations/organization-access';
import { queueSearchIndex, searchIndexJob } from '../search/search-index';
import { stampSuggestionOpens } from '../search/suggestions.service';
import { lockCase, type CaseAccess } from './case-access';
import { presentCaseDetail, presentCaseHistory } from './case-detail';
import { applyAssignment, applyStatusChange, assertTransition, statusChangeValues, type CaseChanger } from './case-lifecycle';
import { notifyCase, subscribeToCase } from './case-notifications';
import { caseSideFor } from './cases.policy';
import { findCaseOfOrganization, insertCaseEvent, insertNewCase, insertCustomerPost, updateCase } from './cases.repository';
import { assertProductChoice, canCreateCaseOn } from './case-wizard.service';

/**
 * The life of a support case (issue 6): opening it, the case page, the engineers' description and
 * resolution, status moves by the transition table, the customer's reopen request, assignment and
 * the history. Each change is one transaction with its history row, activity log entry and notices.
 */

const changerOf = (access: CaseAccess): CaseChanger => ({ userId: access.actor.userId, label: access.actor.email, side: access.side });
const viewerOf = (access: CaseAccess) => ({ side: access.side, standing: access.standing });
const requireEngineer = (access: CaseAccess) => {
  if (access.side !== 'engineer') throw forbidden();
};

/** The portal page of a case, for links and emails. */
export function casePortalUrl(ctx: ServiceContext, organizationId: string, caseId: string): string {
  return `${ctx.baseUrl}/portal/cases/${caseId}?organization=${organizationId}`;
}

/**
 * Opens a case on a site the actor may open cases for, whose contract allows it (else 403
 * `contract.expired` / `contract.none`), about products of the site's entitlements, optionally
 * continuing a closed case of the organization.
 */
export async function createCase(ctx: ServiceContext, actor: Actor, access: OrganizationAccess, body: CreateCaseBody, origin: RequestOrigin): Promise<CreatedCase> {
  const organizationId = access.organization.id;
  const found = await findSiteWithContract(ctx.db, organizationId, body.siteId);
  if (!found) throw notFound('sites.not_found');
  const { site, contract } = found;
  if (!canCreateCaseOn(access.standing, site.id)) throw forbidden('cases.site_not_allowed');
  const now = ctx.clock.now();
  assertContractAllowsAccess(standingOf(contract, now));
  await assertProductChoice(ctx.db, organizationId, site.id, body);
  const relatedCaseId = body.relatedCaseId ?? null;
  if (relatedCaseId !== null) {
    const related = await findCaseOfOrganization(ctx.db, organizationId, relatedCaseId);
    if (!related || caseSideFor(access.standing, related.siteId) === null) throw new AppError('cases.related_case_not_found', 422);
    if (!isClosedStatus(related.status)) throw new AppError('cases.related_case_open', 422);
  }
  const side = caseSideFor(access.standing, site.id) ?? 'customer';

  const created = await ctx.db.transaction(async (tx) => {
    const row = await insertNewCase(
      tx,
      {
        organizationId,
        siteId: site.id,
        category: body.category,
        productFamilyId: body.productFamilyId,
        productId: body.productId,
        releaseId: body.releaseId,
        subject: body.subject,
        description: body.description,
        language: body.language,
        status: 'new',
        requesterId: actor.userId,
        relatedCaseId,
        createdAt: now,
        updatedAt: now,
      },
      { details: relatedCaseId ? { relatedCaseId } : null },
      {
        actorLabel: actor.email,
        ip: origin.ip,
        client: origin.client,
        details: { subject: body.subject, siteId: site.id, category: body.category, productId: body.productId ?? null, relatedCaseId },
      },
    );
    await notifyCase(tx, ctx, row, { userId: actor.userId, side }, { kind: 'created' }, { alsoQueue: [searchIndexJob({ kind: 'case', id: row.id })] });
    // The suggestions this wizard opened did not answer the question: they are not deflections.
    if (body.wizardId) await stampSuggestionOpens(tx, { wizardId: body.wizardId, organizationId, caseId: row.id });
    return row;
  });
  return { id: created.id, number: formatCaseNumber(created.number), url: casePortalUrl(ctx, organizationId, created.id) };
}

/** The case page as the actor sees it. */
export function getCaseDetail(ctx: ServiceContext, access: CaseAccess, locale: Locale): Promise<CaseDetail> {
  return presentCaseDetail(ctx, access.caseRow.id, viewerOf(access), locale);
}

/** The case's history, oldest first. */
export function getCaseHistory(ctx: ServiceContext, access: CaseAccess): Promise<z.infer<typeof CaseHistory>> {
  return presentCaseHistory(ctx, access.caseRow.id, viewerOf(access));
}

/**
 * An engineer rewrites the description and/or the resolution (an empty resolution clears it). Each
 * changed text keeps the previous one in the history; unchanged text writes nothing.
 */
export async function updateCaseText(ctx: ServiceContext, access: CaseAccess, body: UpdateCaseBody, origin: RequestOrigin, locale: Locale): Promise<CaseDetail> {
  requireEngineer(access);
  const by = changerOf(access);
  await ctx.db.transaction(async (tx) => {
    let row = await lockCase(tx, access.caseRow.id);
    const now = ctx.clock.now();
    const changes: { field: 'description' | 'resolution'; previous: string | null; next: string | null }[] = [];
    if (body.description !== undefined && body.description !== row.description) changes.push({ field: 'description', previous: row.description, next: body.description });
    if (body.resolution !== undefined) {
      const next = body.resolution.trim() === '' ? null : body.resolution;
      if (next !== row.resolution) changes.push({ field: 'resolution', previous: row.resolution, next });
    }
    for (const change of changes) {
      row = await updateCase(tx, row.id, change.field === 'description' ? { description: change.next!, updatedAt: now } : { resolution: change.next, updatedAt: now });
      await insertCaseEvent(tx, { caseId: row.id, kind: change.field, actorId: by.userId, details: { previous: change.previous }, createdAt: now });
      await recordCaseAudit(tx, {
        row,
        action: change.field === 'description' ? 'case.description.updated' : 'case.resolution.updated',
        actor: by,
        origin,
        at: now,
        details: { previousLength: change.previous?.length ?? 0, length: change.next?.length ?? 0 },
      });
      await notifyCase(tx, ctx, row, { userId: by.userId, side: by.side }, { kind: change.field });
    }
    if (changes.length) await queueSearchIndex(tx, { kind: 'case', id: row.id });
  });
  return getCaseDetail(ctx, access, locale);
}

/** Moves the case to another status, by the transition table and who may make each move. */
export async function transitionCase(ctx: ServiceContext, access: CaseAccess, body: TransitionBody, origin: RequestOrigin, locale: Locale): Promise<CaseDetail> {
  const by = changerOf(access);
  await ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, access.caseRow.id);
    assertTransition(by.side, row.status, body.to, body.expectedStatus);
    await applyStatusChange(tx, ctx, row, body.to, by, origin);
  });
  return getCaseDetail(ctx, access, locale);
}

/**
 * The customer asks to reopen a closed case within the reopen window: it returns to Researching,
 * and the reason goes to the history and, as a public post, to the feed the engineers read.
 * Engineers move cases with transitions instead (403).
 */
export async function reopenCase(ctx: ServiceContext, access: CaseAccess, body: ReopenBody, origin: RequestOrigin, locale: Locale): Promise<CaseDetail> {
  if (access.side !== 'customer') throw forbidden();
  const by = changerOf(access);
  const windowDays = ctx.config.caseReopenWindowDays;
  await ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, access.caseRow.id);
    // An abandoned case is not closed for this purpose: only engineers bring it back.
    if (row.status !== 'closed' || row.closedAt === null) throw new AppError('cases.not_closed', 409, { status: row.status });
    const now = ctx.clock.now();
    if (!reopenStanding(row.status, row.closedAt, now, windowDays).canRequestReopen) throw new AppError('cases.reopen_window_passed', 409, { days: windowDays, messageParams: { days: windowDays } });
    const updated = await updateCase(tx, row.id, statusChangeValues(row, 'researching', now));
    await insertCaseEvent(tx, { caseId: row.id, kind: 'reopen_requested', actorId: by.userId, fromValue: row.status, toValue: 'researching', details: { reason: body.reason }, createdAt: now });
    const postId = await insertCustomerPost(tx, { caseId: row.id, organizationId: row.organizationId, authorId: by.userId, body: body.reason, createdAt: now });
    await subscribeToCase(tx, row.id, by.userId, 'follow');
    await recordCaseAudit(tx, { row, action: 'case.reopen.requested', actor: by, origin, at: now, details: { from: row.status, to: 'researching', reason: body.reason, postId } });
    await notifyCase(tx, ctx, updated, { userId: by.userId, side: by.side }, { kind: 'reopen_requested', reason: body.reason }, { alsoQueue: [searchIndexJob({ kind: 'case', id: row.id })] });
  });
  return getCaseDetail(ctx, access, locale);
}

/** An engineer assigns the case to an engineer, or unassigns it. */
export async function assignCase(ctx: ServiceContext, access: CaseAccess, body: AssignBody, origin: RequestOrigin, locale: Locale): Promise<CaseDetail> {
  requireEngineer(access);
  await ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, access.caseRow.id);
    await applyAssignment(tx, ctx, row, body.assigneeId, changerOf(access), origin);
  });
  return getCaseDetail(ctx, access, locale);
}
