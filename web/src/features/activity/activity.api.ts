import type { ActivityEvent, ActivityPage, AuditCategory } from '@common/schemas/audit';
import { useInfiniteQuery } from '@tanstack/react-query';
import { apiClient } from '../../app/api-client';
import { organizationKey, organizationPath } from '../organizations/organizations.api';

export type { ActivityEvent, ActivityPage, AuditCategory };

/** Whose activity: the whole installation (console) or one organization (its owners and admins, or vendor staff). */
export type ActivityScope = { kind: 'console' } | { kind: 'organization'; organizationId: string };

const pageSize = 50;

function basePath(scope: ActivityScope): string {
  return scope.kind === 'console' ? '/api/v1/admin/activity' : organizationPath(scope.organizationId, '/activity');
}

function scopeKey(scope: ActivityScope) {
  return scope.kind === 'console' ? (['admin', 'activity'] as const) : ([...organizationKey(scope.organizationId), 'activity'] as const);
}

/** The activity log for a query string from `getActivityQuery`, newest first, a page at a time. */
export function useActivity(scope: ActivityScope, query: string) {
  return useInfiniteQuery({
    queryKey: [...scopeKey(scope), query],
    queryFn: ({ pageParam }) =>
      apiClient.get<ActivityPage>(`${basePath(scope)}${query}&limit=${pageSize}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** The .xlsx export of the same filters; a plain GET the browser downloads (the session cookie goes along). */
export function getActivityExportUrl(scope: ActivityScope, query: string): string {
  return `${basePath(scope)}/export${query}`;
}
