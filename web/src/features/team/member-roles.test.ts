import { describe, expect, it } from 'vitest';
import { getAssignableRoles, getInvitableRoles, isAllSitesRole } from './member-roles';

describe('getAssignableRoles', () => {
  it('lets only an owner make owners', () => {
    expect(getAssignableRoles('owner')).toContain('owner');
    expect(getAssignableRoles('admin')).not.toContain('owner');
    expect(getAssignableRoles('admin')).toEqual(['admin', 'super', 'support', 'download', 'operator', 'viewer']);
  });
});

describe('getInvitableRoles', () => {
  it('offers only viewer unless the organization allows other roles', () => {
    expect(getInvitableRoles('owner', false)).toEqual(['viewer']);
    expect(getInvitableRoles('admin', true)).toEqual(getAssignableRoles('admin'));
  });
});

describe('isAllSitesRole', () => {
  it('is true for owners and admins only', () => {
    expect(['owner', 'admin', 'super', 'viewer'].map((role) => isAllSitesRole(role as never))).toEqual([true, true, false, false]);
  });
});
