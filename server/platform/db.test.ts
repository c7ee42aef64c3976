import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/test-database';
import { readAll, type Database } from './db';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase({ migrate: false });
});
afterAll(async () => {
  await database?.close();
});

/** Reads that note when each starts and ends, and answer their number. */
function tracedReads(run: (n: number) => Promise<unknown>, log: string[]) {
  return [1, 2, 3].map((n) => async () => {
    log.push(`start ${n}`);
    await run(n);
    log.push(`end ${n}`);
    return n;
  });
}

describe('readAll', () => {
  it('starts every read at once outside a transaction, and answers in their order', async () => {
    const log: string[] = [];
    const answers = await readAll(database.db, tracedReads((n) => database.db.execute(sql`select ${n}::int`), log));
    expect(answers).toEqual([1, 2, 3]);
    expect(log.slice(0, 3)).toEqual(['start 1', 'start 2', 'start 3']);
  });

  it('runs them one after another inside a transaction, whose one connection takes a query at a time', async () => {
    const log: string[] = [];
    const answers = await database.db.transaction((tx) => readAll(tx, tracedReads((n) => tx.execute(sql`select ${n}::int`), log)));
    expect(answers).toEqual([1, 2, 3]);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });
});
