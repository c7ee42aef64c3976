import type { ConsoleOrganization, ConsoleOrganizationList, Organization, UpdateAccountTeamBody } from '@common/schemas/organizations';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../app/api-client';
import { toQueryString } from '../../components/to-query-string';
import { organizationKey, organizationPath } from '../organizations/organizations.api';

export type { ConsoleOrganization };

export interface CustomerFilters {
  q: string;
  /** Only archived (`true`), only active (`false`), or all (null). */
  archived: 'true' | 'false' | null;
  page: number;
  pageSize: number;
}

const customersKey = ['admin', 'organizations'] as const;

/** The console's customer organizations, searched and paged. */
export function useCustomers(filters: CustomerFilters) {
  return useQuery({
    queryKey: [...customersKey, filters],
    queryFn: () => apiClient.get<ConsoleOrganizationList>(`/api/v1/admin/organizations${toQueryString({ ...filters })}`),
    placeholderData: keepPreviousData,
  });
}

/** Brings an archived organization back (vendor administrators). */
export function useRestoreOrganization(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiClient.post<Organization>(organizationPath(organizationId, '/restore')),
    onSuccess: (organization) => {
      if (organization) queryClient.setQueryData(organizationKey(organizationId), organization);
      void queryClient.invalidateQueries({ queryKey: organizationKey(organizationId) });
      void queryClient.invalidateQueries({ queryKey: customersKey });
    },
  });
}

/** Assigns the account manager and success manager (vendor staff user ids, or null). */
export function useUpdateAccountTeam(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateAccountTeamBody) => apiClient.put<unknown>(organizationPath(organizationId, '/account-team'), body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: organizationKey(organizationId) });
      void queryClient.invalidateQueries({ queryKey: customersKey });
    },
  });
}
