import type { ActivityPreset, AuditCategory } from '@common/schemas/audit';

/** The activity log's filters as the form holds them. `preset: 'custom'` uses `from` and `to`. */
export interface ActivityFilters {
  categories: AuditCategory[];
  actor: string;
  q: string;
  preset: ActivityPreset | 'custom';
  /** YYYY-MM-DD, for a custom range; either may be empty. */
  from: string;
  to: string;
}

export const activityPresets: readonly ActivityPreset[] = ['today', '3d', '1w', '1m', '3m', '6m', '1y'];

export const defaultActivityFilters: ActivityFilters = { categories: [], actor: '', q: '', preset: '1w', from: '', to: '' };

/** True when a custom range ends before it starts (the server would refuse it with `audit.invalid_range`). */
export function isInvalidActivityRange(filters: ActivityFilters): boolean {
  return filters.preset === 'custom' && filters.from !== '' && filters.to !== '' && filters.from > filters.to;
}

/**
 * The query string (`?category=…&tz=…`) for the list and its export: categories comma-separated,
 * text trimmed and left out when empty, a preset or else the custom dates, and the time zone the
 * days are counted in. Paging (`cursor`, `limit`) is added by the caller.
 */
export function getActivityQuery(filters: ActivityFilters, timeZone: string): string {
  const params = new URLSearchParams();
  if (filters.categories.length > 0) params.set('category', [...filters.categories].sort().join(','));
  const actor = filters.actor.trim();
  if (actor) params.set('actor', actor);
  const q = filters.q.trim();
  if (q) params.set('q', q);
  if (filters.preset === 'custom') {
    if (filters.from) params.set('from', filters.from);
    if (filters.to) params.set('to', filters.to);
  } else {
    params.set('preset', filters.preset);
  }
  params.set('tz', timeZone);
  return `?${params.toString()}`;
}

/** The browser's IANA time zone (`Asia/Seoul`), which the server counts days in. */
export function getBrowserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Seoul';
  } catch {
    return 'Asia/Seoul';
  }
}
