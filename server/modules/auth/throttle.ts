import { inArray, sql } from 'drizzle-orm';
import { signInThrottles } from '../../db/schema/index';
import type { ServiceContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { recordAudit } from '../../platform/audit';
import { getSetting } from '../settings/settings.service';

/**
 * Sign-in lockout (seed 001: 로그인 실패 허용 횟수 / 차단 시간): after N failed attempts, counted per
 * account and per address, sign-in is refused for T seconds. Wrong second-step codes count too.
 */
export const USER_KEY_PREFIX = 'user:';
export const addressKey = (ip: string | null) => (ip ? `ip:${ip}` : null);
export const throttleKeys = (userId: string | null, ip: string | null) => [...(userId ? [`${USER_KEY_PREFIX}${userId}`] : []), ...(ip ? [addressKey(ip)!] : [])];

function lockedError(seconds: number): AppError {
  return new AppError('auth.locked', 429, { retryAfterSeconds: seconds, messageParams: { seconds } });
}

/** A failure counter as the lock check reads it. */
export interface ThrottleState {
  key: string;
  lockedUntil: Date | null;
}

/**
 * Throws 429 auth.locked, with the seconds left, when any of the counters is locked now. Otherwise
 * returns the keys that have failures counted: the ones a success has to clear.
 */
export function assertUnlocked(rows: readonly ThrottleState[], now: Date): string[] {
  const until = Math.max(0, ...rows.map((r) => (r.lockedUntil && r.lockedUntil > now ? r.lockedUntil.getTime() : 0)));
  if (until > 0) throw lockedError(Math.ceil((until - now.getTime()) / 1000));
  return rows.map((r) => r.key);
}

/** Reads the counters of the keys and checks them (`assertUnlocked`). */
export async function assertNotLocked(ctx: ServiceContext, keys: string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const rows = await ctx.db.select().from(signInThrottles).where(inArray(signInThrottles.key, keys));
  return assertUnlocked(rows, ctx.clock.now());
}

/**
 * Counts a failure against each key; the failure that reaches the limit locks the key and throws
 * auth.locked (after writing the lock to the activity log). Otherwise returns normally.
 */
export async function recordFailure(ctx: ServiceContext, keys: string[], audit: { actorUserId: string | null; actorLabel: string | null; ip: string | null; client: string | null }): Promise<void> {
  if (keys.length === 0) return;
  const { lockoutAttempts, lockoutSeconds } = await getSetting(ctx, 'security');
  const now = ctx.clock.now();
  const lockUntil = new Date(now.getTime() + lockoutSeconds * 1000);
  const locked = await ctx.db.transaction(async (tx) => {
    const rows = await tx
      .insert(signInThrottles)
      .values(keys.map((key) => ({ key, failures: 1, updatedAt: now })))
      .onConflictDoUpdate({
        target: signInThrottles.key,
        // A lock that has run out starts a fresh count.
        set: {
          failures: sql`case when ${signInThrottles.lockedUntil} is not null and ${signInThrottles.lockedUntil} <= ${now.toISOString()}::timestamptz then 1 else ${signInThrottles.failures} + 1 end`,
          lockedUntil: sql`case when ${signInThrottles.lockedUntil} is not null and ${signInThrottles.lockedUntil} <= ${now.toISOString()}::timestamptz then null else ${signInThrottles.lockedUntil} end`,
          updatedAt: now,
        },
      })
      .returning();
    const reached = rows.filter((r) => r.failures >= lockoutAttempts && !(r.lockedUntil && r.lockedUntil > now));
    if (reached.length === 0) return false;
    await tx
      .update(signInThrottles)
      .set({ lockedUntil: lockUntil, failures: 0 })
      .where(inArray(signInThrottles.key, reached.map((r) => r.key)));
    await recordAudit(tx, { category: 'sign_in', action: 'sign_in.locked', actorUserId: audit.actorUserId, actorLabel: audit.actorLabel, ip: audit.ip, client: audit.client, details: { keys: reached.map((r) => r.key.split(':')[0]), seconds: lockoutSeconds } });
    return true;
  });
  if (locked) throw lockedError(lockoutSeconds);
}

/** Clears the counters after a successful sign-in. */
export async function clearFailures(ctx: ServiceContext, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await ctx.db.delete(signInThrottles).where(inArray(signInThrottles.key, keys));
}
