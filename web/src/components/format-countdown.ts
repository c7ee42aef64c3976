const pad = (value: number) => String(value).padStart(2, '0');

/** Writes a number of seconds as a clock countdown: `0:09`, `4:59`, `1:00:00`. Negative values count as 0. */
export function formatCountdown(seconds: number): string {
  const total = Math.max(0, Math.ceil(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(rest)}` : `${minutes}:${pad(rest)}`;
}
