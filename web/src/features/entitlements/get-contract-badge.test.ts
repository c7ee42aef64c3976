import { contractStanding } from '../../../../common/contracts';
import { describe, expect, it } from 'vitest';
import { getContractBadge, getLastDayBefore } from './get-contract-badge';

const dates = { startsOn: '2026-01-01', endsOn: '2026-12-31' };

describe('getContractBadge', () => {
  it('shows an active contract in teal', () => {
    expect(getContractBadge(contractStanding(dates, new Date('2026-06-01T00:00:00Z')))).toEqual({ color: 'teal', labelKey: 'entitlements.state.active', params: {} });
  });

  it('counts the days left of an expiring contract', () => {
    expect(getContractBadge(contractStanding(dates, new Date('2026-12-02T00:00:00Z')))).toEqual({ color: 'yellow', labelKey: 'entitlements.state.expiring', params: { count: 30 } });
  });

  it('gives the last day of the grace period', () => {
    expect(getContractBadge(contractStanding(dates, new Date('2027-01-05T00:00:00Z')))).toEqual({ color: 'orange', labelKey: 'entitlements.state.grace', params: { date: '2027-01-30' } });
  });

  it('shows an expired contract and a missing one', () => {
    expect(getContractBadge(contractStanding(dates, new Date('2027-01-31T00:00:00Z'))).labelKey).toBe('entitlements.state.expired');
    expect(getContractBadge(contractStanding(null, new Date()))).toEqual({ color: 'gray', labelKey: 'entitlements.state.none', params: {} });
  });
});

describe('getLastDayBefore', () => {
  it('is the day before a midnight instant (UTC)', () => {
    expect(getLastDayBefore('2027-03-01T00:00:00.000Z')).toBe('2027-02-28');
  });
});
