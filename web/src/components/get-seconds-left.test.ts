import { describe, expect, it } from 'vitest';
import { getSecondsLeft } from './get-seconds-left';

describe('getSecondsLeft', () => {
  it('counts whole seconds, rounding up', () => {
    expect(getSecondsLeft(10_000, 0)).toBe(10);
    expect(getSecondsLeft(10_000, 100)).toBe(10);
    expect(getSecondsLeft(10_000, 9_001)).toBe(1);
  });

  it('is 0 once the deadline has passed, or without one', () => {
    expect(getSecondsLeft(10_000, 10_000)).toBe(0);
    expect(getSecondsLeft(10_000, 20_000)).toBe(0);
    expect(getSecondsLeft(null, 0)).toBe(0);
  });
});
