import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { auditEvents, jobs, sessions, userTokens, users } from '../../db/schema/index';
import { buildTestApp, signInAs, type TestApp } from '../../test/test-app';
import { findLink } from '../../test/smtp-sink';
import { buildUser, DEFAULT_PASSWORD } from '../../test/factories';
import { getSetting, updateSetting } from '../settings/settings.service';
import { updateUser } from '../users/users.repository';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => t.mail.clear());

let counter = 0;
function registration(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    name: '김민준',
    email: `new-${counter}@a-petrochem.example`,
    company: 'A석유화학',
    address: '전라남도 여수시 여수산단로 1',
    phone: '+82 61-000-0000',
    displayName: `minjun_${counter}`,
    password: 'Yeosu#Plant7',
    acceptTerms: true,
    acceptPrivacy: true,
    termsVersion: '2026-01',
    privacyVersion: '2026-01',
    locale: 'ko',
    ...overrides,
  };
}

async function register(body: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: body });
}

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

describe('POST /api/v1/auth/register', () => {
  it('creates an unverified account, records the accepted terms, and emails a verification link', async () => {
    const body = registration();
    const response = await register(body);
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ status: 'verification_sent' });
    const [user] = await t.database.db.select().from(users).where(eq(users.email, body.email as string));
    expect(user).toMatchObject({ emailVerifiedAt: null, termsVersion: '2026-01', privacyVersion: '2026-01', displayName: body.displayName, locale: 'ko' });
    expect(user!.termsAcceptedAt).toBeInstanceOf(Date);
    await t.drainJobs();
    const mail = t.mail.last(body.email as string);
    expect(mail.subject).toContain('이메일 주소를 인증');
    expect(findLink(mail, '/verify-email?token=')).toMatch(/^http:\/\/atrium\.test\/verify-email\?token=/);
  });

  it('refuses to sign in before the email is verified, then lets the user in after', async () => {
    const body = registration();
    await register(body);
    const before = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: body.email, password: body.password } });
    expect(before.statusCode).toBe(403);
    expect(before.json().error.code).toBe('auth.email_not_verified');
    await t.drainJobs();
    const token = tokenOf(findLink(t.mail.last(body.email as string), '/verify-email'));
    const verified = await t.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });
    expect(verified.json()).toEqual({ status: 'verified' });
    await signInAs(t.app, body.email as string, body.password as string);
    // Opened again: the address is verified, and the answer says so (sign in), not "used, ask again".
    const reused = await t.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error).toMatchObject({ code: 'auth.email_already_verified', message: 'This email address is already verified. Sign in to continue.' });
  });

  it('lets a verification link expire after 24 hours, and a resent link work instead', async () => {
    const body = registration();
    await register(body);
    await t.drainJobs();
    const first = tokenOf(findLink(t.mail.last(body.email as string), '/verify-email'));
    t.clock.advance(24 * 3_600_000 + 1000);
    try {
      const expired = await t.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token: first } });
      expect(expired.json().error.code).toBe('auth.token_expired');
      const resend = await t.app.inject({ method: 'POST', url: '/api/v1/auth/resend-verification', payload: { email: body.email } });
      expect(resend.statusCode).toBe(202);
      await t.drainJobs();
      const second = tokenOf(findLink(t.mail.last(body.email as string), '/verify-email'));
      expect(second).not.toBe(first);
      // Before the new link is opened, an older one was replaced (not used, as the old message said).
      const third = await t.app.inject({ method: 'POST', url: '/api/v1/auth/resend-verification', payload: { email: body.email } });
      expect(third.statusCode).toBe(202);
      await t.drainJobs();
      const latest = tokenOf(findLink(t.mail.last(body.email as string), '/verify-email'));
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token: second } })).json().error.code).toBe('auth.token_replaced');
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token: latest } })).statusCode).toBe(200);
    } finally {
      t.clock.advance(-(24 * 3_600_000 + 1000));
    }
  });

  it('logs the verification with the email, as the other account events', async () => {
    const body = registration();
    await register(body);
    await t.drainJobs();
    const token = tokenOf(findLink(t.mail.last(body.email as string), '/verify-email'));
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } })).statusCode).toBe(200);
    const [user] = await t.database.db.select().from(users).where(eq(users.email, body.email as string));
    const [event] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'email.verified'), eq(auditEvents.actorUserId, user!.id)));
    expect(event).toMatchObject({ actorLabel: body.email });
  });

  it('takes the request’s language for an account registered without one, in its verification emails too', async () => {
    const { locale: _locale, ...body } = registration();
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', headers: { 'accept-language': 'ko-KR,ko;q=0.9' }, payload: body });
    expect(response.statusCode).toBe(202);
    const [user] = await t.database.db.select().from(users).where(eq(users.email, body.email));
    expect(user!.locale).toBe('ko');
    await t.drainJobs();
    expect(t.mail.last(body.email).subject).toContain('이메일 주소를 인증');
    // Asked again from anywhere, the new link is written in the account's language.
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/resend-verification', payload: { email: body.email } })).statusCode).toBe(202);
    await t.drainJobs();
    expect(t.mail.last(body.email).subject).toContain('이메일 주소를 인증');
    // Without a locale nor Accept-Language, English as before.
    const { locale: _none, ...english } = registration();
    await register(english);
    await t.drainJobs();
    expect(t.mail.last(english.email).subject).not.toMatch(/[가-힣]/);
  });

  it('answers an already registered email exactly as a new one, and tells the owner by email instead', async () => {
    const existing = await buildUser(t.ctx, { email: 'taken@a-petrochem.example' });
    const fresh = await register(registration());
    const duplicate = await register(registration({ email: 'TAKEN@a-petrochem.example' }));
    expect(duplicate.statusCode).toBe(fresh.statusCode);
    expect(duplicate.body).toBe(fresh.body);
    expect(await t.database.db.select().from(users).where(eq(users.email, 'taken@a-petrochem.example'))).toHaveLength(1);
    await t.drainJobs();
    const mail = t.mail.last(existing.email);
    expect(mail.text).toContain('/reset-password?token=');
  });

  it('stores only hashes of the emailed tokens', async () => {
    const body = registration();
    await register(body);
    await t.drainJobs();
    const token = tokenOf(findLink(t.mail.last(body.email as string), '/verify-email'));
    const rows = await t.database.db.select().from(userTokens);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it.each([
    ['a display name with a space', { displayName: 'min jun' }, 'displayName'],
    ['a display name too short', { displayName: 'abc' }, 'displayName'],
    ['a display name too long', { displayName: 'a'.repeat(21) }, 'displayName'],
    ['a weak password', { password: 'weakpass' }, 'password'],
    ['a common password', { password: 'Password1!' }, 'password'],
    ['no terms acceptance', { acceptTerms: false }, 'acceptTerms'],
    ['no privacy acceptance', { acceptPrivacy: false }, 'acceptPrivacy'],
    ['an old terms version', { termsVersion: '2020-01' }, 'acceptTerms'],
    ['a missing company', { company: '' }, 'company'],
    ['a missing address', { address: undefined }, 'address'],
    ['a phone with letters', { phone: 'call me' }, 'phone'],
    ['control characters in the name', { name: 'Kim\u0000Minjun' }, 'name'],
    ['an oversized name', { name: 'x'.repeat(101) }, 'name'],
    ['header injection in the email', { email: 'a@b.example\r\nBcc: victim@example.com' }, 'email'],
    ['a malformed email', { email: 'not-an-email' }, 'email'],
    ['an email whose local part is over 64 characters (254 in all)', { email: `${'a'.repeat(243)}@example.co` }, 'email'],
    ['a display name of dots only', { displayName: '....' }, 'displayName'],
    ['a display name of underscores only', { displayName: '____' }, 'displayName'],
    ['a display name of dots and underscores', { displayName: '_._._' }, 'displayName'],
  ])('refuses %s with a field error and creates nothing', async (_label, overrides, field) => {
    const body = registration(overrides);
    const before = (await t.database.db.select().from(users)).length;
    const response = await register(body);
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().error.details.fieldErrors)).toContain(field);
    expect(await t.database.db.select().from(users)).toHaveLength(before);
  });

  it("explains a weak password by the installation's own policy, in either language", async () => {
    const before = await getSetting(t.ctx, 'security');
    const origin = { ip: null, client: 'test', userAgent: null };
    const policy = { ...before.passwordPolicy, minLength: 10, requireSpecial: false };
    await updateSetting(t.ctx, null, 'security', { ...before, passwordPolicy: policy }, origin);
    try {
      const en = await register(registration({ password: 'Short1a' }));
      expect(en.json().error).toMatchObject({ code: 'auth.weak_password', message: 'The password needs at least 10 characters with a lower-case letter, an upper-case letter and a digit.' });
      const ko = await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', headers: { 'accept-language': 'ko' }, payload: registration({ password: 'Short1a' }) });
      expect(ko.json().error.message).toBe('비밀번호는 10자 이상이며 영문 소문자, 대문자, 숫자를 각각 하나 이상 포함해야 합니다.');
      await updateSetting(t.ctx, null, 'security', { ...before, passwordPolicy: { ...policy, requireLower: false, requireUpper: false, requireDigit: false } }, origin);
      expect((await register(registration({ password: 'short' }))).json().error.message).toBe('The password needs at least 10 characters.');
    } finally {
      await updateSetting(t.ctx, null, 'security', before, origin);
    }
    expect((await register(registration({ password: 'weak' }))).json().error.message).toBe(
      'The password needs at least 7 characters with a lower-case letter, an upper-case letter, a digit and a special character.',
    );
  });

  it('refuses a display name that is taken', async () => {
    await register(registration({ displayName: 'Yeosu.Ops' }));
    const response = await register(registration({ displayName: 'yeosu.ops' }));
    expect(response.json().error.code).toBe('auth.display_name_taken');
    // Full-width letters are the same name (NFKC), and a name is stored in that form.
    const fullWidth = await register(registration({ displayName: 'Ｙｅｏｓｕ．ＯＰＳ' }));
    expect(fullWidth.json().error.code).toBe('auth.display_name_taken');
    const wide = registration({ displayName: `Ｗｉｄｅ_${counter}` });
    expect((await register(wide)).statusCode).toBe(202);
    const [stored] = await t.database.db.select().from(users).where(eq(users.email, wide.email as string));
    expect(stored!.displayName).toBe((wide.displayName as string).normalize('NFKC'));
  });

  it('accepts a local part of 64 characters and a display name with one letter among dots', async () => {
    expect((await register(registration({ email: `${'b'.repeat(64)}@example.com` }))).statusCode).toBe(202);
    expect((await register(registration({ displayName: '..a..' }))).statusCode).toBe(202);
  });

  it('answers a taken display name the same whether the email is new or has an account', async () => {
    const holder = registration({ displayName: 'Taken.Name' });
    await register(holder);
    const owner = await buildUser(t.ctx);
    for (const [freshName, existingName] of [['taken.name', 'taken.name'], [`free1_${counter}`, `free2_${counter}`]]) {
      // The display name is checked whatever the email: an existing account's email answers as a new one.
      const fresh = await register(registration({ displayName: freshName }));
      const existing = await register(registration({ email: owner.email, displayName: existingName }));
      expect(existing.statusCode).toBe(fresh.statusCode);
      expect(existing.body).toBe(fresh.body);
    }
    const taken = await register(registration({ email: owner.email, displayName: 'TAKEN.NAME' }));
    expect(taken.json().error.code).toBe('auth.display_name_taken');
    // And in the same order: a weak password is reported before a taken name for both.
    const weakFresh = await register(registration({ displayName: 'taken.name', password: 'weak' }));
    const weakExisting = await register(registration({ email: owner.email, displayName: 'taken.name', password: 'weak' }));
    expect(weakFresh.json().error.code).toBe('auth.weak_password');
    expect(weakExisting.body).toBe(weakFresh.body);
  });

  it('lets the owner of the mailbox verify their own registration when someone registered the address first', async () => {
    const email = `victim-${counter}@a-petrochem.example`;
    const attacker = registration({ email, name: 'Attacker', company: 'Evil Corp', address: 'Elsewhere 1', phone: '+1 555', displayName: `attacker_${counter}`, password: 'Attack#Pass9' });
    await register(attacker);
    await t.drainJobs();
    const attackerToken = tokenOf(findLink(t.mail.last(email), '/verify-email'));
    const [before] = await t.database.db.select().from(users).where(eq(users.email, email));

    const owner = registration({ email, name: '이서연', company: 'A석유화학', displayName: `seoyeon_${counter}`, password: 'Owner#Pass7', locale: 'ko' });
    const response = await register(owner);
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ status: 'verification_sent' });
    await t.drainJobs();
    const mail = t.mail.last(email);
    expect(mail.text).toContain('이서연님');
    expect(mail.text).not.toContain('Attacker');
    const token = tokenOf(findLink(mail, '/verify-email'));
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } })).statusCode).toBe(200);
    const [after] = await t.database.db.select().from(users).where(eq(users.email, email));
    expect(after!.id).toBe(before!.id);
    expect(after).toMatchObject({ name: '이서연', company: 'A석유화학', address: owner.address, phone: owner.phone, displayName: owner.displayName, locale: 'ko' });
    expect(after!.emailVerifiedAt).not.toBeNull();
    expect(JSON.stringify(after)).not.toMatch(/Attacker|Evil Corp|Elsewhere/);
    // The attacker's link and password are dead, their display name free again.
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token: attackerToken } })).json().error.code).toBe('auth.email_already_verified');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password: attacker.password } });
    expect(wrong.json().error.code).toBe('auth.invalid_credentials');
    expect((await register(registration({ displayName: attacker.displayName }))).statusCode).toBe(202);
    await signInAs(t.app, email, owner.password as string);
    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.actorUserId, after!.id));
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['register', 'register.pending_unverified', 'email.verified']));
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, after!.id))).toHaveLength(1);
  });

  it('keeps a registration waiting for its link when someone registers the address again: their details wait in their own link', async () => {
    const email = `owner-first-${counter}@a-petrochem.example`;
    const owner = registration({ email, name: '김민준', displayName: `minjun_${counter}`, password: 'Owner#Pass7' });
    await register(owner);
    await t.drainJobs();
    const ownerToken = tokenOf(findLink(t.mail.last(email), '/verify-email'));
    const attacker = registration({ email, name: 'Attacker', company: 'Evil Corp', displayName: `evil_${counter}`, password: 'Attack#Pass9' });
    expect((await register(attacker)).statusCode).toBe(202);
    await t.drainJobs();
    const attackerMail = t.mail.last(email);
    expect(attackerMail.text).toContain('Attacker');
    const attackerToken = tokenOf(findLink(attackerMail, '/verify-email'));
    // Nothing of the account changed, and the owner's link still works.
    const [waiting] = await t.database.db.select().from(users).where(eq(users.email, email));
    expect(waiting).toMatchObject({ name: '김민준', displayName: owner.displayName, emailVerifiedAt: null });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token: ownerToken } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token: attackerToken } })).json().error.code).toBe('auth.email_already_verified');
    const [verified] = await t.database.db.select().from(users).where(eq(users.email, email));
    expect(verified).toMatchObject({ name: '김민준', displayName: owner.displayName });
    expect(JSON.stringify(verified)).not.toMatch(/Attacker|Evil Corp/);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password: attacker.password } })).json().error.code).toBe('auth.invalid_credentials');
    await signInAs(t.app, email, owner.password as string);
  });

  it('keeps the account’s display name when another account took the later registration’s meanwhile', async () => {
    const email = `name-race-${counter}@a-petrochem.example`;
    const first = registration({ email, displayName: `first_${counter}` });
    await register(first);
    const laterName = `later_${counter}`;
    const later = registration({ email, name: 'Later Name', displayName: laterName, password: 'Later#Pass7' });
    await register(later);
    await t.drainJobs();
    const token = tokenOf(findLink(t.mail.last(email), '/verify-email'));
    // Another person registers the later registration's display name before the link is opened.
    expect((await register(registration({ displayName: laterName.toUpperCase() }))).statusCode).toBe(202);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } })).statusCode).toBe(200);
    const [user] = await t.database.db.select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ name: 'Later Name', displayName: first.displayName });
    await signInAs(t.app, email, later.password as string);
  });

  it('stores SQL and HTML in every field as inert text', async () => {
    const body = registration({ name: "Robert'); DROP TABLE users;--", company: '<script>alert(1)</script>', address: "' OR '1'='1" });
    expect((await register(body)).statusCode).toBe(202);
    const [user] = await t.database.db.select().from(users).where(eq(users.email, body.email as string));
    expect(user).toMatchObject({ name: "Robert'); DROP TABLE users;--", company: '<script>alert(1)</script>', address: "' OR '1'='1" });
  });
});

describe('password reset', () => {
  it('emails a single-use link that sets a new password and ends every session', async () => {
    const user = await buildUser(t.ctx);
    const session = await signInAs(t.app, user.email);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/request', payload: { email: user.email } })).statusCode).toBe(202);
    await t.drainJobs();
    const token = tokenOf(findLink(t.mail.last(user.email), '/reset-password'));
    const weak = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, newPassword: 'weak' } });
    expect(weak.json().error.code).toBe('auth.weak_password');
    const done = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, newPassword: 'Ulsan#Plant2' } });
    expect(done.statusCode).toBe(200);
    expect((await session.inject('GET', '/api/v1/me')).statusCode).toBe(401);
    await signInAs(t.app, user.email, 'Ulsan#Plant2');
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, newPassword: 'Another#Pw9' } });
    expect(again.json().error.code).toBe('auth.token_used');
    const [event] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'password.reset'));
    expect(event?.actorUserId).toBe(user.id);
  });

  it('tells whether a link can still be used without using it: 204, then auth.token_used once used, auth.token_invalid for an altered one', async () => {
    const user = await buildUser(t.ctx);
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/request', payload: { email: user.email } });
    await t.drainJobs();
    const token = tokenOf(findLink(t.mail.last(user.email), '/reset-password'));
    const check = (value: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/check', payload: { token: value } });
    expect((await check(token)).statusCode).toBe(204);
    // Asking twice uses nothing up.
    expect((await check(token)).statusCode).toBe(204);
    const altered = await check(`${token.slice(0, -2)}xy`);
    expect(altered.statusCode).toBe(400);
    expect(altered.json().error.code).toBe('auth.token_invalid');
    expect((await check('short')).statusCode).toBe(400);
    const done = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, newPassword: 'Ulsan#Plant2' } });
    expect(done.statusCode).toBe(200);
    const used = await check(token);
    expect(used.json().error.code).toBe('auth.token_used');
  });

  it('writes the email in the language the reset was asked in, unless the account has saved one', async () => {
    const unsaved = await buildUser(t.ctx);
    const english = await buildUser(t.ctx);
    await updateUser(t.ctx.db, english.id, { locale: 'en' });
    for (const user of [unsaved, english]) {
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/request', headers: { 'accept-language': 'ko-KR,ko;q=0.9' }, payload: { email: user.email } });
    }
    await t.drainJobs();
    expect(t.mail.last(unsaved.email).subject).toBe('[Atrium] 비밀번호 재설정');
    expect(t.mail.last(english.email).subject).toBe('[Atrium] Reset your password');
  });

  it('expires the link after an hour', async () => {
    const user = await buildUser(t.ctx);
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/request', payload: { email: user.email } });
    await t.drainJobs();
    const token = tokenOf(findLink(t.mail.last(user.email), '/reset-password'));
    t.clock.advance(3_600_000 + 1000);
    try {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, newPassword: 'Ulsan#Plant2' } });
      expect(response.json().error.code).toBe('auth.token_expired');
    } finally {
      t.clock.advance(-(3_600_000 + 1000));
    }
    await signInAs(t.app, user.email, DEFAULT_PASSWORD);
  });

  it('answers the same for an unknown email and sends nothing', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/request', payload: { email: 'nobody@example.com' } });
    expect(response.statusCode).toBe(202);
    await t.drainJobs();
    expect(t.mail.to('nobody@example.com')).toHaveLength(0);
  });

  it('does the same work for a known and an unknown email: one queued job, no account read before answering', async () => {
    const user = await buildUser(t.ctx);
    await t.drainJobs();
    for (const url of ['/api/v1/auth/password-reset/request', '/api/v1/auth/resend-verification']) {
      const answers = [];
      for (const email of [user.email, `nobody-${counter}@example.com`]) {
        const response = await t.app.inject({ method: 'POST', url, payload: { email } });
        answers.push(response.body);
        const queued = await t.database.db.select().from(jobs).where(isNull(jobs.doneAt));
        // Nothing is read or sent for the account before the answer: only the same request, queued.
        expect(queued.map((job) => job.kind)).toEqual(['auth.account_email']);
        expect(await t.database.db.select().from(userTokens).where(and(eq(userTokens.userId, user.id), isNull(userTokens.usedAt)))).toHaveLength(0);
        await t.database.db.delete(jobs).where(isNull(jobs.doneAt));
      }
      expect(answers[0]).toBe(answers[1]);
    }
  });

  it('refuses a made-up token', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token: 'x'.repeat(43), newPassword: 'Ulsan#Plant2' } });
    expect(response.json().error.code).toBe('auth.token_invalid');
  });
});
