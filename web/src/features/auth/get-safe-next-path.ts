import { isAuthPath } from './is-auth-path';

/** Accepts a `next` parameter only when it is a path of this site, never another origin or an auth page. */
export function getSafeNextPath(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (isAuthPath(next.split(/[?#]/)[0] ?? next)) return null;
  return next;
}
