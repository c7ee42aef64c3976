// Relative, not @common: Vitest (root config) runs this file's test without the web app's alias.
import { ARTICLE_LANGUAGES, SEARCH_KINDS, type ArticleLanguage, type SearchKind } from '../../../../common/knowledge';
import type { SearchRequest } from './search.api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The server reads only the first 500 characters; the URL keeps no more. */
export const MAX_QUERY_LENGTH = 500;

const isKind = (value: string): value is SearchKind => (SEARCH_KINDS as readonly string[]).includes(value);
const isLanguage = (value: string | null): value is ArticleLanguage => value !== null && (ARTICLE_LANGUAGES as readonly string[]).includes(value);

/** The search page's state from its URL (`?q=…&types=article,document&productId=…&language=ko`); anything unknown is dropped. */
export function readSearchParams(params: URLSearchParams): SearchRequest {
  const kinds = (params.get('types') ?? '')
    .split(',')
    .map((kind) => kind.trim())
    .filter(isKind);
  const productId = params.get('productId');
  const language = params.get('language');
  return {
    q: (params.get('q') ?? '').slice(0, MAX_QUERY_LENGTH),
    // In the order the page lists them, each once.
    types: SEARCH_KINDS.filter((kind) => kinds.includes(kind)),
    productId: productId && UUID.test(productId) ? productId : null,
    language: isLanguage(language) ? language : null,
  };
}

/** The URL search params for a search, leaving out what is unset so `/portal/search?q=x` stays short. */
export function writeSearchParams(request: SearchRequest): URLSearchParams {
  const params = new URLSearchParams();
  const q = request.q.trim().slice(0, MAX_QUERY_LENGTH);
  if (q) params.set('q', q);
  if (request.types.length > 0 && request.types.length < SEARCH_KINDS.length) params.set('types', SEARCH_KINDS.filter((kind) => request.types.includes(kind)).join(','));
  if (request.productId) params.set('productId', request.productId);
  if (request.language) params.set('language', request.language);
  return params;
}

/** The search page of a face for some words: where "See all results" and Enter in the top bar go. */
export function searchPageHref(face: 'portal' | 'console', request: Partial<SearchRequest> = {}): string {
  const params = writeSearchParams({ q: '', types: [], productId: null, language: null, ...request });
  const query = params.toString();
  return `/${face}/search${query ? `?${query}` : ''}`;
}

/** The types after a click on one type's chip: "All" clears the choice; a type toggles in or out. */
export function toggleType(types: readonly SearchKind[], kind: SearchKind | 'all'): SearchKind[] {
  if (kind === 'all') return [];
  const next = types.includes(kind) ? types.filter((entry) => entry !== kind) : [...types, kind];
  return next.length === SEARCH_KINDS.length ? [] : SEARCH_KINDS.filter((entry) => next.includes(entry));
}
