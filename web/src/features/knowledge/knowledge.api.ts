import type { ArticleLanguage, ArticleStatus, ArticleVisibility, VerificationState } from '@common/knowledge';
import type {
  AddTranslationBody,
  Article,
  ArticleAttachment,
  ArticlePage,
  ArticleTranslation,
  ArticleView,
  CreateArticleBody,
  UpdateArticleBody,
} from '@common/schemas/knowledge';
import i18n from 'i18next';
import { keepPreviousData, useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../app/api-client';
import { uploadRawFile, type RawUpload } from '../../app/upload-raw-file';
import { toQueryString } from '../../components/to-query-string';
import { caseKey, casePath, type CaseLink } from '../cases/cases.api';
import { organizationKey, organizationPath } from '../organizations/organizations.api';

export type { Article, ArticleAttachment, ArticlePage, ArticleTranslation, ArticleView };
export type ArticleListItem = ArticlePage['items'][number];

/** The console's article list filters (also the URL's search params). */
export interface ConsoleArticleFilters {
  q: string;
  status: ArticleStatus | null;
  visibility: ArticleVisibility | null;
  language: ArticleLanguage | null;
  verification: VerificationState | null;
  productId: string | null;
}

/** The portal's article list filters. */
export interface PortalArticleFilters {
  language: ArticleLanguage | null;
  productId: string | null;
}

const PAGE_SIZE = 25;
const id = encodeURIComponent;

/** Everything the console shows about articles is keyed under this prefix. */
const consoleArticlesKey = ['console', 'articles'] as const;
const consoleArticleKey = (articleId: string) => [...consoleArticlesKey, 'detail', articleId] as const;
const portalArticlesKey = (organizationId: string) => [...organizationKey(organizationId), 'articles'] as const;

/** `/api/v1/console/articles…` */
export const consoleArticlePath = (articleId: string, rest = '') => `/api/v1/console/articles/${id(articleId)}${rest}`;
/** `/api/v1/organizations/:organizationId/articles…` */
const portalArticlesPath = (organizationId: string, rest = '') => organizationPath(organizationId, `/articles${rest}`);

/** The console's articles, filtered, newest change first, with "Show more" (keyset cursor). */
export function useConsoleArticles(filters: ConsoleArticleFilters) {
  return useInfiniteQuery({
    queryKey: [...consoleArticlesKey, 'list', filters],
    queryFn: ({ pageParam }) => apiClient.get<ArticlePage>(`/api/v1/console/articles${toQueryString({ ...filters, q: filters.q.trim(), cursor: pageParam, limit: PAGE_SIZE })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** One article as the console edits it: every translation, drafts included. */
export function useConsoleArticle(articleId: string | null) {
  return useQuery({
    queryKey: consoleArticleKey(articleId ?? ''),
    queryFn: () => apiClient.get<Article>(consoleArticlePath(articleId ?? '')),
    enabled: Boolean(articleId),
  });
}

/** True when a mutation answered with the whole article (as PATCH, translations and publish do). */
export const isArticle = (value: unknown): value is Article => typeof value === 'object' && value !== null && Array.isArray((value as Partial<Article>).translations);

/**
 * A change to one article: the answer (when it is the article) replaces the cached one at once, and
 * the article and the lists are refreshed either way, since a change may move it in a list.
 */
function useArticleMutation<TVariables, TResult>(articleId: string, send: (variables: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (result) => {
      if (isArticle(result)) queryClient.setQueryData(consoleArticleKey(articleId), result);
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: consoleArticleKey(articleId) }),
        queryClient.invalidateQueries({ queryKey: [...consoleArticlesKey, 'list'] }),
      ]),
  });
}

/** Creates an article with its first translation. */
export function useCreateArticle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateArticleBody) => apiClient.post<Article>('/api/v1/console/articles', body),
    onSuccess: (article) => {
      queryClient.setQueryData(consoleArticleKey(article.id), article);
      return queryClient.invalidateQueries({ queryKey: [...consoleArticlesKey, 'list'] });
    },
  });
}

/** Saves one language's words and/or what all languages share (visibility, products). */
export const useUpdateArticle = (articleId: string) => useArticleMutation(articleId, (body: UpdateArticleBody) => apiClient.patch<Article>(consoleArticlePath(articleId), body));

/** Adds the article in another language. */
export const useAddTranslation = (articleId: string) =>
  useArticleMutation(articleId, (body: AddTranslationBody) => apiClient.post<Article>(consoleArticlePath(articleId, '/translations'), body));

/** Deletes one language of the article (the server keeps the last one). */
export const useDeleteTranslation = (articleId: string) =>
  useArticleMutation(articleId, (language: ArticleLanguage) => apiClient.delete<Article | undefined>(consoleArticlePath(articleId, `/translations/${id(language)}`)));

/** Publishes (`publish: true`) or unpublishes one language. */
export const usePublishTranslation = (articleId: string) =>
  useArticleMutation(articleId, ({ language, publish }: { language: ArticleLanguage; publish: boolean }) =>
    apiClient.post<Article | undefined>(consoleArticlePath(articleId, publish ? '/publish' : '/unpublish'), { language }),
  );

/** Marks the article verified (again) or withdraws the verification. */
export const useVerifyArticle = (articleId: string) =>
  useArticleMutation(articleId, (verify: boolean) =>
    verify ? apiClient.post<Article | undefined>(consoleArticlePath(articleId, '/verify')) : apiClient.delete<Article | undefined>(consoleArticlePath(articleId, '/verify')),
  );

/** Deletes one attachment of the article. */
export const useDeleteArticleAttachment = (articleId: string) =>
  useArticleMutation(articleId, (attachmentId: string) => apiClient.delete<void>(consoleArticlePath(articleId, `/attachments/${id(attachmentId)}`)));

/** Deletes the whole article. */
export function useDeleteArticle(articleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiClient.delete<void>(consoleArticlePath(articleId)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...consoleArticlesKey, 'list'] }),
  });
}

/** Uploads one file to the article as the raw request body (`POST …/attachments?name=`), reporting progress from 0 to 1. */
export function uploadArticleAttachment(articleId: string, file: File, onProgress: (fraction: number) => void): RawUpload<ArticleAttachment> {
  return uploadRawFile<ArticleAttachment>(consoleArticlePath(articleId, `/attachments${toQueryString({ name: file.name })}`), file, onProgress, i18n.t('knowledge.attachments.cancelled'));
}

/** "Publish as article" on a closed case: a draft article from its resolution (or the one it already has). */
export function usePublishCaseAsArticle(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiClient.post<{ id: string; created: boolean }>(`/api/v1/console/cases/${id(caseId)}/article`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: consoleArticlesKey }),
  });
}

/**
 * The article made from this case, if any: among the articles linked to the case (publishing adds
 * the link), the one whose source is the case. Engineers' console only.
 */
export function useCaseArticle(organizationId: string, caseId: string, { enabled }: { enabled: boolean }) {
  // The same query as the case's Linked content tab, so they share one answer and its refreshes.
  const links = useQuery({
    queryKey: [...caseKey(organizationId, caseId), 'links'],
    queryFn: () => apiClient.get<{ items: CaseLink[] }>(casePath(organizationId, caseId, '/links')),
    enabled,
  });
  const articleIds = (links.data?.items ?? []).filter((link) => link.kind === 'article').map((link) => link.targetId);
  const articles = useQueries({
    queries: articleIds.map((articleId) => ({
      queryKey: consoleArticleKey(articleId),
      queryFn: () => apiClient.get<Article>(consoleArticlePath(articleId)),
      enabled,
      retry: false,
    })),
  });
  const found = articles.find((entry) => entry.data?.sourceCase?.id === caseId)?.data ?? null;
  return { articleId: found?.id ?? null, isLoading: links.isLoading || articles.some((entry) => entry.isLoading) };
}

/** The organization's readable articles (published, for customers or public), newest change first. */
export function usePortalArticles(organizationId: string, filters: PortalArticleFilters) {
  return useInfiniteQuery({
    queryKey: [...portalArticlesKey(organizationId), 'list', filters],
    queryFn: ({ pageParam }) => apiClient.get<ArticlePage>(portalArticlesPath(organizationId, toQueryString({ ...filters, cursor: pageParam, limit: PAGE_SIZE }))),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** One article as a member reads it, in `language` when published in it (else the server picks). */
export function usePortalArticle(organizationId: string, articleId: string, language: ArticleLanguage | null) {
  return useQuery({
    queryKey: [...portalArticlesKey(organizationId), 'view', articleId, language],
    queryFn: () => apiClient.get<ArticleView>(portalArticlesPath(organizationId, `/${id(articleId)}${toQueryString({ lang: language })}`)),
    placeholderData: keepPreviousData,
  });
}

/** A public article, read by anyone (signed in or not). */
export function usePublicArticle(articleId: string, language: ArticleLanguage | null) {
  return useQuery({
    queryKey: ['public', 'articles', articleId, language],
    queryFn: () => apiClient.get<ArticleView>(`/api/v1/public/articles/${id(articleId)}${toQueryString({ lang: language })}`),
    placeholderData: keepPreviousData,
  });
}
