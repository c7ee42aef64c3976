import { eq, sql } from 'drizzle-orm';
import { settings } from '../../db/schema/index';
import type { Db } from '../../platform/db';

/** The stored JSON value of a setting, if any. */
export async function findSetting(db: Db, key: string): Promise<unknown> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).limit(1);
  return row?.value;
}

/** Stores a setting's JSON value. */
export async function upsertSetting(db: Db, key: string, value: unknown, updatedBy: string | null): Promise<void> {
  await db
    .insert(settings)
    .values({ key, value, updatedBy })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy, updatedAt: sql`now()` } });
}
