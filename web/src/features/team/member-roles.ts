import type { MemberRole } from './team.api';

/** Every customer role, most powerful first (as common/permissions.ts lists them). */
export const memberRoles: readonly MemberRole[] = ['owner', 'admin', 'super', 'support', 'download', 'operator', 'viewer'];

/** Owners and admins act on every site, so they have no site selection. */
export function isAllSitesRole(role: MemberRole): boolean {
  return role === 'owner' || role === 'admin';
}

/** The roles a member may give others: only an owner makes owners. */
export function getAssignableRoles(myRole: MemberRole | null): MemberRole[] {
  return myRole === 'owner' ? [...memberRoles] : memberRoles.filter((role) => role !== 'owner');
}

/** The roles an invitation may carry: viewer, unless the organization allows others. */
export function getInvitableRoles(myRole: MemberRole | null, allowInviteRoles: boolean): MemberRole[] {
  return allowInviteRoles ? getAssignableRoles(myRole) : ['viewer'];
}
