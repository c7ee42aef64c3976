import { STAFF_ROLE_PERMISSIONS, type Permission } from '@common/permissions';
import type { Me } from './me';
import { useSignedInMe } from './use-signed-in-me';

/** Whether a person's vendor staff role includes a permission (customers have none in the console). */
export function staffCan(me: Pick<Me, 'staffRole'> | null | undefined, permission: Permission): boolean {
  const role = me?.staffRole;
  return role !== null && role !== undefined && STAFF_ROLE_PERMISSIONS[role].includes(permission);
}

/** Whether the signed-in staff member's role includes a permission. */
export function useStaffCan(permission: Permission): boolean {
  return staffCan(useSignedInMe(), permission);
}
