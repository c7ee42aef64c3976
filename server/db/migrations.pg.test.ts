import { describe, expect, it } from 'vitest';
import { countAppliedMigrations, openPostgres, shippedMigrationCount } from '../platform/db';
import { createPostgresDatabaseUrl } from '../test/test-database';

// PostgreSQL only (runs in the PostgreSQL pass): several app servers share one database there.
describe('migrations on PostgreSQL', () => {
  it('are applied once when two servers migrate the same PostgreSQL database at once', async () => {
    const { url, drop } = await createPostgresDatabaseUrl();
    const first = await openPostgres(url, 2);
    const second = await openPostgres(url, 2);
    try {
      await Promise.all([first.migrate(), second.migrate()]);
      expect(await countAppliedMigrations(first.raw)).toBe(shippedMigrationCount());
      const [row] = await first.raw<{ n: number }>(`select count(*)::int as n from pg_tables where schemaname = 'public'`);
      expect(row!.n).toBeGreaterThan(0);
    } finally {
      await first.close();
      await second.close();
      await drop();
    }
  });
});
