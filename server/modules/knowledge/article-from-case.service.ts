import { formatCaseNumber } from '../../../common/cases';
import type { Actor } from '../../platform/actor';
import type { RequestOrigin, ServiceContext } from '../../platform/context';
import { AppError, conflict } from '../../platform/errors';
import { lockCase } from '../cases/case-access';
import { linkArticleToCase } from '../cases/case-links.service';
import { findCaseDetailRow } from '../cases/cases.repository';
import { queueSearchIndex } from '../search/search-index';
import { recordArticleAudit } from './article-audit';
import { findArticleBySourceCase, insertArticle, insertTranslation, replaceProductTags } from './articles.repository';

/**
 * "Publish as article" on a closed case (myOSIsoft builds its knowledge base from solved cases):
 * one action makes an internal draft in the case's language from its subject, description,
 * product and version, and resolution, tagged with the case's product, and links it to the case.
 * Calling it again answers the article already made.
 */

/** The environment section: the case's product and version, when it names them. */
function environmentOf(productName: string | null, version: string | null): string {
  if (!productName) return '';
  return version ? `${productName} ${version}` : productName;
}

/**
 * Makes the draft article of a closed case, or answers the one it already has (`created: false`).
 * 404 `cases.not_found`; 409 `articles.case_not_closed` unless the case is closed; 422
 * `articles.case_without_resolution` when it has no resolution.
 */
export async function createArticleFromCase(ctx: ServiceContext, actor: Actor, caseId: string, origin: RequestOrigin): Promise<{ id: string; created: boolean }> {
  return ctx.db.transaction(async (tx) => {
    // The case's lock makes two clicks at once give one article.
    const caseRow = await lockCase(tx, caseId);
    const existing = await findArticleBySourceCase(tx, caseId);
    if (existing) return { id: existing.id, created: false };
    if (caseRow.status !== 'closed') throw conflict('articles.case_not_closed', { status: caseRow.status });
    const resolution = caseRow.resolution?.trim() ? caseRow.resolution : null;
    if (!resolution) throw new AppError('articles.case_without_resolution', 422);
    const detail = await findCaseDetailRow(tx, caseId);
    const now = ctx.clock.now();
    const title = caseRow.subject.trim().slice(0, 200);
    const article = await insertArticle(tx, { visibility: 'internal', sourceCaseId: caseId, createdBy: actor.userId, createdAt: now, updatedAt: now });
    await insertTranslation(tx, {
      articleId: article.id,
      language: caseRow.language,
      title,
      summary: '',
      issue: caseRow.description,
      environment: environmentOf(detail?.productName ?? null, detail?.releaseVersion ?? null),
      resolution,
      status: 'draft',
      updatedBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    if (caseRow.productId) await replaceProductTags(tx, article.id, [caseRow.productId]);
    const by = { userId: actor.userId, label: actor.email };
    await linkArticleToCase(tx, caseRow, { id: article.id, title }, by, origin, now);
    await queueSearchIndex(tx, { kind: 'article', id: article.id });
    await recordArticleAudit(tx, {
      articleId: article.id,
      action: 'article.created_from_case',
      actor: by,
      origin,
      at: now,
      details: { caseId, caseNumber: formatCaseNumber(caseRow.number), language: caseRow.language, title },
    });
    return { id: article.id, created: true };
  });
}
