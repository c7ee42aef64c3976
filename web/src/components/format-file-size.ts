const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/** A file size for people: 900 B, 10 KiB, 1.5 MiB, 4 GiB. */
export function formatFileSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${UNITS[unit]}`;
}
