import type { Db } from './db';

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
