import { describe, expect, it } from 'vitest';
import { formatCountdown } from './format-countdown';

describe('formatCountdown', () => {
  it('writes minutes and two-digit seconds', () => {
    expect(formatCountdown(9)).toBe('0:09');
    expect(formatCountdown(299)).toBe('4:59');
    expect(formatCountdown(600)).toBe('10:00');
  });

  it('adds hours when there are any', () => {
    expect(formatCountdown(3600)).toBe('1:00:00');
    expect(formatCountdown(86_399)).toBe('23:59:59');
  });

  it('rounds part of a second up and never goes below zero', () => {
    expect(formatCountdown(0.2)).toBe('0:01');
    expect(formatCountdown(-5)).toBe('0:00');
  });
});
