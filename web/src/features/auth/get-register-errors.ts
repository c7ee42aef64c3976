import { isEmailAddress } from '@common/schemas/email';
import { meetsPasswordRules, type PasswordPolicy } from './password-rules';

export const registerTextFields = ['name', 'email', 'company', 'address', 'phone', 'displayName'] as const;
export type RegisterTextField = (typeof registerTextFields)[number];
export type RegisterField = RegisterTextField | 'password' | 'confirmPassword' | 'acceptTerms' | 'acceptPrivacy';
export type RegisterValues = Record<RegisterTextField | 'password' | 'confirmPassword', string>;

/** The translation keys of the errors `getRegisterErrors` finds. */
export type RegisterErrorKey =
  | 'register.errors.required'
  | 'signIn.errors.emailInvalid'
  | 'fieldErrors.phone'
  | 'fieldErrors.displayName'
  | 'register.errors.rulesNotMet'
  | 'register.errors.confirmRequired'
  | 'register.errors.mismatch'
  | 'fieldErrors.acceptTerms'
  | 'fieldErrors.acceptPrivacy';

/** Seed 000's display name: 4 to 20 letters and digits, `_` and `.`, no spaces (as common/schemas/auth.ts). */
const displayNamePattern = /^[\p{L}\p{N}_.]{4,20}$/u;
const phonePattern = /^[0-9+()\-\s]+$/;

/**
 * The registration form's errors the browser can find, as translation keys by field. The inputs cut
 * nothing people type or paste: a display name or a password too long is reported here instead of
 * being shortened unseen (a shortened password would not be the one they keep).
 */
export function getRegisterErrors(values: RegisterValues, accepted: { acceptTerms: boolean; acceptPrivacy: boolean }, policy: PasswordPolicy): Partial<Record<RegisterField, RegisterErrorKey>> {
  const errors: Partial<Record<RegisterField, RegisterErrorKey>> = {};
  for (const field of registerTextFields) if (!values[field].trim()) errors[field] = 'register.errors.required';
  if (!errors.email && !isEmailAddress(values.email)) errors.email = 'signIn.errors.emailInvalid';
  if (!errors.phone && !phonePattern.test(values.phone.trim())) errors.phone = 'fieldErrors.phone';
  if (!errors.displayName && !displayNamePattern.test(values.displayName)) errors.displayName = 'fieldErrors.displayName';
  if (!values.password) errors.password = 'register.errors.required';
  else if (!meetsPasswordRules(policy, values.password)) errors.password = 'register.errors.rulesNotMet';
  if (!values.confirmPassword) errors.confirmPassword = 'register.errors.confirmRequired';
  else if (values.confirmPassword !== values.password) errors.confirmPassword = 'register.errors.mismatch';
  if (!accepted.acceptTerms) errors.acceptTerms = 'fieldErrors.acceptTerms';
  if (!accepted.acceptPrivacy) errors.acceptPrivacy = 'fieldErrors.acceptPrivacy';
  return errors;
}
