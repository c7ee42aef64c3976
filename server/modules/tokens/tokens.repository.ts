import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { prepared } from '../../platform/prepared';
import { apiTokens, users } from '../../db/schema/index';
import type { Db } from '../../platform/db';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

/** Stores a token's hash. */
export async function insertApiToken(db: Db, values: typeof apiTokens.$inferInsert): Promise<ApiTokenRow> {
  const [row] = await db.insert(apiTokens).values(values).returning();
  return row!;
}

/** The user's tokens that are not revoked, newest first. */
export async function listApiTokens(db: Db, userId: string): Promise<ApiTokenRow[]> {
  return db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
}

/** A live token and its user, by hash. */
export async function findLiveApiTokenByHash(db: Db, tokenHash: string) {
  const statement = prepared(db, 'find_live_api_token', (d) =>
    d
      .select({ token: apiTokens, user: users })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(and(eq(apiTokens.tokenHash, sql.placeholder('tokenHash')), isNull(apiTokens.revokedAt)))
      .limit(1)
      .prepare('find_live_api_token'),
  );
  const [row] = await statement.execute({ tokenHash });
  return row;
}

/** Revokes one of the user's tokens; false when there is no such live token of theirs. */
export async function revokeApiToken(db: Db, userId: string, tokenId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

/** Records that a token was used. */
export async function touchApiToken(db: Db, tokenId: string, now: Date): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, tokenId));
}
