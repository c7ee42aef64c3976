import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatCaseNumber } from '../../../common/cases';
import { buildTestApp, type SignedIn, type TestApp } from '../../test/test-app';
import { CASE_EMAIL_MAX_CHANGES, CASE_EMAIL_WINDOW_MS, planCaseMails, type CaseMailToQueue } from './case-email-digest';
import type { CaseEmailInput } from './case-emails';
import { buildCaseScenario, setLocale, signInCaseMember, type CaseScenario } from './case-feed.test-support';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  // The test clock ahead of the real one, so that a held mail waits for the clock, never for the wall.
  t.clock.set(new Date(Math.max(t.clock.now().getTime(), Date.now())));
});

const ROOT = (caseId: string) => `<case-${caseId}@atrium.test>`;
const transition = (client: SignedIn, s: CaseScenario, to: string) => client.inject('POST', `${s.base}/transitions`, { to });
const post = (client: SignedIn, s: CaseScenario, body: string) => client.inject('POST', `${s.base}/posts`, { body });

/** A scenario whose requester reads Korean, with an English-reading colleague following the case; no mail sent yet. */
async function koreanAndEnglishCustomers() {
  const s = await buildCaseScenario(t, { subject: 'Historian drops data' });
  await setLocale(t, s.requester.userId, 'ko');
  const colleague = await signInCaseMember(t, s.organizationId, 'admin', [], 'Grace Hopper');
  await setLocale(t, colleague.userId, 'en');
  await t.database.raw(`insert into case_subscriptions (case_id, user_id, reason) values ($1, $2, 'follow')`, [s.caseId, colleague.userId]);
  await t.drainJobs();
  t.mail.clear();
  return { s, colleague, number: formatCaseNumber(s.caseNumber) };
}

describe('case emails moments apart become one email per person', () => {
  it('sends one email for a post and a status change within the window, in each recipient’s language, in the case’s thread', async () => {
    const { s, colleague, number } = await koreanAndEnglishCustomers();
    expect((await post(s.engineer, s, 'Restart the archive service, then send the logs 🙏')).statusCode).toBe(201);
    t.clock.advance(30_000);
    expect((await transition(s.engineer, s, 'answered')).statusCode).toBe(200);
    // Answered ends the update: the combined email goes at once, without waiting for the window.
    await t.drainJobs();

    const [ko, ...moreKo] = t.mail.to(s.requester.email);
    expect(moreKo).toEqual([]);
    expect(ko!.subject).toBe(`[케이스 ${number}] Historian drops data`);
    expect(ko!.text).toContain(`${s.engineer.name}님이 케이스 ${number} 「Historian drops data」에 글을 남겼습니다`);
    expect(ko!.text).toContain('> Restart the archive service, then send the logs 🙏');
    expect(ko!.text).toContain('지원 엔지니어가 답변했습니다');
    expect(ko!.text).toContain('상태: 답변 완료');
    expect(ko!.text).not.toContain('wrote on case');

    const [en, ...moreEn] = t.mail.to(colleague.email);
    expect(moreEn).toEqual([]);
    expect(en!.subject).toBe(`[Case ${number}] Historian drops data`);
    expect(en!.text).toContain(`${s.engineer.name} wrote on case ${number}`);
    expect(en!.text).toContain('> Restart the archive service, then send the logs 🙏');
    expect(en!.text).toContain('Your support engineer answered case');
    expect(en!.text).toContain('Status: Answered');
    // The post comes first, then the new status and what to do next; the link once.
    expect(en!.text.indexOf('wrote on case')).toBeLessThan(en!.text.indexOf('answered case'));
    expect(en!.text.split(`/portal/cases/${s.caseId}?organization=${s.organizationId}`)).toHaveLength(2);

    for (const mail of [ko!, en!]) {
      expect(mail.messageId).toMatch(new RegExp(`^<case-${s.caseId}-[A-Za-z0-9_-]+@atrium\\.test>$`));
      expect(mail.inReplyTo).toBe(ROOT(s.caseId));
      expect(mail.references).toEqual([ROOT(s.caseId)]);
    }
    // Nobody hears of their own actions, and nothing more comes once the window is over.
    t.clock.advance(CASE_EMAIL_WINDOW_MS + 1000);
    await t.drainJobs();
    expect(t.mail.to(s.engineer.email)).toEqual([]);
    expect(t.mail.messages).toHaveLength(2);
  });

  it('holds posts for the window and sends them together, then alone after it', async () => {
    const { s, number } = await koreanAndEnglishCustomers();
    await setLocale(t, s.requester.userId, 'en');
    expect((await post(s.engineer, s, 'First, check the disk space.')).statusCode).toBe(201);
    t.clock.advance(CASE_EMAIL_WINDOW_MS / 2);
    expect((await post(s.engineer, s, 'And the archive’s size.')).statusCode).toBe(201);
    await t.drainJobs();
    expect(t.mail.to(s.requester.email)).toEqual([]);

    t.clock.advance(CASE_EMAIL_WINDOW_MS / 2 + 1000);
    await t.drainJobs();
    const [both, ...more] = t.mail.to(s.requester.email);
    expect(more).toEqual([]);
    expect(both!.subject).toBe(`[Case ${number}] Historian drops data`);
    expect(both!.text).toContain('> First, check the disk space.');
    expect(both!.text).toContain('> And the archive’s size.');
    expect(both!.text).toContain('Reply on the case page:');
  });

  it('sends two emails for changes further apart than the window', async () => {
    const { s, colleague } = await koreanAndEnglishCustomers();
    expect((await post(s.engineer, s, 'Which version do you run?')).statusCode).toBe(201);
    t.clock.advance(CASE_EMAIL_WINDOW_MS + 1000);
    await t.drainJobs();
    expect((await transition(s.engineer, s, 'waiting_on_response')).statusCode).toBe(200);
    await t.drainJobs();

    const [koPost, koWaiting, ...moreKo] = t.mail.to(s.requester.email);
    expect(moreKo).toEqual([]);
    expect(koPost!.text).toContain('> Which version do you run?');
    expect(koPost!.text).not.toContain('기다리고 있습니다');
    expect(koWaiting!.text).toContain('회원님의 조치를 기다리고 있습니다');
    expect(koWaiting!.text).not.toContain('Which version do you run?');

    const [enPost, enWaiting, ...moreEn] = t.mail.to(colleague.email);
    expect(moreEn).toEqual([]);
    expect(enPost!.text).toContain('wrote on case');
    expect(enPost!.text).not.toContain('is waiting for your attention');
    expect(enWaiting!.text).toContain('is waiting for your attention');
    expect(enWaiting!.text).not.toContain('Which version do you run?');
    for (const mail of [koPost!, koWaiting!, enPost!, enWaiting!]) expect(mail.inReplyTo).toBe(ROOT(s.caseId));
    expect(new Set(t.mail.messages.map((m) => m.messageId)).size).toBe(4);
  });

  it('still sends a single change: a post after the window, a status change at once', async () => {
    const { s, colleague } = await koreanAndEnglishCustomers();
    expect((await transition(s.engineer, s, 'waiting_on_response')).statusCode).toBe(200);
    await t.drainJobs();
    expect(t.mail.to(s.requester.email).map((m) => m.text.includes('회원님의 조치를 기다리고 있습니다'))).toEqual([true]);
    expect(t.mail.to(colleague.email).map((m) => m.text.includes('is waiting for your attention'))).toEqual([true]);

    // The customer's reply reaches the engineer (and not the customer who wrote it) once the window is over.
    t.mail.clear();
    t.clock.advance(CASE_EMAIL_WINDOW_MS + 1000);
    expect((await post(s.requester, s, 'Version 2024 SP1.')).statusCode).toBe(201);
    t.clock.advance(CASE_EMAIL_WINDOW_MS + 1000);
    await t.drainJobs();
    expect(t.mail.to(s.requester.email)).toEqual([]);
    const [reply, ...more] = t.mail.to(s.engineer.email);
    expect(more).toEqual([]);
    expect(reply!.text).toContain(`${s.requester.name} wrote on case`);
    expect(reply!.text).toContain('> Version 2024 SP1.');
    expect(reply!.text).not.toContain('Status:');
  });
});

describe('planCaseMails', () => {
  const input = (kind: CaseEmailInput['kind'], text?: string): CaseEmailInput => ({
    kind,
    to: 'a@b.c',
    locale: 'en',
    side: 'customer',
    caseId: 'c1',
    number: '10000042',
    subject: 'Pump',
    url: 'http://x/portal/cases/c1',
    preferencesUrl: 'http://x/portal/account',
    actorName: 'Kim',
    ...(text !== undefined ? { text } : {}),
    reopenWindowDays: 60,
    baseUrl: 'https://portal.example.com',
  });
  const now = new Date('2025-01-01T00:00:00Z');

  it('sends Created and mentions at once and alone, holds posts, and releases what is held with a status change', () => {
    const mails: CaseMailToQueue[] = [
      { userId: 'u1', input: input('created') },
      { userId: 'u2', input: input('mention', 'hi') },
      { userId: 'u3', input: input('post', 'answer') },
    ];
    const first = planCaseMails(mails, [], now);
    expect(first.now.map((m) => m.text.includes('We received') || m.text.includes('mentioned you'))).toEqual([true, true]);
    expect(first.merge).toEqual([]);
    expect(first.hold).toHaveLength(1);
    expect(first.hold[0]!.runAt).toEqual(new Date(now.getTime() + CASE_EMAIL_WINDOW_MS));
    const held = { id: 7, payload: first.hold[0]!.payload };
    const second = planCaseMails([{ userId: 'u3', input: input('closed') }, { userId: 'u4', input: input('closed') }], [held], now);
    expect(second.merge).toHaveLength(1);
    expect(second.merge[0]).toMatchObject({ id: 7, releaseAt: now, payload: { messageId: held.payload.messageId } });
    expect(second.merge[0]!.payload.caseDigest.changes.map((c) => c.kind)).toEqual(['post', 'closed']);
    expect(second.now.map((m) => m.to)).toEqual(['a@b.c']);
  });

  it(`starts another email after ${CASE_EMAIL_MAX_CHANGES} changes`, () => {
    let held = { id: 1, payload: planCaseMails([{ userId: 'u', input: input('post', 'p0') }], [], now).hold[0]!.payload };
    for (let i = 1; i < CASE_EMAIL_MAX_CHANGES; i += 1) held = { id: 1, payload: planCaseMails([{ userId: 'u', input: input('post', `p${i}`) }], [held], now).merge[0]!.payload };
    expect(held.payload.caseDigest.changes).toHaveLength(CASE_EMAIL_MAX_CHANGES);
    const next = planCaseMails([{ userId: 'u', input: input('post', 'one more') }], [held], now);
    expect(next.merge).toEqual([]);
    expect(next.hold).toHaveLength(1);
  });
});
