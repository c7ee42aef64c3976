const PREFIX = 'atrium.contractWarningShown.';

/** True when the contract pop-up was already shown for this site in this browser session. */
export function wasWarningShown(siteId: string): boolean {
  try {
    return window.sessionStorage.getItem(PREFIX + siteId) === '1';
  } catch {
    return false;
  }
}

/** Remembers, for this browser session, that the contract pop-up was shown for these sites. */
export function markWarningsShown(siteIds: readonly string[]): void {
  try {
    for (const siteId of siteIds) window.sessionStorage.setItem(PREFIX + siteId, '1');
  } catch {
    // Storage refused (private mode): the pop-up may show again, nothing worse.
  }
}
