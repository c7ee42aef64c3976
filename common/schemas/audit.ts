import { z } from 'zod';
import { queryText } from './query-text';

/** The kinds of activity the log records (the filter chips of the activity pages). */
export const AUDIT_CATEGORIES = ['sign_in', 'account', 'organization', 'site', 'member', 'settings', 'token', 'system', 'catalog', 'contract', 'download', 'case', 'article'] as const;
export const AuditCategory = z.enum(AUDIT_CATEGORIES);
export type AuditCategory = z.infer<typeof AuditCategory>;

/**
 * Quick ranges. `today` starts at midnight of the current day in `tz`; the others start at midnight of
 * the day that long before today (`1w` on 2026-11-27 covers 2026-11-20 to 2026-11-27, both whole).
 */
export const ACTIVITY_PRESETS = ['today', '3d', '1w', '1m', '3m', '6m', '1y'] as const;
export const ActivityPreset = z.enum(ACTIVITY_PRESETS);
export type ActivityPreset = z.infer<typeof ActivityPreset>;

export const DEFAULT_ACTIVITY_TIME_ZONE = 'Asia/Seoul';
export const MAX_ACTIVITY_PAGE = 200;

const knownTimeZones = new Map<string, string>();

/** The IANA name of a time zone the runtime knows, in its canonical spelling; undefined if unknown. */
export function canonicalTimeZone(name: string): string | undefined {
  const known = knownTimeZones.get(name);
  if (known !== undefined) return known;
  try {
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    // Only names that exist are remembered, and no more than there are zones (spellings vary in case).
    if (knownTimeZones.size < 1000) knownTimeZones.set(name, canonical);
    return canonical;
  } catch {
    return undefined;
  }
}

const TimeZone = z
  .string()
  .max(64)
  .refine((name) => canonicalTimeZone(name) !== undefined, 'audit.invalid_time_zone')
  .transform((name) => canonicalTimeZone(name)!);

/** Categories as `a,b`, `?category=a&category=b` or both. */
const CategoryList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== ''))
  .pipe(z.array(AuditCategory).max(AUDIT_CATEGORIES.length * 2));

const DateOrDateTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** The filters shared by the activity list and its export. */
export const ActivityFilterQuery = z.object({
  category: CategoryList.optional().describe('One or more categories, comma-separated or repeated'),
  actor: queryText().trim().min(1).max(200).optional().describe("A user id, or text found in the actor's label or name"),
  q: queryText().trim().min(1).max(200).optional().describe('Text found in the action, actor, target, IP address, client or details'),
  preset: ActivityPreset.optional().describe('A quick range; ignored when from or to is given; 1w when nothing is given'),
  from: DateOrDateTime.optional().describe('Start: a date (from its midnight in tz) or an ISO date-time'),
  to: DateOrDateTime.optional().describe('End: a date (that whole day in tz, the default being today) or an exclusive ISO date-time'),
  tz: TimeZone.default(DEFAULT_ACTIVITY_TIME_ZONE).describe('The IANA time zone for days and the export times'),
});
export type ActivityFilterQuery = z.infer<typeof ActivityFilterQuery>;

/** A page cursor: the microseconds since 1970 and the id of the last event of the page before. */
export const ACTIVITY_CURSOR = /^\d{1,17}-\d{1,16}$/;

export const ActivityListQuery = ActivityFilterQuery.extend({
  cursor: z.string().regex(ACTIVITY_CURSOR).optional().describe('nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(MAX_ACTIVITY_PAGE).default(50),
});
export type ActivityListQuery = z.infer<typeof ActivityListQuery>;

export const ActivityEvent = z.object({
  id: z.number().int(),
  occurredAt: z.string().describe('ISO 8601, UTC'),
  category: z.string(),
  action: z.string().describe('A stable code such as sign_in.failed'),
  // Any uuid shape: the log outlives what it names and must read back whatever it recorded.
  actorUserId: z.guid().nullable(),
  actorLabel: z.string().nullable().describe('Who acted as recorded at the time (an email, or the CLI)'),
  actorName: z.string().nullable().describe("The acting user's current name"),
  organizationId: z.guid().nullable(),
  organizationName: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  client: z.string().nullable(),
  details: z.unknown().nullable(),
});
export type ActivityEvent = z.infer<typeof ActivityEvent>;

export const ActivityPage = z.object({
  items: z.array(ActivityEvent).describe('Newest first'),
  nextCursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last page'),
  range: z.object({ from: z.string(), to: z.string() }).describe('The range searched, as ISO instants; to is exclusive'),
});
export type ActivityPage = z.infer<typeof ActivityPage>;
