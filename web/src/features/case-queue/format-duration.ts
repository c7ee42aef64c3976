const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Milliseconds from `from` to `to`, or null when either is missing or invalid or `to` comes first. */
export function getElapsedMs(from: string | null | undefined, to: string | null | undefined): number | null {
  if (!from || !to) return null;
  const start = new Date(from).getTime();
  const end = new Date(to).getTime();
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return null;
  return end - start;
}

/**
 * A duration as its two largest units in the language's short form: `2d 3h`, `3h 5m`, `45m`
 * (`2일 3시간`, `3시간 5분`, `45분` in Korean); under a minute is `<1m` (`1분 미만`); null is "—".
 */
export function formatDuration(ms: number | null, language: string): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return '—';
  const days = Math.floor(ms / DAY_MS);
  const hours = Math.floor((ms % DAY_MS) / HOUR_MS);
  const minutes = Math.floor((ms % HOUR_MS) / MINUTE_MS);
  const unit = (value: number, name: 'day' | 'hour' | 'minute') => new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'narrow' }).format(value);
  if (days > 0) return hours > 0 ? `${unit(days, 'day')} ${unit(hours, 'hour')}` : unit(days, 'day');
  if (hours > 0) return minutes > 0 ? `${unit(hours, 'hour')} ${unit(minutes, 'minute')}` : unit(hours, 'hour');
  if (minutes === 0) return language.startsWith('ko') ? `${unit(1, 'minute')} 미만` : `<${unit(1, 'minute')}`;
  return unit(minutes, 'minute');
}
