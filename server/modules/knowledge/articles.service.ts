import type { ArticleLanguage } from '../../../common/knowledge';
import type { Locale } from '../../../common/locale';
import type { AddTranslationBody, Article, ArticleListQuery, ArticlePage, CreateArticleBody, UpdateArticleBody } from '../../../common/schemas/knowledge';
import type { Actor } from '../../platform/actor';
import type { RequestOrigin, ServiceContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError, conflict } from '../../platform/errors';
import { queueSearchIndex } from '../search/search-index';
import { recordArticleAudit, type ArticleAuditAction } from './article-audit';
import { reclaimArticleBlobs } from './article-attachments.service';
import { decodeArticleCursor, encodeArticleCursor } from './article-cursor';
import { listArticlePage } from './article-list.repository';
import { articleNotFound, loadArticle, presentListItems } from './article-present';
import {
  deleteArticle,
  deleteTranslation,
  findExistingProductIds,
  findTranslation,
  insertArticle,
  insertTranslation,
  listArticleAttachments,
  listTranslations,
  lockArticle,
  replaceProductTags,
  updateArticle,
  updateTranslation,
  type ArticleRow,
} from './articles.repository';
import { verificationExpiry, visibilitiesFor } from './knowledge.policy';

/**
 * The console's knowledge base: engineers write articles in Korean and English, tag products, set
 * who may read them, publish each language, verify them and delete them. Each change locks the
 * article, stamps its updatedAt, queues the search index and writes the activity log in one
 * transaction.
 */

/** A language as a message names it, in its own words. */
const LANGUAGE_NAMES: Record<ArticleLanguage, string> = { ko: '한국어', en: 'English' };
const translationNotFound = (language: ArticleLanguage) => new AppError('articles.translation_not_found', 404, { language, messageParams: { language: LANGUAGE_NAMES[language] } });

/** What a change did, for the activity log; null when it changed nothing. */
type ChangeOutcome = { action: ArticleAuditAction; details?: Record<string, unknown> } | null;

/** 422 `articles.product_not_found` unless every product exists. */
async function requireProducts(db: Db, productIds: readonly string[]): Promise<void> {
  const found = new Set(await findExistingProductIds(db, productIds));
  const missing = [...new Set(productIds)].filter((id) => !found.has(id));
  if (missing.length) throw new AppError('articles.product_not_found', 422, { productIds: missing });
}

/**
 * Runs one change to an article in a transaction: the article locked (404 when gone), the change,
 * then updatedAt, the search job and the activity entry. Answers the article as it now is.
 */
async function changeArticle(ctx: ServiceContext, actor: Actor, articleId: string, origin: RequestOrigin, change: (tx: Db, row: ArticleRow, now: Date) => Promise<ChangeOutcome>): Promise<Article> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const row = await lockArticle(tx, articleId);
    if (!row) throw articleNotFound();
    const outcome = await change(tx, row, now);
    if (!outcome) return;
    await updateArticle(tx, articleId, { updatedAt: now });
    await queueSearchIndex(tx, { kind: 'article', id: articleId });
    await recordArticleAudit(tx, { articleId, action: outcome.action, actor: { userId: actor.userId, label: actor.email }, origin, at: now, ...(outcome.details ? { details: outcome.details } : {}) });
  });
  return loadArticle(ctx.db, articleId, ctx.clock.now());
}

/** Creates an article with its first translation, a draft. */
export async function createArticle(ctx: ServiceContext, actor: Actor, body: CreateArticleBody, origin: RequestOrigin): Promise<Article> {
  await requireProducts(ctx.db, body.productIds);
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const article = await insertArticle(tx, { visibility: body.visibility, createdBy: actor.userId, createdAt: now, updatedAt: now });
    await insertTranslation(tx, {
      articleId: article.id,
      language: body.language,
      title: body.title.trim(),
      summary: body.summary,
      issue: body.issue,
      environment: body.environment,
      resolution: body.resolution,
      status: 'draft',
      updatedBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await replaceProductTags(tx, article.id, body.productIds);
    await queueSearchIndex(tx, { kind: 'article', id: article.id });
    await recordArticleAudit(tx, { articleId: article.id, action: 'article.created', actor: { userId: actor.userId, label: actor.email }, origin, at: now, details: { language: body.language, title: body.title.trim(), visibility: body.visibility } });
    return article.id;
  });
  return loadArticle(ctx.db, id, now);
}

/** The article as the console edits it; 404 `articles.not_found`. */
export function getArticle(ctx: ServiceContext, articleId: string): Promise<Article> {
  return loadArticle(ctx.db, articleId, ctx.clock.now());
}

/**
 * Changes one translation's words and/or what the languages share. 409 `articles.changed` when
 * the article changed since the editor loaded it; 404 `articles.translation_not_found`; 422
 * `articles.product_not_found`.
 */
export async function updateArticleContent(ctx: ServiceContext, actor: Actor, articleId: string, body: UpdateArticleBody, origin: RequestOrigin): Promise<Article> {
  if (body.productIds) await requireProducts(ctx.db, body.productIds);
  return changeArticle(ctx, actor, articleId, origin, async (tx, row, now) => {
    if (body.expectedUpdatedAt !== undefined && Date.parse(body.expectedUpdatedAt) !== row.updatedAt.getTime()) {
      throw conflict('articles.changed', { updatedAt: row.updatedAt.toISOString() });
    }
    const translation = await findTranslation(tx, articleId, body.language);
    if (!translation) throw translationNotFound(body.language);
    const { title, summary, issue, environment, resolution } = body;
    const words = { ...(title !== undefined ? { title: title.trim() } : {}), ...(summary !== undefined ? { summary } : {}), ...(issue !== undefined ? { issue } : {}), ...(environment !== undefined ? { environment } : {}), ...(resolution !== undefined ? { resolution } : {}) };
    if (Object.keys(words).length) await updateTranslation(tx, translation.id, { ...words, updatedBy: actor.userId, updatedAt: now });
    if (body.visibility !== undefined) await updateArticle(tx, articleId, { visibility: body.visibility });
    if (body.productIds !== undefined) await replaceProductTags(tx, articleId, body.productIds);
    const changed = [...Object.keys(words), ...(body.visibility !== undefined ? ['visibility'] : []), ...(body.productIds !== undefined ? ['productIds'] : [])];
    return { action: 'article.updated', details: { language: body.language, title: words.title ?? translation.title, changed, ...(body.visibility !== undefined ? { visibility: { from: row.visibility, to: body.visibility } } : {}) } };
  });
}

/** Adds a language (a draft); 409 `articles.translation_exists` when the article has it. */
export function addTranslation(ctx: ServiceContext, actor: Actor, articleId: string, body: AddTranslationBody, origin: RequestOrigin): Promise<Article> {
  return changeArticle(ctx, actor, articleId, origin, async (tx, _row, now) => {
    const title = body.title.trim();
    const inserted = await insertTranslation(tx, { articleId, language: body.language, title, summary: body.summary, issue: body.issue, environment: body.environment, resolution: body.resolution, status: 'draft', updatedBy: actor.userId, createdAt: now, updatedAt: now });
    if (!inserted) throw new AppError('articles.translation_exists', 409, { language: body.language, messageParams: { language: LANGUAGE_NAMES[body.language] } });
    return { action: 'article.translation.added', details: { language: body.language, title } };
  });
}

/** Removes a language; 409 `articles.last_translation` for the only one. */
export function removeTranslation(ctx: ServiceContext, actor: Actor, articleId: string, language: ArticleLanguage, origin: RequestOrigin): Promise<Article> {
  return changeArticle(ctx, actor, articleId, origin, async (tx) => {
    const translations = await listTranslations(tx, [articleId]);
    const translation = translations.find((t) => t.translation.language === language)?.translation;
    if (!translation) throw translationNotFound(language);
    if (translations.length === 1) throw conflict('articles.last_translation');
    await deleteTranslation(tx, translation.id);
    return { action: 'article.translation.deleted', details: { language, title: translation.title } };
  });
}

/** Publishes or unpublishes one language; doing what is already done changes nothing. */
export function setTranslationPublished(ctx: ServiceContext, actor: Actor, articleId: string, language: ArticleLanguage, published: boolean, origin: RequestOrigin): Promise<Article> {
  return changeArticle(ctx, actor, articleId, origin, async (tx, _row, now) => {
    const translation = await findTranslation(tx, articleId, language);
    if (!translation) throw translationNotFound(language);
    if ((translation.status === 'published') === published) return null;
    await updateTranslation(tx, translation.id, published ? { status: 'published', publishedAt: now } : { status: 'draft', publishedAt: null });
    return { action: published ? 'article.published' : 'article.unpublished', details: { language, title: translation.title } };
  });
}

/**
 * Marks the article verified now by the actor, asking for review after `articleVerificationDays`
 * (never when 0); 409 `articles.not_published` while no language is published.
 */
export function verifyArticle(ctx: ServiceContext, actor: Actor, articleId: string, origin: RequestOrigin): Promise<Article> {
  return changeArticle(ctx, actor, articleId, origin, async (tx, _row, now) => {
    const translations = await listTranslations(tx, [articleId]);
    if (!translations.some((t) => t.translation.status === 'published')) throw conflict('articles.not_published');
    const expiresAt = verificationExpiry(now, ctx.config.articleVerificationDays);
    await updateArticle(tx, articleId, { verifiedAt: now, verifiedBy: actor.userId, verificationExpiresAt: expiresAt });
    return { action: 'article.verified', details: { expiresAt: expiresAt?.toISOString() ?? null } };
  });
}

/** Withdraws the verification; an unverified article stays as it is. */
export function withdrawVerification(ctx: ServiceContext, actor: Actor, articleId: string, origin: RequestOrigin): Promise<Article> {
  return changeArticle(ctx, actor, articleId, origin, async (tx, row) => {
    if (!row.verifiedAt) return null;
    await updateArticle(tx, articleId, { verifiedAt: null, verifiedBy: null, verificationExpiresAt: null });
    return { action: 'article.verification.withdrawn', details: { verifiedAt: row.verifiedAt.toISOString() } };
  });
}

/** Deletes the article with its languages, votes and files; the search entries go with the queued job. */
export async function removeArticle(ctx: ServiceContext, actor: Actor, articleId: string, origin: RequestOrigin): Promise<void> {
  const now = ctx.clock.now();
  const hashes = await ctx.db.transaction(async (tx) => {
    const row = await lockArticle(tx, articleId);
    if (!row) throw articleNotFound();
    const translations = await listTranslations(tx, [articleId]);
    const attachments = await listArticleAttachments(tx, articleId);
    await deleteArticle(tx, articleId);
    await queueSearchIndex(tx, { kind: 'article', id: articleId });
    await recordArticleAudit(tx, {
      articleId,
      action: 'article.deleted',
      actor: { userId: actor.userId, label: actor.email },
      origin,
      at: now,
      details: { titles: translations.map((t) => ({ language: t.translation.language, title: t.translation.title })), visibility: row.visibility },
    });
    return attachments.map((a) => a.sha256);
  });
  await reclaimArticleBlobs(ctx, hashes);
}

/** The console's list: every article with the filters, newest change first, a page at a time. */
export async function listConsoleArticles(ctx: ServiceContext, locale: Locale, query: ArticleListQuery): Promise<ArticlePage> {
  const now = ctx.clock.now();
  const after = query.cursor ? decodeArticleCursor(query.cursor) : undefined;
  const q = query.q?.normalize('NFC').trim();
  const { rows, total } = await listArticlePage(
    ctx.db,
    { visibilities: visibilitiesFor('staff'), publishedOnly: false, q, status: query.status, visibility: query.visibility, language: query.language, verification: query.verification, productId: query.productId, now },
    { after, limit: query.limit + 1 },
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { items: await presentListItems(ctx.db, page, { publishedOnly: false, locale, now }), nextCursor: rows.length > query.limit && last ? encodeArticleCursor(last.micros, last.id) : null, total };
}
