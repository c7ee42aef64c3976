import { describe, expect, it } from 'vitest';
import { CUSTOMER_ROLES, type CustomerRole, type Permission, type StaffRole } from '../../../common/permissions';
import { canOnOrganization, canOnSite, canSeeOrganization, type OrganizationStanding } from './organizations.policy';

// Issue 4's table, row by row: which customer roles hold each capability.
const TABLE: [Permission, CustomerRole[]][] = [
  ['product.view', ['owner', 'admin', 'super', 'support', 'download', 'operator', 'viewer']],
  ['case.view', ['owner', 'admin', 'super', 'support']],
  ['case.create', ['owner', 'admin', 'super', 'support']],
  ['download.document', ['owner', 'admin', 'super', 'support', 'download']],
  ['download.software', ['owner', 'admin', 'super', 'download']],
  ['license.generate', ['owner', 'admin', 'super']],
  ['service_request.create', ['owner', 'admin', 'super']],
  ['device.view', ['owner', 'admin', 'super', 'operator', 'viewer']],
  ['device.control', ['owner', 'admin', 'operator']],
  ['member.manage', ['owner', 'admin']],
  ['organization.manage', ['owner', 'admin']],
  ['organization.archive', ['owner']],
];

const member = (memberRole: CustomerRole, siteIds: string[] = ['site-1']): OrganizationStanding => ({ staffRole: null, memberRole, siteIds });
const outsider: OrganizationStanding = { staffRole: null, memberRole: null, siteIds: [] };
const staff = (staffRole: StaffRole): OrganizationStanding => ({ staffRole, memberRole: null, siteIds: [] });

describe('canOnOrganization: role × permission for a member of the organization', () => {
  for (const [permission, roles] of TABLE) {
    for (const role of CUSTOMER_ROLES) {
      const expected = roles.includes(role);
      it(`${role} ${expected ? 'may' : 'may not'} ${permission}`, () => {
        expect(canOnOrganization(member(role), permission)).toBe(expected);
      });
    }
  }
});

describe('another organization', () => {
  it.each(TABLE.map(([permission]) => permission))('a customer of another organization may not %s, nor see it', (permission) => {
    expect(canOnOrganization(outsider, permission)).toBe(false);
    expect(canSeeOrganization(outsider)).toBe(false);
  });
});

describe('canOnSite: below admin, only on the sites given', () => {
  it.each<[CustomerRole, Permission, string, boolean]>([
    ['super', 'download.software', 'site-1', true],
    ['super', 'download.software', 'site-2', false],
    ['download', 'download.document', 'site-2', false],
    ['operator', 'device.control', 'site-1', true],
    ['viewer', 'device.view', 'site-2', false],
    ['admin', 'device.control', 'site-2', true],
    ['owner', 'license.generate', 'site-9', true],
    ['viewer', 'device.control', 'site-1', false],
  ])('%s %s on %s: %s', (role, permission, siteId, expected) => {
    expect(canOnSite(member(role), permission, siteId)).toBe(expected);
  });
});

describe('vendor staff across organizations', () => {
  it.each<[StaffRole, Permission, boolean]>([
    ['vendor_admin', 'organization.archive', true],
    ['vendor_admin', 'member.manage', true],
    ['support_engineer', 'organization.view', true],
    ['support_engineer', 'member.manage', false],
    ['support_engineer', 'audit.view', true],
    ['agent', 'organization.manage', false],
    ['account_manager', 'customer.view', true],
    ['account_manager', 'customer.manage', false],
    ['account_manager', 'entitlement.manage', true],
    ['support_engineer', 'entitlement.manage', false],
  ])('%s %s: %s', (role, permission, expected) => {
    expect(canOnOrganization(staff(role), permission)).toBe(expected);
    expect(canSeeOrganization(staff(role))).toBe(true);
  });
});
