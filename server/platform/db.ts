import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { PgTransaction, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from '../db/schema/index';

export type Schema = typeof schema;
/** The Drizzle database, the same type on PGlite and on PostgreSQL; a transaction is one too. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/**
 * Runs independent reads: side by side on the pool, one after another inside a transaction. A
 * transaction holds one connection, which runs one query at a time; handing it several at once
 * only queues them in the driver (deprecated by node-postgres, to be refused by pg 9).
 */
export async function readAll<const T extends readonly (() => Promise<unknown>)[]>(db: Db, reads: T): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  type Results = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
  if (!(db instanceof PgTransaction)) return (await Promise.all(reads.map((read) => read()))) as Results;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as Results;
}

export type DatabaseConfig = { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string; poolSize: number };

/** Runs plain SQL and returns its rows; for the few places Drizzle's builder does not reach. */
export type RawQuery = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  raw: RawQuery;
  /** Applies pending migrations once, under an advisory lock shared by every instance. */
  migrate(migrationsFolder?: string): Promise<void>;
  /**
   * Runs a query as a named prepared statement: PostgreSQL plans it once per connection instead of
   * at every call. For hot queries whose planning costs more than their execution.
   */
  prepared<T = Record<string, unknown>>(name: string, text: string, params: unknown[]): Promise<T[]>;
  /** Runs fn on one connection inside a transaction; `snapshot` makes it REPEATABLE READ READ ONLY. */
  withTransaction<T>(mode: 'snapshot' | 'write', fn: (raw: RawQuery) => Promise<T>): Promise<T>;
  /** True when every migration shipped with this build has been applied. */
  isMigrated(): Promise<boolean>;
  /**
   * LISTENs on a channel; `onNotify` gets each NOTIFY payload sent by any connection (any server on
   * this database). Resolves to a function that stops listening.
   */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../db/migrations', import.meta.url));
const MIGRATION_LOCK_KEY = 7_240_431_001; // any fixed 64-bit number; names "atrium migrations"

let journalCount: number | undefined;
/** How many migrations this build ships. */
export function shippedMigrationCount(): number {
  if (journalCount === undefined) {
    const journal = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as { entries: unknown[] };
    journalCount = journal.entries.length;
  }
  return journalCount;
}

/** How many migrations the database has applied. */
export async function countAppliedMigrations(raw: RawQuery): Promise<number> {
  const exists = await raw<{ present: boolean }>(`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
  if (!exists[0]?.present) return 0;
  const rows = await raw<{ n: string | number }>('select count(*) as n from drizzle.__drizzle_migrations');
  return Number(rows[0]?.n ?? 0);
}

/** Opens the embedded PGlite database (in memory when dataDir is null). */
export async function openPglite(dataDir: string | null): Promise<Database> {
  // pg_trgm corrects typos in search (issue 7); PGlite ships it as a contrib extension.
  const options = { extensions: { pg_trgm } };
  const client = dataDir ? await PGlite.create(dataDir, options) : await PGlite.create(options);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  const raw: RawQuery = async (text, params) => (await client.query(text, params)).rows as never;
  return {
    kind: 'pglite',
    db,
    raw,
    async migrate(migrationsFolder = MIGRATIONS_FOLDER) {
      // PGlite has one connection; the lock still guards against a migrator in the same process.
      await raw('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      try {
        await migratePglite(db as never, { migrationsFolder });
      } finally {
        await raw('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      }
    },
    // PGlite is one connection in this process; there is nothing to gain from naming statements.
    prepared: (_name, text, params) => raw(text, params),
    withTransaction: (mode, fn) =>
      client.transaction(async (tx) => {
        if (mode === 'snapshot') await tx.query('set transaction isolation level repeatable read read only');
        return fn(async (text, params) => (await tx.query(text, params)).rows as never);
      }),
    isMigrated: async () => (await countAppliedMigrations(raw)) >= shippedMigrationCount(),
    async listen(channel, onNotify) {
      const unlisten = await client.listen(channel, onNotify);
      return async () => {
        if (!client.closed) await unlisten();
      };
    },
    close: () => client.close(),
  };
}

/** Opens a node-postgres pool on a PostgreSQL server. */
export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection that the server drops (a restart, a failover, an administrator) is an 'error'
  // on the pool; unhandled it would end the process. The pool discards the client and opens another.
  pool.on('error', () => undefined);
  // Fail fast with a clear message when the server cannot be reached.
  const probe = await pool.connect();
  probe.release();
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const raw: RawQuery = async (text, params) => (await pool.query(text, params)).rows as never;
  return {
    kind: 'postgres',
    db,
    raw,
    async migrate(migrationsFolder = MIGRATIONS_FOLDER) {
      // The advisory lock lives on one session, so the whole migration runs on one client.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        try {
          await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
        } finally {
          await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
        }
      } finally {
        client.release();
      }
    },
    prepared: async (name, text, params) => (await pool.query({ name, text, values: params })).rows as never,
    async withTransaction(mode, fn) {
      const client = await pool.connect();
      try {
        await client.query(mode === 'snapshot' ? 'begin isolation level repeatable read read only' : 'begin');
        const result = await fn(async (text, params) => (await client.query(text, params)).rows as never);
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    isMigrated: async () => (await countAppliedMigrations(raw)) >= shippedMigrationCount(),
    listen: (channel, onNotify) => listenOnPostgres(url, channel, onNotify),
    close: () => pool.end(),
  };
}

/**
 * LISTEN needs a connection of its own that stays open: a client outside the pool, reconnected
 * with backoff when the server drops it (notifications sent while it was away are lost; listeners
 * refetch on reconnect, see realtime.ts).
 */
async function listenOnPostgres(url: string, channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  const quoted = `"${channel.replace(/"/g, '""')}"`;
  const connect = async (attempt: number): Promise<void> => {
    if (stopped) return;
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload ?? '');
    });
    next.on('error', () => {
      void next.end().catch(() => undefined);
      if (!stopped && client === next) retryTimer = setTimeout(() => void connect(1), 1000).unref();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${quoted}`);
      client = next;
    } catch (error) {
      await next.end().catch(() => undefined);
      if (attempt === 0) throw error;
      if (!stopped) retryTimer = setTimeout(() => void connect(attempt + 1), Math.min(30_000, 1000 * 2 ** attempt)).unref();
    }
  };
  await connect(0);
  return async () => {
    stopped = true;
    if (retryTimer) clearTimeout(retryTimer);
    await client?.end().catch(() => undefined);
  };
}

/** Opens the database the configuration names. */
export function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.kind === 'pglite' ? openPglite(config.dataDir) : openPostgres(config.url, config.poolSize);
}
