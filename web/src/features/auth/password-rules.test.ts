// Relative import: vitest runs from the root without web/vite.config.ts's @common alias.
import { isStrongPassword } from '../../../../common/schemas/me';
import { describe, expect, it } from 'vitest';
import { defaultPasswordPolicy, getPasswordRules, meetsPasswordRules } from './password-rules';

describe('getPasswordRules', () => {
  it.each(['Secret1!', `Aa1!${'a'.repeat(124)}`, `Aa1!${'a'.repeat(125)}`, 'abcDEF1#', 'Aa1!aaa', 'Aa1 aaa', 'short1A', 'alllower1!', 'ALLUPPER1!', 'NoDigits!', 'NoSpecial1', '한글Aa1!'])(
    'agrees with the server’s default policy on %s',
    (password) => {
      expect(meetsPasswordRules(defaultPasswordPolicy, password)).toBe(isStrongPassword(password));
    },
  );

  it('lists only the checks the policy turns on', () => {
    const policy = { ...defaultPasswordPolicy, minLength: 10, requireUpper: false, requireSpecial: false };
    expect(getPasswordRules(policy).map((rule) => rule.key)).toEqual(['length', 'lower', 'digit']);
    expect(meetsPasswordRules(policy, 'abcdefghi1')).toBe(true);
    expect(meetsPasswordRules(policy, 'abcdefgh1')).toBe(false);
  });
});
