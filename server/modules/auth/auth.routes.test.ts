import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, members, organizations, sessions, users } from '../../db/schema/index';
import { createAdmin } from '../users/users.service';
import { CLI_ORIGIN } from '../../platform/context';
import { buildTestApp, signInAs, signInNewUser, type TestApp } from '../../test/test-app';
import { buildMember, buildOrganization, buildUser, DEFAULT_PASSWORD } from '../../test/factories';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('POST /api/v1/auth/sign-in', () => {
  it('signs in with email and password and sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const user = await buildUser(t.ctx, { email: 'Kim@Example.com' });
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'kim@example.com', password: DEFAULT_PASSWORD } });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'atrium_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.secure).toBeFalsy();
    expect(response.json()).toMatchObject({ status: 'signed_in', me: { id: user.id, email: 'kim@example.com', staffRole: null, mustChangePassword: false } });
  });

  it('marks the cookie Secure when the request came over HTTPS through a trusted proxy', async () => {
    const proxied = await buildTestApp({ config: { trustProxy: '127.0.0.1' } });
    try {
      const user = await buildUser(proxied.ctx);
      const response = await proxied.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: { 'x-forwarded-proto': 'https' }, payload: { email: user.email, password: DEFAULT_PASSWORD } });
      expect(response.cookies.find((c) => c.name === 'atrium_session')?.secure).toBe(true);
    } finally {
      await proxied.close();
    }
  });

  it('issues a new session at every sign-in and stores only its hash', async () => {
    const user = await buildUser(t.ctx);
    const first = await signInAs(t.app, user.email);
    const second = await signInAs(t.app, user.email);
    expect(first.cookie).not.toBe(second.cookie);
    const rows = await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect([first.cookie, second.cookie].some((c) => c.includes(row.tokenHash))).toBe(false);
  });

  it('stores the session, stamps the last sign-in and logs the sign-in, the session id in the answer being the stored one', async () => {
    const user = await buildUser(t.ctx);
    expect(user.lastSignInAt).toBeNull();
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0) Chrome/120.0' }, payload: { email: user.email, password: DEFAULT_PASSWORD } });
    expect(response.statusCode).toBe(200);
    const [session] = await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(session).toMatchObject({ authMethod: 'password', mfaEnrollmentRequired: false, revokedAt: null });
    expect(session!.csrfToken).toBe(response.json().me.csrfToken);
    const [stamped] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    expect(stamped!.lastSignInAt?.getTime()).toBe(session!.createdAt.getTime());
    const events = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'sign_in.succeeded'), eq(auditEvents.actorUserId, user.id)));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ category: 'sign_in', actorLabel: user.email, details: { method: 'password' } });
    // The session the answer describes is the stored one: ending it from the list works.
    const cookie = response.cookies.find((c) => c.name === 'atrium_session')!;
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/me/sessions', headers: { cookie: `atrium_session=${cookie.value}` } });
    expect(listed.json().items.map((s: { id: string }) => s.id)).toEqual([session!.id]);
  });

  it('refuses a wrong password and an unknown email alike, and logs the failure', async () => {
    const user = await buildUser(t.ctx);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: user.email, password: 'Wrong!234' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'nobody@example.com', password: 'Wrong!234' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('auth.invalid_credentials');
    expect(unknown.json().error).toEqual(wrong.json().error);
    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'sign_in.failed'));
    expect(events.map((e) => e.actorLabel)).toEqual(expect.arrayContaining([user.email, 'nobody@example.com']));
  });

  it('answers in Korean when the browser prefers Korean', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: { 'accept-language': 'ko-KR,ko;q=0.9,en;q=0.8' }, payload: { email: 'nobody@example.com', password: 'x' } });
    expect(response.json().error.message).toBe('이메일 또는 비밀번호가 올바르지 않습니다.');
  });

  it('validates the body with field-level errors', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'not-an-email', password: '' } });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe('validation.failed');
    expect(Object.keys(body.error.details.fieldErrors)).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('rate-limits sign-in attempts from one address', async () => {
    const limited = await buildTestApp({ config: { signInRateLimit: 3 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        const response = await limited.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'x@example.com', password: 'y' } });
        codes.push(response.statusCode);
        if (response.statusCode === 429) expect(response.json().error.code).toBe('rate_limited');
      }
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('GET /api/v1/me', () => {
  it('answers 401 without a session', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('auth.unauthenticated');
  });

  it('returns the user with their staff role and organization roles', async () => {
    const client = await signInNewUser(t, { name: '김민준' });
    await buildMember(t.ctx, { userId: client.userId, role: 'admin' });
    const response = await client.inject('GET', '/api/v1/me');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: '김민준', staffRole: null, memberships: [{ role: 'admin' }], csrfToken: client.csrfToken });
  });

  it('lists only active memberships of organizations not archived, by name, the same through the session, a token and the separate query', async () => {
    const client = await signInNewUser(t);
    const [beta, alpha, archived, left] = await Promise.all(['Beta Works', 'Alpha Plant', 'Archived Co', 'Left Co'].map((name) => buildOrganization(t.ctx, { name })));
    await buildMember(t.ctx, { userId: client.userId, organizationId: beta!.id, role: 'viewer' });
    await buildMember(t.ctx, { userId: client.userId, organizationId: alpha!.id, role: 'owner' });
    await buildMember(t.ctx, { userId: client.userId, organizationId: archived!.id, role: 'admin' });
    const gone = await buildMember(t.ctx, { userId: client.userId, organizationId: left!.id, role: 'admin' });
    await t.database.db.update(organizations).set({ archivedAt: new Date() }).where(eq(organizations.id, archived!.id));
    await t.database.db.update(members).set({ status: 'inactive' }).where(eq(members.id, gone.id));
    const expected = [
      { organizationId: alpha!.id, organizationName: 'Alpha Plant', role: 'owner' },
      { organizationId: beta!.id, organizationName: 'Beta Works', role: 'viewer' },
    ];

    const bySession = await client.inject('GET', '/api/v1/me');
    expect(bySession.json().memberships).toEqual(expected);
    const { token } = (await client.inject('POST', '/api/v1/me/tokens', { name: 'me' })).json() as { token: string };
    const byToken = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(byToken.json().memberships).toEqual(expected);
    // PATCH /me/preferences reads the memberships with their own query: the two agree.
    const patched = await client.inject('PATCH', '/api/v1/me/preferences', { theme: 'dark' });
    expect(patched.json().memberships).toEqual(expected);
  });
});

describe('CSRF protection', () => {
  it('refuses a state-changing request made with the session cookie but without the CSRF token', async () => {
    const client = await signInNewUser(t);
    const response = await t.app.inject({ method: 'PATCH', url: '/api/v1/me/preferences', headers: { cookie: client.cookie }, payload: { locale: 'ko' } });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('auth.csrf_failed');
    const wrong = await t.app.inject({ method: 'PATCH', url: '/api/v1/me/preferences', headers: { cookie: client.cookie, 'x-csrf-token': 'forged' }, payload: { locale: 'ko' } });
    expect(wrong.statusCode).toBe(403);
  });

  it('accepts it with the token', async () => {
    const client = await signInNewUser(t);
    const response = await client.inject('PATCH', '/api/v1/me/preferences', { locale: 'ko', theme: 'dark' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ locale: 'ko', theme: 'dark' });
  });
});

describe('forced password change', () => {
  it('holds back a one-time password until it is changed, then lets the user in', async () => {
    const { user, oneTimePassword } = await createAdmin(t.ctx, { email: 'first-admin@example.com' }, CLI_ORIGIN);
    const client = await signInAs(t.app, user.email, oneTimePassword!);
    const me = await client.inject('GET', '/api/v1/me');
    expect(me.json()).toMatchObject({ mustChangePassword: true, staffRole: 'vendor_admin' });
    const blocked = await client.inject('GET', '/api/v1/me/tokens');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('auth.password_change_required');

    const weak = await client.inject('POST', '/api/v1/me/password', { currentPassword: oneTimePassword, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('auth.weak_password');
    const wrong = await client.inject('POST', '/api/v1/me/password', { currentPassword: 'Nope!1234', newPassword: 'Better!2026' });
    expect(wrong.json().error.code).toBe('auth.wrong_password');
    // The same password again: its own code and message, not the password rules.
    const same = await client.inject('POST', '/api/v1/me/password', { currentPassword: oneTimePassword, newPassword: oneTimePassword });
    expect(same.statusCode).toBe(400);
    expect(same.json().error).toMatchObject({ code: 'auth.same_password', message: 'The new password must be different from the current one.', details: { fieldErrors: { newPassword: ['auth.same_password'] } } });

    const changed = await client.inject('POST', '/api/v1/me/password', { currentPassword: oneTimePassword, newPassword: 'Better!2026' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().mustChangePassword).toBe(false);
    expect((await client.inject('GET', '/api/v1/me/tokens')).statusCode).toBe(200);
    await signInAs(t.app, user.email, 'Better!2026');
  });

  it('ends the other sessions when the password changes', async () => {
    const user = await buildUser(t.ctx);
    const here = await signInAs(t.app, user.email);
    const elsewhere = await signInAs(t.app, user.email);
    const changed = await here.inject('POST', '/api/v1/me/password', { currentPassword: DEFAULT_PASSWORD, newPassword: 'Changed!2026' });
    expect(changed.statusCode).toBe(200);
    expect((await elsewhere.inject('GET', '/api/v1/me')).statusCode).toBe(401);
    expect((await here.inject('GET', '/api/v1/me')).statusCode).toBe(200);
  });
});

describe('POST /api/v1/auth/sign-out', () => {
  it('ends the session on the server, so the old cookie no longer works', async () => {
    const client = await signInNewUser(t);
    const response = await client.inject('POST', '/api/v1/auth/sign-out');
    expect(response.statusCode).toBe(204);
    expect((await client.inject('GET', '/api/v1/me')).statusCode).toBe(401);
    const [event] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'sign_out')).limit(1);
    expect(event?.actorUserId).toBe(client.userId);
  });

  it('no longer accepts a session past its expiry', async () => {
    const client = await signInNewUser(t);
    t.clock.advance(25 * 3_600_000);
    try {
      expect((await client.inject('GET', '/api/v1/me')).statusCode).toBe(401);
    } finally {
      t.clock.advance(-25 * 3_600_000);
    }
  });
});
