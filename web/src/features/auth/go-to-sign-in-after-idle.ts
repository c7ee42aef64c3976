import { isAuthPath } from './is-auth-path';
import { isPublicPath } from './is-public-path';

let isLeaving = false;

/**
 * Leaves for `/sign-in?reason=idle` (or `ended`: the session was ended from another device or by a
 * password change) with a full page load, so nothing of the ended session stays in memory; the
 * person comes back to the page they were on. Does nothing on the public pages (sign-in,
 * registration…), where a stale cookie only means "not signed in".
 */
export function goToSignInAfterIdle(reason: 'idle' | 'ended' = 'idle'): void {
  const { pathname, search, hash } = window.location;
  if (isLeaving || isPublicPath(pathname)) return;
  isLeaving = true;
  const here = pathname + search + hash;
  const next = here === '/' || isAuthPath(pathname) ? '' : `&next=${encodeURIComponent(here)}`;
  window.location.replace(`/sign-in?reason=${reason}${next}`);
}
