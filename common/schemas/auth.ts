import { z } from 'zod';
import { EmailAddress } from './email';
import { Me } from './me';

/**
 * Seed 000's display name: 4 to 20 letters and digits; `_` and `.` allowed; no spaces. At least one
 * letter or digit: a name of only `_` and `.` (`....`) names nobody.
 */
export const DISPLAY_NAME_PATTERN = /^(?=[\p{L}\p{N}_.]*[\p{L}\p{N}])[\p{L}\p{N}_.]{4,20}$/u;
/** Names and company names: printable, no control characters. */
const Text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((value) => !/\p{Cc}/u.test(value), 'validation.control_characters');
export const RegisterBody = z.object({
  name: Text(100),
  email: EmailAddress,
  company: Text(100),
  address: Text(300),
  phone: z.string().trim().min(1).max(40).regex(/^[0-9+()\-\s]+$/, 'validation.phone'),
  // NFKC first: full-width ＫＩＭ_ＴＥＳＴ is KIM_TEST, so it cannot pass for another account's name.
  displayName: z.string().normalize('NFKC').regex(DISPLAY_NAME_PATTERN, 'validation.display_name'),
  password: z.string().max(128),
  acceptTerms: z.literal(true, 'validation.accept_terms'),
  acceptPrivacy: z.literal(true, 'validation.accept_privacy'),
  termsVersion: z.string().trim().min(1).max(40),
  privacyVersion: z.string().trim().min(1).max(40),
  locale: z.enum(['ko', 'en']).optional(),
});
export type RegisterBody = z.infer<typeof RegisterBody>;

/** What registration answers, whether or not the email already had an account (no account discovery). */
export const RegisterResult = z.object({ status: z.literal('verification_sent') });

export const TokenBody = z.object({ token: z.string().min(10).max(200) });
export const EmailBody = z.object({ email: EmailAddress });
export const ResetPasswordBody = z.object({ token: z.string().min(10).max(200), newPassword: z.string().max(128) });

export const MfaMethod = z.enum(['totp', 'email', 'recovery']);
export type MfaMethod = z.infer<typeof MfaMethod>;

/** Sign-in either opens a session or asks for the second step. */
export const SignInResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed_in'), me: Me }),
  z.object({
    status: z.literal('mfa_required'),
    challengeToken: z.string().describe('Send back with the code to POST /auth/sign-in/mfa'),
    methods: z.array(MfaMethod),
    expiresInSeconds: z.number().int(),
  }),
]);
export type SignInResult = z.infer<typeof SignInResult>;

export const MfaSignInBody = z.object({
  challengeToken: z.string().min(10).max(200),
  method: MfaMethod,
  code: z.string().trim().min(6).max(32),
});
export const MfaEmailCodeBody = z.object({ challengeToken: z.string().min(10).max(200) });

export const SessionInfo = z.object({
  id: z.string().uuid(),
  client: z.string().describe('e.g. Win10/Chrome 120'),
  ip: z.string().nullable(),
  createdAt: z.string().datetime(),
  lastSeenAt: z.string().datetime(),
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const MfaStatus = z.object({
  totp: z.boolean(),
  email: z.boolean(),
  recoveryCodesLeft: z.number().int(),
  required: z.boolean().describe('An organization of the user requires two-step sign-in'),
  hasPassword: z.boolean().describe('False for an account made by single sign-on that has not set a password (changes that ask for it are refused with auth.password_not_set)'),
});
export type MfaStatus = z.infer<typeof MfaStatus>;

export const TotpSetup = z.object({
  secret: z.string().describe('Base32 secret to type into an authenticator app'),
  otpauthUrl: z.string(),
  qrCodeSvg: z.string().describe('The otpauth URL as an SVG QR code'),
});
export const CodeBody = z.object({ code: z.string().trim().min(6).max(12) });
export const PasswordConfirmBody = z.object({ password: z.string().min(1).max(128) });
export const RecoveryCodes = z.object({ codes: z.array(z.string()).length(10) });
/** Enabling a second step: the recovery codes, shown once, when it is the user's first; else null. */
export const MfaConfirmResult = z.object({ codes: z.array(z.string()).length(10).nullable() });

/** Public view of an identity provider, for the sign-in page's buttons. */
export const SsoProviderSummary = z.object({ id: z.string().uuid(), name: z.string() });
