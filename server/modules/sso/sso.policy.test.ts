import { describe, expect, it } from 'vitest';
import type { StaffRole } from '../../../common/permissions';
import { canManageIdentityProviders } from './sso.policy';

describe('canManageIdentityProviders', () => {
  const table: [string, { staffRole: StaffRole | null } | null, boolean][] = [
    ['the vendor administrator', { staffRole: 'vendor_admin' }, true],
    ['a support engineer', { staffRole: 'support_engineer' }, false],
    ['an agent', { staffRole: 'agent' }, false],
    ['an account manager', { staffRole: 'account_manager' }, false],
    ['a customer user', { staffRole: null }, false],
    ['nobody signed in', null, false],
  ];
  it.each(table)('answers for %s', (_label, actor, expected) => {
    expect(canManageIdentityProviders(actor)).toBe(expected);
  });
});
