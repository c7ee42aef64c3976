import { createReadStream, createWriteStream, mkdtempSync, cpSync, readFileSync, writeFileSync, rmSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { PassThrough } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { AppError } from '../../platform/errors';
import { countAppliedMigrations, MIGRATIONS_FOLDER, shippedMigrationCount, type Database, type RawQuery } from '../../platform/db';

/**
 * Backup format: gzip'd JSON lines. A header line, then per table a line naming it and one line per
 * row (`row_to_json`, so every PostgreSQL type round-trips through `json_populate_record`), then the
 * sequences, then a trailer with the row counts, which tells a complete file from a cut-off one.
 * It is the same on PGlite and PostgreSQL, so a backup moves between them.
 */
const FORMAT = 'atrium-backup';
const VERSION = 1;
const BATCH = 1000;
/** Tables whose default rows the migrations insert (the four product families); a fresh database is empty but for them. */
export const SEEDED_BY_MIGRATIONS = new Set(['product_families']);
/**
 * Tables the database's triggers fill from other tables (the case counts, from `cases`; the search
 * index versions, from `search_entries`, `entitlements` and `products`): left out of a backup, since
 * loading those tables writes them again.
 */
export const KEPT_BY_TRIGGERS = new Set(['case_counts', 'case_count_changes', 'search_generations']);

interface Header {
  kind: typeof FORMAT;
  version: number;
  createdAt: string;
  migrations: number;
  database: string;
  /** The installation's secret key (base64), without which the encrypted secrets in the rows cannot be read. */
  secretKey?: string;
}
interface TableLine { table: string }
interface RowLine { r: Record<string, unknown> }
interface SequenceLine { sequence: string; value: string | null }
interface Trailer { end: true; rows: Record<string, number> }

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** Public tables, parents before children (by foreign keys), so a restore satisfies every key. */
async function listTablesInDependencyOrder(raw: RawQuery): Promise<string[]> {
  const tables = (await raw<{ name: string }>(`select tablename as name from pg_tables where schemaname = 'public' order by tablename`)).map((t) => t.name);
  const edges = await raw<{ child: string; parent: string }>(
    `select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
       from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'f' and n.nspname = 'public'`,
  );
  const unquote = (name: string) => name.replace(/^"|"$/g, '').replace(/^public\./, '');
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  for (const edge of edges) {
    const child = unquote(edge.child);
    const parent = unquote(edge.parent);
    if (child !== parent) parents.get(child)?.add(parent);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t) && [...(parents.get(t) ?? [])].every((p) => placed.has(p)));
    if (ready.length === 0) throw new Error('foreign keys form a cycle between tables');
    for (const t of ready) {
      ordered.push(t);
      placed.add(t);
    }
  }
  return ordered;
}

/**
 * Writes a consistent backup of the whole database to `outFile`: every table is read in one
 * REPEATABLE READ snapshot, so writes made meanwhile are either wholly in or wholly out.
 */
export async function writeBackup(database: Database, outFile: string, options: { secretKey?: Buffer } = {}): Promise<{ rows: Record<string, number> }> {
  const partial = `${outFile}.partial-${process.pid}`;
  const lines = new PassThrough();
  const gzip = createGzip();
  const done = pipeline(lines, gzip, createWriteStream(partial, { mode: 0o600 }));
  const write = (value: unknown) => {
    if (!lines.write(`${JSON.stringify(value)}\n`)) return new Promise<void>((resolve) => lines.once('drain', () => resolve()));
    return undefined;
  };
  const rows: Record<string, number> = {};
  try {
    await database.withTransaction('snapshot', async (raw) => {
      const header: Header = {
        kind: FORMAT,
        version: VERSION,
        createdAt: new Date().toISOString(),
        migrations: await countAppliedMigrations(raw),
        database: database.kind,
        ...(options.secretKey ? { secretKey: options.secretKey.toString('base64') } : {}),
      };
      await write(header);
      for (const table of await listTablesInDependencyOrder(raw)) {
        if (KEPT_BY_TRIGGERS.has(table)) continue;
        await write({ table } satisfies TableLine);
        rows[table] = 0;
        await raw(`declare backup_cursor no scroll cursor for select row_to_json(t)::text as j from ${quote(table)} t`);
        for (;;) {
          const batch = await raw<{ j: string }>(`fetch ${BATCH} from backup_cursor`);
          for (const { j } of batch) {
            const pending = lines.write(`{"r":${j}}\n`);
            rows[table] += 1;
            if (!pending) await new Promise<void>((resolve) => lines.once('drain', () => resolve()));
          }
          if (batch.length < BATCH) break;
        }
        await raw('close backup_cursor');
      }
      const sequences = await raw<{ name: string; value: string | null }>(`select sequencename as name, last_value::text as value from pg_sequences where schemaname = 'public'`);
      for (const s of sequences) await write({ sequence: s.name, value: s.value } satisfies SequenceLine);
      await write({ end: true, rows } satisfies Trailer);
    });
    lines.end();
    await done;
    renameSync(partial, outFile);
    return { rows };
  } catch (error) {
    lines.destroy();
    await done.catch(() => undefined);
    rmSync(partial, { force: true });
    throw error;
  }
}

/** A migrations folder holding only the first `count` migrations, to rebuild a backup's schema. */
function migrationsUpTo(count: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'atrium-migrations-'));
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

/**
 * Restores a backup into an empty database: rebuilds the schema the backup was taken at, loads
 * every row in one transaction, then applies any newer migrations. Refuses a database with data.
 */
export async function restoreBackup(database: Database, inFile: string): Promise<{ rows: Record<string, number>; secretKey: Buffer | null }> {
  const input = createInterface({ input: createReadStream(inFile).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = input[Symbol.asyncIterator]();
  const next = async (): Promise<unknown> => {
    const { value, done } = await iterator.next().catch(() => {
      throw new AppError('backup.invalid_file', 400); // not gzip, or cut off mid-stream
    });
    if (done) throw new AppError('backup.invalid_file', 400);
    try {
      return JSON.parse(value as string);
    } catch {
      throw new AppError('backup.invalid_file', 400);
    }
  };
  try {
    const header = (await next()) as Partial<Header>;
    if (header.kind !== FORMAT || typeof header.migrations !== 'number') throw new AppError('backup.invalid_file', 400);
    if (header.version! > VERSION || header.migrations > shippedMigrationCount()) throw new AppError('backup.version_mismatch', 400);

    const folder = migrationsUpTo(header.migrations);
    try {
      await database.migrate(folder);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    const rows = await database.withTransaction('write', async (raw) => {
      for (const table of await listTablesInDependencyOrder(raw)) {
        if (SEEDED_BY_MIGRATIONS.has(table)) continue;
        const [row] = await raw<{ present: boolean }>(`select exists (select 1 from ${quote(table)}) as present`);
        if (row?.present) throw new AppError('backup.target_not_empty', 409, { table });
      }
      // Nothing else is there, so these rows are the migrations' defaults: the backup's own replace them.
      for (const table of SEEDED_BY_MIGRATIONS) await raw(`delete from ${quote(table)}`);
      const counts: Record<string, number> = {};
      let table: string | null = null;
      let columns = '';
      let batch: string[] = [];
      const flush = async () => {
        if (!table || batch.length === 0) return;
        // Rows are staged, then inserted by one statement per table, so a table that refers to itself
        // (a site tree) loads whatever the order of its rows.
        await raw(`insert into restore_stage (doc) select json_array_elements($1::json)`, [`[${batch.join(',')}]`]);
        batch = [];
      };
      const finishTable = async () => {
        if (!table) return;
        await flush();
        await raw(`insert into ${quote(table)} (${columns}) overriding system value select ${columns} from restore_stage s, json_populate_record(null::${quote(table)}, s.doc) r`);
        await raw('truncate restore_stage');
      };
      await raw('create temporary table restore_stage (doc json) on commit drop');
      for (;;) {
        const line = (await next()) as Partial<TableLine & RowLine & SequenceLine & Trailer>;
        if (line.r !== undefined) {
          if (!table) throw new AppError('backup.invalid_file', 400);
          batch.push(JSON.stringify(line.r));
          counts[table] = (counts[table] ?? 0) + 1;
          if (batch.length >= BATCH) await flush();
        } else if (line.table !== undefined) {
          if (KEPT_BY_TRIGGERS.has(line.table)) throw new AppError('backup.invalid_file', 400);
          await finishTable();
          table = line.table;
          counts[table] = 0;
          const cols = await raw<{ name: string }>(
            `select attname as name from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped and attgenerated = '' order by attnum`,
            [quote(table)],
          );
          columns = cols.map((c) => quote(c.name)).join(', ');
        } else if (line.sequence !== undefined) {
          await finishTable();
          table = null;
          if (line.value !== null) await raw(`select setval($1::regclass, $2::bigint)`, [quote(line.sequence), line.value]);
        } else if (line.end) {
          await finishTable();
          for (const [name, count] of Object.entries(line.rows ?? {})) {
            if ((counts[name] ?? 0) !== count) throw new AppError('backup.invalid_file', 400, { table: name });
          }
          return counts;
        } else {
          throw new AppError('backup.invalid_file', 400);
        }
      }
    });
    await database.migrate();
    return { rows, secretKey: header.secretKey ? Buffer.from(header.secretKey, 'base64') : null };
  } finally {
    input.close();
  }
}
