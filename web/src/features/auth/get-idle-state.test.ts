import { describe, expect, it } from 'vitest';
import { getIdleState, getIdleWarningSeconds } from './get-idle-state';

const idleTimeoutSeconds = 1800;
const at = (seconds: number) => ({ lastActivityAt: 0, idleTimeoutSeconds, now: seconds * 1000 });

describe('getIdleState', () => {
  it('is active until one minute before the end', () => {
    expect(getIdleState(at(0))).toEqual({ phase: 'active', secondsLeft: 1800 });
    expect(getIdleState(at(1739))).toEqual({ phase: 'active', secondsLeft: 61 });
  });

  it('warns during the last minute, counting down', () => {
    expect(getIdleState(at(1740))).toEqual({ phase: 'warning', secondsLeft: 60 });
    expect(getIdleState(at(1799.5))).toEqual({ phase: 'warning', secondsLeft: 1 });
  });

  it('has expired at the timeout', () => {
    expect(getIdleState(at(1800))).toEqual({ phase: 'expired', secondsLeft: 0 });
    expect(getIdleState(at(5000))).toEqual({ phase: 'expired', secondsLeft: 0 });
  });
});

describe('getIdleWarningSeconds', () => {
  it('warns a minute ahead, or half the timeout when that is shorter', () => {
    expect(getIdleWarningSeconds(1800)).toBe(60);
    expect(getIdleWarningSeconds(90)).toBe(45);
    expect(getIdleWarningSeconds(60)).toBe(30);
  });
});
