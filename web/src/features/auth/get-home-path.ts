import type { Me } from './me';

/** Where a person lands after signing in: the console for vendor staff, the portal for everyone else. */
export function getHomePath(me: Me): string {
  if (me.mustChangePassword) return '/change-password';
  return me.staffRole ? '/console' : '/portal';
}
