import { describe, expect, it } from 'vitest';
import { PasswordPolicy } from '../../../common/schemas/settings';
import { checkPassword, isCommonPassword } from './password-policy';

const defaults = PasswordPolicy.parse({});

describe('checkPassword with the default policy (seed 000)', () => {
  it.each([
    ['Sh0rt!', 'auth.weak_password'],
    ['alllower1!', 'auth.weak_password'],
    ['ALLUPPER1!', 'auth.weak_password'],
    ['NoDigits!!', 'auth.weak_password'],
    ['NoSpecial12', 'auth.weak_password'],
    [`Aa1!${'x'.repeat(130)}`, 'auth.weak_password'],
    ['Password1!', 'auth.common_password'],
    ['P@ssw0rd', 'auth.common_password'],
    ['Qwerty123!', 'auth.common_password'],
    ['Yeosu#Plant7', null],
    ['울산공장Aa1!', null],
  ])('judges %s as %s', (password, expected) => {
    expect(checkPassword(defaults, password)).toBe(expected);
  });

  it('follows a changed policy', () => {
    const relaxed = PasswordPolicy.parse({ minLength: 12, requireSpecial: false, blockCommon: false });
    expect(checkPassword(relaxed, 'Abcdefghij12')).toBeNull();
    expect(checkPassword(relaxed, 'Abcdefgh12')).toBe('auth.weak_password');
    expect(checkPassword(relaxed, 'Password1234')).toBeNull();
  });
});

describe('isCommonPassword', () => {
  it('sees through capitals, leetspeak and a short suffix', () => {
    expect(isCommonPassword('DRAGON')).toBe(true);
    expect(isCommonPassword('dr4g0n')).toBe(true);
    expect(isCommonPassword('Monkey12#')).toBe(true);
    expect(isCommonPassword('Hx9!tq#Lm2')).toBe(false);
  });
});
