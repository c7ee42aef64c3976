/**
 * An activity event's details as rows a person reads instead of JSON: each a field (a path of
 * keys, `passwordPolicy.minLength` as two) with its value, or with the value before and after
 * when the event changed it. The log writes its details in a few shapes, all handled here:
 *
 * - `{ before, after }` (settings, organizations, sites, members, contracts…): a row per field
 *   that differs; a creation (`before: null`) lists what was set, a removal what was there;
 * - `{ from, to }` (a case's status, assignee): one change row without a field name;
 * - a key whose value is `{ from, to }` (an article's visibility): a change row of that key;
 * - anything else: a row per key, nested objects flattened into their fields.
 */

export type ActivityDetailRow = { path: string[]; kind: 'fact'; value: unknown } | { path: string[]; kind: 'change'; before: unknown; after: unknown };

const MAX_DEPTH = 3;

export const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const isChange = (value: unknown): value is { from: unknown; to: unknown } => isPlainObject(value) && Object.keys(value).length === 2 && 'from' in value && 'to' in value;

/** Nested objects as their fields, `{ a: { b: 1 } }` as `[['a','b'], 1]`; deeper than three levels kept whole. */
function flatten(value: unknown, path: string[] = []): [string[], unknown][] {
  if (!isPlainObject(value) || path.length >= MAX_DEPTH) return [[path, value]];
  const entries = Object.entries(value);
  if (entries.length === 0) return path.length === 0 ? [] : [[path, value]];
  return entries.flatMap(([key, inner]) => flatten(inner, [...path, key]));
}

/** Two values the same, compared as JSON (the details came as JSON). */
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function describeChange(before: unknown, after: unknown): ActivityDetailRow[] {
  const beforeFields = new Map(flatten(before).map(([path, value]) => [path.join('\u0000'), { path, value }]));
  const afterFields = new Map(flatten(after).map(([path, value]) => [path.join('\u0000'), { path, value }]));
  // A creation lists what was set, a removal what was there: no column of dashes.
  if (before === null || before === undefined) return [...afterFields.values()].map(({ path, value }) => ({ path, kind: 'fact', value }));
  if (after === null || after === undefined) return [...beforeFields.values()].map(({ path, value }) => ({ path, kind: 'fact', value }));
  const keys = [...new Set([...beforeFields.keys(), ...afterFields.keys()])];
  return keys.flatMap((key) => {
    const was = beforeFields.get(key);
    const is = afterFields.get(key);
    if (same(was?.value, is?.value)) return [];
    return [{ path: (was ?? is)!.path, kind: 'change' as const, before: was?.value ?? null, after: is?.value ?? null }];
  });
}

export function describeActivityDetails(details: unknown): ActivityDetailRow[] {
  if (details === null || details === undefined) return [];
  if (!isPlainObject(details)) return [{ path: [], kind: 'fact', value: details }];
  const rows: ActivityDetailRow[] = [];
  const hasBeforeAfter = 'before' in details || 'after' in details;
  const hasFromTo = 'from' in details && 'to' in details;
  for (const [key, value] of Object.entries(details)) {
    if (hasBeforeAfter && (key === 'before' || key === 'after')) continue;
    if (hasFromTo && (key === 'from' || key === 'to')) continue;
    if (isChange(value)) rows.push({ path: [key], kind: 'change', before: value.from, after: value.to });
    else for (const [path, inner] of flatten(value, [key])) rows.push({ path, kind: 'fact', value: inner });
  }
  if (hasFromTo) rows.unshift({ path: [], kind: 'change', before: details.from, after: details.to });
  if (hasBeforeAfter) rows.push(...describeChange(details.before, details.after));
  return rows;
}

/** `idleTimeoutSeconds` as "Idle timeout seconds": a field the locale does not name yet still reads. */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** An ISO instant (`2026-11-29T10:00:00.000Z`), shown in the reader's time zone; a plain date stays as written. */
export const isInstant = (value: unknown): boolean => typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value));
