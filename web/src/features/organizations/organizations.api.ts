import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../app/api-client';
import { meQueryKey } from '../auth/auth.api';

export interface OrganizationSecurity {
  requireMfa: boolean;
}

const securityKey = (organizationId: string) => ['organization-security', organizationId] as const;

/** An organization's sign-in rules, for its owners and admins. */
export function useOrganizationSecurity(organizationId: string) {
  return useQuery({
    queryKey: securityKey(organizationId),
    queryFn: () => apiClient.get<OrganizationSecurity>(`/api/v1/organizations/${encodeURIComponent(organizationId)}/security`),
  });
}

export function useUpdateOrganizationSecurity(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganizationSecurity) =>
      apiClient.patch<OrganizationSecurity>(`/api/v1/organizations/${encodeURIComponent(organizationId)}/security`, body),
    onSuccess: (security) => {
      queryClient.setQueryData(securityKey(organizationId), security);
      // Requiring two-step sign-in may now require it of the person who turned it on.
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}
