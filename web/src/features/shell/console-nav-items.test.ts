import type { StaffRole } from '@common/permissions';
import { describe, expect, it } from 'vitest';
import { getConsoleLandingPath, listConsoleNavItems } from './console-nav-items';

const featuresOf = (staffRole: StaffRole) => listConsoleNavItems({ staffRole }).map((item) => item.feature);

describe('listConsoleNavItems', () => {
  it('shows the case queue only to staff who answer cases', () => {
    expect(featuresOf('agent')).toEqual(['console.customers', 'console.licensing', 'console.remote', 'console.statistics']);
    expect(featuresOf('account_manager')).toEqual(['console.caseQueue', 'console.customers', 'console.catalog', 'console.licensing', 'console.remote', 'console.statistics']);
    expect(featuresOf('support_engineer')).toContain('console.caseQueue');
    expect(featuresOf('vendor_admin')).toHaveLength(9);
  });

  it('shows a customer only the entries that require nothing', () => {
    expect(listConsoleNavItems({ staffRole: null }).map((item) => item.feature)).toEqual(['console.licensing', 'console.remote', 'console.statistics']);
  });
});

describe('getConsoleLandingPath', () => {
  it('lands staff who answer cases on the queue, and a remote-support agent on their first page', () => {
    expect(getConsoleLandingPath({ staffRole: 'support_engineer' })).toBe('/console');
    expect(getConsoleLandingPath({ staffRole: 'account_manager' })).toBe('/console');
    expect(getConsoleLandingPath({ staffRole: 'vendor_admin' })).toBe('/console');
    expect(getConsoleLandingPath({ staffRole: 'agent' })).toBe('/console/customers');
  });
});
