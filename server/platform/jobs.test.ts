import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/test-database';
import type { Database } from './db';
import { enqueueJob, JOBS_CHANNEL, startJobWorker } from './jobs';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

/** Resolves with the payload of the first job the handler runs, or rejects after `ms`. */
function nextRun(handled: { resolve?: (payload: unknown) => void }, ms: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no job ran within ${ms} ms`)), ms);
    handled.resolve = (payload) => {
      clearTimeout(timer);
      resolve(payload);
    };
  });
}

describe('startJobWorker', () => {
  it('runs a job as soon as its transaction commits, without waiting for the next poll', async () => {
    const handled: { resolve?: (payload: unknown) => void } = {};
    const ran: unknown[] = [];
    // Polling once an hour: a job that runs within seconds was announced, not polled for.
    const worker = startJobWorker(
      database.db,
      {
        'test.echo': async (payload) => {
          ran.push(payload);
          handled.resolve?.(payload);
        },
      },
      { now: () => new Date(Date.now() + 1000), intervalMs: 3_600_000, database },
    );
    try {
      await worker.ready;
      await sleep(100);

      const first = nextRun(handled, 5_000);
      await database.db.transaction(async (tx) => {
        await enqueueJob(tx, 'test.echo', { n: 1 });
      });
      expect(await first).toEqual({ n: 1 });

      // A rolled-back change queues nothing and announces nothing.
      await database.db
        .transaction(async (tx) => {
          await enqueueJob(tx, 'test.echo', { n: 2 });
          throw new Error('rollback');
        })
        .catch(() => undefined);
      const third = nextRun(handled, 5_000);
      await enqueueJob(database.db, 'test.echo', { n: 3 });
      expect(await third).toEqual({ n: 3 });
      expect(ran).toEqual([{ n: 1 }, { n: 3 }]);
    } finally {
      await worker.stop();
    }
  });

  it('announces a job due now once, when its transaction commits, and a job for later not at all', async () => {
    const heard: string[] = [];
    const unlisten = await database.listen(JOBS_CHANNEL, (payload) => heard.push(payload));
    try {
      await sleep(100);
      await database.db.transaction(async (tx) => {
        await enqueueJob(tx, 'test.announced', { n: 1 });
        await sleep(200);
        expect(heard).toEqual([]);
      });
      await enqueueJob(database.db, 'test.later', { n: 2 }, new Date(Date.now() + 3_600_000));
      await enqueueJob(database.db, 'test.marker', { n: 3 });
      const deadline = Date.now() + 5_000;
      while (!heard.includes('test.marker') && Date.now() < deadline) await sleep(20);
      expect(heard).toEqual(['test.announced', 'test.marker']);
      const rows = await database.raw<{ kind: string }>(`select kind from jobs where kind like 'test.%' and kind <> 'test.echo' order by id`);
      expect(rows.map((r) => r.kind)).toEqual(['test.announced', 'test.later', 'test.marker']);
    } finally {
      await unlisten();
    }
  });
});
