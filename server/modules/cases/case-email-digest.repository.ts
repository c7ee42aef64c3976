import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { JOBS_CHANNEL } from '../../platform/jobs';
import { MAIL_JOB } from '../../platform/mail';
import type { CaseMailPayload, CaseMailWrites, HeldCaseMail } from './case-email-digest';

/**
 * The case emails held in the mail queue (`jobs` rows of `mail.send` whose payload carries a
 * `caseDigest`). Only these rows are read or changed here; every other job is the platform's.
 */

/**
 * Locks the case's emails to these people that are still held: due after `now`, never tried, not
 * claimed by a worker. SKIP LOCKED: one a worker is claiming right now is left to it (the new change
 * then gets an email of its own, and nothing is lost). The case row is locked by the caller, so two
 * changes of one case never race for them.
 */
export async function lockHeldCaseMails(db: Db, caseId: string, userIds: readonly string[], now: Date): Promise<HeldCaseMail[]> {
  if (userIds.length === 0) return [];
  // The partial index on run_at of pending jobs finds the few held rows.
  const result = await db.execute(sql`
    select id, payload from jobs
     where kind = ${MAIL_JOB} and done_at is null and failed_at is null
       and attempts = 0 and locked_until is null
       and run_at > ${now.toISOString()}::timestamptz
       and payload->'caseDigest'->>'caseId' = ${caseId}
       and payload->'caseDigest'->>'userId' = any(${`{${[...new Set(userIds)].join(',')}}`}::text[])
     order by id
     for update skip locked`);
  return (result as unknown as { rows: { id: number | string; payload: CaseMailPayload }[] }).rows.map((row) => ({ id: Number(row.id), payload: row.payload }));
}

/**
 * Writes the held emails of a change in one statement: the held ones that took a change (made due
 * now when a status change released them, and then announced to the workers) and the new held ones.
 */
export async function writeHeldCaseMails(db: Db, writes: Pick<CaseMailWrites, 'hold' | 'merge'>): Promise<void> {
  if (writes.hold.length === 0 && writes.merge.length === 0) return;
  const merges = JSON.stringify(writes.merge.map((m) => ({ id: m.id, payload: m.payload, releaseAt: m.releaseAt?.toISOString() ?? null })));
  const holds = JSON.stringify(writes.hold.map((h) => ({ payload: h.payload, runAt: h.runAt.toISOString() })));
  const announce = writes.merge.some((m) => m.releaseAt !== null) ? sql`, pg_notify(${JOBS_CHANNEL}, ${MAIL_JOB})` : sql``;
  await db.execute(sql`
    with merged as (
      update jobs set payload = e->'payload', run_at = coalesce((e->>'releaseAt')::timestamptz, jobs.run_at)
        from jsonb_array_elements(${merges}::jsonb) as x(e)
       where jobs.id = (e->>'id')::bigint
      returning jobs.id),
    held as (
      insert into jobs (kind, payload, run_at)
      select ${MAIL_JOB}, e->'payload', (e->>'runAt')::timestamptz from jsonb_array_elements(${holds}::jsonb) with ordinality as x(e, i) order by i
      returning id)
    select (select count(*) from merged) as merged, (select count(*) from held) as held${announce}`);
}
