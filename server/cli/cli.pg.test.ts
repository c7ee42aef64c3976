import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAtrium, startAtrium, tempDataDir } from '../test/processes';
import { createPostgresDatabaseUrl } from '../test/test-database';

// The CLI against a PostgreSQL server (DATABASE_URL): no embedded data directory to own, so
// commands talk to the database directly, beside a running server.
describe('atrium CLI on PostgreSQL', { timeout: 120_000 }, () => {
  it('starts, issues a token beside the running server, backs up, and restores into an empty database', async () => {
    const source = await createPostgresDatabaseUrl();
    const target = await createPostgresDatabaseUrl();
    const backupFile = path.join(tempDataDir(), 'pg.backup');
    try {
      const env = { DATABASE_URL: source.url, ATRIUM_DATA_DIR: tempDataDir() };
      const server = await startAtrium(env);
      let token: string;
      try {
        expect(server.stdout()).toContain('one-time password');
        const created = runAtrium(['token', 'create', '--email', 'admin@atrium.local', '--name', 'ci'], env);
        expect(created.status).toBe(0);
        token = created.stdout.trim();
        expect((await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
        expect(runAtrium(['demo'], env).status).toBe(0);
        const backup = runAtrium(['backup', '--out', backupFile], env);
        expect(backup.status).toBe(0);
      } finally {
        await server.stop();
      }
      const targetEnv = { DATABASE_URL: target.url, ATRIUM_DATA_DIR: tempDataDir() };
      const restore = runAtrium(['restore', '--in', backupFile], targetEnv);
      expect(restore.stderr).toBe('');
      expect(restore.status).toBe(0);
      const restored = await startAtrium(targetEnv);
      try {
        expect(restored.stdout()).not.toContain('one-time password');
        expect((await fetch(`${restored.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
      } finally {
        await restored.stop();
      }
    } finally {
      await source.drop();
      await target.drop();
    }
  });
});
