import { recordCaseAudit } from './case-audit';
import { type CaseLinkKind } from '../../../common/cases';
import type { CaseLink } from '../../../common/schemas/cases';
import type { RequestOrigin, ServiceContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError, conflict, forbidden, notFound } from '../../platform/errors';
import { consoleArticleHref, findArticleLinkStates, findLinkableArticle, listLinkableArticles, portalArticleHref } from '../knowledge/article-links';
import { lockCase, type CaseAccess, type CaseRow } from './case-access';
import { asDate, deleteLink, findDocumentTarget, findLinkOfCase, findReleaseTarget, insertLink, listLinksOfCase, listLinkTargets, type CaseLinkRow } from './case-links.repository';
import { notifyCase } from './case-notifications';
import { insertCaseEvent, updateCase } from './cases.repository';

/**
 * Linked content: engineers link releases, documents and knowledge articles to a case; everyone who
 * sees the case sees the links, each pointing at the product page of the case's site that shows the
 * content, or at the article. An article linked while its customers may not read it (the draft
 * made from a closed case) is shown to engineers only, pointing at the console's editor.
 */

/** How many candidates the link search shows. */
export const LINK_CANDIDATE_LIMIT = 20;

const requireEngineer = (access: CaseAccess) => {
  if (access.side !== 'engineer') throw forbidden();
};

/** The portal page that shows a product's releases and documents for the case's site. */
const productHref = (caseRow: CaseRow, productId: string | null): string | null => (productId ? `/portal/products/${caseRow.siteId}/${productId}` : null);

/** Where a linked article opens for this side: the portal page while customers may read it, else the console's editor (engineers only). */
const articleHref = (access: CaseAccess, articleId: string, state: 'customers' | 'internal' | undefined): string | null => {
  if (state === 'customers') return access.side === 'engineer' ? consoleArticleHref(articleId) : portalArticleHref(articleId);
  return state === 'internal' && access.side === 'engineer' ? consoleArticleHref(articleId) : null;
};

/**
 * The links of the case, oldest first; `href` is null once the target is gone or unpublished.
 * Customers do not see links to articles they may not read.
 */
export async function listCaseLinks(ctx: ServiceContext, access: CaseAccess): Promise<{ items: CaseLink[] }> {
  const rows = await listLinksOfCase(ctx.db, access.caseRow.id);
  const articleStates = await findArticleLinkStates(ctx.db, rows.filter((row) => row.kind === 'article').map((row) => row.targetId));
  const shown = rows.filter((row) => row.kind !== 'article' || access.side === 'engineer' || articleStates.get(row.targetId) === 'customers');
  return {
    items: shown.map((row) => ({
      id: row.id,
      kind: row.kind,
      targetId: row.targetId,
      title: row.title,
      href: row.kind === 'article' ? articleHref(access, row.targetId, articleStates.get(row.targetId)) : productHref(access.caseRow, row.productId),
      addedBy: row.addedBy ? { id: row.addedBy, name: row.addedByName ?? '', side: row.addedByStaffRole ? 'engineer' : 'customer' } : null,
      createdAt: asDate(row.createdAt).toISOString(),
    })),
  };
}

/** Content a link may point at, with where it opens. */
interface ResolvedTarget {
  kind: CaseLinkKind;
  targetId: string;
  title: string;
  href: string | null;
}

/**
 * The content a link points at, or 422 `cases.link_target_not_found`: a published release, a
 * document, or an article the case's customers may read (titled in the case's language).
 */
async function findTarget(db: Db, access: CaseAccess, kind: CaseLinkKind, targetId: string): Promise<ResolvedTarget> {
  if (kind === 'article') {
    const article = await findLinkableArticle(db, targetId, access.caseRow.language);
    if (!article) throw new AppError('cases.link_target_not_found', 422, { kind, targetId });
    return { kind, targetId: article.targetId, title: article.title, href: articleHref(access, article.targetId, 'customers') };
  }
  const target = kind === 'release' ? await findReleaseTarget(db, targetId) : await findDocumentTarget(db, targetId);
  if (!target) throw new AppError('cases.link_target_not_found', 422, { kind, targetId });
  return { kind: target.kind, targetId: target.targetId, title: target.title, href: productHref(access.caseRow, target.productId) };
}

/** Releases, documents or articles an engineer may link, matching `q`, not yet linked. */
export async function findLinkCandidates(ctx: ServiceContext, access: CaseAccess, query: { kind: CaseLinkKind; q: string }) {
  requireEngineer(access);
  if (query.kind === 'article') {
    const linked = (await listLinksOfCase(ctx.db, access.caseRow.id)).filter((row) => row.kind === 'article').map((row) => row.targetId);
    const articles = await listLinkableArticles(ctx, { q: query.q.normalize('NFC').trim(), language: access.caseRow.language, excludeIds: linked, limit: LINK_CANDIDATE_LIMIT });
    return { items: articles.map(({ targetId, title }) => ({ kind: 'article' as const, targetId, title })) };
  }
  const targets = await listLinkTargets(ctx.db, { kind: query.kind, caseId: access.caseRow.id, siteId: access.caseRow.siteId, q: query.q.normalize('NFC').trim(), limit: LINK_CANDIDATE_LIMIT });
  return { items: targets.map(({ kind, targetId, title }) => ({ kind, targetId, title })) };
}

/** An engineer links content to the case: 409 `cases.link_exists` when it is linked already. */
export async function addCaseLink(ctx: ServiceContext, access: CaseAccess, body: { kind: CaseLinkKind; targetId: string }, origin: RequestOrigin): Promise<CaseLink> {
  requireEngineer(access);
  const target = await findTarget(ctx.db, access, body.kind, body.targetId);
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
    href: target.href,
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

/**
 * Links an article written from the case (knowledge's "publish as article") in the caller's
 * transaction, the case locked: the link, an engineers-only history row and activity entry (the
 * draft is not the customers' to see). Undefined when the case already links the article.
 */
export async function linkArticleToCase(
  tx: Db,
  caseRow: CaseRow,
  article: { id: string; title: string },
  by: { userId: string; label: string },
  origin: RequestOrigin,
  now: Date,
): Promise<CaseLinkRow | undefined> {
  const inserted = await insertLink(tx, { caseId: caseRow.id, kind: 'article', targetId: article.id, title: article.title, addedBy: by.userId, createdAt: now });
  if (!inserted) return undefined;
  const details = { linkId: inserted.id, kind: 'article', targetId: article.id };
  await insertCaseEvent(tx, { caseId: caseRow.id, kind: 'link_added', actorId: by.userId, toValue: article.title, details: { ...details, internal: true }, createdAt: now });
  await recordCaseAudit(tx, { row: caseRow, action: 'case.link.added', actor: by, origin, at: now, details: { ...details, title: article.title }, internal: true });
  return inserted;
}
