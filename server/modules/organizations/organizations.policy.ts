import { CUSTOMER_ROLE_PERMISSIONS, STAFF_ROLE_PERMISSIONS, type CustomerRole, type Permission, type StaffRole } from '../../../common/permissions';

/** Who is asking, as far as one organization is concerned. */
export interface OrganizationStanding {
  staffRole: StaffRole | null;
  /** The actor's active role in the organization, or null when not a member. */
  memberRole: CustomerRole | null;
  /** The sites a member below admin may act on (sub-sites included); owners and admins act on all. */
  siteIds: readonly string[];
}

/** Roles that act on every site of their organization; the others only on the sites they were given. */
export const ALL_SITES_ROLES: readonly CustomerRole[] = ['owner', 'admin'];

/** True when the actor may exercise the permission on the organization (issue 4's role table). */
export function canOnOrganization(standing: OrganizationStanding, permission: Permission): boolean {
  if (standing.memberRole && CUSTOMER_ROLE_PERMISSIONS[standing.memberRole].includes(permission)) return true;
  return standing.staffRole !== null && STAFF_ROLE_PERMISSIONS[standing.staffRole].includes(permission);
}

/** True when the actor may exercise the permission on one site: below admin, only on their sites. */
export function canOnSite(standing: OrganizationStanding, permission: Permission, siteId: string): boolean {
  if (!canOnOrganization(standing, permission)) return false;
  if (standing.staffRole !== null && STAFF_ROLE_PERMISSIONS[standing.staffRole].includes(permission)) return true;
  return ALL_SITES_ROLES.includes(standing.memberRole!) || standing.siteIds.includes(siteId);
}

/** True when the actor may see that the organization exists at all (otherwise it answers 404). */
export function canSeeOrganization(standing: OrganizationStanding): boolean {
  return standing.memberRole !== null || canOnOrganization(standing, 'customer.view');
}
