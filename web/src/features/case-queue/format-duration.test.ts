import { describe, expect, it } from 'vitest';
import { formatDuration, getElapsedMs } from './format-duration';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

describe('getElapsedMs', () => {
  it('measures from the first instant to the second', () => {
    expect(getElapsedMs('2025-03-04T10:00:00Z', '2025-03-04T12:30:00Z')).toBe(2.5 * hour);
  });

  it('is null when the second instant is missing (no first response yet), invalid or earlier', () => {
    expect(getElapsedMs('2025-03-04T10:00:00Z', null)).toBeNull();
    expect(getElapsedMs('2025-03-04T10:00:00Z', 'soon')).toBeNull();
    expect(getElapsedMs('2025-03-04T10:00:00Z', '2025-03-04T09:00:00Z')).toBeNull();
  });
});

describe('formatDuration', () => {
  it('shows the two largest units in English', () => {
    expect(formatDuration(2 * day + 3 * hour + 20 * minute, 'en')).toBe('2d 3h');
    expect(formatDuration(3 * hour + 5 * minute, 'en')).toBe('3h 5m');
    expect(formatDuration(45 * minute + 30_000, 'en')).toBe('45m');
    expect(formatDuration(4 * day, 'en')).toBe('4d');
    expect(formatDuration(2 * hour, 'en')).toBe('2h');
  });

  it('shows the units in Korean', () => {
    expect(formatDuration(2 * day + 3 * hour, 'ko')).toBe('2일 3시간');
    expect(formatDuration(3 * hour + 5 * minute, 'ko')).toBe('3시간 5분');
  });

  it('shows under a minute as less than a minute, not 0, and no duration as a dash', () => {
    expect(formatDuration(20_000, 'en')).toBe('<1m');
    expect(formatDuration(0, 'ko')).toBe('1분 미만');
    expect(formatDuration(59_999, 'ko')).toBe('1분 미만');
    expect(formatDuration(60_000, 'ko')).toBe('1분');
    expect(formatDuration(null, 'en')).toBe('—');
    expect(formatDuration(-5, 'en')).toBe('—');
  });
});
