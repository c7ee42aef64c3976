import { isStrongPassword } from '../../../common/schemas/me';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import type { RequestOrigin, ServiceContext } from '../../platform/context';
import { AppError, badRequest } from '../../platform/errors';
import { hashPassword, hashToken, randomToken, verifyPassword } from '../../platform/secrets';
import { findUserByEmail, findUserById, updateUser, type UserRow } from '../users/users.repository';
import { findLiveSessionByHash, insertSession, revokeOtherSessions, revokeSession, touchSession } from './auth.repository';

/** How stale last_seen_at may get before a request writes it again; keeps reads read-only. */
const TOUCH_INTERVAL_MS = 60_000;

// A real argon2id hash of a random string, verified against when the email is unknown, so that
// an unknown email takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword(randomToken(16)));

export interface SignInResult {
  user: UserRow;
  sessionToken: string;
  csrfToken: string;
  sessionId: string;
}

/** Checks email and password and opens a new session; every attempt goes to the activity log. */
export async function signIn(ctx: ServiceContext, email: string, password: string, origin: RequestOrigin): Promise<SignInResult> {
  const user = await findUserByEmail(ctx.db, email);
  const ok = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await getDummyHash(), password), false);
  if (!user || !ok || user.status !== 'active') {
    await recordAudit(ctx.db, {
      category: 'sign_in',
      action: 'sign_in.failed',
      actorUserId: user?.id ?? null,
      actorLabel: email,
      ip: origin.ip,
      client: origin.client,
      details: { reason: !user ? 'unknown_email' : !ok ? 'wrong_password' : 'disabled' },
    });
    if (user && ok) throw new AppError('auth.account_disabled', 403);
    throw new AppError('auth.invalid_credentials', 401);
  }
  const sessionToken = randomToken();
  const csrfToken = randomToken();
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const session = await insertSession(tx, {
      userId: user.id,
      tokenHash: hashToken(sessionToken),
      csrfToken,
      ip: origin.ip,
      userAgent: origin.userAgent?.slice(0, 512) ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + ctx.config.sessionTtlHours * 3_600_000),
    });
    const updated = await updateUser(tx, user.id, { lastSignInAt: now });
    await recordAudit(tx, {
      category: 'sign_in',
      action: 'sign_in.succeeded',
      actorUserId: user.id,
      actorLabel: user.email,
      ip: origin.ip,
      client: origin.client,
    });
    return { user: updated!, sessionToken, csrfToken, sessionId: session.id };
  });
}

/** The actor behind a session cookie, or null when the session is unknown, ended or expired. */
export async function resolveSession(ctx: ServiceContext, sessionToken: string): Promise<Actor | null> {
  const now = ctx.clock.now();
  const found = await findLiveSessionByHash(ctx.db, hashToken(sessionToken), now);
  if (!found || found.user.status !== 'active') return null;
  if (now.getTime() - found.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) await touchSession(ctx.db, found.session.id, now);
  const { user, session } = found;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    staffRole: user.staffRole,
    locale: user.locale,
    theme: user.theme,
    mustChangePassword: user.mustChangePassword,
    via: 'session',
    sessionId: session.id,
    tokenId: null,
    csrfToken: session.csrfToken,
  };
}

/** Ends the actor's session on the server. */
export async function signOut(ctx: ServiceContext, actor: Actor, origin: RequestOrigin): Promise<void> {
  if (!actor.sessionId) return;
  const sessionId = actor.sessionId;
  await ctx.db.transaction(async (tx) => {
    await revokeSession(tx, sessionId, ctx.clock.now());
    await recordAudit(tx, { category: 'sign_in', action: 'sign_out', actorUserId: actor.userId, actorLabel: actor.email, ip: origin.ip, client: origin.client });
  });
}

/** Changes the actor's password (current one required) and ends their other sessions. */
export async function changePassword(
  ctx: ServiceContext,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  origin: RequestOrigin,
): Promise<void> {
  const user = await findUserById(ctx.db, actor.userId);
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw badRequest('auth.wrong_password', { fieldErrors: { currentPassword: ['auth.wrong_password'] } });
  }
  if (!isStrongPassword(input.newPassword)) {
    throw badRequest('auth.weak_password', { fieldErrors: { newPassword: ['auth.weak_password'] } });
  }
  if (input.newPassword === input.currentPassword) {
    throw badRequest('auth.weak_password', { fieldErrors: { newPassword: ['auth.same_password'] } });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await updateUser(tx, user.id, { passwordHash, mustChangePassword: false });
    await revokeOtherSessions(tx, user.id, actor.sessionId, ctx.clock.now());
    await recordAudit(tx, { category: 'account', action: 'password.changed', actorUserId: user.id, actorLabel: user.email, ip: origin.ip, client: origin.client });
  });
}
