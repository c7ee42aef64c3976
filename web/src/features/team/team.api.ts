import type {
  AcceptInvitationResult,
  BulkMemberAction,
  BulkMemberResult,
  CreateInvitationBody,
  Directory,
  DirectoryEntry,
  Invitation,
  InvitationList,
  InvitationLookup,
  InvitationStatus,
  MemberList,
  MemberRole,
  MemberStatus,
  MemberSummary,
  UpdateMemberBody,
} from '@common/schemas/team';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../app/api-client';
import { toQueryString } from '../../components/to-query-string';
import { meQueryKey } from '../auth/auth.api';
import { organizationKey, organizationPath, organizationsKey, rememberOrganization } from '../organizations/organizations.api';

export type { BulkMemberAction, DirectoryEntry, Invitation, InvitationLookup, InvitationStatus, MemberRole, MemberStatus, MemberSummary };

/** The members table's filters and page. */
export interface MemberFilters {
  q?: string;
  role?: MemberRole | null;
  status?: MemberStatus | null;
  siteId?: string | null;
  page: number;
  pageSize: number;
}

const membersKey = (organizationId: string) => [...organizationKey(organizationId), 'members'] as const;
const invitationsKey = (organizationId: string) => [...organizationKey(organizationId), 'invitations'] as const;
const memberPath = (organizationId: string, memberId: string) => organizationPath(organizationId, `/members/${encodeURIComponent(memberId)}`);

/** One page of the organization's members, filtered; the previous page stays shown while the next loads. */
export function useMembers(organizationId: string, filters: MemberFilters) {
  return useQuery({
    queryKey: [...membersKey(organizationId), filters],
    queryFn: () => apiClient.get<MemberList>(organizationPath(organizationId, `/members${toQueryString({ ...filters })}`)),
    placeholderData: keepPreviousData,
  });
}

/** Changes a member's role and/or the sites they may act on. */
export function useUpdateMember(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ memberId, body }: { memberId: string; body: UpdateMemberBody }) => apiClient.patch<MemberSummary>(memberPath(organizationId, memberId), body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: membersKey(organizationId) });
      // Changing one's own role changes what one may do here.
      void queryClient.invalidateQueries({ queryKey: organizationKey(organizationId), exact: true });
      void queryClient.invalidateQueries({ queryKey: organizationsKey });
    },
  });
}

/** Deactivates, reactivates or removes several members at once. */
export function useBulkUpdateMembers(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { memberIds: string[]; action: BulkMemberAction }) => apiClient.post<BulkMemberResult>(organizationPath(organizationId, '/members/bulk'), body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: membersKey(organizationId) }),
  });
}

/** The organization's contacts ("Don't see who you're looking for?"). */
export function useDirectory(organizationId: string, q: string) {
  return useQuery({
    queryKey: [...organizationKey(organizationId), 'directory', q],
    queryFn: () => apiClient.get<Directory>(organizationPath(organizationId, `/directory${toQueryString({ q })}`)),
    placeholderData: keepPreviousData,
  });
}

export function useInvitations(organizationId: string) {
  return useQuery({
    queryKey: invitationsKey(organizationId),
    queryFn: () => apiClient.get<InvitationList>(organizationPath(organizationId, '/invitations?pageSize=100')),
  });
}

/** Invites someone by email; they get a link to accept. */
export function useInviteMember(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateInvitationBody) => apiClient.post<Invitation>(organizationPath(organizationId, '/invitations'), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey(organizationId) }),
  });
}

export function useRevokeInvitation(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) => apiClient.post<void>(organizationPath(organizationId, `/invitations/${encodeURIComponent(invitationId)}/revoke`)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: invitationsKey(organizationId) }),
  });
}

/** What an invitation link is for; works signed out. */
export function useInvitationLookup(token: string) {
  return useQuery({
    queryKey: ['invitation-lookup', token],
    queryFn: () => apiClient.get<InvitationLookup>(`/api/v1/invitations/lookup${toQueryString({ token })}`),
    enabled: Boolean(token),
    retry: false,
  });
}

/** Accepts an invitation as the signed-in person, and makes its organization the current one. */
export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => apiClient.post<AcceptInvitationResult>('/api/v1/invitations/accept', { token }),
    onSuccess: async (result) => {
      await rememberOrganization(result.organizationId);
      await Promise.all([queryClient.invalidateQueries({ queryKey: organizationsKey }), queryClient.invalidateQueries({ queryKey: meQueryKey })]);
    },
  });
}
