import { ARTICLE_LANGUAGES, ARTICLE_STATUSES, ARTICLE_VISIBILITIES } from '@common/knowledge';
import type { ConsoleArticleFilters, PortalArticleFilters } from './knowledge.api';

export const VERIFICATION_STATES = ['unverified', 'verified', 'review_due'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The value when it is one of `allowed`, else null (a hand-edited URL cannot break the page). */
function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

const uuidOrNull = (value: string | null) => (value && UUID.test(value) ? value : null);

/** The console list's filters from the URL; anything unknown is left out. */
export function readConsoleArticleFilters(params: URLSearchParams): ConsoleArticleFilters {
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    status: oneOf(ARTICLE_STATUSES, params.get('status')),
    visibility: oneOf(ARTICLE_VISIBILITIES, params.get('visibility')),
    language: oneOf(ARTICLE_LANGUAGES, params.get('language')),
    verification: oneOf(VERIFICATION_STATES, params.get('verification')),
    productId: uuidOrNull(params.get('productId')),
  };
}

/** The URL's search params for the filters: only those that are set, the words trimmed. */
export function writeConsoleArticleFilters(filters: ConsoleArticleFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q.trim());
  for (const name of ['status', 'visibility', 'language', 'verification', 'productId'] as const) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  return params;
}

/** The portal list's filters from the URL. */
export function readPortalArticleFilters(params: URLSearchParams): PortalArticleFilters {
  return { language: oneOf(ARTICLE_LANGUAGES, params.get('language')), productId: uuidOrNull(params.get('productId')) };
}

/** The URL's search params for the portal list's filters. */
export function writePortalArticleFilters(filters: PortalArticleFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.language) params.set('language', filters.language);
  if (filters.productId) params.set('productId', filters.productId);
  return params;
}

/** The search page's address for articles matching the words (`/portal/search?types=article&q=…`). */
export function articleSearchHref(q: string): string {
  return `/portal/search?${new URLSearchParams({ types: 'article', q: q.trim() }).toString()}`;
}
