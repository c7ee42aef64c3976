import { recordCaseAudit } from './case-audit';
import { type CaseLinkKind } from '../../../common/cases';
import type { CaseLink } from '../../../common/schemas/cases';
import type { RequestOrigin, ServiceContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError, conflict, forbidden, notFound } from '../../platform/errors';
import { lockCase, type CaseAccess, type CaseRow } from './case-access';
import { asDate, deleteLink, findDocumentTarget, findLinkOfCase, findReleaseTarget, insertLink, listLinksOfCase, listLinkTargets, type LinkTarget } from './case-links.repository';
import { notifyCase } from './case-notifications';
import { insertCaseEvent, updateCase } from './cases.repository';

/**
 * Linked content: engineers link releases and documents (and, once issue 7 lands, knowledge
 * articles) to a case; everyone who sees the case sees the links, each pointing at the product page
 * of the case's site that shows the content.
 */

/** How many candidates the link search shows. */
export const LINK_CANDIDATE_LIMIT = 20;

const requireEngineer = (access: CaseAccess) => {
  if (access.side !== 'engineer') throw forbidden();
};

/** The portal page that shows a product's releases and documents for the case's site. */
const productHref = (caseRow: CaseRow, productId: string | null): string | null => (productId ? `/portal/products/${caseRow.siteId}/${productId}` : null);

/** The links of the case, oldest first; `href` is null once the target is gone or unpublished. */
export async function listCaseLinks(ctx: ServiceContext, access: CaseAccess): Promise<{ items: CaseLink[] }> {
  const rows = await listLinksOfCase(ctx.db, access.caseRow.id);
  return {
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      targetId: row.targetId,
      title: row.title,
      href: productHref(access.caseRow, row.productId),
      addedBy: row.addedBy ? { id: row.addedBy, name: row.addedByName ?? '', side: row.addedByStaffRole ? 'engineer' : 'customer' } : null,
      createdAt: asDate(row.createdAt).toISOString(),
    })),
  };
}

/**
 * The content a link points at, or 422 `cases.link_target_not_found`. There is no knowledge base
 * until issue 7: an article cannot be found yet, so linking one is refused until that capability
 * fills this in.
 */
async function findTarget(db: Db, kind: CaseLinkKind, targetId: string): Promise<LinkTarget> {
  const target = kind === 'release' ? await findReleaseTarget(db, targetId) : kind === 'document' ? await findDocumentTarget(db, targetId) : undefined;
  if (!target) throw new AppError('cases.link_target_not_found', 422, { kind, targetId });
  return target;
}

/** Releases or documents an engineer may link, matching `q`, not yet linked; articles: none until issue 7. */
export async function findLinkCandidates(ctx: ServiceContext, access: CaseAccess, query: { kind: CaseLinkKind; q: string }) {
  requireEngineer(access);
  if (query.kind === 'article') return { items: [] };
  const targets = await listLinkTargets(ctx.db, { kind: query.kind, caseId: access.caseRow.id, siteId: access.caseRow.siteId, q: query.q.normalize('NFC').trim(), limit: LINK_CANDIDATE_LIMIT });
  return { items: targets.map(({ kind, targetId, title }) => ({ kind, targetId, title })) };
}

/** An engineer links content to the case: 409 `cases.link_exists` when it is linked already. */
export async function addCaseLink(ctx: ServiceContext, access: CaseAccess, body: { kind: CaseLinkKind; targetId: string }, origin: RequestOrigin): Promise<CaseLink> {
  requireEngineer(access);
  const target = await findTarget(ctx.db, body.kind, body.targetId);
  const link = await ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, access.caseRow.id);
    const now = ctx.clock.now();
    const inserted = await insertLink(tx, { caseId: row.id, kind: target.kind, targetId: target.targetId, title: target.title, addedBy: access.actor.userId, createdAt: now });
    if (!inserted) throw conflict('cases.link_exists');
    await insertCaseEvent(tx, { caseId: row.id, kind: 'link_added', actorId: access.actor.userId, toValue: target.title, details: { linkId: inserted.id, kind: target.kind, targetId: target.targetId }, createdAt: now });
    const updated = await updateCase(tx, row.id, { updatedAt: now });
    await recordCaseAudit(tx, { row, action: 'case.link.added', actor: { userId: access.actor.userId, label: access.actor.email }, origin, at: now, details: { linkId: inserted.id, kind: target.kind, targetId: target.targetId, title: target.title } });
    await notifyCase(tx, ctx, updated, { userId: access.actor.userId, side: access.side }, { kind: 'link' });
    return inserted;
  });
  return {
    id: link.id,
    kind: link.kind,
    targetId: link.targetId,
    title: link.title,
    href: productHref(access.caseRow, target.productId),
    addedBy: { id: access.actor.userId, name: access.actor.name, side: 'engineer' },
    createdAt: link.createdAt.toISOString(),
  };
}

/** An engineer removes a link of the case: 404 `cases.link_not_found` for one of another case. */
export async function removeCaseLink(ctx: ServiceContext, access: CaseAccess, linkId: string, origin: RequestOrigin): Promise<void> {
  requireEngineer(access);
  await ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, access.caseRow.id);
    const found = await findLinkOfCase(tx, row.id, linkId);
    if (!found) throw notFound('cases.link_not_found');
    const { link } = found;
    const now = ctx.clock.now();
    await deleteLink(tx, link.id);
    await insertCaseEvent(tx, { caseId: row.id, kind: 'link_removed', actorId: access.actor.userId, fromValue: link.title, details: { linkId: link.id, kind: link.kind, targetId: link.targetId }, createdAt: now });
    const updated = await updateCase(tx, row.id, { updatedAt: now });
    await recordCaseAudit(tx, { row, action: 'case.link.removed', actor: { userId: access.actor.userId, label: access.actor.email }, origin, at: now, details: { linkId: link.id, kind: link.kind, targetId: link.targetId, title: link.title } });
    await notifyCase(tx, ctx, updated, { userId: access.actor.userId, side: access.side }, { kind: 'link' });
  });
}
