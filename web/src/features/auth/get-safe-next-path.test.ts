import { describe, expect, it } from 'vitest';
import { getSafeNextPath } from './get-safe-next-path';

describe('getSafeNextPath', () => {
  it('keeps a path of this site', () => {
    expect(getSafeNextPath('/portal/cases?status=open')).toBe('/portal/cases?status=open');
  });

  it.each([null, '', 'https://evil.example', '//evil.example', '/\\evil.example', '/sign-in', '/change-password'])(
    'refuses %s',
    (next) => {
      expect(getSafeNextPath(next)).toBeNull();
    },
  );
});
