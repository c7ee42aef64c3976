import { describe, expect, it } from 'vitest';
import { formatTimeLeft } from './format-time-left';

describe('formatTimeLeft', () => {
  it('says seconds, minutes and hours in Korean words, leaving out the units that are zero', () => {
    expect(formatTimeLeft(30, 'ko')).toBe('30초');
    expect(formatTimeLeft(65, 'ko')).toBe('1분 5초');
    expect(formatTimeLeft(60, 'ko')).toBe('1분');
    expect(formatTimeLeft(3720, 'ko')).toBe('1시간 2분');
  });

  it('says them in English words', () => {
    expect(formatTimeLeft(1, 'en')).toBe('1 second');
    expect(formatTimeLeft(30, 'en')).toBe('30 seconds');
    expect(formatTimeLeft(65, 'en')).toBe('1 minute 5 seconds');
    expect(formatTimeLeft(86_399, 'en')).toBe('23 hours 59 minutes 59 seconds');
  });

  it('rounds part of a second up and never goes below zero', () => {
    expect(formatTimeLeft(0.2, 'ko')).toBe('1초');
    expect(formatTimeLeft(-5, 'ko')).toBe('0초');
    expect(formatTimeLeft(0, 'en')).toBe('0 seconds');
  });
});
