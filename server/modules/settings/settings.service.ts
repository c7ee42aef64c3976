import type { z } from 'zod';
import { LegalSettings, SecuritySettings, VendorProfile } from '../../../common/schemas/settings';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import type { RequestOrigin, ServiceContext } from '../../platform/context';
import { findSetting, upsertSetting } from './settings.repository';

const SCHEMAS = { security: SecuritySettings, vendorProfile: VendorProfile, legal: LegalSettings } as const;
export type SettingKey = keyof typeof SCHEMAS;
/** Every setting, as its changes are logged (`settings.<key>.updated`). */
export const SETTING_KEYS = Object.keys(SCHEMAS) as SettingKey[];
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

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `target` with the value at `path` replaced (copies along the path, never mutates). */
function withValueAt(target: Record<string, unknown>, path: readonly string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = path as [string, ...string[]];
  return { ...target, [head]: rest.length === 0 ? value : withValueAt(target[head] as Record<string, unknown>, rest, value) };
}

/** The value at `path` in `source`. */
const valueAt = (source: Record<string, unknown>, path: readonly string[]): unknown => path.reduce<unknown>((at, field) => (at as Record<string, unknown>)[field], source);

/**
 * A stored setting as the current schema reads it. A value that no longer fits as a whole (after an
 * upgrade tightened a rule, or a hand edit) keeps every part that still fits and only the others
 * fall back to their defaults: a field, a field of a nested object (the password policy), an entry
 * of a list (an allowed IP). One stale entry must not reset the whole password policy, or empty an
 * IP allowlist (which would allow every address).
 */
export function readStoredSetting<K extends SettingKey>(key: K, stored: unknown): SettingValue<K> {
  const schema = SCHEMAS[key] as unknown as z.ZodType<Record<string, unknown>>;
  const whole = schema.safeParse(stored ?? {});
  if (whole.success) return whole.data as SettingValue<K>;
  let value = schema.parse({});
  const keep = (path: readonly string[], part: unknown): boolean => {
    const tried = schema.safeParse(withValueAt(value, path, part));
    if (tried.success) value = tried.data;
    return tried.success;
  };
  const salvage = (path: readonly string[], current: unknown, part: unknown): void => {
    if (keep(path, part)) return;
    if (isRecord(current) && isRecord(part)) {
      for (const [field, fieldPart] of Object.entries(part)) if (field in current) salvage([...path, field], current[field], fieldPart);
    } else if (Array.isArray(current) && Array.isArray(part)) {
      if (!keep(path, [])) return;
      for (const entry of part) keep(path, [...(valueAt(value, path) as unknown[]), entry]);
    }
  };
  if (isRecord(stored)) for (const [field, part] of Object.entries(stored)) if (field in value) salvage([field], value[field], part);
  return value as SettingValue<K>;
}

/** A setting with its defaults filled in. */
export async function getSetting<K extends SettingKey>(ctx: ServiceContext, key: K): Promise<SettingValue<K>> {
  const entries = cacheFor(ctx);
  const hit = entries.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value as SettingValue<K>;
  const stored = await findSetting(ctx.db, key);
  const value = readStoredSetting(key, stored);
  entries.set(key, { value, at: Date.now() });
  return value;
}

/** The name customers know the service by: the vendor profile's service name, Atrium when it is blank. */
export async function getServiceName(ctx: ServiceContext): Promise<string> {
  return (await getSetting(ctx, 'vendorProfile')).serviceName || 'Atrium';
}

/**
 * Saves a setting, records before and after in the activity log, and takes effect at once. Saving
 * the value it already has changes nothing and logs nothing (a form saved as it was is no change).
 */
export async function updateSetting<K extends SettingKey>(
  ctx: ServiceContext,
  actor: Actor | null,
  key: K,
  value: SettingValue<K>,
  origin: RequestOrigin,
): Promise<SettingValue<K>> {
  // Read from the database, not the cache: another server may have changed it within the cache's life.
  const before = readStoredSetting(key, await findSetting(ctx.db, key));
  const next = SCHEMAS[key].parse(value) as SettingValue<K>;
  // Both come out of the same schema, so their keys are in the same order. The next read is fresh
  // either way (a change made on another server within the cache's life shows at once).
  if (JSON.stringify(next) === JSON.stringify(before)) {
    cacheFor(ctx).delete(key);
    return next;
  }
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
