import type { ArticleView } from '@common/schemas/knowledge';
import type { SearchPreview, SearchResult, SearchResults } from '@common/schemas/search';
import type { SearchKind } from '@common/knowledge';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiClient } from '../../app/api-client';
import { toQueryString } from '../../components/to-query-string';
import type { Face } from '../shell/nav-item';
import { organizationKey, organizationPath } from '../organizations/organizations.api';

export type { ArticleView, SearchPreview, SearchResult, SearchResults };

export type Vote = 'up' | 'down';
export interface ArticleVotesState {
  helpful: number;
  notHelpful: number;
  mine: Vote | null;
}

/** Where one face searches: the portal within one organization, the console across all. */
export interface SearchScope {
  face: Face;
  /** The portal's current organization; unused in the console. */
  organizationId: string | null;
}

/** What a search asks for (the search page's URL state, or the top bar's words). */
export interface SearchRequest {
  q: string;
  types: SearchKind[];
  productId: string | null;
  language: 'ko' | 'en' | null;
}

const PAGE_SIZE = 20;

const searchKey = (scope: SearchScope) => (scope.face === 'console' ? (['console', 'search'] as const) : ([...organizationKey(scope.organizationId ?? ''), 'search'] as const));

/** `/api/v1/organizations/:id/search…` in the portal, `/api/v1/console/search…` in the console. */
export const searchPath = (scope: SearchScope, rest = '') => (scope.face === 'console' ? `/api/v1/console/search${rest}` : organizationPath(scope.organizationId ?? '', `/search${rest}`));

const isReady = (scope: SearchScope) => scope.face === 'console' || Boolean(scope.organizationId);

function toSearchQueryString(request: SearchRequest, limit: number, offset: number) {
  return toQueryString({
    q: request.q.trim(),
    types: request.types.length > 0 ? request.types.join(',') : null,
    productId: request.productId,
    language: request.language,
    limit,
    offset: offset > 0 ? offset : null,
  });
}

/** The top bar's dropdown: the best few results for the words typed so far. */
export function useQuickSearch(scope: SearchScope, q: string, limit = 6) {
  const request: SearchRequest = { q, types: [], productId: null, language: null };
  return useQuery({
    queryKey: [...searchKey(scope), 'quick', q.trim(), limit],
    queryFn: () => apiClient.get<SearchResults>(searchPath(scope, toSearchQueryString(request, limit, 0))),
    enabled: isReady(scope) && q.trim() !== '',
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}

/** The search page's results, a page at a time ("Show more" asks for the next offset). */
export function useSearchResults(scope: SearchScope, request: SearchRequest) {
  return useInfiniteQuery({
    queryKey: [...searchKey(scope), 'page', { ...request, q: request.q.trim() }],
    queryFn: ({ pageParam }) => apiClient.get<SearchResults>(searchPath(scope, toSearchQueryString(request, PAGE_SIZE, pageParam))),
    initialPageParam: 0,
    getNextPageParam: (page, pages) => {
      const loaded = pages.reduce((sum, entry) => sum + entry.items.length, 0);
      return page.items.length > 0 && loaded < page.total && loaded < 1_000 ? loaded : undefined;
    },
    enabled: isReady(scope) && request.q.trim() !== '',
    placeholderData: keepPreviousData,
  });
}

/** A result's quick view, in the result's language when it has one (an article found in Korean previews in Korean). */
export function useSearchPreview(scope: SearchScope, target: { kind: SearchKind; id: string; language?: string | null } | null) {
  const language = target?.language ? `?language=${encodeURIComponent(target.language)}` : '';
  return useQuery({
    queryKey: [...searchKey(scope), 'preview', target?.kind, target?.id, target?.language ?? null],
    queryFn: () => apiClient.get<SearchPreview>(searchPath(scope, `/preview/${encodeURIComponent(target?.kind ?? '')}/${encodeURIComponent(target?.id ?? '')}${language}`)),
    enabled: isReady(scope) && target !== null,
  });
}

/** `/api/v1/organizations/:id/articles/:articleId…` */
const articlePath = (organizationId: string, articleId: string, rest = '') => organizationPath(organizationId, `/articles/${encodeURIComponent(articleId)}${rest}`);

/** An article as the reader sees it, for its votes (the quick view in the portal). */
export function useArticleView(organizationId: string | null, articleId: string | null) {
  return useQuery({
    queryKey: [...organizationKey(organizationId ?? ''), 'articles', 'view', articleId],
    queryFn: () => apiClient.get<ArticleView>(articlePath(organizationId ?? '', articleId ?? '')),
    enabled: Boolean(organizationId && articleId),
    retry: false,
    // Every reading counts a view: a quick view is read once, not again on focus or remount.
    staleTime: 5 * 60_000,
  });
}

/** Puts new vote counts into every cached reading of the article, whatever page loaded it. */
function storeVotes(queryClient: QueryClient, organizationId: string, articleId: string, votes: ArticleVotesState) {
  queryClient.setQueriesData<unknown>({ queryKey: organizationKey(organizationId) }, (data: unknown) => {
    if (typeof data !== 'object' || data === null) return data;
    const view = data as Partial<ArticleView>;
    return view.id === articleId && typeof view.votes === 'object' ? { ...view, votes } : data;
  });
}

/** "Was this helpful?": `value` casts or changes the reader's vote, `null` withdraws it. */
export function useArticleVote(organizationId: string, articleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (value: Vote | null) =>
      value === null ? apiClient.delete<ArticleVotesState | undefined>(articlePath(organizationId, articleId, '/vote')) : apiClient.put<ArticleVotesState>(articlePath(organizationId, articleId, '/vote'), { value }),
    // A reading still on its way was taken before this vote: it must not land after it and put the old counts back.
    onMutate: () => queryClient.cancelQueries({ queryKey: [...organizationKey(organizationId), 'articles'] }),
    onSuccess: (result) => {
      if (result && typeof result.helpful === 'number') storeVotes(queryClient, organizationId, articleId, result);
    },
  });
}

/** Counts the opening of a suggested article in the case wizard (for "deflected" statistics); failures are ignored. */
export function recordSuggestionOpened(organizationId: string, wizardId: string, articleId: string): void {
  void apiClient.post<void>(organizationPath(organizationId, '/articles/suggestions/opened'), { wizardId, articleId }).catch(() => undefined);
}

/** Products to filter by: those licensed to the member's sites (portal) or the catalog's (console). */
export function useProductChoices(scope: SearchScope) {
  return useQuery({
    queryKey: [...searchKey(scope), 'product-choices'],
    queryFn: async (): Promise<{ id: string; name: string }[]> => {
      if (scope.face === 'console') {
        const list = await apiClient.get<{ items: { id: string; name: string }[] }>('/api/v1/catalog/products');
        return list.items.map(({ id, name }) => ({ id, name }));
      }
      const list = await apiClient.get<{ items: { product: { id: string; name: string } }[] }>(organizationPath(scope.organizationId ?? '', '/products?limit=100'));
      return list.items.map(({ product }) => ({ id: product.id, name: product.name }));
    },
    enabled: isReady(scope),
    staleTime: 5 * 60_000,
    retry: false,
  });
}
