/** Whole seconds from `now` until `deadline` (both ms since the epoch), rounded up; 0 once it has passed or without a deadline. */
export function getSecondsLeft(deadline: number | null, now: number): number {
  if (deadline === null) return 0;
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}
