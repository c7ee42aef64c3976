import { describe, expect, it } from 'vitest';
import { formatDateTime } from './format-date-time';

describe('formatDateTime', () => {
  it('writes YYYY-MM-DD HH:mm:ss in the given time zone', () => {
    expect(formatDateTime('2025-03-04T15:06:07Z', 'Asia/Seoul')).toBe('2025-03-05 00:06:07');
    expect(formatDateTime('2025-03-04T15:06:07Z', 'UTC')).toBe('2025-03-04 15:06:07');
  });

  it('writes midnight as 00, not 24', () => {
    expect(formatDateTime(new Date('2025-01-01T00:00:00Z'), 'UTC')).toBe('2025-01-01 00:00:00');
  });

  it('returns an empty string for missing or invalid values', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('not a date')).toBe('');
  });
});
