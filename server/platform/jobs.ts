import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { jobs } from '../db/schema/index';
import type { Database, Db } from './db';

/** The channel a queued job is announced on, so that an idle worker runs it at once. */
export const JOBS_CHANNEL = 'atrium_jobs';

export type JobHandler = (payload: unknown) => Promise<void>;

/**
 * A failure that trying again cannot cure (a mail server refusing the recipient with a 5xx): the job
 * is marked failed at once, with this error, instead of being retried.
 */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}
/**
 * A handler that takes the due jobs of its kind together, in the order they were queued: one
 * transaction for many (the search index after a burst of changes). When a batch fails, each of its
 * jobs is run again alone, so that one bad job fails (and is retried) by itself.
 */
export interface BatchJobHandler {
  batch: (payloads: unknown[]) => Promise<void>;
}
export type JobHandlers = Record<string, JobHandler | BatchJobHandler>;

/**
 * Queues a job; call it with the transaction of the change it belongs to, so both commit or neither.
 * A job due now is announced on `atrium_jobs` (delivered when the transaction commits), so workers
 * run it at once rather than at their next poll.
 */
export async function enqueueJob(db: Db, kind: string, payload: unknown, runAt?: Date): Promise<void> {
  if (runAt) {
    await db.insert(jobs).values({ kind, payload, runAt });
    return;
  }
  // The insert and its announcement in one statement: one round trip.
  await enqueueJobs(db, [{ kind, payload }]);
}

/** A job to queue now, for `enqueueJobs`. */
export interface QueuedJob {
  kind: string;
  payload: unknown;
}

/**
 * Queues several jobs due now, and announces them, in one statement (one round trip instead of
 * one a job): call it with the transaction of the change. `alsoNotify` adds one more NOTIFY to the
 * same statement (a live event, see `liveEventNotice`), delivered on commit like the others.
 */
export async function enqueueJobs(db: Db, queued: readonly QueuedJob[], alsoNotify?: { channel: string; payload: string } | null): Promise<void> {
  if (queued.length === 0 && !alsoNotify) return;
  const rows = JSON.stringify(queued.map((job) => ({ kind: job.kind, payload: job.payload })));
  const extra = alsoNotify ? sql` union all select pg_notify(${alsoNotify.channel}, ${alsoNotify.payload})` : sql``;
  // Identical notifications of one transaction are delivered once: a kind is announced once.
  await db.execute(sql`with queued as (
                         insert into jobs (kind, payload)
                         select e->>'kind', e->'payload' from jsonb_array_elements(${rows}::jsonb) with ordinality as x(e, i) order by i
                         returning kind)
                       select pg_notify(${JOBS_CHANNEL}, kind) from queued${extra}`);
}

interface ClaimedJob { id: number; kind: string; payload: unknown; attempts: number; max_attempts: number }

/** Claims up to `limit` due jobs for a minute; FOR UPDATE SKIP LOCKED keeps workers from sharing one. */
async function claimDueJobs(db: Db, now: Date, limit: number): Promise<ClaimedJob[]> {
  const result = await db.execute(sql`
    update jobs set attempts = attempts + 1, locked_until = ${now.toISOString()}::timestamptz + interval '1 minute'
     where id in (
       select id from jobs
        where done_at is null and failed_at is null and run_at <= ${now.toISOString()}::timestamptz
          and (locked_until is null or locked_until < ${now.toISOString()}::timestamptz)
        order by run_at, id
        limit ${limit}
        for update skip locked)
    returning id, kind, payload, attempts, max_attempts`);
  // UPDATE … RETURNING gives no order: run them in the order they were queued (a case's mails in turn).
  return (result as unknown as { rows: ClaimedJob[] }).rows.sort((a, b) => Number(a.id) - Number(b.id));
}

/**
 * Runs the due jobs once; returns how many ran. A failed job is retried with exponential backoff
 * (30 s, 1 min, 2 min, …) until max_attempts, then marked failed with its last error. Jobs whose
 * handler takes batches run after the others, all of a kind at once.
 */
export async function runDueJobs(db: Db, handlers: JobHandlers, now: Date, logger?: FastifyBaseLogger, limit = 20): Promise<number> {
  const claimed = await claimDueJobs(db, now, limit);
  const batches = new Map<BatchJobHandler, ClaimedJob[]>();
  for (const job of claimed) {
    const handler = handlers[job.kind];
    if (handler && typeof handler !== 'function') {
      batches.set(handler, [...(batches.get(handler) ?? []), job]);
      continue;
    }
    await runOne(db, job, handler, now, logger);
  }
  for (const [handler, batch] of batches) {
    if (batch.length > 1) {
      try {
        await handler.batch(batch.map((job) => job.payload));
        await db.execute(sql`update jobs set done_at = now(), locked_until = null where id = any(${`{${batch.map((job) => job.id).join(',')}}`}::bigint[])`);
        continue;
      } catch (error) {
        logger?.warn({ kind: batch[0]!.kind, jobs: batch.length, err: error }, 'job batch failed; running its jobs one by one');
      }
    }
    for (const job of batch) await runOne(db, job, (payload) => handler.batch([payload]), now, logger);
  }
  return claimed.length;
}

/**
 * Runs one claimed job and marks it done; a failed job is retried with exponential backoff until
 * max_attempts, then marked failed with its last error (at once for a `PermanentJobError`).
 */
async function runOne(db: Db, job: ClaimedJob, handler: JobHandler | undefined, now: Date, logger?: FastifyBaseLogger): Promise<void> {
  try {
    if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
    await handler(job.payload);
    await db.execute(sql`update jobs set done_at = now(), locked_until = null where id = ${job.id}`);
  } catch (error) {
    const message = (error as Error).message.slice(0, 2000);
    logger?.warn({ jobId: job.id, kind: job.kind, attempt: job.attempts, err: error }, 'job failed');
    if (job.attempts >= job.max_attempts || error instanceof PermanentJobError) {
      await db.execute(sql`update jobs set failed_at = now(), locked_until = null, last_error = ${message} where id = ${job.id}`);
    } else {
      const delaySeconds = 30 * 2 ** (job.attempts - 1);
      await db.execute(sql`update jobs set locked_until = null, last_error = ${message}, run_at = ${now.toISOString()}::timestamptz + make_interval(secs => ${delaySeconds}) where id = ${job.id}`);
    }
  }
}

/**
 * Runs due jobs until stopped: at once when a job is announced on `atrium_jobs` (given `database`
 * to LISTEN on; announcements that arrive during a batch are coalesced into one more batch), and
 * every `intervalMs` anyway, for jobs that come due later and announcements lost while the
 * listening connection was down. stop() waits for the batch in hand.
 */
export function startJobWorker(db: Db, handlers: JobHandlers, options: { now: () => Date; logger?: FastifyBaseLogger; intervalMs?: number; database?: Pick<Database, 'listen'> }) {
  let stopped = false;
  let wake: (() => void) | undefined;
  let announced = false;
  const onAnnounce = () => {
    announced = true;
    wake?.();
  };
  const listening = options.database
    ? options.database.listen(JOBS_CHANNEL, onAnnounce).catch((error: unknown) => {
        options.logger?.warn({ err: error }, 'job worker cannot LISTEN; polling only');
        return undefined;
      })
    : Promise.resolve(undefined);
  const loop = (async () => {
    while (!stopped) {
      announced = false;
      try {
        const ran = await runDueJobs(db, handlers, options.now(), options.logger);
        if (ran > 0) continue;
      } catch (error) {
        options.logger?.error({ err: error }, 'job worker error');
      }
      if (announced || stopped) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.intervalMs ?? 1000);
        timer.unref();
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  })();
  return {
    /** Resolves once the worker listens for announcements (tests wait for it). */
    ready: listening.then(() => undefined),
    stop: async () => {
      stopped = true;
      wake?.();
      await loop;
      const unlisten = await listening;
      await unlisten?.();
    },
  };
}
