import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Database, Db } from './db';

const statements = new WeakMap<Db, Map<string, unknown>>();

/**
 * A prepared statement built once per database handle and reused. For the queries every request
 * runs (session and token lookup, memberships): building a Drizzle query each time costs more CPU
 * than the database round trip.
 */
export function prepared<T>(db: Db, name: string, build: (db: Db) => T): T {
  let byName = statements.get(db);
  if (!byName) {
    byName = new Map();
    statements.set(db, byName);
  }
  let statement = byName.get(name) as T | undefined;
  if (!statement) {
    statement = build(db);
    byName.set(name, statement);
  }
  return statement;
}

const dialect = new PgDialect();

/**
 * Runs a Drizzle `sql` query as a named prepared statement on the database (not inside a
 * transaction). The name is derived from the query text, so each distinct text is planned once per
 * connection and reused, whatever its parameters.
 */
export function executePrepared<T>(database: Database, prefix: string, query: SQL): Promise<T[]> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  const name = `${prefix}_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
  return database.prepared<T>(name, text, params);
}
