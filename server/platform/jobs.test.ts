import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/test-database';
import type { Database } from './db';
import { enqueueJob, enqueueJobs, JOBS_CHANNEL, runDueJobs, startJobWorker } from './jobs';

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

describe('enqueueJobs', () => {
  it('queues several jobs in order and a NOTIFY of the caller in one statement, announced once a kind on commit, nothing on rollback', async () => {
    const heard: string[] = [];
    const events: string[] = [];
    const unlisten = await database.listen(JOBS_CHANNEL, (payload) => heard.push(payload));
    const unlistenEvents = await database.listen('test_events', (payload) => events.push(payload));
    try {
      await sleep(100);
      await expect(
        database.db.transaction(async (tx) => {
          await enqueueJobs(tx, [{ kind: 'many.rolled_back', payload: { n: 0 } }], { channel: 'test_events', payload: 'rolled back' });
          throw new Error('undo');
        }),
      ).rejects.toThrow('undo');
      await database.db.transaction(async (tx) => {
        await enqueueJobs(
          tx,
          [
            { kind: 'many.mail', payload: { to: 'a@example.com', subject: '한글 \u{1F600} "quoted"' } },
            { kind: 'many.index', payload: { kind: 'case', id: 'x' } },
            { kind: 'many.mail', payload: { to: 'b@example.com' } },
          ],
          { channel: 'test_events', payload: 'case.created' },
        );
        await sleep(200);
        expect([...heard, ...events]).toEqual([]);
      });
      // Nothing to queue: only the caller's NOTIFY; nothing at all: no statement.
      await enqueueJobs(database.db, [], { channel: 'test_events', payload: 'alone' });
      await enqueueJobs(database.db, []);
      const deadline = Date.now() + 5_000;
      while ((heard.length < 2 || events.length < 2) && Date.now() < deadline) await sleep(20);
      await sleep(100);
      expect(heard.sort()).toEqual(['many.index', 'many.mail']);
      expect(events).toEqual(['case.created', 'alone']);
      const rows = await database.raw<{ kind: string; payload: unknown }>(`select kind, payload from jobs where kind like 'many.%' order by id`);
      expect(rows).toEqual([
        { kind: 'many.mail', payload: { to: 'a@example.com', subject: '한글 \u{1F600} "quoted"' } },
        { kind: 'many.index', payload: { kind: 'case', id: 'x' } },
        { kind: 'many.mail', payload: { to: 'b@example.com' } },
      ]);
    } finally {
      await unlisten();
      await unlistenEvents();
    }
  });
});

describe('runDueJobs with a handler that takes batches', () => {
  // Jobs the tests above left queued (announced, never run) are not this test's business.
  beforeEach(async () => {
    await database.raw('update jobs set done_at = now() where done_at is null');
  });

  it('hands it the due jobs of its kind together, in the order they were queued, and marks them all done', async () => {
    const batches: unknown[][] = [];
    const singles: unknown[] = [];
    const handlers = {
      'test.batched': { batch: async (payloads: unknown[]) => void batches.push(payloads) },
      'test.single': async (payload: unknown) => void singles.push(payload),
    };
    for (const n of [1, 2, 3]) await enqueueJob(database.db, 'test.batched', { n });
    await enqueueJob(database.db, 'test.single', { n: 4 });
    const ran = await runDueJobs(database.db, handlers, new Date(Date.now() + 1000));
    expect(ran).toBe(4);
    expect(batches).toEqual([[{ n: 1 }, { n: 2 }, { n: 3 }]]);
    expect(singles).toEqual([{ n: 4 }]);
    const rows = await database.raw<{ n: number; done: boolean }>(`select (payload->>'n')::int as n, done_at is not null as done from jobs where kind in ('test.batched', 'test.single') order by id`);
    expect(rows).toEqual([1, 2, 3, 4].map((n) => ({ n, done: true })));
  });

  it('runs each job of a failed batch alone: the good ones are done, the bad one alone is retried later', async () => {
    const calls: number[][] = [];
    const handlers = {
      'test.flaky': {
        batch: async (payloads: unknown[]) => {
          const ns = payloads.map((p) => (p as { n: number }).n);
          calls.push(ns);
          if (ns.includes(6)) throw new Error('six is bad');
        },
      },
    };
    for (const n of [5, 6, 7]) await enqueueJob(database.db, 'test.flaky', { n });
    const now = new Date(Date.now() + 1000);
    await runDueJobs(database.db, handlers, now);
    expect(calls).toEqual([[5, 6, 7], [5], [6], [7]]);
    const rows = await database.raw<{ n: number; done: boolean; retry_later: boolean; last_error: string | null }>(
      `select (payload->>'n')::int as n, done_at is not null as done, run_at > $1::timestamptz as retry_later, last_error from jobs where kind = 'test.flaky' order by id`,
      [now.toISOString()],
    );
    expect(rows).toEqual([
      { n: 5, done: true, retry_later: false, last_error: null },
      { n: 6, done: false, retry_later: true, last_error: 'six is bad' },
      { n: 7, done: true, retry_later: false, last_error: null },
    ]);
  });
});
