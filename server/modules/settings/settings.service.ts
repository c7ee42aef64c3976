import type { z } from 'zod';
import { LegalSettings, SecuritySettings, VendorProfile } from '../../../common/schemas/settings';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import type { RequestOrigin, ServiceContext } from '../../platform/context';
import { findSetting, upsertSetting } from './settings.repository';

const SCHEMAS = { security: SecuritySettings, vendorProfile: VendorProfile, legal: LegalSettings } as const;
export type SettingKey = keyof typeof SCHEMAS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SCHEMAS)[K]>;

/**
 * Settings are read through a per-process cache of CACHE_MS: a change made on this server takes
 * effect at once (the cache entry is dropped), one made on another server within CACHE_MS.
 */
const CACHE_MS = 3000;
const cache = new WeakMap<object, Map<SettingKey, { value: unknown; at: number }>>();

function cacheFor(ctx: ServiceContext) {
  let entries = cache.get(ctx.database);
  if (!entries) {
    entries = new Map();
    cache.set(ctx.database, entries);
  }
  return entries;
}

/** A setting with its defaults filled in. */
export async function getSetting<K extends SettingKey>(ctx: ServiceContext, key: K): Promise<SettingValue<K>> {
  const entries = cacheFor(ctx);
  const hit = entries.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value as SettingValue<K>;
  const stored = await findSetting(ctx.db, key);
  const parsed = SCHEMAS[key].safeParse(stored ?? {});
  // A stored value that no longer fits the schema (after an upgrade) falls back to the defaults.
  const value = (parsed.success ? parsed.data : SCHEMAS[key].parse({})) as SettingValue<K>;
  entries.set(key, { value, at: Date.now() });
  return value;
}

/** Saves a setting, records before and after in the activity log, and takes effect at once. */
export async function updateSetting<K extends SettingKey>(
  ctx: ServiceContext,
  actor: Actor | null,
  key: K,
  value: SettingValue<K>,
  origin: RequestOrigin,
): Promise<SettingValue<K>> {
  const before = await getSetting(ctx, key);
  const next = SCHEMAS[key].parse(value) as SettingValue<K>;
  await ctx.db.transaction(async (tx) => {
    await upsertSetting(tx, key, next, actor?.userId ?? null);
    await recordAudit(tx, {
      category: 'settings',
      action: `settings.${key}.updated`,
      actorUserId: actor?.userId ?? null,
      actorLabel: actor?.email ?? origin.client,
      ip: origin.ip,
      client: origin.client,
      details: { before, after: next },
    });
  });
  cacheFor(ctx).delete(key);
  return next;
}
