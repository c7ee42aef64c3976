import type { ArticleLanguage } from '../../../common/knowledge';
import type { ServiceContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { listArticlePage } from './article-list.repository';
import { findArticle, listTranslations, type TranslationRow } from './articles.repository';
import { byLanguageOrder, canReadArticle, pickArticleLanguage, visibilitiesFor } from './knowledge.policy';

/**
 * What the cases module needs to link knowledge articles to a case. A link is shown to everyone
 * who sees the case, so only an article its customers may read (published, for customers or the
 * public) can be linked by hand; the draft an engineer makes from a closed case is linked by
 * `createArticleFromCase` and stays out of the customers' view until it is published to them.
 */

/** Where the portal shows an article. */
export const portalArticleHref = (articleId: string) => `/portal/knowledge/${articleId}`;
/** Where the console edits an article. */
export const consoleArticleHref = (articleId: string) => `/console/knowledge/${articleId}`;

/** How a linked article stands now: readable by the case's customers, or only by engineers. */
export type ArticleLinkState = 'customers' | 'internal';

function titleIn(translations: readonly TranslationRow[], language: ArticleLanguage): string {
  const ordered = byLanguageOrder(translations);
  const picked = pickArticleLanguage(ordered.map((t) => t.language), language, language);
  return ordered.find((t) => t.language === picked)?.title ?? '';
}

/** An article the case's customers may read, titled in the case's language when published in it; undefined otherwise. */
export async function findLinkableArticle(db: Db, articleId: string, language: ArticleLanguage): Promise<{ targetId: string; title: string } | undefined> {
  const row = await findArticle(db, articleId);
  if (!row) return undefined;
  const published = (await listTranslations(db, [articleId])).map((t) => t.translation).filter((t) => t.status === 'published');
  if (!canReadArticle('customer', { visibility: row.visibility, publishedLanguages: published.map((t) => t.language) })) return undefined;
  return { targetId: row.id, title: titleIn(published, language) };
}

/** The state of each of these articles that still exists. */
export async function findArticleLinkStates(db: Db, articleIds: readonly string[]): Promise<Map<string, ArticleLinkState>> {
  const states = new Map<string, ArticleLinkState>();
  if (articleIds.length === 0) return states;
  const translations = await listTranslations(db, articleIds);
  for (const id of new Set(articleIds)) {
    const row = await findArticle(db, id);
    if (!row) continue;
    const publishedLanguages = translations.filter((t) => t.translation.articleId === id && t.translation.status === 'published').map((t) => t.translation.language);
    states.set(id, canReadArticle('customer', { visibility: row.visibility, publishedLanguages }) ? 'customers' : 'internal');
  }
  return states;
}

/** Articles the case's customers may read whose title contains `q`, newest change first, leaving out those linked already. */
export async function listLinkableArticles(ctx: ServiceContext, options: { q: string; language: ArticleLanguage; excludeIds: readonly string[]; limit: number }): Promise<{ targetId: string; title: string }[]> {
  const { rows } = await listArticlePage(
    ctx.db,
    { visibilities: visibilitiesFor('customer'), publishedOnly: true, q: options.q || undefined, excludeIds: options.excludeIds, now: ctx.clock.now() },
    { limit: options.limit },
  );
  const translations = (await listTranslations(ctx.db, rows.map((r) => r.id))).map((t) => t.translation).filter((t) => t.status === 'published');
  return rows.map((row) => ({ targetId: row.id, title: titleIn(translations.filter((t) => t.articleId === row.id), options.language) }));
}
