/**
 * Support contract rules (myOSIsoft SRP), pure and computed from a given instant so that server,
 * web and tests agree. A contract ends at the end of its `endsOn` day (UTC): it is in force until
 * then, shows a warning from 90 days before, keeps downloads and case creation working for a
 * 30-day grace period after, and refuses them once the grace period is over.
 */

export const CONTRACT_WARNING_DAYS = 90;
export const CONTRACT_GRACE_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * - `active`: in force, more than 90 days left
 * - `expiring`: in force, 90 days or less left (warning)
 * - `grace`: ended, within the 30-day grace period (warning; still allowed)
 * - `expired`: past the grace period (software downloads and case creation refused)
 * - `none`: no contract covers it (refused like expired)
 */
export type ContractState = 'active' | 'expiring' | 'grace' | 'expired' | 'none';

export interface ContractDates {
  /** ISO date `YYYY-MM-DD`. */
  startsOn: string;
  /** ISO date `YYYY-MM-DD`; the contract covers this whole day (UTC). */
  endsOn: string;
}

export interface ContractStanding {
  state: ContractState;
  /** The first instant the contract no longer covers (start of the day after `endsOn`, UTC). */
  endsAt: string | null;
  /** The first instant after the grace period. */
  graceEndsAt: string | null;
  /** Whole days until `endsAt` (negative once ended), rounded up. */
  daysLeft: number | null;
  /** Software downloads and case creation are allowed (in force or in grace). */
  allowsAccess: boolean;
  /** The warning shows (expiring or grace or expired). */
  warning: boolean;
}

/** The first instant after the end of an ISO date (UTC). */
export function endOfDate(isoDate: string): Date {
  const start = Date.parse(`${isoDate}T00:00:00.000Z`);
  if (Number.isNaN(start)) throw new Error(`not an ISO date: ${isoDate}`);
  return new Date(start + DAY_MS);
}

/** Where a contract stands at `now`; null dates mean no contract. */
export function contractStanding(dates: ContractDates | null, now: Date): ContractStanding {
  if (!dates) return { state: 'none', endsAt: null, graceEndsAt: null, daysLeft: null, allowsAccess: false, warning: true };
  const endsAt = endOfDate(dates.endsOn);
  const graceEndsAt = new Date(endsAt.getTime() + CONTRACT_GRACE_DAYS * DAY_MS);
  const msLeft = endsAt.getTime() - now.getTime();
  const daysLeft = Math.ceil(msLeft / DAY_MS);
  let state: ContractState;
  if (msLeft > CONTRACT_WARNING_DAYS * DAY_MS) state = 'active';
  else if (msLeft > 0) state = 'expiring';
  else if (now.getTime() < graceEndsAt.getTime()) state = 'grace';
  else state = 'expired';
  return {
    state,
    endsAt: endsAt.toISOString(),
    graceEndsAt: graceEndsAt.toISOString(),
    daysLeft,
    allowsAccess: state === 'active' || state === 'expiring' || state === 'grace',
    warning: state !== 'active',
  };
}

/** The reminder (90, 30 or 7 days before the end) due at `now`, if any: the smallest threshold reached while still in force. */
export function dueReminder(endsOn: string, now: Date, thresholds: readonly number[] = [90, 30, 7]): number | null {
  const msLeft = endOfDate(endsOn).getTime() - now.getTime();
  if (msLeft <= 0) return null;
  const reached = thresholds.filter((days) => msLeft <= days * DAY_MS);
  return reached.length > 0 ? Math.min(...reached) : null;
}
