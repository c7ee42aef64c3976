/** The pages that work without a session: signing in, registering, verifying an email, resetting a password. */
const publicPaths = ['/sign-in', '/register', '/verify-email', '/forgot-password', '/reset-password'];

/** True on a page meant for people who are not signed in, where a stale session cookie only means "signed out". */
export function isPublicPath(pathname: string): boolean {
  return publicPaths.some((path) => pathname === path || pathname.startsWith(`${path}/`));
}
