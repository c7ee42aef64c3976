import type { ActivityFilterQuery, ActivityPreset } from '../../../common/schemas/audit';
import { badRequest } from '../../platform/errors';

/** A calendar day: month is 1-12. Fields may overflow (day 0, month 13): they are normalized. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** A half-open range of instants, [from, to). */
export interface ActivityRange {
  from: Date;
  to: Date;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock reading of an instant in a time zone, as if it were UTC (milliseconds). */
function wallClockMs(instant: Date, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!, instant.getUTCMilliseconds());
}

/** The calendar day an instant falls on in a time zone. */
export function dayIn(instant: Date, timeZone: string): CalendarDay {
  const wall = new Date(wallClockMs(instant, timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

/** The instant a day starts (its first wall-clock moment) in a time zone. */
export function startOfDay(day: CalendarDay, timeZone: string): Date {
  const wall = Date.UTC(day.year, day.month - 1, day.day);
  // The offset at the guess, then at the corrected instant: right across a change of offset too.
  let instant = wall - (wallClockMs(new Date(wall), timeZone) - wall);
  instant = wall - (wallClockMs(new Date(instant), timeZone) - instant);
  return new Date(instant);
}

/** The day `months` months before, clamped to the month's last day (3-31 minus one month is 2-28). */
function monthsBefore(day: CalendarDay, months: number): CalendarDay {
  const first = new Date(Date.UTC(day.year, day.month - 1 - months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return { year: first.getUTCFullYear(), month: first.getUTCMonth() + 1, day: Math.min(day.day, lastDay) };
}

const daysBefore = (day: CalendarDay, days: number): CalendarDay => ({ ...day, day: day.day - days });

/** The first day a preset covers, ending today. */
export function presetStartDay(preset: ActivityPreset, today: CalendarDay): CalendarDay {
  switch (preset) {
    case 'today':
      return today;
    case '3d':
      return daysBefore(today, 3);
    case '1w':
      return daysBefore(today, 7);
    case '1m':
      return monthsBefore(today, 1);
    case '3m':
      return monthsBefore(today, 3);
    case '6m':
      return monthsBefore(today, 6);
    case '1y':
      return monthsBefore(today, 12);
  }
}

const isDateOnly = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

function parseDay(value: string): CalendarDay {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/**
 * The range a query asks for. `from`/`to` win over `preset`; with neither, one week. A date means
 * the whole day in `tz`; a date-time is an instant (`to` exclusive). Refuses an empty or inverted
 * range with 400 audit.invalid_range.
 */
export function resolveActivityRange(query: Pick<ActivityFilterQuery, 'preset' | 'from' | 'to' | 'tz'>, now: Date): ActivityRange {
  const { tz } = query;
  const today = dayIn(now, tz);
  if (query.from === undefined && query.to === undefined) {
    return { from: startOfDay(presetStartDay(query.preset ?? '1w', today), tz), to: startOfDay(daysBefore(today, -1), tz) };
  }
  let to: Date;
  let lastDay: CalendarDay;
  if (query.to === undefined) {
    to = startOfDay(daysBefore(today, -1), tz);
    lastDay = today;
  } else if (isDateOnly(query.to)) {
    lastDay = parseDay(query.to);
    to = startOfDay(daysBefore(lastDay, -1), tz);
  } else {
    to = new Date(query.to);
    lastDay = dayIn(to, tz);
  }
  let from: Date;
  if (query.from === undefined) from = startOfDay(daysBefore(lastDay, 7), tz);
  else from = isDateOnly(query.from) ? startOfDay(parseDay(query.from), tz) : new Date(query.from);
  if (from.getTime() >= to.getTime()) throw badRequest('audit.invalid_range', { from: query.from ?? null, to: query.to ?? null });
  return { from, to };
}

/** YYYY-MM-DD of a day. */
export function formatDay(day: CalendarDay): string {
  const normalized = new Date(Date.UTC(day.year, day.month - 1, day.day));
  return normalized.toISOString().slice(0, 10);
}
