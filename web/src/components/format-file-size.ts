const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/**
 * A file size for people: 900 B, 10 KiB, 1.5 MiB, 4 GiB. The one decimal is rounded up, never down,
 * so that a file a byte over a limit of 25 MiB reads 25.1 MiB, not 25.0 MiB beside "up to 25 MiB".
 */
export function formatFileSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = unit === 0 ? value : Math.ceil(value * 10) / 10;
  return `${Number.isInteger(shown) ? shown : shown.toFixed(1)} ${UNITS[unit]}`;
}
