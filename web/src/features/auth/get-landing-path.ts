import { getHomePath } from './get-home-path';
import { getSafeNextPath } from './get-safe-next-path';
import type { Me } from './me';

/**
 * Where to go once signed in: a pending password change first, then a required two-step
 * enrolment (which continues to the page asked for), then the page asked for, then home.
 */
export function getLandingPath(me: Me, next: string | null): string {
  const safeNext = getSafeNextPath(next);
  if (me.mustChangePassword) return '/change-password';
  if (me.mfaEnrollmentRequired) return safeNext ? `/setup-two-step?next=${encodeURIComponent(safeNext)}` : '/setup-two-step';
  return safeNext ?? getHomePath(me);
}
