import { ARTICLE_LANGUAGES, type ArticleLanguage, type ArticleVisibility } from '../../../common/knowledge';
import type { Locale } from '../../../common/locale';

/**
 * Who may read a knowledge article and in which language. Pure rules over the article's
 * visibility and published languages; the routes decide who the reader is (vendor staff in the
 * console, a member of an organization in the portal, anyone on the public page).
 */

/** Staff edit every article; customers read published ones for customers or the public; anyone reads published public ones. */
export type ArticleReader = 'staff' | 'customer' | 'anyone';

/** What the rules look at. */
export interface ArticleStanding {
  visibility: ArticleVisibility;
  /** The languages with a published translation. */
  publishedLanguages: readonly ArticleLanguage[];
}

const DAY_MS = 86_400_000;

/** True when the reader may see the article; otherwise it answers 404, as if it did not exist. */
export function canReadArticle(reader: ArticleReader, article: ArticleStanding): boolean {
  if (reader === 'staff') return true;
  if (article.publishedLanguages.length === 0) return false;
  return reader === 'customer' ? article.visibility !== 'internal' : article.visibility === 'public';
}

/** Visibilities a reader sees in lists (staff: all). */
export function visibilitiesFor(reader: ArticleReader): readonly ArticleVisibility[] {
  if (reader === 'staff') return ['internal', 'customers', 'public'];
  return reader === 'customer' ? ['customers', 'public'] : ['public'];
}

/** Orders languages as the API lists them: Korean first, then English. */
export function byLanguageOrder<T extends { language: ArticleLanguage }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => ARTICLE_LANGUAGES.indexOf(a.language) - ARTICLE_LANGUAGES.indexOf(b.language));
}

/**
 * The language a reader gets among those available: the one asked for, else the reader's own,
 * else the first (Korean before English); null when there is none.
 */
export function pickArticleLanguage(available: readonly ArticleLanguage[], requested: ArticleLanguage | undefined, locale: Locale): ArticleLanguage | null {
  if (requested && available.includes(requested)) return requested;
  if (available.includes(locale)) return locale;
  return ARTICLE_LANGUAGES.find((language) => available.includes(language)) ?? null;
}

/** When a verification made at `verifiedAt` asks for review: after `days` days, never when `days` is 0. */
export function verificationExpiry(verifiedAt: Date, days: number): Date | null {
  return days > 0 ? new Date(verifiedAt.getTime() + days * DAY_MS) : null;
}
