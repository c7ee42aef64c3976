export interface IdleState {
  /** `active` until the warning time, `warning` in the last minute, `expired` once the session has ended. */
  phase: 'active' | 'warning' | 'expired';
  /** Whole seconds until the session ends, rounded up. */
  secondsLeft: number;
}

/** How long before the end the warning shows: one minute, or half the timeout when that is shorter. */
export function getIdleWarningSeconds(idleTimeoutSeconds: number): number {
  return Math.min(60, Math.floor(idleTimeoutSeconds / 2));
}

/** Where a session stands, given the last activity and the idle timeout, at `now` (ms since the epoch). */
export function getIdleState({ lastActivityAt, idleTimeoutSeconds, now }: { lastActivityAt: number; idleTimeoutSeconds: number; now: number }): IdleState {
  const secondsLeft = Math.max(0, Math.ceil((lastActivityAt + idleTimeoutSeconds * 1000 - now) / 1000));
  if (secondsLeft === 0) return { phase: 'expired', secondsLeft };
  return { phase: secondsLeft <= getIdleWarningSeconds(idleTimeoutSeconds) ? 'warning' : 'active', secondsLeft };
}
