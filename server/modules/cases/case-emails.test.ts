import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCaseNumber } from '../../../common/cases';
import { buildCase } from '../../test/case-factories';
import { buildTestApp, TEST_BASE_URL, type SignedIn, type TestApp } from '../../test/test-app';
import type { ReceivedMail } from '../../test/smtp-sink';
import { CASE_EMAIL_WINDOW_MS } from './case-email-digest';
import { caseEmail, caseRootMessageId } from './case-emails';
import { buildCaseScenario, openCaseThroughApi, setLocale, signInCaseMember } from './case-feed.test-support';
import { excerptOf, planCaseNotices, type NoticeRecipient } from './case-notifications';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const ROOT = (caseId: string) => `<case-${caseId}@atrium.test>`;

/** Every mail of the case answers its root: the Created mail is the root itself. */
function expectThreaded(mails: ReceivedMail[], caseId: string) {
  const root = ROOT(caseId);
  const ids = new Set<string>();
  for (const mail of mails) {
    expect(mail.messageId).toBeDefined();
    ids.add(mail.messageId!);
    if (mail.messageId === root) {
      expect(mail.inReplyTo).toBeUndefined();
      continue;
    }
    expect(mail.messageId).toMatch(new RegExp(`^<case-${caseId}-[A-Za-z0-9_-]+@atrium\\.test>$`));
    expect(mail.inReplyTo).toBe(root);
    expect(mail.references).toEqual([root]);
  }
  // Each mail has its own Message-ID.
  expect(ids.size).toBe(mails.length);
}

const transition = (client: SignedIn, base: string, to: string) => client.inject('POST', `${base}/transitions`, { to });

describe('case emails read from the SMTP sink', () => {
  it('confirms a new case to the requester in their language, as the root of the case’s thread', async () => {
    const s = await buildCaseScenario(t);
    const korean = await signInCaseMember(t, s.organizationId, 'support', [s.siteA.id], '이서준');
    await setLocale(t, korean.userId, 'ko');
    const koCase = await openCaseThroughApi(t, s, korean, { subject: '히스토리언 데이터 누락 😱', language: 'ko' });
    const enCase = await openCaseThroughApi(t, s, s.requester, { subject: 'Historian drops data 😱', language: 'en' });
    await t.drainJobs();

    const ko = t.mail.last(korean.email);
    expect(ko.subject).toBe(`[케이스 ${koCase.number}] 히스토리언 데이터 누락 😱`);
    expect(ko.text).toContain('접수되었습니다');
    expect(ko.text).toContain(`${TEST_BASE_URL}/portal/cases/${koCase.id}?organization=${s.organizationId}`);
    expect(ko.messageId).toBe(ROOT(koCase.id));
    expect(ko.inReplyTo).toBeUndefined();

    const en = t.mail.last(s.requester.email);
    expect(en.subject).toBe(`[Case ${enCase.number}] Historian drops data 😱`);
    expect(en.text).toContain('We received your case');
    expect(en.messageId).toBe(ROOT(enCase.id));
  });

  it('threads every mail of a case on its root: post, waiting, reply, answered, closed, reopen; each side gets its own link', async () => {
    const s = await buildCaseScenario(t);
    const opened = await openCaseThroughApi(t, s, s.requester);
    const { base, id } = opened;
    // Each step further apart than the window, so that each is an email of its own (case-email-digest.test.ts combines them).
    const later = () => t.clock.advance(CASE_EMAIL_WINDOW_MS + 1000);
    expect((await s.engineer.inject('POST', `${base}/assign`, { assigneeId: s.engineer.userId })).statusCode).toBe(200);
    expect((await s.engineer.inject('POST', `${base}/posts`, { body: 'Please send the archive logs.' })).statusCode).toBe(201);
    later();
    expect((await transition(s.engineer, base, 'waiting_on_response')).statusCode).toBe(200);
    later();
    expect((await s.requester.inject('POST', `${base}/posts`, { body: 'Logs attached 📎' })).statusCode).toBe(201);
    later();
    expect((await transition(s.engineer, base, 'answered')).statusCode).toBe(200);
    later();
    expect((await transition(s.engineer, base, 'closed')).statusCode).toBe(200);
    later();
    expect((await s.requester.inject('POST', `${base}/reopen`, { reason: 'It happened again at 03:00.' })).statusCode).toBe(200);
    later();
    await t.drainJobs();

    const customerMails = t.mail.to(s.requester.email);
    const engineerMails = t.mail.to(s.engineer.email);
    const subject = `[Case ${opened.number}]`;
    for (const mail of [...customerMails, ...engineerMails]) expect(mail.subject.startsWith(subject)).toBe(true);
    // Jobs may deliver in any order (a mail client sorts by date): compare what was said.
    expect(customerMails.map((m) => firstLineOf(m)).sort()).toEqual(['We received your case', 'wrote on case', 'is waiting for your attention', 'answered case', 'was closed'].sort());
    expect(engineerMails.map((m) => firstLineOf(m)).sort()).toEqual(['wrote on case', 'asked to reopen case'].sort());
    expect(engineerMails.find((m) => firstLineOf(m) === 'wrote on case')!.text).toContain('Logs attached 📎');
    expect(engineerMails.find((m) => firstLineOf(m) === 'asked to reopen case')!.text).toContain('It happened again at 03:00.');
    for (const mail of customerMails) expect(mail.text).toContain(`${TEST_BASE_URL}/portal/cases/${id}?organization=${s.organizationId}`);
    for (const mail of engineerMails) expect(mail.text).toContain(`${TEST_BASE_URL}/console/cases/${s.organizationId}/${id}`);
    expectThreaded([...customerMails, ...engineerMails], id);
  });

  it('writes in the recipient’s language, else in the case’s', async () => {
    const s = await buildCaseScenario(t, { language: 'ko', subject: '펌프 정지' });
    await setLocale(t, s.requester.userId, null);
    const english = await signInCaseMember(t, s.organizationId, 'admin', [], 'Grace Hopper');
    await setLocale(t, english.userId, 'en');
    await s.requester.inject('POST', `${s.base}/posts`, { body: 'follow', mentionIds: [] });
    await english.inject('POST', `${s.base}/posts`, { body: 'following too' });
    expect((await transition(s.engineer, s.base, 'answered')).statusCode).toBe(200);
    await t.drainJobs();
    const number = formatCaseNumber(s.caseNumber);
    expect(t.mail.last(s.requester.email)).toMatchObject({ subject: `[케이스 ${number}] 펌프 정지` });
    expect(t.mail.last(s.requester.email).text).toContain('지원 엔지니어가 답변했습니다');
    expect(t.mail.last(english.email)).toMatchObject({ subject: `[Case ${number}] 펌프 정지` });
    expect(t.mail.last(english.email).text).toContain('Your support engineer answered case');
  });

  it('mails a mention to the mentioned person, and nothing to whoever turned that kind off', async () => {
    const s = await buildCaseScenario(t);
    const quiet = await signInCaseMember(t, s.organizationId, 'owner', [], 'Quiet Owner');
    const chatty = await signInCaseMember(t, s.organizationId, 'owner', [], 'Chatty Owner');
    expect((await quiet.inject('PUT', '/api/v1/me/case-email-preferences', { kinds: ['closed'] })).statusCode).toBe(200);
    const post = await s.engineer.inject('POST', `${s.base}/posts`, { body: '@Quiet @Chatty could you confirm the firmware version?', mentionIds: [quiet.userId, chatty.userId] });
    expect(post.statusCode, post.body).toBe(201);
    expect((await transition(s.engineer, s.base, 'answered')).statusCode).toBe(200);
    expect((await transition(s.engineer, s.base, 'closed')).statusCode).toBe(200);
    await t.drainJobs();
    expect(t.mail.to(chatty.email).map((m) => firstLineOf(m)).sort()).toEqual(['mentioned you on case', 'answered case', 'was closed'].sort());
    expect(t.mail.to(chatty.email).find((m) => firstLineOf(m) === 'mentioned you on case')!.text).toContain('could you confirm the firmware version?');
    // The quiet owner chose Closed only: no mention, no answered mail, but the closing.
    expect(t.mail.to(quiet.email).map((m) => firstLineOf(m))).toEqual(['was closed']);
  });

  it('tells a mentioned person they get the mail for the mention, and quotes the Markdown post as plain text', async () => {
    const s = await buildCaseScenario(t);
    const korean = await signInCaseMember(t, s.organizationId, 'owner', [], '박지원');
    await setLocale(t, korean.userId, 'ko');
    const english = await signInCaseMember(t, s.organizationId, 'owner', [], 'Grace Hopper');
    await setLocale(t, english.userId, 'en');
    const body = '> **라이선스 파일**을 다시 받으세요.\n\n`pidiag -host` 결과를 [로그](https://example.com/log)와 함께 보내 주세요. <b>꼭</b>\n\n1. 서비스 중지\n2. `piarchss` 재시작';
    const post = await s.engineer.inject('POST', `${s.base}/posts`, { body: `@박지원 @Grace\n\n${body}`, mentionIds: [korean.userId, english.userId] });
    expect(post.statusCode, post.body).toBe(201);
    t.clock.advance(CASE_EMAIL_WINDOW_MS + 1000);
    await t.drainJobs();

    const ko = t.mail.last(korean.email);
    expect(ko.text).toContain('회원님을 언급했습니다');
    expect(ko.text).toContain('이 케이스에서 회원님이 언급되어 받는 메일입니다.');
    expect(ko.text).not.toContain('구독 중이어서');
    const en = t.mail.last(english.email);
    expect(en.text).toContain('mentioned you on case');
    expect(en.text).toContain('You get this email because you were mentioned on this case.');
    expect(en.text).not.toContain('because you follow this case');
    for (const mail of [ko, en]) {
      // Paragraphs stay apart, list numbers stay, and a link keeps its address so it works from the mail.
      expect(mail.text).toContain('\n> 라이선스 파일을 다시 받으세요.\n>\n> pidiag -host 결과를 로그 (https://example.com/log)와 함께 보내 주세요. 꼭\n>\n> 1. 서비스 중지\n> 2. piarchss 재시작\n');
      expect(mail.text).not.toMatch(/\*\*|`|\]\(|<b>/);
      // Text only: no HTML part in which a post could be rendered unescaped.
      expect(mail.html).toBe('');
    }

    // The requester follows the case: their post mail still says so, and quotes the post as plain text too.
    const requesterMail = t.mail.last(s.requester.email);
    expect(requesterMail.text).toContain('wrote on case');
    expect(requesterMail.text).toContain('> pidiag -host 결과를 로그 (https://example.com/log)와 함께 보내 주세요.');
    expect(requesterMail.text).not.toMatch(/\*\*|`/);
    expect(requesterMail.text).toContain('You get this email because you follow this case.');
  });

  it('mails nobody who can no longer see the case', async () => {
    const s = await buildCaseScenario(t);
    const moved = await signInCaseMember(t, s.organizationId, 'support', [s.siteA.id], 'Moved Away');
    const left = await signInCaseMember(t, s.organizationId, 'admin', [], 'Left Company');
    for (const person of [moved, left]) await person.inject('POST', `${s.base}/posts`, { body: `following (${person.userId})` });
    await t.database.raw('delete from member_sites where member_id = (select id from members where user_id = $1)', [moved.userId]);
    await t.database.raw(`update members set status = 'inactive' where user_id = $1`, [left.userId]);
    expect((await transition(s.engineer, s.base, 'closed')).statusCode).toBe(200);
    await t.drainJobs();
    expect(t.mail.to(moved.email)).toEqual([]);
    expect(t.mail.to(left.email)).toEqual([]);
    expect(t.mail.to(s.requester.email).map((m) => firstLineOf(m))).toEqual(['was closed']);
  });

  it('keeps a subject with line breaks on one header line (no header injection) and still sends it', async () => {
    const s = await buildCaseScenario(t);
    const row = await buildCase(t.ctx, { organizationId: s.organizationId, siteId: s.siteA.id, requesterId: s.requester.userId, subject: 'Broken\r\nBcc: victim@example.com' });
    const base = `/api/v1/organizations/${s.organizationId}/cases/${row.id}`;
    expect((await transition(s.engineer, base, 'closed')).statusCode).toBe(200);
    await t.drainJobs();
    const mail = t.mail.last(s.requester.email);
    expect(mail.subject).toBe(`[Case ${formatCaseNumber(row.number)}] Broken Bcc: victim@example.com`);
    expect(t.mail.to('victim@example.com')).toEqual([]);
  });
});

describe('caseEmail and planCaseNotices', () => {
  const person = (overrides: Partial<NoticeRecipient>): NoticeRecipient => ({
    userId: 'u',
    email: 'u@example.com',
    name: 'U',
    locale: null,
    staffRole: null,
    memberRole: 'support',
    hasSite: true,
    caseEmails: null,
    subscribed: true,
    side: 'customer',
    ...overrides,
  });

  it('writes every kind in Korean and English with the case number and subject, Created as the root', () => {
    for (const locale of ['ko', 'en'] as const) {
      for (const kind of ['created', 'answered', 'closed', 'mention', 'waiting', 'post', 'reopened'] as const) {
        const mail = caseEmail({ kind, to: 'a@b.c', locale, side: 'customer', caseId: 'c1', number: '10000042', subject: 'Pump 😀', url: 'http://x/portal/cases/c1', preferencesUrl: 'http://x/portal/account', actorName: 'Kim', text: 'body 𠜎', reopenWindowDays: 60, baseUrl: 'https://portal.example.com' });
        expect(mail.subject).toBe(locale === 'ko' ? '[케이스 10000042] Pump 😀' : '[Case 10000042] Pump 😀');
        expect(mail.text).toContain('http://x/portal/cases/c1');
        expect(mail.text).toContain('http://x/portal/account');
        if (kind === 'created') expect(mail.messageId).toBe('<case-c1@portal.example.com>');
        else expect(mail).toMatchObject({ inReplyTo: '<case-c1@portal.example.com>', references: ['<case-c1@portal.example.com>'] });
        if (['mention', 'post', 'reopened'].includes(kind)) expect(mail.text).toContain('body 𠜎');
      }
    }
    expect(caseRootMessageId('c2', 'not a url')).toBe('<case-c2@atrium.invalid>');
  });

  it('says "다시 열기" for reopening in Korean mails, never 재개, and names the status by its label', () => {
    const base = { to: 'a@b.c', caseId: 'c1', number: '10000042', subject: 'Pump', url: 'http://x/c1', preferencesUrl: 'http://x/account', actorName: 'Kim', text: 'again', reopenWindowDays: 60, baseUrl: 'https://portal.example.com' };
    const closed = caseEmail({ ...base, kind: 'closed', locale: 'ko', side: 'customer' });
    const reopened = caseEmail({ ...base, kind: 'reopened', locale: 'ko', side: 'engineer' });
    expect(closed.text).toContain('케이스 페이지에서 다시 열기를 요청할 수 있습니다.');
    expect(reopened.text).toContain("Kim님이 케이스 10000042 「Pump」의 다시 열기를 요청했습니다. 케이스가 '조사 중' 상태로 돌아갔습니다.");
    for (const mail of [closed, reopened]) expect(mail.text).not.toMatch(/재개|재오픈/);
    expect(caseEmail({ ...base, kind: 'reopened', locale: 'en', side: 'engineer' }).text).toContain('It is back in Researching.');
  });

  it('names the case in English with curly quotes, so that straight quotes in its subject do not nest', () => {
    const mail = caseEmail({ kind: 'answered', to: 'a@b.c', locale: 'en', side: 'customer', caseId: 'c1', number: '10000042', subject: 'Interface "buffer" lost', url: 'http://x/c1', preferencesUrl: 'http://x/account', actorName: 'Kim', reopenWindowDays: 60, baseUrl: 'https://portal.example.com' });
    expect(mail.text).toContain('answered case 10000042 “Interface "buffer" lost”.');
  });

  it('quotes a reopen reason, which the feed shows as a Markdown post, as plain text', () => {
    const base = { to: 'a@b.c', caseId: 'c1', number: '10000042', subject: 'Pump', url: 'http://x/c1', preferencesUrl: 'http://x/account', actorName: 'Kim', reopenWindowDays: 60, baseUrl: 'https://portal.example.com' };
    const text = '다시 **멈춥니다**. 로그:\n\n- `ERR 1`\n- [화면](https://x.example/s)';
    for (const locale of ['ko', 'en'] as const) {
      const mail = caseEmail({ ...base, kind: 'reopened', locale, side: 'engineer', text });
      expect(mail.text).toContain('> 다시 멈춥니다. 로그:\n>\n> - ERR 1\n> - 화면 (https://x.example/s)\n');
      expect(mail.text).not.toMatch(/\*\*|`/);
    }
  });

  it('cuts excerpts at 200 characters without splitting an emoji', () => {
    const text = `${'가'.repeat(199)}😀😀 tail`;
    expect(excerptOf(text)).toBe(`${'가'.repeat(199)}😀…`);
    expect(excerptOf('  a\n\n b  ')).toBe('a b');
  });

  it('keeps internal notes from customers even when they are named, and mails posts only to the other side', () => {
    const customer = person({ userId: 'c', side: 'customer' });
    const colleague = person({ userId: 'c2', side: 'customer' });
    const engineer = person({ userId: 'e', side: 'engineer', staffRole: 'support_engineer', memberRole: null });
    const actor = { userId: 'e2', side: 'engineer' as const };
    const note = planCaseNotices({ requesterId: 'c', assigneeId: 'e' }, actor, { kind: 'post', postId: 'p', internal: true, mentionIds: ['c'] }, [customer, engineer], 'secret');
    expect(note.emails).toEqual([]);
    expect(note.feed.map((f) => [f.recipient.userId, f.kind])).toEqual([['e', 'case_post']]);
    const reply = planCaseNotices({ requesterId: 'c', assigneeId: 'e' }, { userId: 'c', side: 'customer' }, { kind: 'post', postId: 'p', internal: false, mentionIds: [] }, [customer, colleague, engineer], 'hi');
    expect(reply.emails.map((m) => [m.recipient.userId, m.kind])).toEqual([['e', 'post']]);
    expect(reply.feed.map((f) => f.recipient.userId).sort()).toEqual(['c2', 'e']);
  });
});

/** What the mail says happened: the first phrase of its first paragraph after the greeting. */
function firstLineOf(mail: ReceivedMail): string {
  const paragraph = mail.text.split('\n\n')[1] ?? '';
  const phrases = ['We received your case', 'is waiting for your attention', 'answered case', 'was closed', 'mentioned you on case', 'wrote on case', 'asked to reopen case'];
  return phrases.find((phrase) => paragraph.includes(phrase)) ?? paragraph;
}

