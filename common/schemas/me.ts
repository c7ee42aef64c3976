import { z } from 'zod';
import { EmailAddress } from './email';
import { CUSTOMER_ROLES, STAFF_ROLES } from '../permissions';
import { LOCALES } from '../locale';
import { Line } from './text';

export const Theme = z.enum(['light', 'dark', 'auto']);
export type Theme = z.infer<typeof Theme>;

export const Membership = z.object({
  organizationId: z.string().uuid(),
  organizationName: z.string(),
  role: z.enum(CUSTOMER_ROLES),
});
export type Membership = z.infer<typeof Membership>;

/** The signed-in user as the API presents them, with their roles. */
export const Me = z.object({
  id: z.string().uuid(),
  email: z.string(),
  name: z.string(),
  locale: z.enum(LOCALES).nullable(),
  theme: Theme,
  mustChangePassword: z.boolean().describe('True until the one-time password has been changed'),
  mfaEnrollmentRequired: z.boolean().describe('True until the user enrols a second sign-in step an organization requires'),
  idleTimeoutSeconds: z.number().int().describe('The session ends after this long without a request'),
  staffRole: z.enum(STAFF_ROLES).nullable().describe('The vendor staff role, or null for customer users'),
  memberships: z.array(Membership),
  csrfToken: z.string().describe('Send back as the x-csrf-token header on state-changing requests made with the session cookie'),
});
export type Me = z.infer<typeof Me>;

export const SignInBody = z.object({
  email: EmailAddress,
  password: z.string().min(1).max(128),
});
export type SignInBody = z.infer<typeof SignInBody>;

/** The default password policy of seed 000: 7+ characters, lower, upper, digit, special. */
export const PASSWORD_POLICY = { minLength: 7, maxLength: 128 } as const;

/** True when the password meets the default policy. */
export function isStrongPassword(password: string): boolean {
  return (
    password.length >= PASSWORD_POLICY.minLength &&
    password.length <= PASSWORD_POLICY.maxLength &&
    /[a-z]/.test(password) &&
    /[A-Z]/.test(password) &&
    /[0-9]/.test(password) &&
    /[^A-Za-z0-9]/.test(password)
  );
}

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(128),
  newPassword: z.string().max(PASSWORD_POLICY.maxLength),
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const UpdatePreferencesBody = z
  .object({ locale: z.enum(LOCALES).optional(), theme: Theme.optional() })
  .strict();
export type UpdatePreferencesBody = z.infer<typeof UpdatePreferencesBody>;

export const ApiToken = z.object({
  id: z.string().uuid(),
  name: z.string(),
  prefix: z.string().describe('The first characters of the token, to recognise it'),
  createdAt: z.string().datetime(),
  lastUsedAt: z.string().datetime().nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;

export const CreateApiTokenBody = z.object({ name: Line(1, 100) });
export type CreateApiTokenBody = z.infer<typeof CreateApiTokenBody>;

export const CreatedApiToken = ApiToken.extend({
  token: z.string().describe('Shown once; only its hash is stored'),
});
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;
