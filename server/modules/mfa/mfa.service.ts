import { randomInt, randomUUID } from 'node:crypto';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import type { Locale } from '../../../common/locale';
import type { MfaMethod, MfaStatus } from '../../../common/schemas/auth';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import type { RequestOrigin, ServiceContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError, badRequest, conflict } from '../../platform/errors';
import { queueMail } from '../../platform/mail';
import { hashToken, safeEqual } from '../../platform/secrets';
import { clearMfaEnrollmentRequired, useUserToken } from '../auth/auth.repository';
import { verifyCurrentPassword } from '../auth/current-password';
import { isMfaRequiredForUser } from '../organizations/organizations.repository';
import { findUserById } from '../users/users.repository';
import { getServiceName } from '../settings/settings.service';
import { emailEnrolmentCodeEmail, signInCodeEmail } from './mfa.emails';
import {
  claimTotpStep,
  confirmMfaFactor,
  countConfirmedMfaFactors,
  countMfaTokensFor,
  countUnusedRecoveryCodes,
  deleteConfirmedMfaFactor,
  deleteRecoveryCodes,
  expireMfaTokens,
  findMfaFactor,
  findNewestLiveMfaToken,
  incrementTokenAttempts,
  insertMfaToken,
  listMfaFactors,
  replaceRecoveryCodes,
  upsertPendingMfaFactor,
  useRecoveryCode,
  type MfaKind,
  type MfaTokenPurpose,
  type UserTokenRow,
} from './mfa.repository';

const TOTP_PERIOD = 30;
/** One step either side, for clocks a little apart and codes typed at the turn of a step. */
const TOTP_WINDOW = 1;
const EMAIL_CODE_MINUTES = 10;
const MAX_CODE_ATTEMPTS = 5;
const RECOVERY_CODE_COUNT = 10;
/** Lower-case letters and digits without the look-alikes 0/o, 1/l/i. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export interface ConfirmResult {
  /** The new recovery codes, shown once, when this was the user's first second step; else null. */
  codes: string[] | null;
}

const invalidCode = () => badRequest('auth.mfa_invalid_code', { fieldErrors: { code: ['auth.mfa_invalid_code'] } });

/**
 * The service name as an authenticator app's issuer. The key URI separates issuer and account with a
 * colon (written or as %3A) and allows none inside either, so a colon in the name would cut it there
 * and move the rest into the account's name: `Hanbit: Care` is listed as `Hanbit Care`.
 */
function issuerOf(serviceName: string): string {
  return serviceName.replace(/\s*:\s*/g, ' ').trim() || 'Atrium';
}

/** A TOTP generator; `issuer` names the service in the authenticator app (the vendor profile's service name). */
function newTotp(secret: OTPAuth.Secret, label = '', issuer = '') {
  return new OTPAuth.TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD, secret });
}

/** The time step a code belongs to (this one or one either side), or null when it matches none. */
function matchTotpStep(ctx: ServiceContext, secretCiphertext: string, code: string): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const timestamp = ctx.clock.now().getTime();
  const totp = newTotp(OTPAuth.Secret.fromBase32(ctx.box.open(secretCiphertext)));
  const delta = totp.validate({ token, timestamp, window: TOTP_WINDOW });
  return delta === null ? null : OTPAuth.TOTP.counter({ period: TOTP_PERIOD, timestamp }) + delta;
}

function newEmailCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, '0');
}

/** Salted with the token's own id, so that equal codes never collide on the unique token_hash. */
const emailCodeHash = (tokenId: string, code: string) => hashToken(`${tokenId}:${code}`);

function newRecoveryCode(): string {
  const chars = Array.from({ length: 12 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** Lower case, without spaces or dashes: how a recovery code is hashed, however it was typed. */
const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]+/g, '');
const recoveryCodeHash = (userId: string, code: string) => hashToken(`${userId}:${normaliseRecoveryCode(code)}`);

async function issueRecoveryCodes(tx: Db, userId: string, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await replaceRecoveryCodes(
    tx,
    userId,
    codes.map((code) => recoveryCodeHash(userId, code)),
    now,
  );
  return codes;
}

async function requirePassword(ctx: ServiceContext, userId: string, password: string, origin: RequestOrigin): Promise<void> {
  await verifyCurrentPassword(ctx, await findUserById(ctx.db, userId), password, origin, 'password');
}

/** After a factor is confirmed: recovery codes when it is the first, and the session no longer held back. */
async function afterFactorConfirmed(ctx: ServiceContext, tx: Db, actor: Actor, kind: MfaKind, origin: RequestOrigin): Promise<ConfirmResult> {
  const now = ctx.clock.now();
  const first = (await countConfirmedMfaFactors(tx, actor.userId)) === 1;
  const codes = first ? await issueRecoveryCodes(tx, actor.userId, now) : null;
  await clearMfaEnrollmentRequired(tx, actor.userId);
  await recordAudit(tx, { category: 'account', action: `mfa.${kind}.enabled`, actorUserId: actor.userId, actorLabel: actor.email, targetType: 'user', targetId: actor.userId, ip: origin.ip, client: origin.client });
  return { codes };
}

/**
 * Checks a code against an email code token: at most MAX_CODE_ATTEMPTS tries per code, then it is
 * dead; the attempt is counted even when the caller's answer is a refusal.
 */
async function checkEmailCodeToken(tx: Db, token: UserTokenRow, code: string, now: Date): Promise<boolean> {
  if (token.attempts >= MAX_CODE_ATTEMPTS) return false;
  await incrementTokenAttempts(tx, token.id);
  const typed = code.replace(/\s+/g, '');
  if (!safeEqual(token.tokenHash, emailCodeHash(token.id, typed))) return false;
  return useUserToken(tx, token.id, now);
}

/** Stores a new email code (older live ones of the same purpose and challenge stop counting) and queues its mail. */
async function issueEmailCode(
  ctx: ServiceContext,
  tx: Db,
  user: { id: string; email: string; locale: 'ko' | 'en' | null },
  purpose: MfaTokenPurpose,
  challengeId: string | null,
  service: string,
): Promise<void> {
  const now = ctx.clock.now();
  const code = newEmailCode();
  const id = randomUUID();
  await expireMfaTokens(tx, user.id, purpose, challengeId, now);
  await insertMfaToken(tx, { id, userId: user.id, purpose, tokenHash: emailCodeHash(id, code), data: challengeId, createdAt: now, expiresAt: new Date(now.getTime() + EMAIL_CODE_MINUTES * 60_000) });
  const template = purpose === 'mfa_email_enrol' ? emailEnrolmentCodeEmail : signInCodeEmail;
  await queueMail(tx, template({ to: user.email, code, minutes: EMAIL_CODE_MINUTES, locale: user.locale ?? 'en', service }));
}

/** The user's second steps, recovery codes left, whether an organization requires them, and whether they have a password to confirm changes with. */
export async function getMfaStatus(ctx: ServiceContext, userId: string): Promise<MfaStatus> {
  const factors = await listMfaFactors(ctx.db, userId);
  const isOn = (kind: MfaKind) => factors.some((f) => f.kind === kind && f.confirmedAt !== null);
  const user = await findUserById(ctx.db, userId);
  return {
    totp: isOn('totp'),
    email: isOn('email'),
    recoveryCodesLeft: await countUnusedRecoveryCodes(ctx.db, userId),
    required: await isMfaRequiredForUser(ctx.db, userId),
    hasPassword: Boolean(user?.passwordHash),
  };
}

/** Starts (or restarts) authenticator-app setup: a new secret, stored sealed and pending until a code confirms it. */
export async function startTotpSetup(ctx: ServiceContext, actor: Actor): Promise<{ secret: string; otpauthUrl: string; qrCodeSvg: string }> {
  const secret = new OTPAuth.Secret({ size: 20 });
  const row = await upsertPendingMfaFactor(ctx.db, actor.userId, 'totp', ctx.box.seal(secret.base32), ctx.clock.now());
  if (!row) throw conflict('auth.mfa_already_enrolled');
  const otpauthUrl = newTotp(secret, actor.email, issuerOf(await getServiceName(ctx))).toString();
  return { secret: secret.base32, otpauthUrl, qrCodeSvg: await QRCode.toString(otpauthUrl, { type: 'svg' }) };
}

/** Turns on the pending authenticator app once a correct code shows the user has it; that code's step counts as used. */
export async function confirmTotp(ctx: ServiceContext, actor: Actor, code: string, origin: RequestOrigin): Promise<ConfirmResult> {
  const factor = await findMfaFactor(ctx.db, actor.userId, 'totp');
  if (factor?.confirmedAt) throw conflict('auth.mfa_already_enrolled');
  if (!factor?.secretCiphertext) throw badRequest('auth.mfa_setup_not_started');
  const step = matchTotpStep(ctx, factor.secretCiphertext, code);
  if (step === null) throw invalidCode();
  return ctx.db.transaction(async (tx) => {
    if (!(await confirmMfaFactor(tx, factor.id, ctx.clock.now(), step))) throw conflict('auth.mfa_already_enrolled');
    return afterFactorConfirmed(ctx, tx, actor, 'totp', origin);
  });
}

/** Emails a code that turns on email as a second step (valid EMAIL_CODE_MINUTES), in the user's language, else the page's. */
export async function startEmailSetup(ctx: ServiceContext, actor: Actor, requestLocale: Locale): Promise<void> {
  const factor = await findMfaFactor(ctx.db, actor.userId, 'email');
  if (factor?.confirmedAt) throw conflict('auth.mfa_already_enrolled');
  const service = await getServiceName(ctx);
  await ctx.db.transaction((tx) => issueEmailCode(ctx, tx, { id: actor.userId, email: actor.email, locale: actor.locale ?? requestLocale }, 'mfa_email_enrol', null, service));
}

/** Turns on email as a second step with the code sent by startEmailSetup. */
export async function confirmEmail(ctx: ServiceContext, actor: Actor, code: string, origin: RequestOrigin): Promise<ConfirmResult> {
  const now = ctx.clock.now();
  // A refusal must still commit the counted attempt, so the transaction returns it instead of throwing.
  const outcome = await ctx.db.transaction(async (tx): Promise<ConfirmResult | 'already' | 'not_started' | 'invalid'> => {
    const factor = await findMfaFactor(tx, actor.userId, 'email');
    if (factor?.confirmedAt) return 'already';
    const token = await findNewestLiveMfaToken(tx, actor.userId, 'mfa_email_enrol', null, now);
    if (!token) return 'not_started';
    if (!(await checkEmailCodeToken(tx, token, code, now))) return 'invalid';
    const pending = await upsertPendingMfaFactor(tx, actor.userId, 'email', null, now);
    if (!pending || !(await confirmMfaFactor(tx, pending.id, now, null))) return 'already';
    return afterFactorConfirmed(ctx, tx, actor, 'email', origin);
  });
  if (outcome === 'already') throw conflict('auth.mfa_already_enrolled');
  if (outcome === 'not_started') throw badRequest('auth.mfa_setup_not_started');
  if (outcome === 'invalid') throw invalidCode();
  return outcome;
}

/** Turns a second step off (current password required); with none left the recovery codes go too. */
export async function disableFactor(ctx: ServiceContext, actor: Actor, kind: MfaKind, password: string, origin: RequestOrigin): Promise<void> {
  await requirePassword(ctx, actor.userId, password, origin);
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteConfirmedMfaFactor(tx, actor.userId, kind))) throw badRequest('auth.mfa_not_enrolled');
    if ((await countConfirmedMfaFactors(tx, actor.userId)) === 0) {
      // An organization that requires two-step sign-in keeps its members from turning off the last one.
      if (await isMfaRequiredForUser(tx, actor.userId)) throw badRequest('auth.mfa_required_by_organization');
      await deleteRecoveryCodes(tx, actor.userId);
    }
    await recordAudit(tx, { category: 'account', action: `mfa.${kind}.disabled`, actorUserId: actor.userId, actorLabel: actor.email, targetType: 'user', targetId: actor.userId, ip: origin.ip, client: origin.client });
  });
}

/** New recovery codes (current password required); the old ones stop working. */
export async function regenerateRecoveryCodes(ctx: ServiceContext, actor: Actor, password: string, origin: RequestOrigin): Promise<{ codes: string[] }> {
  await requirePassword(ctx, actor.userId, password, origin);
  return ctx.db.transaction(async (tx) => {
    if ((await countConfirmedMfaFactors(tx, actor.userId)) === 0) throw badRequest('auth.mfa_not_enrolled');
    const codes = await issueRecoveryCodes(tx, actor.userId, ctx.clock.now());
    await recordAudit(tx, { category: 'account', action: 'mfa.recovery_codes.regenerated', actorUserId: actor.userId, actorLabel: actor.email, targetType: 'user', targetId: actor.userId, ip: origin.ip, client: origin.client });
    return { codes };
  });
}

/** The second-step methods the user can sign in with: [] when none is enrolled. 'recovery' only with an enrolled factor and codes left. */
export async function listMfaMethods(ctx: ServiceContext, userId: string): Promise<MfaMethod[]> {
  const factors = await listMfaFactors(ctx.db, userId);
  const confirmed = factors.filter((f) => f.confirmedAt !== null).map((f) => f.kind);
  return mfaMethodsOf(confirmed, confirmed.length > 0 && (await countUnusedRecoveryCodes(ctx.db, userId)) > 0);
}

/** The second steps a sign-in offers: each confirmed factor, and recovery codes beside at least one. */
export function mfaMethodsOf(confirmedKinds: readonly string[], hasUnusedRecoveryCodes: boolean): MfaMethod[] {
  const methods: MfaMethod[] = (['totp', 'email'] as const).filter((kind) => confirmedKinds.includes(kind));
  if (methods.length > 0 && hasUnusedRecoveryCodes) methods.push('recovery');
  return methods;
}

/**
 * Checks a second-step code during sign-in. TOTP: accepted once (replay refused); email: the code sent
 * for this challenge; recovery: an unused recovery code, then used. Returns false on a wrong code.
 * Records `mfa.recovery_code.used`; the caller records `mfa.failed` for a refused code.
 */
export async function verifyMfaCode(ctx: ServiceContext, user: { id: string; email: string }, method: MfaMethod, code: string, challengeId: string, origin: RequestOrigin): Promise<boolean> {
  const now = ctx.clock.now();
  const userId = user.id;
  return ctx.db.transaction(async (tx) => {
    let ok = false;
    if (method === 'totp') {
      const factor = await findMfaFactor(tx, userId, 'totp');
      if (factor?.confirmedAt && factor.secretCiphertext) {
        const step = matchTotpStep(ctx, factor.secretCiphertext, code);
        ok = step !== null && (await claimTotpStep(tx, factor.id, step));
      }
    } else if (method === 'email') {
      const factor = await findMfaFactor(tx, userId, 'email');
      const token = factor?.confirmedAt ? await findNewestLiveMfaToken(tx, userId, 'mfa_email_code', challengeId, now) : undefined;
      ok = token !== undefined && (await checkEmailCodeToken(tx, token, code, now));
    } else if ((await countConfirmedMfaFactors(tx, userId)) > 0) {
      const usedId = await useRecoveryCode(tx, userId, recoveryCodeHash(userId, code), now);
      ok = usedId !== undefined;
      if (ok) {
        const left = await countUnusedRecoveryCodes(tx, userId);
        await recordAudit(tx, { category: 'sign_in', action: 'mfa.recovery_code.used', actorUserId: userId, actorLabel: user.email, targetType: 'user', targetId: userId, ip: origin.ip, client: origin.client, details: { recoveryCodesLeft: left } });
      }
    }
    return ok;
  });
}

const MAX_EMAIL_CODES_PER_CHALLENGE = 5;

/** Emails a 6-digit sign-in code for this challenge (valid 10 minutes); refuses a user without email as a second step. */
export async function sendSignInEmailCode(ctx: ServiceContext, user: { id: string; email: string; locale: 'ko' | 'en' | null }, challengeId: string): Promise<void> {
  const factor = await findMfaFactor(ctx.db, user.id, 'email');
  if (!factor?.confirmedAt) throw badRequest('auth.mfa_not_enrolled');
  // Each code allows five tries; a cap on codes per sign-in keeps resending from multiplying them.
  if ((await countMfaTokensFor(ctx.db, user.id, 'mfa_email_code', challengeId)) >= MAX_EMAIL_CODES_PER_CHALLENGE) throw new AppError('rate_limited', 429);
  const service = await getServiceName(ctx);
  await ctx.db.transaction((tx) => issueEmailCode(ctx, tx, user, 'mfa_email_code', challengeId, service));
}
