import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ORIGIN, createServiceContext, type ServiceContext } from '../../platform/context';
import type { Database } from '../../platform/db';
import { buildUser } from '../../test/factories';
import { createFileSystemBlobStore } from '../../platform/storage';
import { TEST_CONFIG } from '../../test/test-app';
import { createTestDatabase } from '../../test/test-database';
import { loadDemoData } from '../demo/demo.service';
import { createApiToken } from '../tokens/tokens.service';
import { KEPT_BY_TRIGGERS, restoreBackup, SEEDED_BY_MIGRATIONS, writeBackup } from './backup.service';

const dir = mkdtempSync(path.join(tmpdir(), 'atrium-backup-test-'));
let source: Database;
let ctx: ServiceContext;

/** Every public table's rows as sorted JSON text, to compare two databases exactly. */
async function snapshot(database: Database): Promise<Record<string, string[]>> {
  const tables = await database.raw<{ name: string }>(`select tablename as name from pg_tables where schemaname = 'public' order by 1`);
  const result: Record<string, string[]> = {};
  for (const { name } of tables) {
    if (KEPT_BY_TRIGGERS.has(name)) continue;
    const rows = await database.raw<{ j: string }>(`select row_to_json(t)::text as j from "${name}" t`);
    result[name] = rows.map((r) => r.j).sort();
  }
  // The kept counts as they read (folded or not), which is what must survive a restore.
  const counts = await database.raw<{ j: string }>(
    `select row_to_json(t)::text as j from (select organization_id, site_id, status, sum(n)::int as n from (select organization_id, site_id, status, n from case_counts union all select organization_id, site_id, status, change from case_count_changes) x group by 1, 2, 3 having sum(n) <> 0) t`,
  );
  result.case_counts = counts.map((r) => r.j).sort();
  return result;
}

beforeAll(async () => {
  source = await createTestDatabase();
  ctx = createServiceContext(source, { config: TEST_CONFIG, blobs: createFileSystemBlobStore(path.join(tmpdir(), 'atrium-backup-test-files')) });
  await loadDemoData(ctx);
  const user = await buildUser(ctx, { name: "O'Brien \"quoted\" \\ 한글 \u{1F600}" });
  await createApiToken(ctx, user.id, 'nightly', CLI_ORIGIN);
});
afterAll(async () => {
  await source.close();
});

describe('backup and restore', () => {
  it('round-trips every row of every table into an empty database', async () => {
    const file = path.join(dir, 'round-trip.atrium-backup');
    const { rows } = await writeBackup(source, file);
    expect(rows.users).toBeGreaterThan(10);
    const target = await createTestDatabase({ migrate: false });
    try {
      await restoreBackup(target, file);
      const restored = await snapshot(target);
      expect(restored.case_counts!.length).toBeGreaterThan(0);
      expect(restored).toEqual(await snapshot(source));
      expect(await target.isMigrated()).toBe(true);
      // Identity sequences continue after the restored rows instead of colliding with them.
      const [next] = await target.raw<{ id: number }>(`insert into audit_events (category, action) values ('system', 'probe') returning id`);
      const [max] = await source.raw<{ id: number }>('select max(id)::int as id from audit_events');
      expect(Number(next!.id)).toBeGreaterThan(max!.id);
    } finally {
      await target.close();
    }
  });

  it('takes a consistent snapshot while writes go on', async () => {
    const file = path.join(dir, 'concurrent.atrium-backup');
    const user = await buildUser(ctx);
    let writing = true;
    const writer = (async () => {
      let n = 0;
      while (writing && n < 200) {
        await createApiToken(ctx, user.id, `t${n}`, CLI_ORIGIN);
        n += 1;
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await writeBackup(source, file);
    writing = false;
    await writer;
    // Each token is written with its audit event in one transaction: a consistent snapshot has both or neither.
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
    let table = '';
    let tokens = 0;
    let tokenEvents = 0;
    for (const line of lines) {
      if (line.table) table = line.table;
      else if (line.r && table === 'api_tokens') tokens += 1;
      else if (line.r && table === 'audit_events' && line.r.action === 'token.created') tokenEvents += 1;
    }
    expect(tokens).toBe(tokenEvents);
  });

  it('refuses to restore into a database that already holds data, and changes nothing', async () => {
    const file = path.join(dir, 'not-empty.atrium-backup');
    await writeBackup(source, file);
    const before = await snapshot(source);
    await expect(restoreBackup(source, file)).rejects.toMatchObject({ code: 'backup.target_not_empty' });
    expect(await snapshot(source)).toEqual(before);
  });

  // Four restores into fresh embedded databases, each migrated first: about 30 s on the 2-core machine alone.
  it('refuses a file that is not a backup, one cut off midway, or one carrying the kept case counts, leaving the target empty but for the migration defaults', { timeout: 120_000 }, async () => {
    const good = path.join(dir, 'good.atrium-backup');
    await writeBackup(source, good);
    const bytes = gunzipSync(readFileSync(good));
    const cut = path.join(dir, 'cut.atrium-backup');
    writeFileSync(cut, gzipSync(bytes.subarray(0, Math.floor(bytes.length * 0.6))));
    const garbage = path.join(dir, 'garbage.atrium-backup');
    writeFileSync(garbage, 'hello, this is not gzip');
    const foreign = path.join(dir, 'foreign.atrium-backup');
    writeFileSync(foreign, gzipSync('{"kind":"something-else"}\n'));
    // The kept case counts are written again by the restored cases: a file that carries them would count twice.
    const [header, ...rest] = bytes.toString('utf8').split('\n');
    const counted = path.join(dir, 'counted.atrium-backup');
    const organizationId = '00000000-0000-4000-8000-000000000001';
    writeFileSync(counted, gzipSync([header, '{"table":"case_counts"}', `{"r":{"organization_id":"${organizationId}","site_id":"${organizationId}","status":"new","n":5}}`, ...rest].join('\n')));
    for (const file of [cut, garbage, foreign, counted]) {
      const target = await createTestDatabase({ migrate: false });
      try {
        await expect(restoreBackup(target, file)).rejects.toMatchObject({ code: 'backup.invalid_file' });
        const counts = await target.raw<{ n: number }>(`select count(*)::int as n from pg_tables t where schemaname = 'public' and not (tablename = any($1)) and (xpath('/row/c/text()', query_to_xml(format('select count(*) as c from %I', t.tablename), false, true, '')))[1]::text::int > 0`, [[...SEEDED_BY_MIGRATIONS]]);
        expect(counts[0]!.n).toBe(0);
      } finally {
        await target.close();
      }
    }
  });

  it('refuses a backup made by a newer version', async () => {
    const newer = path.join(dir, 'newer.atrium-backup');
    writeFileSync(newer, gzipSync('{"kind":"atrium-backup","version":1,"migrations":9999,"createdAt":"2030-01-01T00:00:00Z","database":"pglite"}\n'));
    const target = await createTestDatabase({ migrate: false });
    try {
      await expect(restoreBackup(target, newer)).rejects.toMatchObject({ code: 'backup.version_mismatch' });
    } finally {
      await target.close();
    }
  });
});
