import { describe, expect, it } from 'vitest';
import { contractStanding, dueReminder, endOfDate } from './contracts';

const DAY = 86_400_000;
const dates = { startsOn: '2026-01-01', endsOn: '2026-12-31' };
/** The first instant the contract no longer covers: the start of 2027-01-01 (UTC). */
const END = Date.parse('2027-01-01T00:00:00.000Z');
const at = (ms: number) => new Date(ms);

describe('endOfDate', () => {
  it('is the start of the next day in UTC', () => {
    expect(endOfDate('2026-12-31').toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(endOfDate('2028-02-28').toISOString()).toBe('2028-02-29T00:00:00.000Z');
  });

  it('refuses what is not a date', () => {
    expect(() => endOfDate('not-a-date')).toThrow();
  });
});

describe('contractStanding', () => {
  it('is "none", without access and with a warning, when there is no contract', () => {
    expect(contractStanding(null, at(END))).toEqual({ state: 'none', endsAt: null, graceEndsAt: null, daysLeft: null, allowsAccess: false, warning: true });
  });

  it('is active without a warning until exactly 90 days before the end', () => {
    const standing = contractStanding(dates, at(END - 90 * DAY - 1));
    expect(standing).toMatchObject({ state: 'active', daysLeft: 91, allowsAccess: true, warning: false });
    expect(standing.endsAt).toBe('2027-01-01T00:00:00.000Z');
    expect(standing.graceEndsAt).toBe('2027-01-31T00:00:00.000Z');
  });

  it('warns from exactly 90 days before the end, still allowing access', () => {
    expect(contractStanding(dates, at(END - 90 * DAY))).toMatchObject({ state: 'expiring', daysLeft: 90, allowsAccess: true, warning: true });
    expect(contractStanding(dates, at(END - 1))).toMatchObject({ state: 'expiring', daysLeft: 1, allowsAccess: true });
  });

  it('covers the whole end day, then enters the 30-day grace period at its end', () => {
    expect(contractStanding(dates, at(Date.parse('2026-12-31T23:59:59.999Z'))).state).toBe('expiring');
    expect(contractStanding(dates, at(END))).toMatchObject({ state: 'grace', daysLeft: 0, allowsAccess: true, warning: true });
    expect(contractStanding(dates, at(END + 30 * DAY - 1))).toMatchObject({ state: 'grace', daysLeft: -29, allowsAccess: true });
  });

  it('refuses access once the grace period is over', () => {
    expect(contractStanding(dates, at(END + 30 * DAY))).toMatchObject({ state: 'expired', daysLeft: -30, allowsAccess: false, warning: true });
    expect(contractStanding(dates, at(END + 400 * DAY))).toMatchObject({ state: 'expired', allowsAccess: false });
  });
});

describe('dueReminder', () => {
  it('is nothing more than 90 days before the end', () => {
    expect(dueReminder(dates.endsOn, at(END - 90 * DAY - 1))).toBeNull();
  });

  it('is 90 from exactly 90 days before, 30 from 30 days, 7 from 7 days', () => {
    expect(dueReminder(dates.endsOn, at(END - 90 * DAY))).toBe(90);
    expect(dueReminder(dates.endsOn, at(END - 30 * DAY - 1))).toBe(90);
    expect(dueReminder(dates.endsOn, at(END - 30 * DAY))).toBe(30);
    expect(dueReminder(dates.endsOn, at(END - 7 * DAY - 1))).toBe(30);
    expect(dueReminder(dates.endsOn, at(END - 7 * DAY))).toBe(7);
    expect(dueReminder(dates.endsOn, at(END - 1))).toBe(7);
  });

  it('gives only the closest threshold when several were passed', () => {
    expect(dueReminder(dates.endsOn, at(END - 5 * DAY))).toBe(7);
  });

  it('is nothing once the contract has ended', () => {
    expect(dueReminder(dates.endsOn, at(END))).toBeNull();
    expect(dueReminder(dates.endsOn, at(END + DAY))).toBeNull();
  });
});
