import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countAppliedMigrations, MIGRATIONS_FOLDER, shippedMigrationCount } from '../platform/db';
import { createTestDatabase } from '../test/test-database';

describe('migrations', () => {
  it('agree with the schema: drizzle-kit generates nothing new', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'atrium-migrations-check-'));
    try {
      cpSync(MIGRATIONS_FOLDER, out, { recursive: true });
      const before = readdirSync(out).sort();
      execFileSync(process.execPath, ['node_modules/drizzle-kit/bin.cjs', 'generate', '--dialect', 'postgresql', '--schema', 'server/db/schema/index.ts', '--out', out], { stdio: 'pipe' });
      expect(readdirSync(out).sort()).toEqual(before);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('apply every shipped migration to an empty database, and again changes nothing', async () => {
    const database = await createTestDatabase({ migrate: false });
    try {
      expect(await database.isMigrated()).toBe(false);
      await database.migrate();
      await database.migrate();
      expect(await countAppliedMigrations(database.raw)).toBe(shippedMigrationCount());
      expect(await database.isMigrated()).toBe(true);
    } finally {
      await database.close();
    }
  });
});
