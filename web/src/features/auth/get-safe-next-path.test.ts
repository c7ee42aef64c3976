import { describe, expect, it } from 'vitest';
import { getSafeNextPath } from './get-safe-next-path';

describe('getSafeNextPath', () => {
  it('keeps a path of this site', () => {
    expect(getSafeNextPath('/portal/cases?status=open')).toBe('/portal/cases?status=open');
  });

  it('keeps a path that only starts like an auth page', () => {
    expect(getSafeNextPath('/sign-ins')).toBe('/sign-ins');
  });

  it.each([null, '', 'https://evil.example', '//evil.example', '/\\evil.example', '/sign-in', '/sign-in?reason=idle', '/change-password', '/register', '/reset-password?token=x', '/setup-two-step'])(
    'refuses %s',
    (next) => {
      expect(getSafeNextPath(next)).toBeNull();
    },
  );
});
