import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../platform/db';

/** True when this test run uses PostgreSQL (`ATRIUM_TEST_DB=postgres` with TEST_DATABASE_URL). */
export const onPostgres = process.env.ATRIUM_TEST_DB === 'postgres';

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('ATRIUM_TEST_DB=postgres needs TEST_DATABASE_URL');
  return url;
}

/** A URL for a new, empty PostgreSQL database and the function that drops it. */
export async function createPostgresDatabaseUrl(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `atrium_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl() });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/**
 * A fresh, empty database for one test file: PGlite in memory, or its own PostgreSQL database when
 * the run is on PostgreSQL. `migrate` false leaves the schema out, for migration and restore tests.
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<Database> {
  let database: Database;
  if (onPostgres) {
    const { url, drop } = await createPostgresDatabaseUrl();
    const opened = await openPostgres(url, 5);
    database = { ...opened, close: async () => { await opened.close(); await drop(); } };
  } else {
    database = await openPglite(null);
  }
  if (options.migrate !== false) await database.migrate();
  return database;
}
