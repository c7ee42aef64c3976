import type { Me } from './me';

/** Where a person lands after signing in: account setup first, then the console for vendor staff, the portal for everyone else. */
export function getHomePath(me: Me): string {
  if (me.mustChangePassword) return '/change-password';
  if (me.mfaEnrollmentRequired) return '/setup-two-step';
  return me.staffRole ? '/console' : '/portal';
}
