import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { prepared } from '../../platform/prepared';
import { apiTokens, members, organizations, users } from '../../db/schema/index';
import type { Db } from '../../platform/db';
import { activeMembershipsJson } from '../users/users.repository';

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

/**
 * A live token and its user, by hash; with `withMemberships`, also the user's active memberships as
 * JSON text (GET /me), in the same statement.
 */
export async function findLiveApiTokenByHash(db: Db, tokenHash: string, options: { withMemberships?: boolean } = {}) {
  const build = (d: Db, name: string, extra: { memberships?: ReturnType<typeof activeMembershipsJson> }) =>
    d
      .select({ token: apiTokens, user: users, ...extra })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(and(eq(apiTokens.tokenHash, sql.placeholder('tokenHash')), isNull(apiTokens.revokedAt)))
      .limit(1)
      .prepare(name);
  const name = options.withMemberships ? 'find_live_api_token_memberships' : 'find_live_api_token';
  const statement = prepared(db, name, (d) => build(d, name, options.withMemberships ? { memberships: activeMembershipsJson(users.id) } : {}));
  const [row] = await statement.execute({ tokenHash });
  return row;
}

/**
 * A live token and its user, by hash, with the organization a route names (null when there is no
 * such organization) and the user's active membership in it, in the same statement: the request's
 * organization access check needs no statement of its own.
 */
export async function findLiveApiTokenWithOrganization(db: Db, tokenHash: string, organizationId: string) {
  const statement = prepared(db, 'find_live_api_token_organization', (d) =>
    d
      .select({ token: apiTokens, user: users, organization: organizations, memberId: members.id, memberRole: members.role })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .leftJoin(organizations, eq(organizations.id, sql.placeholder('organizationId')))
      .leftJoin(members, and(eq(members.organizationId, organizations.id), eq(members.userId, users.id), eq(members.status, 'active')))
      .where(and(eq(apiTokens.tokenHash, sql.placeholder('tokenHash')), isNull(apiTokens.revokedAt)))
      .limit(1)
      .prepare('find_live_api_token_organization'),
  );
  const [row] = await statement.execute({ tokenHash, organizationId });
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
