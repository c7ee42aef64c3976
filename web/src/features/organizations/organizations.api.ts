import type {
  ArchiveOrganizationBody,
  CreateOrganizationBody,
  Organization,
  OrganizationContact,
  OrganizationList,
  OrganizationSummary,
  UpdateOrganizationBody,
} from '@common/schemas/organizations';
import type { Permission } from '@common/permissions';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../app/api-client';
import { meQueryKey } from '../auth/auth.api';

export type { Organization, OrganizationContact, OrganizationList, OrganizationSummary, Permission };

export interface OrganizationSecurity {
  requireMfa: boolean;
}

/** The organizations the signed-in person belongs to (the switcher). */
export const organizationsKey = ['organizations'] as const;
/** One organization; everything under it (sites, members, activity…) is keyed below this prefix. */
export const organizationKey = (organizationId: string) => ['organization', organizationId] as const;
const securityKey = (organizationId: string) => [...organizationKey(organizationId), 'security'] as const;
const contactKey = (organizationId: string) => [...organizationKey(organizationId), 'contact'] as const;

/** `/api/v1/organizations/:id`, with the id encoded, plus an optional sub-path. */
export const organizationPath = (organizationId: string, rest = '') => `/api/v1/organizations/${encodeURIComponent(organizationId)}${rest}`;

/** My organizations and the one last chosen in the switcher. */
export function useOrganizations({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: organizationsKey,
    queryFn: () => apiClient.get<OrganizationList>('/api/v1/organizations'),
    staleTime: 60_000,
    enabled,
  });
}

/** Remembers an organization as the person's current one on the server; a failure only loses the memory. */
export async function rememberOrganization(organizationId: string): Promise<void> {
  await apiClient.put<void>('/api/v1/me/last-organization', { organizationId }).catch(() => undefined);
}

/** The switcher's choice: applies at once, and is remembered on the server for the next visit. */
export function useSelectOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rememberOrganization,
    onMutate: (organizationId) => {
      queryClient.setQueryData<OrganizationList>(organizationsKey, (list) => (list ? { ...list, lastOrganizationId: organizationId } : list));
    },
  });
}

/** Creates an organization with the signed-in person as its owner, and switches to it. */
export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOrganizationBody) => apiClient.post<Organization>('/api/v1/organizations', body),
    onSuccess: async (organization) => {
      queryClient.setQueryData(organizationKey(organization.id), organization);
      await rememberOrganization(organization.id);
      // Not awaited: the caller's own onSuccess should run before the pages switch to the new organization.
      void queryClient.invalidateQueries({ queryKey: organizationsKey });
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

/** One organization with what the signed-in person may do in it (`abilities`). */
export function useOrganization(organizationId: string | null | undefined) {
  return useQuery({
    queryKey: organizationKey(organizationId ?? ''),
    queryFn: () => apiClient.get<Organization>(organizationPath(organizationId ?? '')),
    enabled: Boolean(organizationId),
  });
}

export function useUpdateOrganization(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateOrganizationBody) => apiClient.patch<Organization>(organizationPath(organizationId), body),
    onSuccess: (organization) => {
      queryClient.setQueryData(organizationKey(organizationId), organization);
      // The name shows in the switcher and on the home page.
      void queryClient.invalidateQueries({ queryKey: organizationsKey });
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

/** Archives the organization: it becomes read-only and leaves its members' switchers. */
export function useArchiveOrganization(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ArchiveOrganizationBody) => apiClient.post<Organization>(organizationPath(organizationId, '/archive'), body),
    onSuccess: () => {
      // Not awaited: the caller leaves the organization's pages before the switcher moves on.
      void queryClient.invalidateQueries({ queryKey: organizationKey(organizationId) });
      void queryClient.invalidateQueries({ queryKey: organizationsKey });
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
      void queryClient.invalidateQueries({ queryKey: ['admin', 'organizations'] });
    },
  });
}

/** Who to call: the account team and the vendor's support line. */
export function useOrganizationContact(organizationId: string) {
  return useQuery({
    queryKey: contactKey(organizationId),
    queryFn: () => apiClient.get<OrganizationContact>(organizationPath(organizationId, '/contact')),
  });
}

/** An organization's sign-in rules, for its owners and admins. */
export function useOrganizationSecurity(organizationId: string) {
  return useQuery({
    queryKey: securityKey(organizationId),
    queryFn: () => apiClient.get<OrganizationSecurity>(organizationPath(organizationId, '/security')),
  });
}

export function useUpdateOrganizationSecurity(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganizationSecurity) => apiClient.patch<OrganizationSecurity>(organizationPath(organizationId, '/security'), body),
    onSuccess: (security) => {
      queryClient.setQueryData(securityKey(organizationId), security);
      queryClient.setQueryData<Organization>(organizationKey(organizationId), (organization) =>
        organization ? { ...organization, requireMfa: security.requireMfa } : organization,
      );
      // Requiring two-step sign-in may now require it of the person who turned it on.
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}
