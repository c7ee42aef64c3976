/** True for a path of this app (`/portal/…`), the only links results open; anything else is not followed. */
export function isAppPath(href: string): boolean {
  return href.startsWith('/') && !href.startsWith('//') && !href.startsWith('/\\');
}
