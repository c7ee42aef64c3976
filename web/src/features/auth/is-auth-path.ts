import { isPublicPath } from './is-public-path';

/** The pages that complete an account's setup; reachable only when that setup is pending or asked for. */
const accountSetupPaths = ['/change-password', '/setup-two-step'];

/** True for the pages of the auth layout (sign-in, registration, password and enrolment pages): never a page to return to. */
export function isAuthPath(pathname: string): boolean {
  return isPublicPath(pathname) || accountSetupPaths.some((path) => pathname === path || pathname.startsWith(`${path}/`));
}
