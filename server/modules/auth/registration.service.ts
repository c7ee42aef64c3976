import type { RegisterBody } from '../../../common/schemas/auth';
import type { Locale } from '../../../common/locale';
import { recordAudit } from '../../platform/audit';
import type { RequestOrigin, ServiceContext } from '../../platform/context';
import { badRequest } from '../../platform/errors';
import { enqueueJob, type JobHandler } from '../../platform/jobs';
import { queueMail } from '../../platform/mail';
import { hashPassword, hashToken, randomToken } from '../../platform/secrets';
import { getServiceName, getSetting } from '../settings/settings.service';
import { findUserByEmail, findUserById, findUserByDisplayName, insertUser, updateUser, type UserRow } from '../users/users.repository';
import { endAllSessions, findUserTokenByHash, insertUserToken, retireUserTokens, useUserToken, type UserTokenPurpose } from './auth.repository';
import { alreadyRegisteredEmail, passwordResetEmail, verificationEmail } from './auth.emails';
import { assertPasswordAcceptable } from './auth.service';
import { clearFailures, throttleKeys } from './throttle';
import { readAll, type Db } from '../../platform/db';

const VERIFICATION_HOURS = 24;
const RESET_HOURS = 1;
const localeOf = (user: Pick<UserRow, 'locale'>, fallback: Locale = 'en'): Locale => user.locale ?? fallback;

/** Creates a single-use token for the user (retiring older ones of the same purpose) and returns the secret. */
async function issueUserToken(ctx: ServiceContext, db: Db, userId: string, purpose: UserTokenPurpose, hours: number): Promise<string> {
  const now = ctx.clock.now();
  await retireUserTokens(db, userId, purpose, now);
  const token = randomToken();
  await insertUserToken(db, { userId, purpose, tokenHash: hashToken(token), createdAt: now, expiresAt: new Date(now.getTime() + hours * 3_600_000) });
  return token;
}

/**
 * Registers a portal account. The answer is the same whether or not the email already had an account
 * (no account discovery), and so is every check before it, in the same order: terms, password,
 * display name (taken by anyone, this email's account included). A new email gets an account and a
 * verification link; a verified account's owner gets an email saying so. An account never verified
 * keeps its details: the new registration waits in its own verification link (`PendingRegistration`
 * in the token's data) and takes the account's place only if that link is opened. Neither
 * registration proved the address, so the one whose link the owner of the mailbox opens wins, and
 * opening it retires the other links: whoever registers second cannot replace the first's password
 * (nor, registering first, keep the owner's registration out). Without a `locale` in the body, the
 * account (and its emails) take `requestLocale`, the language the request was made in.
 */
export async function register(ctx: ServiceContext, input: RegisterBody, origin: RequestOrigin, requestLocale: Locale = 'en'): Promise<void> {
  const legal = await getSetting(ctx, 'legal');
  if (input.termsVersion !== legal.termsVersion) throw badRequest('validation.failed', { fieldErrors: { acceptTerms: ['validation.terms_version'] } });
  if (input.privacyVersion !== legal.privacyVersion) throw badRequest('validation.failed', { fieldErrors: { acceptPrivacy: ['validation.privacy_version'] } });
  await assertPasswordAcceptable(ctx, input.password, 'password');
  // Without a chosen language, the account takes the one the request was made in.
  const locale = input.locale ?? requestLocale;
  const [existing, holder] = await readAll(ctx.db, [() => findUserByEmail(ctx.db, input.email), () => findUserByDisplayName(ctx.db, input.displayName)]);
  if (holder) throw badRequest('auth.display_name_taken', { fieldErrors: { displayName: ['auth.display_name_taken'] } });
  // Hashed on every path, so that all answers take the same time.
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock.now();
  const service = await getServiceName(ctx);
  if (existing?.emailVerifiedAt || (existing && existing.status !== 'active')) {
    await ctx.db.transaction(async (tx) => {
      const token = await issueUserToken(ctx, tx, existing.id, 'password_reset', RESET_HOURS);
      await queueMail(tx, alreadyRegisteredEmail({ to: existing.email, name: existing.name, link: `${ctx.baseUrl}/reset-password?token=${token}`, locale: localeOf(existing, locale), service }));
      await recordAudit(tx, { category: 'account', action: 'register.existing_email', actorUserId: existing.id, actorLabel: input.email, ip: origin.ip, client: origin.client });
    });
    return;
  }
  const details = {
    name: input.name,
    company: input.company,
    address: input.address,
    phone: input.phone,
    displayName: input.displayName,
    passwordHash,
    locale,
    termsVersion: input.termsVersion,
    termsAcceptedAt: now,
    privacyVersion: input.privacyVersion,
    privacyAcceptedAt: now,
  };
  await ctx.db.transaction(async (tx) => {
    let user: UserRow;
    let token: string;
    if (existing) {
      user = existing;
      // The old registration's links stay good: this one waits in its own link beside them.
      token = randomToken();
      const pending: PendingRegistration = { ...details, termsAcceptedAt: now.toISOString(), privacyAcceptedAt: now.toISOString() };
      await insertUserToken(tx, {
        userId: existing.id,
        purpose: 'email_verification',
        tokenHash: hashToken(token),
        data: JSON.stringify(pending),
        createdAt: now,
        expiresAt: new Date(now.getTime() + VERIFICATION_HOURS * 3_600_000),
      });
    } else {
      user = await insertUser(tx, { email: input.email, ...details });
      token = await issueUserToken(ctx, tx, user.id, 'email_verification', VERIFICATION_HOURS);
    }
    await queueMail(tx, verificationEmail({ to: user.email, name: input.name, link: `${ctx.baseUrl}/verify-email?token=${token}`, locale, service }));
    await recordAudit(tx, {
      category: 'account',
      action: existing ? 'register.pending_unverified' : 'register',
      actorUserId: user.id,
      actorLabel: user.email,
      ip: origin.ip,
      client: origin.client,
      details: { termsVersion: input.termsVersion, privacyVersion: input.privacyVersion },
    });
  });
}

/** A single-use token by its secret: auth.token_invalid, auth.token_used or auth.token_expired when it cannot be used. */
async function getUsableToken(ctx: ServiceContext, purpose: UserTokenPurpose, token: string) {
  return usableToken(ctx, await findUserTokenByHash(ctx.db, purpose, hashToken(token)));
}

/** The token row when it can be used, else auth.token_invalid, auth.token_used or auth.token_expired. */
function usableToken<T extends { usedAt: Date | null; expiresAt: Date }>(ctx: ServiceContext, row: T | undefined): T {
  if (!row) throw badRequest('auth.token_invalid');
  if (row.usedAt) throw badRequest('auth.token_used');
  if (row.expiresAt <= ctx.clock.now()) throw badRequest('auth.token_expired');
  return row;
}

/** A registration of an email whose account was not verified yet, kept in its verification link until opened. */
interface PendingRegistration {
  name: string;
  company: string;
  address: string;
  phone: string;
  displayName: string;
  passwordHash: string;
  locale: Locale;
  termsVersion: string;
  termsAcceptedAt: string;
  privacyVersion: string;
  privacyAcceptedAt: string;
}

/**
 * Verifies an email address with the link's token (24 hours, works once). A link of a later
 * registration (`PendingRegistration`) puts that registration in place first, keeping the account's
 * display name if another account took the new one meanwhile. The account's other verification
 * links end: only one registration of the address is ever verified.
 */
export async function verifyEmail(ctx: ServiceContext, token: string, origin: RequestOrigin): Promise<void> {
  const found = await findUserTokenByHash(ctx.db, 'email_verification', hashToken(token));
  if (found?.usedAt) {
    // Opening a link ends every other: a used link of an unverified account was replaced by a newer
    // one; of a verified account, the address is verified (by this link or another) and sign-in is next.
    const user = await findUserById(ctx.db, found.userId);
    throw badRequest(user?.emailVerifiedAt ? 'auth.email_already_verified' : 'auth.token_replaced');
  }
  const row = usableToken(ctx, found);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if (!(await useUserToken(tx, row.id, now))) throw badRequest('auth.token_used');
    let registration = {};
    if (row.data) {
      const { termsAcceptedAt, privacyAcceptedAt, displayName, ...rest } = JSON.parse(row.data) as PendingRegistration;
      const holder = await findUserByDisplayName(tx, displayName);
      registration = {
        ...rest,
        ...(holder && holder.id !== row.userId ? {} : { displayName }),
        termsAcceptedAt: new Date(termsAcceptedAt),
        privacyAcceptedAt: new Date(privacyAcceptedAt),
      };
      // Nothing issued for the registration it replaces may outlive it (it could not sign in anyway).
      await retireUserTokens(tx, row.userId, 'password_reset', now);
      await endAllSessions(tx, row.userId, now, 'registration_replaced');
    }
    await retireUserTokens(tx, row.userId, 'email_verification', now);
    const user = await updateUser(tx, row.userId, { ...registration, emailVerifiedAt: now });
    await recordAudit(tx, { category: 'account', action: 'email.verified', actorUserId: row.userId, actorLabel: user?.email ?? null, ip: origin.ip, client: origin.client, ...(row.data ? { details: { registration: 'later' } } : {}) });
  });
}

/** The job that sends a requested account email: a new verification link or a password reset link. */
export const ACCOUNT_EMAIL_JOB = 'auth.account_email';

export interface AccountEmailRequest {
  purpose: 'email_verification' | 'password_reset';
  email: string;
  ip: string | null;
  client: string | null;
  /** The language the request was made in: the email's, when the account has none saved. */
  locale?: Locale;
}

/**
 * Asks for a new verification link. Whether the email has an account is decided by the job, not
 * here: every request does the same work (one queued job) and answers alike, so neither the answer
 * nor its time tells whether the account exists.
 */
export async function resendVerification(ctx: ServiceContext, email: string, origin: RequestOrigin, locale: Locale): Promise<void> {
  await enqueueJob(ctx.db, ACCOUNT_EMAIL_JOB, { purpose: 'email_verification', email, ip: origin.ip, client: origin.client, locale } satisfies AccountEmailRequest);
}

/** Asks for a password reset link; like `resendVerification`, the same queued job whatever the email. */
export async function requestPasswordReset(ctx: ServiceContext, email: string, origin: RequestOrigin, locale: Locale): Promise<void> {
  await enqueueJob(ctx.db, ACCOUNT_EMAIL_JOB, { purpose: 'password_reset', email, ip: origin.ip, client: origin.client, locale } satisfies AccountEmailRequest);
}

/**
 * The job behind `resendVerification` and `requestPasswordReset`: a verification link (24 hours) to
 * an active unverified account, a reset link (1 hour, works once) to an active account; nothing to
 * an unknown email.
 */
export async function sendAccountEmail(ctx: ServiceContext, request: AccountEmailRequest): Promise<void> {
  const user = await findUserByEmail(ctx.db, request.email);
  if (!user || user.status !== 'active') return;
  const locale = localeOf(user, request.locale);
  const service = await getServiceName(ctx);
  if (request.purpose === 'email_verification') {
    if (user.emailVerifiedAt) return;
    await ctx.db.transaction(async (tx) => {
      const token = await issueUserToken(ctx, tx, user.id, 'email_verification', VERIFICATION_HOURS);
      await queueMail(tx, verificationEmail({ to: user.email, name: user.name, link: `${ctx.baseUrl}/verify-email?token=${token}`, locale, service }));
    });
    return;
  }
  await ctx.db.transaction(async (tx) => {
    const token = await issueUserToken(ctx, tx, user.id, 'password_reset', RESET_HOURS);
    await queueMail(tx, passwordResetEmail({ to: user.email, name: user.name, link: `${ctx.baseUrl}/reset-password?token=${token}`, locale, service }));
    await recordAudit(tx, { category: 'account', action: 'password_reset.requested', actorUserId: user.id, actorLabel: user.email, ip: request.ip, client: request.client });
  });
}

/** The job handler of `ACCOUNT_EMAIL_JOB`. */
export function createAccountEmailJobHandler(ctx: ServiceContext): JobHandler {
  return (payload) => sendAccountEmail(ctx, payload as AccountEmailRequest);
}

/**
 * Sets a new password with a reset link's token. Every session of the user ends; the email counts as
 * verified (the link proved the address) and the account's failed-attempt lock is lifted.
 */
/**
 * Whether a reset link can still be used, without using it: the page asks when it opens, so that
 * a used, expired or altered link says so before anyone types a new password.
 */
export async function checkPasswordResetToken(ctx: ServiceContext, token: string): Promise<void> {
  await getUsableToken(ctx, 'password_reset', token);
}

export async function confirmPasswordReset(ctx: ServiceContext, token: string, newPassword: string, origin: RequestOrigin): Promise<void> {
  const row = await getUsableToken(ctx, 'password_reset', token);
  await assertPasswordAcceptable(ctx, newPassword);
  const passwordHash = await hashPassword(newPassword);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if (!(await useUserToken(tx, row.id, now))) throw badRequest('auth.token_used');
    const user = await findUserById(tx, row.userId);
    await updateUser(tx, row.userId, { passwordHash, mustChangePassword: false, ...(user?.emailVerifiedAt ? {} : { emailVerifiedAt: now }) });
    await endAllSessions(tx, row.userId, now, 'password_reset');
    await recordAudit(tx, { category: 'account', action: 'password.reset', actorUserId: row.userId, actorLabel: user?.email ?? null, ip: origin.ip, client: origin.client });
  });
  await clearFailures(ctx, throttleKeys(row.userId, null));
}
