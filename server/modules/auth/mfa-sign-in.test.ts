import * as OTPAuth from 'otpauth';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../db/schema/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signInAs, type SignedIn, type TestApp } from '../../test/test-app';
import { buildMember, buildUser, DEFAULT_PASSWORD } from '../../test/factories';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const totpCode = (secret: string, offsetSteps = 0) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: t.clock.now().getTime() + offsetSteps * 30_000 });

/** A user with TOTP enrolled through the API; returns the secret and recovery codes. */
async function userWithTotp(): Promise<{ email: string; secret: string; codes: string[]; client: SignedIn }> {
  const user = await buildUser(t.ctx);
  const client = await signInAs(t.app, user.email);
  const { secret } = (await client.inject('POST', '/api/v1/me/mfa/totp/setup')).json();
  const confirmed = await client.inject('POST', '/api/v1/me/mfa/totp/confirm', { code: totpCode(secret) });
  expect(confirmed.statusCode).toBe(200);
  t.clock.advance(30_000); // the confirming code is spent
  return { email: user.email, secret, codes: confirmed.json().codes, client };
}

const signIn = (email: string, password = DEFAULT_PASSWORD) => t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });
const secondStep = (challengeToken: string, method: string, code: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in/mfa', payload: { challengeToken, method, code } });

describe('sign-in with a second step', () => {
  it('asks for the second step instead of opening a session, then opens one for a correct TOTP code', async () => {
    const { email, secret } = await userWithTotp();
    const first = await signIn(email);
    expect(first.json()).toMatchObject({ status: 'mfa_required', methods: ['totp', 'recovery'] });
    expect(first.cookies.find((c) => c.name === 'atrium_session')).toBeUndefined();
    const done = await secondStep(first.json().challengeToken, 'totp', totpCode(secret));
    expect(done.json()).toMatchObject({ status: 'signed_in', me: { email } });
    expect(done.cookies.find((c) => c.name === 'atrium_session')).toBeDefined();
    // The challenge works once.
    expect((await secondStep(first.json().challengeToken, 'totp', totpCode(secret))).json().error.code).toBe('auth.mfa_challenge_expired');
  });

  it('accepts a TOTP code only once', async () => {
    const { email, secret } = await userWithTotp();
    const code = totpCode(secret);
    expect((await secondStep((await signIn(email)).json().challengeToken, 'totp', code)).statusCode).toBe(200);
    const replay = await secondStep((await signIn(email)).json().challengeToken, 'totp', code);
    expect(replay.json().error.code).toBe('auth.mfa_invalid_code');
  });

  it('counts wrong codes towards the lock, like wrong passwords', async () => {
    const { email } = await userWithTotp();
    const { challengeToken } = (await signIn(email)).json();
    for (let i = 0; i < 4; i += 1) expect((await secondStep(challengeToken, 'totp', '000000')).statusCode).toBe(400);
    const fifth = await secondStep(challengeToken, 'totp', '000000');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error.code).toBe('auth.locked');
    expect((await signIn(email)).json().error.code).toBe('auth.locked');
    t.clock.advance(31_000);
  });

  it('counts wrong codes across fresh challenges: a right password before the second step clears nothing', async () => {
    const { email, secret } = await userWithTotp();
    // Three wrong codes, a fresh sign-in with the password, one more wrong code: four, no lock yet.
    const first = (await signIn(email)).json().challengeToken;
    for (let i = 0; i < 3; i += 1) expect((await secondStep(first, 'totp', '000000')).statusCode).toBe(400);
    const second = await signIn(email);
    expect(second.statusCode).toBe(200);
    expect((await secondStep(second.json().challengeToken, 'totp', '000000')).statusCode).toBe(400);
    // The fifth wrong code, after yet another password, locks.
    const fifth = await secondStep((await signIn(email)).json().challengeToken, 'totp', '000000');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error.code).toBe('auth.locked');
    t.clock.advance(31_000);
    // A whole sign-in clears the count: four wrong codes after it do not lock.
    expect((await secondStep((await signIn(email)).json().challengeToken, 'totp', totpCode(secret))).statusCode).toBe(200);
    const again = (await signIn(email)).json().challengeToken;
    for (let i = 0; i < 4; i += 1) expect((await secondStep(again, 'totp', '000000')).statusCode).toBe(400);
    t.clock.advance(31_000);
  });

  it('signs in with a recovery code, once', async () => {
    const { email, codes } = await userWithTotp();
    const code = codes[0]!;
    expect((await secondStep((await signIn(email)).json().challengeToken, 'recovery', code.toUpperCase())).statusCode).toBe(200);
    expect((await secondStep((await signIn(email)).json().challengeToken, 'recovery', code)).json().error.code).toBe('auth.mfa_invalid_code');
  });

  it('logs the use of a recovery code with the email and the client, as the other sign-in events', async () => {
    const { email, codes } = await userWithTotp();
    const linuxChrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
    const challengeToken = (await signIn(email)).json().challengeToken;
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in/mfa', headers: { 'user-agent': linuxChrome }, payload: { challengeToken, method: 'recovery', code: codes[0] } });
    expect(response.statusCode).toBe(200);
    const [event] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'mfa.recovery_code.used'), eq(auditEvents.actorUserId, response.json().me.id)));
    expect(event).toMatchObject({ actorLabel: email, client: 'Linux/Chrome 120', details: { recoveryCodesLeft: codes.length - 1 } });
  });

  it('signs in with a code sent by email', async () => {
    const user = await buildUser(t.ctx);
    const client = await signInAs(t.app, user.email);
    await client.inject('POST', '/api/v1/me/mfa/email/setup');
    await t.drainJobs();
    const enrolCode = /\b(\d{6})\b/.exec(t.mail.last(user.email).text)![1]!;
    expect((await client.inject('POST', '/api/v1/me/mfa/email/confirm', { code: enrolCode })).statusCode).toBe(200);
    const first = await signIn(user.email);
    expect(first.json().methods).toEqual(['email', 'recovery']);
    t.mail.clear();
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in/mfa/email-code', payload: { challengeToken: first.json().challengeToken } })).statusCode).toBe(202);
    await t.drainJobs();
    const code = /\b(\d{6})\b/.exec(t.mail.last(user.email).text)![1]!;
    expect((await secondStep(first.json().challengeToken, 'email', code)).statusCode).toBe(200);
  });

  it('writes the email codes of a user with no saved language in the language the page asked in', async () => {
    const user = await buildUser(t.ctx);
    const client = await signInAs(t.app, user.email);
    const korean = { 'accept-language': 'ko-KR,ko;q=0.9', cookie: client.cookie, 'x-csrf-token': client.csrfToken };
    await t.app.inject({ method: 'POST', url: '/api/v1/me/mfa/email/setup', headers: korean });
    await t.drainJobs();
    const setup = t.mail.last(user.email);
    expect(setup.subject).not.toContain('Your two-step setup code');
    const enrolCode = /\b(\d{6})\b/.exec(setup.text)![1]!;
    expect((await client.inject('POST', '/api/v1/me/mfa/email/confirm', { code: enrolCode })).statusCode).toBe(200);
    const { challengeToken } = (await signIn(user.email)).json();
    t.mail.clear();
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in/mfa/email-code', headers: { 'accept-language': 'ko' }, payload: { challengeToken } });
    await t.drainJobs();
    expect(t.mail.last(user.email).subject).toContain('로그인 인증 코드');
    // Without a Korean page, English.
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in/mfa/email-code', payload: { challengeToken } });
    await t.drainJobs();
    expect(t.mail.last(user.email).subject).toContain('Your sign-in code');
  });

  it('lets the challenge expire after ten minutes', async () => {
    const { email, secret } = await userWithTotp();
    const { challengeToken } = (await signIn(email)).json();
    t.clock.advance(601_000);
    expect((await secondStep(challengeToken, 'totp', totpCode(secret))).json().error.code).toBe('auth.mfa_challenge_expired');
  });

  it('clears the enrolment an organization requires once a factor is confirmed, and keeps the last one on', async () => {
    const member = await buildUser(t.ctx);
    const organization = await buildMember(t.ctx, { userId: member.id, role: 'admin' });
    const admin = await signInAs(t.app, member.email);
    await admin.inject('PATCH', `/api/v1/organizations/${organization.organizationId}/security`, { requireMfa: true });
    const client = await signInAs(t.app, member.email);
    expect((await client.inject('GET', '/api/v1/me/tokens')).json().error.code).toBe('auth.mfa_enrollment_required');
    const { secret } = (await client.inject('POST', '/api/v1/me/mfa/totp/setup')).json();
    expect((await client.inject('POST', '/api/v1/me/mfa/totp/confirm', { code: totpCode(secret) })).statusCode).toBe(200);
    expect((await client.inject('GET', '/api/v1/me/tokens')).statusCode).toBe(200);
    const off = await client.inject('POST', '/api/v1/me/mfa/totp/disable', { password: DEFAULT_PASSWORD });
    expect(off.json().error.code).toBe('auth.mfa_required_by_organization');
  });
});
