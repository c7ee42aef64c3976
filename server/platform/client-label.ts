/**
 * The client in the activity log's form, as in the AnySupport manual: `Win10/Chrome 120`,
 * `MacOSX/Safari 17`. Unknown agents keep a short, safe prefix of the raw string.
 */
export function describeClient(userAgent: string | undefined): string {
  if (!userAgent) return 'unknown';
  const ua = userAgent;
  const os = /Windows NT 10/.test(ua)
    ? 'Win10'
    : /Windows NT 6\.3/.test(ua)
      ? 'Win8.1'
      : /Windows NT 6\.1/.test(ua)
        ? 'Win7'
        : /Windows/.test(ua)
          ? 'Windows'
          : /iPhone|iPad/.test(ua)
            ? 'iOS'
            : /Android/.test(ua)
              ? 'Android'
              : /Mac OS X/.test(ua)
                ? 'MacOSX'
                : /CrOS/.test(ua)
                  ? 'ChromeOS'
                  : /Linux/.test(ua)
                    ? 'Linux'
                    : null;
  const browser =
    match(ua, /Edg\/(\d+)/, 'Edge') ??
    match(ua, /OPR\/(\d+)/, 'Opera') ??
    match(ua, /Firefox\/(\d+)/, 'Firefox') ??
    match(ua, /(?:Headless)?Chrome\/(\d+)/, 'Chrome') ??
    match(ua, /Version\/(\d+).*Safari\//, 'Safari') ??
    match(ua, /curl\/(\d+)/, 'curl') ??
    match(ua, /node-fetch|undici|node/i, 'Node');
  if (os && browser) return `${os}/${browser}`;
  if (browser) return browser;
  return ua.replace(/[^\x20-\x7e]/g, '').slice(0, 40) || 'unknown';
}

function match(ua: string, pattern: RegExp, name: string): string | null {
  const found = pattern.exec(ua);
  if (!found) return null;
  return found[1] ? `${name} ${found[1]}` : name;
}
