import { and, desc, eq, gt, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { mfaFactors, recoveryCodes, userTokens } from '../../db/schema/index';
import type { Db } from '../../platform/db';
import { prepared } from '../../platform/prepared';

export type MfaFactorRow = typeof mfaFactors.$inferSelect;
export type MfaKind = MfaFactorRow['kind'];
export type UserTokenRow = typeof userTokens.$inferSelect;
export type MfaTokenPurpose = 'mfa_email_code' | 'mfa_email_enrol';

/** The user's factors, confirmed or pending. */
export async function listMfaFactors(db: Db, userId: string): Promise<MfaFactorRow[]> {
  // Every sign-in runs this: one prepared statement.
  const statement = prepared(db, 'list_mfa_factors', (d) => d.select().from(mfaFactors).where(eq(mfaFactors.userId, sql.placeholder('userId'))).prepare('list_mfa_factors'));
  return statement.execute({ userId });
}

/** The user's factor of this kind, confirmed or pending, if any. */
export async function findMfaFactor(db: Db, userId: string, kind: MfaKind): Promise<MfaFactorRow | undefined> {
  const [row] = await db
    .select()
    .from(mfaFactors)
    .where(and(eq(mfaFactors.userId, userId), eq(mfaFactors.kind, kind)))
    .limit(1);
  return row;
}

/**
 * Starts (or restarts) the setup of a factor: inserts a pending row, or replaces a pending one.
 * Returns undefined when a confirmed factor of this kind exists, which it leaves untouched.
 */
export async function upsertPendingMfaFactor(db: Db, userId: string, kind: MfaKind, secretCiphertext: string | null, now: Date): Promise<MfaFactorRow | undefined> {
  const [row] = await db
    .insert(mfaFactors)
    .values({ userId, kind, secretCiphertext, createdAt: now })
    .onConflictDoUpdate({
      target: [mfaFactors.userId, mfaFactors.kind],
      set: { secretCiphertext, lastUsedStep: null, createdAt: now },
      setWhere: isNull(mfaFactors.confirmedAt),
    })
    .returning();
  return row;
}

/** Confirms a pending factor; false when it was confirmed meanwhile or is gone. */
export async function confirmMfaFactor(db: Db, factorId: string, now: Date, lastUsedStep: number | null): Promise<boolean> {
  const rows = await db
    .update(mfaFactors)
    .set({ confirmedAt: now, lastUsedStep })
    .where(and(eq(mfaFactors.id, factorId), isNull(mfaFactors.confirmedAt)))
    .returning({ id: mfaFactors.id });
  return rows.length > 0;
}

/** Records a TOTP step as used, only if it is newer than the last one: false for a replay (also under races). */
export async function claimTotpStep(db: Db, factorId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(mfaFactors)
    .set({ lastUsedStep: step })
    .where(and(eq(mfaFactors.id, factorId), or(isNull(mfaFactors.lastUsedStep), lt(mfaFactors.lastUsedStep, step))))
    .returning({ id: mfaFactors.id });
  return rows.length > 0;
}

/** Removes the user's factor of this kind; false when there was none confirmed. */
export async function deleteConfirmedMfaFactor(db: Db, userId: string, kind: MfaKind): Promise<boolean> {
  const rows = await db
    .delete(mfaFactors)
    .where(and(eq(mfaFactors.userId, userId), eq(mfaFactors.kind, kind), isNotNull(mfaFactors.confirmedAt)))
    .returning({ id: mfaFactors.id });
  return rows.length > 0;
}

/** How many confirmed factors the user has. */
export async function countConfirmedMfaFactors(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(mfaFactors)
    .where(and(eq(mfaFactors.userId, userId), isNotNull(mfaFactors.confirmedAt)));
  return row?.n ?? 0;
}

/** Replaces the user's recovery codes with these hashes. */
export async function replaceRecoveryCodes(db: Db, userId: string, codeHashes: string[], now: Date): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  if (codeHashes.length > 0) await db.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash, createdAt: now })));
}

/** Removes all of the user's recovery codes. */
export async function deleteRecoveryCodes(db: Db, userId: string): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

/** How many unused recovery codes the user has. */
export async function countUnusedRecoveryCodes(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}

/** Marks the user's unused recovery code with this hash as used; its id, or undefined when there is none. */
export async function useRecoveryCode(db: Db, userId: string, codeHash: string, now: Date): Promise<string | undefined> {
  // One row at most even if two codes ever hashed alike.
  const [row] = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      eq(
        recoveryCodes.id,
        sql`(select ${recoveryCodes.id} from ${recoveryCodes} where ${recoveryCodes.userId} = ${userId} and ${recoveryCodes.codeHash} = ${codeHash} and ${recoveryCodes.usedAt} is null limit 1 for update)`,
      ),
    )
    .returning({ id: recoveryCodes.id });
  return row?.id;
}

/** Stores an email code token. */
export async function insertMfaToken(db: Db, values: { id: string; userId: string; purpose: MfaTokenPurpose; tokenHash: string; data: string | null; createdAt: Date; expiresAt: Date }): Promise<UserTokenRow> {
  const [row] = await db.insert(userTokens).values(values).returning();
  return row!;
}

/** Expires the user's live tokens of this purpose (and, when given, of this challenge): only a newer one counts. */
export async function expireMfaTokens(db: Db, userId: string, purpose: MfaTokenPurpose, data: string | null, now: Date): Promise<void> {
  const condition = and(eq(userTokens.userId, userId), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now), data === null ? undefined : eq(userTokens.data, data));
  await db.update(userTokens).set({ expiresAt: now }).where(condition);
}

/** The user's newest unused, unexpired token of this purpose (and challenge, when given), locked for the check. */
export async function findNewestLiveMfaToken(db: Db, userId: string, purpose: MfaTokenPurpose, data: string | null, now: Date): Promise<UserTokenRow | undefined> {
  const [row] = await db
    .select()
    .from(userTokens)
    .where(
      and(
        eq(userTokens.userId, userId),
        eq(userTokens.purpose, purpose),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, now),
        data === null ? undefined : eq(userTokens.data, data),
      ),
    )
    .orderBy(desc(userTokens.createdAt))
    .limit(1)
    .for('update');
  return row;
}

/** Counts one more attempt at a token. */
export async function incrementTokenAttempts(db: Db, tokenId: string): Promise<void> {
  await db
    .update(userTokens)
    .set({ attempts: sql`${userTokens.attempts} + 1` })
    .where(eq(userTokens.id, tokenId));
}

/** How many tokens of a purpose were issued to the user for this data (e.g. codes for one sign-in challenge). */
export async function countMfaTokensFor(db: Db, userId: string, purpose: MfaTokenPurpose, data: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(userTokens)
    .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, purpose), eq(userTokens.data, data)));
  return row?.n ?? 0;
}
