import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../db/schema/index';
import { startSmtpSink } from '../test/smtp-sink';
import { createTestDatabase } from '../test/test-database';
import type { Database } from './db';
import { runDueJobs } from './jobs';
import { createMailJobHandler, MAIL_JOB, queueMail } from './mail';

let database: Database;
let smtp: SMTPServer;
let smtpUrl: string;
let refusal: { code: number; text: string };

beforeAll(async () => {
  database = await createTestDatabase();
  // A mail server that refuses every recipient with the reply the test sets.
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      callback(Object.assign(new Error(refusal.text), { responseCode: refusal.code }));
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  await database?.close();
});

async function sendOnce(to: string) {
  await queueMail(database.db, { to, subject: 'Verify', text: 'Hello' });
  const [job] = await database.db.select().from(jobs).where(eq(jobs.kind, MAIL_JOB)).orderBy(jobs.id);
  const handlers = { [MAIL_JOB]: createMailJobHandler({ smtpUrl, from: 'Atrium <no-reply@atrium.test>' }) };
  await runDueJobs(database.db, handlers, new Date(Date.now() + 1000));
  const [after] = await database.db.select().from(jobs).where(eq(jobs.id, job!.id));
  await database.db.delete(jobs);
  return after!;
}

describe('the mail job', () => {
  it('fails at once, with the reply recorded, when the mail server refuses the recipient for good (5xx)', async () => {
    refusal = { code: 550, text: 'Mailbox name not allowed' };
    const job = await sendOnce('nobody@example.com');
    expect(job.attempts).toBe(1);
    expect(job.failedAt).toBeInstanceOf(Date);
    expect(job.doneAt).toBeNull();
    expect(job.lastError).toContain('SMTP 550');
    // A local part over 64 characters: the server refuses its syntax (501), also for good.
    const tooLong = await sendOnce(`${'a'.repeat(243)}@example.com`);
    expect(tooLong).toMatchObject({ attempts: 1, doneAt: null });
    expect(tooLong.lastError).toMatch(/^SMTP 5\d\d/);
  });

  it('retries later after a temporary refusal (4xx)', async () => {
    refusal = { code: 451, text: 'Try again later' };
    const job = await sendOnce('someone@example.com');
    expect(job.failedAt).toBeNull();
    expect(job.lastError).toContain('451');
    expect(job.runAt.getTime()).toBeGreaterThan(Date.now());
  });
});

describe('the sender', () => {
  it('goes out as MAIL_FROM says when it has a display name, and under the service name when it is a bare address', async () => {
    const sink = await startSmtpSink();
    try {
      const send = async (from: string, to: string) => {
        await queueMail(database.db, { to, subject: 'Hello', text: 'Hello' });
        const handler = createMailJobHandler({ smtpUrl: sink.url, from, senderName: async () => 'Hanbit Care' });
        await runDueJobs(database.db, { [MAIL_JOB]: handler }, new Date(Date.now() + 1000));
        return sink.last(to);
      };
      expect(await send('care@vendor.example', 'a@example.com')).toMatchObject({ from: 'care@vendor.example', fromName: 'Hanbit Care' });
      expect(await send('Vendor Support <care@vendor.example>', 'b@example.com')).toMatchObject({ from: 'care@vendor.example', fromName: 'Vendor Support' });
    } finally {
      await database.db.delete(jobs);
      await sink.close();
    }
  });
});
