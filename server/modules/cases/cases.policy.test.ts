import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, OPEN_STATUSES, type CaseStatus } from '../../../common/cases';
import { CUSTOMER_ROLES, STAFF_ROLES, type CustomerRole, type StaffRole } from '../../../common/permissions';
import type { OrganizationStanding } from '../organizations/organizations.policy';
import { caseAbilities, caseSideFor, mayRemoveAttachment, mayTransition } from './cases.policy';

const DAY = 86_400_000;
const now = new Date('2026-05-01T00:00:00.000Z');
const member = (memberRole: CustomerRole, siteIds: string[] = ['site-1']): OrganizationStanding => ({ staffRole: null, memberRole, siteIds });
const staff = (staffRole: StaffRole): OrganizationStanding => ({ staffRole, memberRole: null, siteIds: [] });

describe('caseSideFor: which side of a case each role works on', () => {
  const customerSide: Record<CustomerRole, 'all' | 'own' | 'none'> = { owner: 'all', admin: 'all', super: 'own', support: 'own', download: 'none', operator: 'none', viewer: 'none' };
  for (const role of CUSTOMER_ROLES) {
    const reach = customerSide[role];
    it(`a ${role} member is ${reach === 'none' ? 'on no side of any case' : reach === 'all' ? 'the customer on every site' : 'the customer on their own sites only'}`, () => {
      expect(caseSideFor(member(role), 'site-1')).toBe(reach === 'none' ? null : 'customer');
      expect(caseSideFor(member(role), 'site-2')).toBe(reach === 'all' ? 'customer' : null);
    });
  }

  const engineerRoles: StaffRole[] = ['vendor_admin', 'support_engineer', 'account_manager'];
  for (const role of STAFF_ROLES) {
    const engineer = engineerRoles.includes(role);
    it(`vendor staff ${role} ${engineer ? 'is the engineer on every case' : 'sees no case'}`, () => {
      expect(caseSideFor(staff(role), 'any-site')).toBe(engineer ? 'engineer' : null);
    });
  }

  it('takes the engineer side for staff who answer cases even when they are also members', () => {
    expect(caseSideFor({ staffRole: 'support_engineer', memberRole: 'viewer', siteIds: [] }, 'site-1')).toBe('engineer');
  });

  it('takes the customer side for staff who do not answer cases but are members with case access', () => {
    expect(caseSideFor({ staffRole: 'agent', memberRole: 'owner', siteIds: [] }, 'site-1')).toBe('customer');
    expect(caseSideFor({ staffRole: 'agent', memberRole: 'viewer', siteIds: ['site-1'] }, 'site-1')).toBeNull();
  });

  it('sees nothing for somebody outside the organization', () => {
    expect(caseSideFor({ staffRole: null, memberRole: null, siteIds: [] }, 'site-1')).toBeNull();
  });
});

describe('caseAbilities', () => {
  it('gives an engineer every tool on an open case and every move the table allows', () => {
    for (const status of OPEN_STATUSES) {
      const abilities = caseAbilities('engineer', { status, closedAt: null }, now, 60, false);
      expect(abilities).toMatchObject({ side: 'engineer', post: true, writeInternalNote: true, editDescription: true, writeResolution: true, assign: true, linkContent: true, attach: true, requestReopen: false, offerNewCase: false });
      expect(abilities.transitions).toContain('closed');
      expect(abilities.transitions).not.toContain(status);
    }
  });

  it('lets an engineer bring back a closed or abandoned case, but not post or attach on it', () => {
    for (const status of ['closed', 'abandoned'] as CaseStatus[]) {
      const abilities = caseAbilities('engineer', { status, closedAt: new Date(now.getTime() - DAY) }, now, 60, true);
      expect(abilities).toMatchObject({ post: false, attach: false, writeInternalNote: true, editDescription: true, transitions: ['researching'], requestReopen: false, offerNewCase: false });
    }
  });

  it('gives a customer no engineer tool, and on a waiting case the moves back to work and to closed', () => {
    const abilities = caseAbilities('customer', { status: 'answered', closedAt: null }, now, 60, true);
    expect(abilities).toEqual({
      side: 'customer',
      post: true,
      writeInternalNote: false,
      editDescription: false,
      writeResolution: false,
      assign: false,
      linkContent: false,
      attach: true,
      transitions: ['researching', 'closed'],
      requestReopen: false,
      offerNewCase: false,
    });
    expect(caseAbilities('customer', { status: 'new', closedAt: null }, now, 60, true).transitions).toEqual(['closed']);
  });

  it('offers a customer the reopen request within the window and no plain transition', () => {
    const abilities = caseAbilities('customer', { status: 'closed', closedAt: new Date(now.getTime() - 60 * DAY) }, now, 60, true);
    expect(abilities).toMatchObject({ transitions: [], requestReopen: true, offerNewCase: false, post: false, attach: false });
  });

  it('offers a new case after the window, only to a customer who may create cases', () => {
    const state = { status: 'closed' as const, closedAt: new Date(now.getTime() - 60 * DAY - 1) };
    expect(caseAbilities('customer', state, now, 60, true)).toMatchObject({ requestReopen: false, offerNewCase: true });
    expect(caseAbilities('customer', state, now, 60, false)).toMatchObject({ requestReopen: false, offerNewCase: false });
    expect(caseAbilities('customer', state, now, 90, true)).toMatchObject({ requestReopen: true, offerNewCase: false });
  });

  it('offers the customer of an abandoned case only a new case that references it', () => {
    expect(caseAbilities('customer', { status: 'abandoned', closedAt: now }, now, 60, true)).toMatchObject({ transitions: [], requestReopen: false, offerNewCase: true });
    expect(caseAbilities('customer', { status: 'abandoned', closedAt: now }, now, 60, false)).toMatchObject({ requestReopen: false, offerNewCase: false });
    expect(caseAbilities('engineer', { status: 'abandoned', closedAt: now }, now, 60, true)).toMatchObject({ requestReopen: false, offerNewCase: false });
  });
});

describe('mayTransition', () => {
  it('keeps customers from moving a closed case (they send a reopen request) while engineers may', () => {
    expect(mayTransition('customer', 'closed', 'researching')).toBe(false);
    expect(mayTransition('engineer', 'closed', 'researching')).toBe(true);
    expect(mayTransition('engineer', 'abandoned', 'researching')).toBe(true);
  });

  it('follows the table otherwise', () => {
    expect(mayTransition('customer', 'answered', 'researching')).toBe(true);
    expect(mayTransition('customer', 'new', 'researching')).toBe(false);
    for (const from of CASE_STATUSES) expect(mayTransition('customer', from, 'abandoned')).toBe(false);
  });
});

describe('mayRemoveAttachment', () => {
  it('lets engineers remove any file at any time', () => {
    for (const status of CASE_STATUSES) {
      expect(mayRemoveAttachment('engineer', status, 'engineer-1', 'customer-1')).toBe(true);
      expect(mayRemoveAttachment('engineer', status, 'engineer-1', null)).toBe(true);
    }
  });

  it('lets a customer remove their own file while the case is open, and nobody else’s', () => {
    for (const status of OPEN_STATUSES) {
      expect(mayRemoveAttachment('customer', status, 'customer-1', 'customer-1')).toBe(true);
      expect(mayRemoveAttachment('customer', status, 'customer-2', 'customer-1')).toBe(false);
      expect(mayRemoveAttachment('customer', status, 'customer-1', null)).toBe(false);
    }
    for (const status of ['closed', 'abandoned'] as const) expect(mayRemoveAttachment('customer', status, 'customer-1', 'customer-1')).toBe(false);
  });
});
