import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { prepared } from '../../platform/prepared';
import { sessions, users } from '../../db/schema/index';
import type { Db } from '../../platform/db';

export type SessionRow = typeof sessions.$inferSelect;

/** Stores a new session. */
export async function insertSession(db: Db, values: typeof sessions.$inferInsert): Promise<SessionRow> {
  const [row] = await db.insert(sessions).values(values).returning();
  return row!;
}

/** A live session and its user, by the hash of the cookie value. */
export async function findLiveSessionByHash(db: Db, tokenHash: string, now: Date) {
  const statement = prepared(db, 'find_live_session', (d) =>
    d
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql.placeholder('now'))))
      .limit(1)
      .prepare('find_live_session'),
  );
  const [row] = await statement.execute({ tokenHash, now: now.toISOString() });
  return row;
}

/** Marks a session as seen now. */
export async function touchSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
}

/** Ends one session. */
export async function revokeSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Ends every session of a user except the one given. */
export async function revokeOtherSessions(db: Db, userId: string, keepSessionId: string | null, now: Date): Promise<void> {
  const condition = keepSessionId
    ? and(eq(sessions.userId, userId), isNull(sessions.revokedAt), ne(sessions.id, keepSessionId))
    : and(eq(sessions.userId, userId), isNull(sessions.revokedAt));
  await db.update(sessions).set({ revokedAt: now }).where(condition);
}

/** Removes sessions that ended more than a day ago. */
export async function deleteDeadSessions(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(sql`${sessions.expiresAt} < ${now} - interval '1 day' or ${sessions.revokedAt} < ${now} - interval '1 day'`);
}
