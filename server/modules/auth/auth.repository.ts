import { and, desc, eq, gt, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { prepared } from '../../platform/prepared';
import { members, organizations, sessions, userTokens, users } from '../../db/schema/index';
import type { Db } from '../../platform/db';
import { activeMembershipsJson } from '../users/users.repository';
import { auditInsert, type AuditEventInput } from '../../platform/audit';

export type SessionRow = typeof sessions.$inferSelect;

/**
 * Stores a new session, stamps the user's last sign-in and appends the sign-in to the activity log,
 * in one statement (data-modifying CTEs: all three or none, one round trip instead of five).
 * Returns the session's id, and the user's active memberships as JSON text (for the answer's `me`).
 */
export async function insertSignedInSession(db: Db, values: typeof sessions.$inferInsert & { createdAt: Date }, audit: AuditEventInput): Promise<{ id: string; memberships: string }> {
  const newSession = db.insert(sessions).values(values).returning({ id: sessions.id });
  const stamped = db.update(users).set({ lastSignInAt: values.createdAt, updatedAt: sql`now()` }).where(eq(users.id, values.userId));
  const logged = auditInsert(db, audit);
  const result = await db.execute(sql`
    with new_session as (${newSession.getSQL()}),
         stamped as (${stamped.getSQL()}),
         logged as (${logged.getSQL()})
    select id, ${activeMembershipsJson(sql`${values.userId}::uuid`)} as memberships from new_session`);
  const [row] = (result as unknown as { rows: { id: string; memberships: string }[] }).rows;
  return row!;
}

/**
 * A live session and its user, by the token's hash; with `withMemberships`, also the user's active
 * memberships as JSON text (GET /me), in the same statement.
 */
export async function findLiveSessionByHash(db: Db, tokenHash: string, now: Date, options: { withMemberships?: boolean } = {}) {
  const build = (d: Db, name: string, extra: { memberships?: ReturnType<typeof activeMembershipsJson> }) =>
    d
      .select({ session: sessions, user: users, ...extra })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql.placeholder('now'))))
      .limit(1)
      .prepare(name);
  const name = options.withMemberships ? 'find_live_session_memberships' : 'find_live_session';
  const statement = prepared(db, name, (d) => build(d, name, options.withMemberships ? { memberships: activeMembershipsJson(users.id) } : {}));
  const [row] = await statement.execute({ tokenHash, now: now.toISOString() });
  return row;
}

/**
 * A live session and its user, by the token's hash, with the organization a route names (null when
 * there is no such organization) and the user's active membership in it, in the same statement:
 * the request's organization access check needs no statement of its own.
 */
export async function findLiveSessionWithOrganization(db: Db, tokenHash: string, now: Date, organizationId: string) {
  const statement = prepared(db, 'find_live_session_organization', (d) =>
    d
      .select({ session: sessions, user: users, organization: organizations, memberId: members.id, memberRole: members.role })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .leftJoin(organizations, eq(organizations.id, sql.placeholder('organizationId')))
      .leftJoin(members, and(eq(members.organizationId, organizations.id), eq(members.userId, users.id), eq(members.status, 'active')))
      .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql.placeholder('now'))))
      .limit(1)
      .prepare('find_live_session_organization'),
  );
  const [row] = await statement.execute({ tokenHash, now: now.toISOString(), organizationId });
  return row;
}

/** Marks a session as seen now. */
export async function touchSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
}

/** Why the ended session with this token hash ended, if it did (ended sessions are kept a day). */
export async function findEndReason(db: Db, tokenHash: string): Promise<string | null> {
  const [row] = await db.select({ endReason: sessions.endReason }).from(sessions).where(and(eq(sessions.tokenHash, tokenHash), isNotNull(sessions.revokedAt))).limit(1);
  return row?.endReason ?? null;
}

/** Ends one session. */
export async function revokeSession(db: Db, sessionId: string, now: Date, reason = 'sign_out'): Promise<void> {
  await db.update(sessions).set({ revokedAt: now, endReason: reason }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Ends every live session of a user except the one given, for the reason given; how many it ended. */
export async function revokeOtherSessions(db: Db, userId: string, keepSessionId: string | null, now: Date, reason = 'password_changed'): Promise<number> {
  const condition = keepSessionId
    ? and(eq(sessions.userId, userId), isNull(sessions.revokedAt), ne(sessions.id, keepSessionId))
    : and(eq(sessions.userId, userId), isNull(sessions.revokedAt));
  const ended = await db.update(sessions).set({ revokedAt: now, endReason: reason }).where(condition).returning({ id: sessions.id });
  return ended.length;
}

/** Removes sessions that ended more than a day ago. */
export async function deleteDeadSessions(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(sql`${sessions.expiresAt} < ${now} - interval '1 day' or ${sessions.revokedAt} < ${now} - interval '1 day'`);
}

/** The user's live sessions, most recently active first. */
export async function listLiveSessions(db: Db, userId: string, now: Date): Promise<SessionRow[]> {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.lastSeenAt));
}

/** Ends one of the user's sessions with a reason; false when there is no such live session of theirs. */
export async function endUserSession(db: Db, userId: string, sessionId: string, now: Date, reason: string): Promise<boolean> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: now, endReason: reason })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

export type UserTokenRow = typeof userTokens.$inferSelect;
export type UserTokenPurpose = UserTokenRow['purpose'];

/** Stores a single-use token's hash. */
export async function insertUserToken(db: Db, values: typeof userTokens.$inferInsert): Promise<UserTokenRow> {
  const [row] = await db.insert(userTokens).values(values).returning();
  return row!;
}

/** A token by its hash and purpose, used or not, expired or not (the caller tells the user which). */
export async function findUserTokenByHash(db: Db, purpose: UserTokenPurpose, tokenHash: string): Promise<UserTokenRow | undefined> {
  const [row] = await db
    .select()
    .from(userTokens)
    .where(and(eq(userTokens.tokenHash, tokenHash), eq(userTokens.purpose, purpose)))
    .limit(1);
  return row;
}

/** Marks a token used, once: false when it was already used (a concurrent request won). */
export async function useUserToken(db: Db, tokenId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(userTokens)
    .set({ usedAt: now })
    .where(and(eq(userTokens.id, tokenId), isNull(userTokens.usedAt)))
    .returning({ id: userTokens.id });
  return rows.length > 0;
}

/** Retires the user's unused tokens of a purpose, so only the newest link works. */
export async function retireUserTokens(db: Db, userId: string, purpose: UserTokenPurpose, now: Date): Promise<void> {
  await db
    .update(userTokens)
    .set({ usedAt: now })
    .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt)));
}

/** Ends every session of the user (password reset) with a reason. */
export async function endAllSessions(db: Db, userId: string, now: Date, reason: string): Promise<void> {
  await db.update(sessions).set({ revokedAt: now, endReason: reason }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

/** Clears the pending second-step enrolment on the user's sessions. */
export async function clearMfaEnrollmentRequired(db: Db, userId: string): Promise<void> {
  await db.update(sessions).set({ mfaEnrollmentRequired: false }).where(and(eq(sessions.userId, userId), eq(sessions.mfaEnrollmentRequired, true)));
}
