import type {
  ArticleSuggestions,
  AssignBody,
  CaseAttachment,
  CaseDetail,
  CaseHistoryEntry,
  CaseLink,
  CaseListItem,
  CaseListPage,
  CasePost,
  CasePostPage,
  CaseWizardOptions,
  CreateCaseBody,
  CreatedCase,
  CreatePostBody,
  MentionCandidate,
  ReopenBody,
  TransitionBody,
  UpdateCaseBody,
} from '@common/schemas/cases';
import type { CaseLinkKind } from '@common/cases';
import type { z } from 'zod';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../app/api-client';
import { toQueryString } from '../../components/to-query-string';
import { organizationKey, organizationPath } from '../organizations/organizations.api';

export type { CaseAttachment, CaseDetail, CaseHistoryEntry, CaseLink, CaseListItem, CasePost, CaseWizardOptions, CreatedCase, MentionCandidate };

/** Everything about cases in one organization is keyed under this prefix. */
export const casesKey = (organizationId: string) => [...organizationKey(organizationId), 'cases'] as const;
/** Everything about one case (detail, posts, attachments, links, history…): what a live event refreshes. */
export const caseKey = (organizationId: string, caseId: string) => [...casesKey(organizationId), 'case', caseId] as const;

/** `/api/v1/organizations/:organizationId/cases…` */
export const casesPath = (organizationId: string, rest = '') => organizationPath(organizationId, `/cases${rest}`);
/** `/api/v1/organizations/:organizationId/cases/:caseId…` */
export const casePath = (organizationId: string, caseId: string, rest = '') => casesPath(organizationId, `/${encodeURIComponent(caseId)}${rest}`);

export interface CaseListFilters {
  view: 'my_open' | 'open' | 'closed';
  q: string;
  siteId: string | null;
  sort: 'status' | 'subject' | 'site' | 'opened' | 'updated';
  order: 'asc' | 'desc';
}

/** The wizard's choices: the member's sites with their contract and entitled products, categories, account team. */
export function useCaseWizardOptions(organizationId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...casesKey(organizationId), 'options'],
    queryFn: () => apiClient.get<CaseWizardOptions>(casesPath(organizationId, '/options')),
    enabled,
  });
}

/** Opens a case (the wizard's Submit). */
export function useCreateCase(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCaseBody) => apiClient.post<CreatedCase>(casesPath(organizationId), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...casesKey(organizationId), 'list'] }),
  });
}

/** The Cases tab: one view, filtered and sorted, paged with "Load more" (keyset cursor). */
export function useCaseList(organizationId: string, filters: CaseListFilters) {
  return useInfiniteQuery({
    queryKey: [...casesKey(organizationId), 'list', filters],
    queryFn: ({ pageParam }) =>
      apiClient.get<CaseListPage>(
        casesPath(organizationId, toQueryString({ view: filters.view, q: filters.q.trim(), siteId: filters.siteId, sort: filters.sort, order: filters.order, cursor: pageParam, limit: 25 })),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** One case with what the signed-in person may do on it (`abilities`). */
export function useCaseDetail(organizationId: string, caseId: string | null) {
  return useQuery({
    queryKey: [...caseKey(organizationId, caseId ?? ''), 'detail'],
    queryFn: () => apiClient.get<CaseDetail>(casePath(organizationId, caseId ?? '')),
    enabled: Boolean(caseId),
    retry: (count, error) => (error as { status?: number }).status !== 404 && count < 2,
  });
}

/** Refreshes everything shown about a case, and the lists it appears in. */
export function useInvalidateCase(organizationId: string, caseId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: caseKey(organizationId, caseId) }),
      queryClient.invalidateQueries({ queryKey: [...casesKey(organizationId), 'list'] }),
    ]);
}

function useCaseMutation<TBody, TResult = unknown>(organizationId: string, caseId: string, send: (body: TBody) => Promise<TResult>) {
  const invalidate = useInvalidateCase(organizationId, caseId);
  return useMutation({ mutationFn: send, onSettled: invalidate });
}

/** Engineers edit the description or write the resolution. */
export function useUpdateCase(organizationId: string, caseId: string) {
  return useCaseMutation(organizationId, caseId, (body: UpdateCaseBody) => apiClient.patch<CaseDetail>(casePath(organizationId, caseId), body));
}

/** Moves the case to another status (`expectedStatus`: the one the person saw). */
export function useTransitionCase(organizationId: string, caseId: string) {
  return useCaseMutation(organizationId, caseId, (body: TransitionBody) => apiClient.post<CaseDetail>(casePath(organizationId, caseId, '/transitions'), body));
}

/** The customer's reopen request for a case closed within the window. */
export function useReopenCase(organizationId: string, caseId: string) {
  return useCaseMutation(organizationId, caseId, (body: ReopenBody) => apiClient.post<CaseDetail>(casePath(organizationId, caseId, '/reopen'), body));
}

/** Assigns the case to an engineer, or nobody. */
export function useAssignCase(organizationId: string, caseId: string) {
  return useCaseMutation(organizationId, caseId, (body: AssignBody) => apiClient.post<CaseDetail>(casePath(organizationId, caseId, '/assign'), body));
}

/** The vendor's support engineers, for the Assign select (engineers only). */
export function useEngineers({ enabled }: { enabled: boolean }) {
  return useQuery({
    queryKey: ['cases', 'engineers'],
    queryFn: () => apiClient.get<{ items: { id: string; name: string; email: string }[] }>('/api/v1/cases/engineers'),
    enabled,
    staleTime: 60_000,
  });
}

/** The case's history: every change, oldest first as the server sends it. */
export function useCaseHistory(organizationId: string, caseId: string) {
  return useQuery({
    queryKey: [...caseKey(organizationId, caseId), 'history'],
    queryFn: () => apiClient.get<{ items: CaseHistoryEntry[] }>(casePath(organizationId, caseId, '/history')),
  });
}

/** The feed, newest first, with "Load older". */
export function useCasePosts(organizationId: string, caseId: string) {
  return useInfiniteQuery({
    queryKey: [...caseKey(organizationId, caseId), 'posts'],
    queryFn: ({ pageParam }) => apiClient.get<CasePostPage>(casePath(organizationId, caseId, `/posts${toQueryString({ cursor: pageParam, limit: 30 })}`)),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** Posts to the feed (attachments uploaded first, their ids sent with it). */
export function useCreatePost(organizationId: string, caseId: string) {
  return useCaseMutation(organizationId, caseId, (body: CreatePostBody) => apiClient.post<CasePost>(casePath(organizationId, caseId, '/posts'), body));
}

/** People who may be mentioned with @ whose name or email matches. */
export function useMentionCandidates(organizationId: string, caseId: string, q: string | null) {
  return useQuery({
    queryKey: [...caseKey(organizationId, caseId), 'mention-candidates', q],
    queryFn: () => apiClient.get<{ items: MentionCandidate[] }>(casePath(organizationId, caseId, `/mention-candidates${toQueryString({ q: q ?? '' })}`)),
    enabled: q !== null,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
}

/** The case's attachments (on the case and on its posts). */
export function useCaseAttachments(organizationId: string, caseId: string) {
  return useQuery({
    queryKey: [...caseKey(organizationId, caseId), 'attachments'],
    queryFn: () => apiClient.get<{ items: CaseAttachment[] }>(casePath(organizationId, caseId, '/attachments')),
  });
}

/**
 * Removes an attachment (its uploader while the case is open, engineers at any time): the bytes are
 * deleted and the post shows who removed it; a file not yet on a post goes entirely.
 */
export function useRemoveAttachment(organizationId: string, caseId: string) {
  return useCaseMutation(organizationId, caseId, (attachmentId: string) => apiClient.delete<void>(casePath(organizationId, caseId, `/attachments/${encodeURIComponent(attachmentId)}`)));
}

/** Knowledge articles, documents and releases linked to the case. */
export function useCaseLinks(organizationId: string, caseId: string) {
  return useQuery({
    queryKey: [...caseKey(organizationId, caseId), 'links'],
    queryFn: () => apiClient.get<{ items: CaseLink[] }>(casePath(organizationId, caseId, '/links')),
  });
}

/** Content of a kind an engineer may link, matching the search. */
export function useLinkCandidates(organizationId: string, caseId: string, kind: CaseLinkKind, q: string, { enabled }: { enabled: boolean }) {
  return useQuery({
    queryKey: [...caseKey(organizationId, caseId), 'link-candidates', kind, q],
    queryFn: () => apiClient.get<{ items: { kind: CaseLinkKind; targetId: string; title: string }[] }>(casePath(organizationId, caseId, `/link-candidates${toQueryString({ kind, q })}`)),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Links content to the case (engineers). */
export function useAddLink(organizationId: string, caseId: string) {
  return useCaseMutation(organizationId, caseId, (body: { kind: CaseLinkKind; targetId: string }) => apiClient.post<CaseLink>(casePath(organizationId, caseId, '/links'), body));
}

/** Removes a link (engineers). */
export function useRemoveLink(organizationId: string, caseId: string) {
  return useCaseMutation(organizationId, caseId, (linkId: string) => apiClient.delete<void>(casePath(organizationId, caseId, `/links/${encodeURIComponent(linkId)}`)));
}

/** Remote-support sessions linked to the case. */
export function useCaseRemoteSessions(organizationId: string, caseId: string) {
  return useQuery({
    queryKey: [...caseKey(organizationId, caseId), 'remote-sessions'],
    queryFn: () => apiClient.get<{ items: { sessionId: string; linkedAt: string }[] }>(casePath(organizationId, caseId, '/remote-sessions')),
  });
}

/** Knowledge articles matching what the wizard's subject and description say so far. */
export function useArticleSuggestions(organizationId: string, q: string) {
  return useQuery({
    queryKey: [...organizationKey(organizationId), 'articles', 'suggestions', q],
    queryFn: () => apiClient.get<z.infer<typeof ArticleSuggestions>>(organizationPath(organizationId, `/articles/suggestions${toQueryString({ q })}`)),
    enabled: q.trim() !== '',
    placeholderData: keepPreviousData,
    retry: false,
  });
}
