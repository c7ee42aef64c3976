import type { ServiceContext } from '../../platform/context';
import { ConfigError } from '../../platform/config';
import { keyCheckValue } from '../../platform/crypto-box';
import { findSetting, upsertSetting } from './settings.repository';

const KEY = 'system.secretKeyCheck';

/**
 * Remembers which secret key the database was set up with and refuses to run with another one:
 * secrets sealed with one key cannot be opened with another (several servers must share
 * ATRIUM_SECRET_KEY). Called at start, after migrations.
 */
export async function assertSecretKeyMatches(ctx: ServiceContext, key: Buffer): Promise<void> {
  const expected = keyCheckValue(key);
  const stored = (await findSetting(ctx.db, KEY)) as { check?: string } | undefined;
  if (!stored?.check) {
    await upsertSetting(ctx.db, KEY, { check: expected }, null);
    return;
  }
  if (stored.check !== expected) {
    throw new ConfigError('The secret key (ATRIUM_SECRET_KEY or <data dir>/secret.key) is not the one this database was set up with; use the same key on every server.');
  }
}
