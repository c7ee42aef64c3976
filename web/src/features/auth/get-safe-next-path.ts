/** Accepts a `next` parameter only when it is a path of this site, never another origin or an auth page. */
export function getSafeNextPath(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (next.startsWith('/sign-in') || next.startsWith('/change-password')) return null;
  return next;
}
