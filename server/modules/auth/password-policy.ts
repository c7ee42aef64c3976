import { dictionary } from '@zxcvbn-ts/language-common';
import type { ErrorCode } from '../../../common/errors';
import type { PasswordPolicy } from '../../../common/schemas/settings';

let common: Set<string> | undefined;
const commonPasswords = () => (common ??= new Set(dictionary.passwords as string[]));

const LEET: Record<string, string> = { '0': 'o', '1': 'l', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };
const unleet = (value: string) => value.replace(/[013457@$!]/g, (c) => LEET[c] ?? c);

/**
 * True when the password is a common one (49,000 from zxcvbn's list), also through the usual
 * disguises: capitals, leetspeak (`P@ssw0rd`) and a short suffix of digits or symbols (`Password1!`).
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const candidates = new Set([lower, unleet(lower), lower.replace(/[^a-z0-9]+$/, '')]);
  const trimmed = lower.replace(/[^a-z]+$/, '');
  if (lower.length - trimmed.length <= 3) candidates.add(trimmed);
  for (const candidate of [...candidates]) candidates.add(unleet(candidate));
  const list = commonPasswords();
  return [...candidates].some((candidate) => candidate.length > 0 && list.has(candidate));
}

/** The reason a password does not meet the policy, or null when it does. */
export function checkPassword(policy: PasswordPolicy, password: string): ErrorCode | null {
  if (
    password.length < policy.minLength ||
    password.length > 128 ||
    (policy.requireLower && !/\p{Ll}/u.test(password)) ||
    (policy.requireUpper && !/\p{Lu}/u.test(password)) ||
    (policy.requireDigit && !/\p{Nd}/u.test(password)) ||
    (policy.requireSpecial && !/[^\p{L}\p{Nd}]/u.test(password))
  ) {
    return 'auth.weak_password';
  }
  if (policy.blockCommon && isCommonPassword(password)) return 'auth.common_password';
  return null;
}

/** The weak-password message's params for the policy (`{{minLength}}`, `{{requires:passwordClasses}}`). */
export function passwordPolicyParams(policy: PasswordPolicy): { minLength: number; requires: string } {
  const classes = [policy.requireLower && 'lower', policy.requireUpper && 'upper', policy.requireDigit && 'digit', policy.requireSpecial && 'special'];
  return { minLength: policy.minLength, requires: classes.filter(Boolean).join(',') };
}
