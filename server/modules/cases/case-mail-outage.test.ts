import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../../db/schema/index';
import { MAIL_JOB } from '../../platform/mail';
import { buildTestApp, type TestApp } from '../../test/test-app';
import { CASE_EMAIL_WINDOW_MS } from './case-email-digest';
import { buildCaseScenario, openCaseThroughApi } from './case-feed.test-support';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const mailJobs = () => t.ctx.db.select().from(jobs).where(eq(jobs.kind, MAIL_JOB)).orderBy(jobs.id);

describe('case emails during an SMTP outage', () => {
  it('delays the mails of a case while the server is down, held and combined ones too, and loses none once it is back', async () => {
    const s = await buildCaseScenario(t);
    await t.drainJobs();
    t.mail.clear();
    const before = (await mailJobs()).length;

    await t.mail.stop();
    const opened = await openCaseThroughApi(t, s, s.requester, { subject: 'Outage 📭 test' });
    const ok = async (response: Promise<{ statusCode: number; body: string }>, status: number) => {
      const answer = await response;
      expect(answer.statusCode, answer.body).toBe(status);
    };
    await ok(s.engineer.inject('POST', `${opened.base}/assign`, { assigneeId: s.engineer.userId }), 200);
    await ok(s.engineer.inject('POST', `${opened.base}/posts`, { body: 'Which archive version do you run?' }), 201);
    await ok(s.engineer.inject('POST', `${opened.base}/transitions`, { to: 'answered' }), 200);
    await ok(s.requester.inject('POST', `${opened.base}/posts`, { body: 'Version 2024 SP1.' }), 201);
    await ok(s.engineer.inject('POST', `${opened.base}/transitions`, { to: 'closed' }), 200);

    // Queued: the Created mail, the engineer's post and Answered as one mail, the Closed mail (all
    // due now), and the requester's post to the engineer, held for the window.
    const queued = async () => (await mailJobs()).slice(before);
    expect(await queued()).toHaveLength(4);

    // The sender cannot connect: every due mail job fails once and waits for its retry.
    await t.drainJobs();
    expect((await queued()).map((job) => job.attempts).sort()).toEqual([0, 1, 1, 1]);
    for (const job of (await queued()).filter((row) => row.attempts === 1)) expect(job).toMatchObject({ doneAt: null, failedAt: null, lastError: expect.any(String) });
    expect(t.mail.messages).toEqual([]);

    // The held mail comes due while the server is still down: it fails and waits too (the others
    // failed their first retry meanwhile).
    t.clock.advance(CASE_EMAIL_WINDOW_MS + 1000);
    await t.drainJobs();
    expect((await queued()).map((job) => job.attempts).sort()).toEqual([1, 2, 2, 2]);
    for (const job of await queued()) expect(job).toMatchObject({ doneAt: null, failedAt: null });

    // Back up, but the retries are not due yet (30 s backoff): still nothing sent.
    await t.mail.start();
    await t.drainJobs();
    expect(t.mail.messages).toEqual([]);

    t.clock.advance(5 * 60_000);
    await t.drainJobs();
    for (const job of await queued()) expect(job).toMatchObject({ failedAt: null, doneAt: expect.any(Date) });
    expect(t.mail.messages).toHaveLength(4);
    const said = ['We received your case', 'wrote on case', 'answered case', 'was closed'];
    const requesterMails = t.mail.to(s.requester.email);
    expect(requesterMails).toHaveLength(3);
    // Jobs may deliver in any order (a mail client sorts by date): each thing said arrives once.
    for (const phrase of said) expect(requesterMails.filter((mail) => mail.text.includes(phrase)), phrase).toHaveLength(1);
    const answered = requesterMails.find((mail) => mail.text.includes('answered case'))!;
    expect(answered.text).toContain('Which archive version do you run?');
    expect(t.mail.to(s.engineer.email)).toHaveLength(1);
    expect(t.mail.last(s.engineer.email).text).toContain('Version 2024 SP1.');
    expect(new Set(t.mail.messages.map((m) => m.messageId)).size).toBe(4);
    for (const mail of t.mail.messages) expect(mail.subject).toBe(`[Case ${opened.number}] Outage 📭 test`);
  });
});
