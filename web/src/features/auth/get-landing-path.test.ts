import { describe, expect, it } from 'vitest';
import { getLandingPath } from './get-landing-path';
import type { Me } from './me';

const me = (overrides: Partial<Me> = {}): Me => ({
  id: '00000000-0000-4000-8000-000000000000',
  email: 'a@example.com',
  name: 'A',
  locale: 'ko',
  theme: 'auto',
  mustChangePassword: false,
  mfaEnrollmentRequired: false,
  idleTimeoutSeconds: 1800,
  staffRole: null,
  memberships: [],
  csrfToken: 'x',
  ...overrides,
});

describe('getLandingPath', () => {
  it('goes to the page asked for, else home', () => {
    expect(getLandingPath(me(), '/portal/cases')).toBe('/portal/cases');
    expect(getLandingPath(me(), null)).toBe('/portal');
    expect(getLandingPath(me({ staffRole: 'agent' }), 'https://evil.example')).toBe('/console');
  });

  it('sends a pending password change first', () => {
    expect(getLandingPath(me({ mustChangePassword: true, mfaEnrollmentRequired: true }), '/portal/cases')).toBe('/change-password');
  });

  it('sends a required enrolment next, keeping the page asked for', () => {
    expect(getLandingPath(me({ mfaEnrollmentRequired: true }), '/portal/cases')).toBe('/setup-two-step?next=%2Fportal%2Fcases');
    expect(getLandingPath(me({ mfaEnrollmentRequired: true }), null)).toBe('/setup-two-step');
  });
});
