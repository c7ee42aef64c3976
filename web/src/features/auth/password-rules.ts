import type { PasswordPolicy } from '@common/schemas/settings';

export type { PasswordPolicy };

/** Seed 000's policy, which the server applies until an administrator changes it. */
export const defaultPasswordPolicy: PasswordPolicy = {
  minLength: 7,
  requireLower: true,
  requireUpper: true,
  requireDigit: true,
  requireSpecial: true,
  blockCommon: true,
};

/** The longest password the server takes (`PASSWORD_POLICY.maxLength`, `RegisterBody.password` in common/schemas). */
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordRuleKey = 'length' | 'lower' | 'upper' | 'digit' | 'special';

export interface PasswordRule {
  key: PasswordRuleKey;
  test: (password: string) => boolean;
}

/**
 * The checks of a password policy the browser can make, so people see what is missing before they
 * submit. Whether a password is too common only the server knows. Not imported from common/: the
 * server's checks bring Zod along.
 */
export function getPasswordRules(policy: PasswordPolicy): PasswordRule[] {
  const rules: (PasswordRule | false)[] = [
    { key: 'length', test: (password) => password.length >= policy.minLength && password.length <= PASSWORD_MAX_LENGTH },
    policy.requireLower && { key: 'lower', test: (password) => /[a-z]/.test(password) },
    policy.requireUpper && { key: 'upper', test: (password) => /[A-Z]/.test(password) },
    policy.requireDigit && { key: 'digit', test: (password) => /[0-9]/.test(password) },
    policy.requireSpecial && { key: 'special', test: (password) => /[^A-Za-z0-9]/.test(password) },
  ];
  return rules.filter((rule): rule is PasswordRule => rule !== false);
}

/** True when the password passes every check of the policy the browser can make. */
export function meetsPasswordRules(policy: PasswordPolicy, password: string): boolean {
  return getPasswordRules(policy).every((rule) => rule.test(password));
}
