import type { MfaMethod } from '../../../common/schemas/auth';
import { organizationLookupOf, type Actor, type ActorReadOptions } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { describeClient } from '../../platform/client-label';
import type { RequestOrigin, ServiceContext } from '../../platform/context';
import { AppError, badRequest } from '../../platform/errors';
import { hashPassword, hashToken, randomToken, verifyPassword } from '../../platform/secrets';
import { listMfaMethods, mfaMethodsOf, sendSignInEmailCode, verifyMfaCode } from '../mfa/mfa.service';
import { getSetting } from '../settings/settings.service';
import { findSignInCandidate, findUserById, updateUser, type UserRow } from '../users/users.repository';
import {
  findEndReason,
  findLiveSessionByHash,
  findLiveSessionWithOrganization,
  findUserTokenByHash,
  insertSignedInSession,
  insertUserToken,
  revokeOtherSessions,
  revokeSession,
  touchSession,
  useUserToken,
} from './auth.repository';
import { assertIpAllowed } from './ip-allowlist';
import { checkPassword, passwordPolicyParams } from './password-policy';
import type { Locale } from '../../../common/locale';
import { verifyCurrentPassword } from './current-password';
import { addressKey, assertNotLocked, assertUnlocked, clearFailures, recordFailure, throttleKeys, USER_KEY_PREFIX } from './throttle';

/** How long the second step of a sign-in may take. */
const MFA_CHALLENGE_SECONDS = 600;

// A real argon2id hash of a random string, verified against when the email is unknown, so that
// an unknown email takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword(randomToken(16)));

export interface OpenedSession {
  sessionToken: string;
  csrfToken: string;
  sessionId: string;
  actor: Actor;
}

export type SignInOutcome = { status: 'signed_in'; session: OpenedSession } | { status: 'mfa_required'; challengeToken: string; methods: MfaMethod[]; expiresInSeconds: number };

/** The actor of a user's session. */
function actorOf(user: UserRow, session: { id: string; csrfToken: string; mfaEnrollmentRequired: boolean }): Actor {
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    staffRole: user.staffRole,
    locale: user.locale,
    theme: user.theme,
    mustChangePassword: user.mustChangePassword,
    mfaEnrollmentRequired: session.mfaEnrollmentRequired,
    via: 'session',
    sessionId: session.id,
    tokenId: null,
    csrfToken: session.csrfToken,
  };
}

/**
 * Opens a new session for a user who has proved who they are (password, second step, or single
 * sign-on) and writes the sign-in to the activity log. A session is new at every sign-in;
 * `mfaEnrollmentRequired` holds it to enrolling a second step.
 */
export async function openSession(
  ctx: ServiceContext,
  user: UserRow,
  origin: RequestOrigin,
  options: { authMethod: string; mfaEnrollmentRequired?: boolean },
): Promise<OpenedSession> {
  const sessionToken = randomToken();
  const csrfToken = randomToken();
  const now = ctx.clock.now();
  const mfaEnrollmentRequired = options.mfaEnrollmentRequired ?? false;
  const inserted = await insertSignedInSession(
    ctx.db,
    {
      userId: user.id,
      tokenHash: hashToken(sessionToken),
      csrfToken,
      ip: origin.ip,
      userAgent: origin.userAgent?.slice(0, 512) ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + ctx.config.sessionTtlHours * 3_600_000),
      authMethod: options.authMethod,
      mfaEnrollmentRequired,
    },
    { category: 'sign_in', action: 'sign_in.succeeded', actorUserId: user.id, actorLabel: user.email, ip: origin.ip, client: origin.client, details: { method: options.authMethod } },
  );
  const actor = actorOf(user, { id: inserted.id, csrfToken, mfaEnrollmentRequired });
  actor.memberships = JSON.parse(inserted.memberships) as NonNullable<Actor['memberships']>;
  return { sessionToken, csrfToken, sessionId: inserted.id, actor };
}

/**
 * Password sign-in: refuses while the account or the address is locked, counts failures towards
 * the lock, refuses unverified emails and staff outside their allowed IPs, and then either opens a
 * session or, when the user has a second step, answers with a challenge for it.
 */
export async function signIn(ctx: ServiceContext, email: string, password: string, origin: RequestOrigin): Promise<SignInOutcome> {
  const candidate = await findSignInCandidate(ctx.db, email, { userKeyPrefix: USER_KEY_PREFIX, addressKey: addressKey(origin.ip) });
  const user = candidate?.user;
  // One check covers the account and the address, before any password work: their counters come
  // with the user (an unknown email reads the address's alone).
  const keys = throttleKeys(user?.id ?? null, origin.ip);
  const counted = candidate ? assertUnlocked(candidate.throttles, ctx.clock.now()) : await assertNotLocked(ctx, keys);
  const ok = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await getDummyHash(), password), false);
  if (!candidate || !user || !ok) {
    await recordAudit(ctx.db, {
      category: 'sign_in',
      action: 'sign_in.failed',
      actorUserId: user?.id ?? null,
      actorLabel: email,
      ip: origin.ip,
      client: origin.client,
      details: { reason: user ? 'wrong_password' : 'unknown_email' },
    });
    await recordFailure(ctx, keys, { actorUserId: user?.id ?? null, actorLabel: email, ip: origin.ip, client: origin.client });
    throw new AppError('auth.invalid_credentials', 401);
  }
  if (user.status !== 'active') throw new AppError('auth.account_disabled', 403);
  if (!user.emailVerifiedAt) throw new AppError('auth.email_not_verified', 403);
  try {
    await assertIpAllowed(ctx, user, origin.ip);
  } catch (error) {
    await recordAudit(ctx.db, { category: 'sign_in', action: 'sign_in.ip_refused', actorUserId: user.id, actorLabel: user.email, ip: origin.ip, client: origin.client });
    throw error;
  }
  const methods = mfaMethodsOf(candidate.confirmedFactorKinds, candidate.hasUnusedRecoveryCodes);
  const outcome = await continueAfterFirstFactor(ctx, user, origin, { firstFactor: 'password', methods, mfaRequired: candidate.mfaRequired });
  // The failures are cleared when the whole sign-in succeeds: a right password before a second
  // step clears nothing, or wrong codes between fresh passwords would never reach the lock. Only
  // counters that exist are cleared: most sign-ins follow no failure and write nothing here.
  if (outcome.status === 'signed_in') await clearFailures(ctx, counted);
  return outcome;
}

/** How a user proved who they are before any second step. */
export type FirstFactor = 'password' | 'sso';

/**
 * The rest of a sign-in once the first factor (password or single sign-on) passed: with a second
 * step enrolled, a challenge for it; otherwise a session, held to enrolling one when an
 * organization of the user requires two-step sign-in. Single sign-on goes through here as well:
 * the identity provider's own checks do not replace Atrium's second step.
 */
export async function continueAfterFirstFactor(
  ctx: ServiceContext,
  user: UserRow,
  origin: RequestOrigin,
  input: { firstFactor: FirstFactor; methods: MfaMethod[]; mfaRequired: boolean },
): Promise<SignInOutcome> {
  if (input.methods.length === 0) {
    // An organization's "require two-step sign-in" holds this session until a factor is enrolled.
    return { status: 'signed_in', session: await openSession(ctx, user, origin, { authMethod: input.firstFactor, mfaEnrollmentRequired: input.mfaRequired }) };
  }
  const challengeToken = randomToken();
  await insertUserToken(ctx.db, {
    userId: user.id,
    purpose: 'mfa_challenge',
    tokenHash: hashToken(challengeToken),
    // The first factor, so that the session records how the whole sign-in was made (`sso+totp`).
    data: input.firstFactor,
    expiresAt: new Date(ctx.clock.now().getTime() + MFA_CHALLENGE_SECONDS * 1000),
  });
  return { status: 'mfa_required', challengeToken, methods: input.methods, expiresInSeconds: MFA_CHALLENGE_SECONDS };
}

/** The live challenge of a sign-in's second step, or auth.mfa_challenge_expired. */
async function getChallenge(ctx: ServiceContext, challengeToken: string) {
  const challenge = await findUserTokenByHash(ctx.db, 'mfa_challenge', hashToken(challengeToken));
  if (!challenge || challenge.usedAt || challenge.expiresAt <= ctx.clock.now()) throw badRequest('auth.mfa_challenge_expired');
  const user = await findUserById(ctx.db, challenge.userId);
  if (!user || user.status !== 'active') throw badRequest('auth.mfa_challenge_expired');
  return { challenge, user };
}

/** Completes a sign-in with its second step; a wrong code counts towards the lock like a wrong password. */
export async function completeMfaSignIn(ctx: ServiceContext, input: { challengeToken: string; method: MfaMethod; code: string }, origin: RequestOrigin): Promise<OpenedSession> {
  const { challenge, user } = await getChallenge(ctx, input.challengeToken);
  const keys = throttleKeys(user.id, origin.ip);
  const counted = await assertNotLocked(ctx, keys);
  if (!(await verifyMfaCode(ctx, user, input.method, input.code, challenge.id, origin))) {
    await recordAudit(ctx.db, { category: 'sign_in', action: 'mfa.failed', actorUserId: user.id, actorLabel: user.email, ip: origin.ip, client: origin.client, details: { method: input.method } });
    await recordFailure(ctx, keys, { actorUserId: user.id, actorLabel: user.email, ip: origin.ip, client: origin.client });
    throw badRequest('auth.mfa_invalid_code');
  }
  if (!(await useUserToken(ctx.db, challenge.id, ctx.clock.now()))) throw badRequest('auth.mfa_challenge_expired');
  await clearFailures(ctx, counted);
  const firstFactor: FirstFactor = challenge.data === 'sso' ? 'sso' : 'password';
  return openSession(ctx, user, origin, { authMethod: `${firstFactor}+${input.method}` });
}

/**
 * Emails a sign-in code for the challenge (when the user has the email method), in the user's saved
 * language, else the language the sign-in page asked in.
 */
export async function sendMfaEmailCode(ctx: ServiceContext, challengeToken: string, requestLocale: Locale): Promise<void> {
  const { challenge, user } = await getChallenge(ctx, challengeToken);
  if (!(await listMfaMethods(ctx, user.id)).includes('email')) throw badRequest('auth.mfa_not_enrolled');
  await sendSignInEmailCode(ctx, { ...user, locale: user.locale ?? requestLocale }, challenge.id);
}

export type ResolvedSession = { actor: Actor } | { ended: 'idle' | 'elsewhere' } | null;

/** How a session ends from elsewhere: from another of the person's sessions, or with the password. */
const ENDED_ELSEWHERE = new Set(['revoked', 'password_changed', 'password_reset']);

/**
 * The actor behind a session cookie. A session unused for longer than the idle timeout is ended on
 * the server (and logged); staff outside their allowed IPs are refused on every request. With
 * `withMemberships`, the actor carries the user's active memberships, and with `organizationId` the
 * organization's lookup, read in the same statement.
 */
export async function resolveSession(ctx: ServiceContext, sessionToken: string, ip: string | null, options: ActorReadOptions = {}): Promise<ResolvedSession> {
  const now = ctx.clock.now();
  const tokenHash = hashToken(sessionToken);
  const found = options.organizationId
    ? await findLiveSessionWithOrganization(ctx.db, tokenHash, now, options.organizationId)
    : await findLiveSessionByHash(ctx.db, tokenHash, now, options);
  if (!found) {
    // Only a request that failed pays for the look: the person learns why the page signed them out.
    const reason = await findEndReason(ctx.db, tokenHash);
    return reason !== null && ENDED_ELSEWHERE.has(reason) ? { ended: 'elsewhere' } : null;
  }
  if (found.user.status !== 'active') return null;
  const { user, session } = found;
  const { idleTimeoutSeconds } = await getSetting(ctx, 'security');
  const idleMs = now.getTime() - session.lastSeenAt.getTime();
  if (idleMs > idleTimeoutSeconds * 1000) {
    await ctx.db.transaction(async (tx) => {
      await revokeSession(tx, session.id, now, 'idle');
      // The browser that holds the session's cookie: the one that signed in, as its other events say.
      await recordAudit(tx, { category: 'sign_in', action: 'sign_out.idle', actorUserId: user.id, actorLabel: user.email, ip, client: describeClient(session.userAgent ?? undefined), details: { idleSeconds: Math.round(idleMs / 1000) } });
    });
    return { ended: 'idle' };
  }
  await assertIpAllowed(ctx, user, ip);
  // last_seen_at is written at most every tenth of the idle timeout (and at most once a minute),
  // so a read request rarely writes; the idle check errs by that much at most.
  if (idleMs > Math.min(60_000, idleTimeoutSeconds * 100)) await touchSession(ctx.db, session.id, now);
  const actor = actorOf(user, session);
  if ('memberships' in found && found.memberships !== undefined) actor.memberships = JSON.parse(found.memberships) as NonNullable<Actor['memberships']>;
  if (options.organizationId && 'organization' in found) actor.organizationLookup = organizationLookupOf(options.organizationId, found);
  return { actor };
}

/** Ends the actor's session on the server; `replaced` when a new sign-in in the same browser ends it. */
export async function signOut(ctx: ServiceContext, actor: Actor, origin: RequestOrigin, reason?: 'replaced'): Promise<void> {
  if (!actor.sessionId) return;
  const sessionId = actor.sessionId;
  await ctx.db.transaction(async (tx) => {
    await revokeSession(tx, sessionId, ctx.clock.now());
    await recordAudit(tx, {
      category: 'sign_in',
      action: 'sign_out',
      actorUserId: actor.userId,
      actorLabel: actor.email,
      ip: origin.ip,
      client: origin.client,
      ...(reason ? { details: { reason } } : {}),
    });
  });
}

/**
 * A browser that signs in again, as the same person or another, ends the session its cookie held
 * before the new cookie replaces it: the old token must not stay alive unseen.
 */
export async function endReplacedSession(ctx: ServiceContext, previous: Actor | null, origin: RequestOrigin): Promise<void> {
  if (previous?.via !== 'session') return;
  await signOut(ctx, previous, origin, 'replaced');
}

/**
 * Checks a new password against the installation's policy; throws a field error on `field`, the
 * weak-password message naming the policy's own rules.
 */
export async function assertPasswordAcceptable(ctx: ServiceContext, password: string, field = 'newPassword'): Promise<void> {
  const { passwordPolicy } = await getSetting(ctx, 'security');
  const problem = checkPassword(passwordPolicy, password);
  if (problem) throw badRequest(problem, { fieldErrors: { [field]: [problem] }, messageParams: passwordPolicyParams(passwordPolicy) });
}

/** Changes the actor's password (current one required) and ends their other sessions. */
export async function changePassword(
  ctx: ServiceContext,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  origin: RequestOrigin,
): Promise<void> {
  const user = await verifyCurrentPassword(ctx, await findUserById(ctx.db, actor.userId), input.currentPassword, origin, 'currentPassword');
  await assertPasswordAcceptable(ctx, input.newPassword);
  if (input.newPassword === input.currentPassword) throw badRequest('auth.same_password', { fieldErrors: { newPassword: ['auth.same_password'] } });
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await updateUser(tx, user.id, { passwordHash, mustChangePassword: false });
    await revokeOtherSessions(tx, user.id, actor.sessionId, ctx.clock.now());
    await recordAudit(tx, { category: 'account', action: 'password.changed', actorUserId: user.id, actorLabel: user.email, ip: origin.ip, client: origin.client });
  });
}
