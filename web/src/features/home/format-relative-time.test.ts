import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from './format-relative-time';

const now = new Date('2025-06-10T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

describe('formatRelativeTime', () => {
  it('says how long ago in English, in the largest whole unit', () => {
    expect(formatRelativeTime(ago(20), now, 'en')).toBe('now');
    expect(formatRelativeTime(ago(5 * 60), now, 'en')).toBe('5 minutes ago');
    expect(formatRelativeTime(ago(3 * 3600 + 50 * 60), now, 'en')).toBe('3 hours ago');
    expect(formatRelativeTime(ago(86_400), now, 'en')).toBe('yesterday');
    expect(formatRelativeTime(ago(3 * 86_400), now, 'en')).toBe('3 days ago');
    expect(formatRelativeTime(ago(14 * 86_400), now, 'en')).toBe('2 weeks ago');
    expect(formatRelativeTime(ago(400 * 86_400), now, 'en')).toBe('last year');
  });

  it('says it in Korean', () => {
    expect(formatRelativeTime(ago(5 * 60), now, 'ko')).toBe('5분 전');
    expect(formatRelativeTime(ago(86_400), now, 'ko')).toBe('어제');
  });

  it('is empty for a missing or invalid instant', () => {
    expect(formatRelativeTime(null, now, 'en')).toBe('');
    expect(formatRelativeTime('yesterday-ish', now, 'en')).toBe('');
  });
});
