import { and, eq, sql, type SQL } from 'drizzle-orm';
import { members, mfaFactors, organizations, recoveryCodes, signInThrottles, users } from '../../db/schema/index';
import type { Db } from '../../platform/db';
import { prepared } from '../../platform/prepared';

export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/** The user with this email (case-insensitive), if any. */
export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  // Every sign-in runs this: one prepared statement.
  const statement = prepared(db, 'find_user_by_email', (d) =>
    d
      .select()
      .from(users)
      .where(sql`lower(${users.email}) = ${sql.placeholder('email')}`)
      .limit(1)
      .prepare('find_user_by_email'),
  );
  const [row] = await statement.execute({ email: email.toLowerCase() });
  return row;
}

/**
 * What a password sign-in needs of the user with this email, in one prepared statement: the user,
 * the kinds of their confirmed second steps, whether unused recovery codes remain, whether an
 * organization of theirs requires a second step, and the sign-in failure counters of the account
 * (`userKeyPrefix` + id) and of the address (`addressKey`).
 */
export async function findSignInCandidate(db: Db, email: string, throttle: { userKeyPrefix: string; addressKey: string | null }) {
  // users.id is written out: in a one-table select Drizzle would leave the column unqualified,
  // and the subqueries' tables have an id of their own.
  const statement = prepared(db, 'find_sign_in_candidate', (d) =>
    d
      .select({
        user: users,
        confirmedFactorKinds: sql<string>`(select coalesce(json_agg(distinct f.kind), '[]')::text from ${mfaFactors} f where f.user_id = users.id and f.confirmed_at is not null)`,
        hasUnusedRecoveryCodes: sql<boolean>`exists (select 1 from ${recoveryCodes} r where r.user_id = users.id and r.used_at is null)`,
        throttles: sql<string>`(select coalesce(json_agg(json_build_object('key', t.key, 'lockedUntil', t.locked_until)), '[]')::text from ${signInThrottles} t
                                 where t.key = ${sql.placeholder('userKeyPrefix')} || users.id::text or t.key = ${sql.placeholder('addressKey')})`,
        mfaRequired: sql<boolean>`exists (select 1 from ${members} m join ${organizations} o on o.id = m.organization_id
                                            where m.user_id = users.id and m.status = 'active' and o.require_mfa and o.archived_at is null)`,
      })
      .from(users)
      .where(sql`lower(${users.email}) = ${sql.placeholder('email')}`)
      .limit(1)
      .prepare('find_sign_in_candidate'),
  );
  const [row] = await statement.execute({ email: email.toLowerCase(), userKeyPrefix: throttle.userKeyPrefix, addressKey: throttle.addressKey });
  if (!row) return undefined;
  const throttles = (JSON.parse(row.throttles) as { key: string; lockedUntil: string | null }[]).map((t) => ({ key: t.key, lockedUntil: t.lockedUntil ? new Date(t.lockedUntil) : null }));
  return { user: row.user, confirmedFactorKinds: JSON.parse(row.confirmedFactorKinds) as string[], hasUnusedRecoveryCodes: row.hasUnusedRecoveryCodes, mfaRequired: row.mfaRequired, throttles };
}

/** The user with this id, if any. */
export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

/** Inserts a user and returns it. */
export async function insertUser(db: Db, values: NewUser): Promise<UserRow> {
  const [row] = await db.insert(users).values({ ...values, email: values.email.toLowerCase() }).returning();
  return row!;
}

/** Updates a user's columns. */
export async function updateUser(db: Db, id: string, values: Partial<NewUser>): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(users.id, id))
    .returning();
  return row;
}

/** How many users exist; zero means a first start. */
export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

/** A membership as GET /me lists it. */
export interface ActiveMembership {
  organizationId: string;
  organizationName: string;
  role: (typeof members.$inferSelect)['role'];
}

/**
 * The user's active memberships (in organizations that are not archived, by organization name) as
 * JSON text: a column for the statement that finds a session or token, so that GET /me reads the
 * user and their memberships in one round trip. `userId` is the users.id column of that statement.
 */
export function activeMembershipsJson(userId: typeof users.id | SQL) {
  return sql<string>`(select coalesce(json_agg(json_build_object('organizationId', o.id, 'organizationName', o.name, 'role', m.role) order by o.name), '[]')::text
                        from ${members} m join ${organizations} o on o.id = m.organization_id
                       where m.user_id = ${userId} and m.status = 'active' and o.archived_at is null)`;
}

/** The user's active memberships in organizations that are not archived. */
export async function listActiveMemberships(db: Db, userId: string): Promise<ActiveMembership[]> {
  const statement = prepared(db, 'list_active_memberships', (d) =>
    d
      .select({ organizationId: organizations.id, organizationName: organizations.name, role: members.role })
      .from(members)
      .innerJoin(organizations, eq(organizations.id, members.organizationId))
      .where(and(eq(members.userId, sql.placeholder('userId')), eq(members.status, 'active'), sql`${organizations.archivedAt} is null`))
      .orderBy(organizations.name)
      .prepare('list_active_memberships'),
  );
  return statement.execute({ userId });
}

/** The user with this display name (case-insensitive), if any. */
export async function findUserByDisplayName(db: Db, displayName: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(sql`lower(${users.displayName}) = ${displayName.toLowerCase()}`).limit(1);
  return row;
}
