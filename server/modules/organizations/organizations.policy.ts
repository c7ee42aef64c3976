import { CUSTOMER_ROLE_PERMISSIONS, STAFF_ROLE_PERMISSIONS, type CustomerRole, type Permission, type StaffRole } from '../../../common/permissions';

/** Who is asking, as far as one organization is concerned. */
export interface OrganizationActor {
  staffRole: StaffRole | null;
  /** The actor's active role in the organization, or null when not a member. */
  memberRole: CustomerRole | null;
}

/** True when the actor may exercise the permission on the organization (roles of issue 4's table). */
export function canOnOrganization(actor: OrganizationActor, permission: Permission): boolean {
  if (actor.memberRole && CUSTOMER_ROLE_PERMISSIONS[actor.memberRole].includes(permission)) return true;
  return actor.staffRole !== null && STAFF_ROLE_PERMISSIONS[actor.staffRole].includes(permission);
}

/** True when the actor may see that the organization exists at all (otherwise it answers 404). */
export function canSeeOrganization(actor: OrganizationActor): boolean {
  return actor.memberRole !== null || canOnOrganization(actor, 'customer.view');
}
