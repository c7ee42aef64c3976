import { and, asc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { externalIdentities, identityProviders, ssoStates } from '../../db/schema/index';
import type { Db } from '../../platform/db';

export type IdentityProviderRow = typeof identityProviders.$inferSelect;
export type ExternalIdentityRow = typeof externalIdentities.$inferSelect;
export type SsoStateRow = typeof ssoStates.$inferSelect;

/** Every identity provider, by name. */
export async function listIdentityProviders(db: Db): Promise<IdentityProviderRow[]> {
  return db.select().from(identityProviders).orderBy(asc(identityProviders.name), asc(identityProviders.createdAt));
}

/** The enabled identity providers, by name, for the sign-in page. */
export async function listEnabledIdentityProviders(db: Db): Promise<Pick<IdentityProviderRow, 'id' | 'name'>[]> {
  return db
    .select({ id: identityProviders.id, name: identityProviders.name })
    .from(identityProviders)
    .where(eq(identityProviders.enabled, true))
    .orderBy(asc(identityProviders.name), asc(identityProviders.createdAt));
}

/** The identity provider with this id, if any. */
export async function findIdentityProvider(db: Db, id: string): Promise<IdentityProviderRow | undefined> {
  const [row] = await db.select().from(identityProviders).where(eq(identityProviders.id, id)).limit(1);
  return row;
}

/** Inserts an identity provider. */
export async function insertIdentityProvider(db: Db, values: typeof identityProviders.$inferInsert): Promise<IdentityProviderRow> {
  const [row] = await db.insert(identityProviders).values(values).returning();
  return row!;
}

/** Updates an identity provider; undefined when there is none. */
export async function updateIdentityProvider(db: Db, id: string, values: Partial<typeof identityProviders.$inferInsert>): Promise<IdentityProviderRow | undefined> {
  const [row] = await db.update(identityProviders).set(values).where(eq(identityProviders.id, id)).returning();
  return row;
}

/** Deletes an identity provider with its linked identities and pending states; false when there is none. */
export async function deleteIdentityProvider(db: Db, id: string): Promise<boolean> {
  const rows = await db.delete(identityProviders).where(eq(identityProviders.id, id)).returning({ id: identityProviders.id });
  return rows.length > 0;
}

/** Stores a sign-on attempt in flight and drops expired or used ones. */
export async function insertSsoState(db: Db, values: typeof ssoStates.$inferInsert, now: Date): Promise<void> {
  await db.delete(ssoStates).where(or(lt(ssoStates.expiresAt, now), sql`${ssoStates.usedAt} is not null`));
  await db.insert(ssoStates).values(values);
}

/**
 * Marks a state used and returns it, in one statement so that two callbacks with the same state
 * cannot both succeed; undefined when the state is unknown, used, expired or of another provider.
 */
export async function consumeSsoState(db: Db, stateHash: string, providerId: string, now: Date): Promise<SsoStateRow | undefined> {
  const [row] = await db
    .update(ssoStates)
    .set({ usedAt: now })
    .where(and(eq(ssoStates.stateHash, stateHash), eq(ssoStates.providerId, providerId), isNull(ssoStates.usedAt), gt(ssoStates.expiresAt, now)))
    .returning();
  return row;
}

/** The identity a provider knows by this subject, if linked. */
export async function findExternalIdentity(db: Db, providerId: string, subject: string): Promise<ExternalIdentityRow | undefined> {
  const [row] = await db
    .select()
    .from(externalIdentities)
    .where(and(eq(externalIdentities.providerId, providerId), eq(externalIdentities.subject, subject)))
    .limit(1);
  return row;
}

/** Links a provider's subject to a user. */
export async function insertExternalIdentity(db: Db, values: typeof externalIdentities.$inferInsert): Promise<ExternalIdentityRow> {
  const [row] = await db.insert(externalIdentities).values(values).returning();
  return row!;
}

/** Records a sign-in through a linked identity and the email the provider gave this time. */
export async function touchExternalIdentity(db: Db, id: string, email: string, now: Date): Promise<void> {
  await db.update(externalIdentities).set({ email, lastUsedAt: now }).where(eq(externalIdentities.id, id));
}
