import type { BulkCasesBody, BulkCasesResult, CaseLocator, Engineers, QueueItem, QueuePage } from '@common/schemas/cases';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiClient } from '../../app/api-client';
import { getQueueQuery, type QueueFilters } from './queue-filters';

export type { BulkCasesBody, BulkCasesResult, QueueItem, QueuePage };
export type Engineer = z.infer<typeof Engineers>['items'][number];
export type CaseLocation = z.infer<typeof CaseLocator>;

const queueKey = ['case-queue'] as const;

/** The engineers' queue under the filters, oldest update first, a keyset page at a time. */
export function useQueue(filters: QueueFilters) {
  return useInfiniteQuery({
    queryKey: [...queueKey, 'cases', filters],
    queryFn: ({ pageParam }) => apiClient.get<QueuePage>(`/api/v1/cases/queue${getQueueQuery(filters, pageParam)}`),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** The people cases may be assigned to (vendor staff who answer cases). */
export function useEngineers() {
  return useQuery({
    queryKey: [...queueKey, 'engineers'],
    queryFn: () => apiClient.get<z.infer<typeof Engineers>>('/api/v1/cases/engineers'),
    staleTime: 5 * 60_000,
  });
}

/** Sets the status and/or assignee of several cases; each case succeeds or fails on its own. */
export function useBulkUpdateCases() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkCasesBody) => apiClient.post<BulkCasesResult>('/api/v1/cases/bulk', body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queueKey }),
  });
}

/** Finds a case by its 8-digit number or its number in the old system. */
export function useFindCaseByNumber() {
  return useMutation({
    mutationFn: (number: string) => apiClient.get<CaseLocation>(`/api/v1/cases/by-number/${encodeURIComponent(number)}`),
  });
}
