// Relative import: vitest runs from the root without web/vite.config.ts's @common alias.
import { isStrongPassword } from '../../../../common/schemas/me';
import { describe, expect, it } from 'vitest';
import { passwordRules } from './password-rules';

const meetsAll = (password: string) => passwordRules.every((rule) => rule.test(password));

describe('passwordRules', () => {
  it.each(['Secret1!', 'abcDEF1#', 'Aa1!aaa', 'Aa1 aaa', 'short1A', 'alllower1!', 'ALLUPPER1!', 'NoDigits!', 'NoSpecial1', '한글Aa1!'])(
    'agrees with the server on %s',
    (password) => {
      expect(meetsAll(password)).toBe(isStrongPassword(password));
    },
  );
});
