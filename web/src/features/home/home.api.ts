import type { CaseListItem, CaseListPage, FeedEntry, FeedPage, HomeHighlights, HomePreferences } from '@common/schemas/cases';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../app/api-client';
import { toQueryString } from '../../components/to-query-string';
import { organizationPath } from '../organizations/organizations.api';

export type { CaseListItem, FeedEntry, HomeHighlights, HomePreferences };

/** Everything the home page shows; a live event refetches all of it. */
export const homeKey = ['home'] as const;
const homeOrganizationKey = (organizationId: string) => [...homeKey, organizationId] as const;
const homePreferencesKey = ['home-preferences'] as const;

/** Entries per page of My feed. */
const FEED_PAGE_SIZE = 20;
/** How many of the person's open cases are looked at for the "waiting for your attention" list. */
const WAITING_SCAN_LIMIT = 100;

/** The highlights panel's figures for the organization, in the order the person chose. */
export function useHighlights(organizationId: string) {
  return useQuery({
    queryKey: [...homeOrganizationKey(organizationId), 'highlights'],
    queryFn: () => apiClient.get<HomeHighlights>(organizationPath(organizationId, '/home/highlights')),
  });
}

/** My feed in the organization, newest first, a page at a time ("Load more"). */
export function useHomeFeed(organizationId: string) {
  return useInfiniteQuery({
    queryKey: [...homeOrganizationKey(organizationId), 'feed'],
    queryFn: ({ pageParam }) => apiClient.get<FeedPage>(organizationPath(organizationId, `/home/feed${toQueryString({ before: pageParam, limit: FEED_PAGE_SIZE })}`)),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** The person's open cases that wait on them (Waiting on Response, Answered), most recently updated first. */
export function useWaitingCases(organizationId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...homeOrganizationKey(organizationId), 'waiting'],
    queryFn: () => apiClient.get<CaseListPage>(organizationPath(organizationId, `/cases${toQueryString({ view: 'my_open', sort: 'updated', order: 'desc', limit: WAITING_SCAN_LIMIT })}`)),
    select: (page) => page.items.filter((item) => item.waitingOnCustomer),
    enabled,
  });
}

/** Which highlights the person shows (in order) and which event kinds their feed lists. */
export function useHomePreferences() {
  return useQuery({ queryKey: homePreferencesKey, queryFn: () => apiClient.get<HomePreferences>('/api/v1/me/home-preferences') });
}

/** Saves both home preferences; the panels refetch with the new choice. */
export function useSaveHomePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: HomePreferences) => apiClient.put<HomePreferences>('/api/v1/me/home-preferences', body),
    onSuccess: (saved, body) => {
      queryClient.setQueryData(homePreferencesKey, saved ?? body);
      void queryClient.invalidateQueries({ queryKey: homeKey });
    },
  });
}
