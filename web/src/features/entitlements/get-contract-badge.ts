import type { ContractStanding } from '@common/contracts';

/** How a contract's standing shows as a badge: its colour, its text key and the values the text needs. */
export interface ContractBadge {
  color: 'teal' | 'yellow' | 'orange' | 'red' | 'gray';
  labelKey: `entitlements.state.${ContractStanding['state']}`;
  params: { count?: number; date?: string };
}

/** The last day an instant that starts the next day still covers, as `YYYY-MM-DD` (UTC, like contract dates). */
export function getLastDayBefore(instant: string): string {
  return new Date(Date.parse(instant) - 1).toISOString().slice(0, 10);
}

/** Active, expiring in N days, in grace until a date, expired, or no contract. */
export function getContractBadge(standing: ContractStanding): ContractBadge {
  switch (standing.state) {
    case 'active':
      return { color: 'teal', labelKey: 'entitlements.state.active', params: {} };
    case 'expiring':
      return { color: 'yellow', labelKey: 'entitlements.state.expiring', params: { count: standing.daysLeft ?? 0 } };
    case 'grace':
      return { color: 'orange', labelKey: 'entitlements.state.grace', params: { date: standing.graceEndsAt ? getLastDayBefore(standing.graceEndsAt) : '' } };
    case 'expired':
      return { color: 'red', labelKey: 'entitlements.state.expired', params: {} };
    default:
      return { color: 'gray', labelKey: 'entitlements.state.none', params: {} };
  }
}
