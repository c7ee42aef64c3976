/**
 * Builds `?a=1&b=x` from the values that are set: `undefined`, `null` and empty strings are left out,
 * so an unset filter does not reach the server. Empty when nothing is set.
 */
export function toQueryString(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
