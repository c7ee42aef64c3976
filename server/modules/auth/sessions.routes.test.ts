import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema/index';
import { buildTestApp, signInAs, type TestApp } from '../../test/test-app';
import { buildUser, DEFAULT_PASSWORD } from '../../test/factories';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('/api/v1/me/sessions', () => {
  it('lists my sessions with device, address and last activity, and ends one of them', async () => {
    const user = await buildUser(t.ctx);
    const laptop = await signInAs(t.app, user.email);
    const phone = await signInAs(t.app, user.email);
    const list = (await laptop.inject('GET', '/api/v1/me/sessions')).json().items as { id: string; current: boolean; client: string; ip: string }[];
    expect(list).toHaveLength(2);
    expect(list.filter((s) => s.current)).toHaveLength(1);
    expect(list[0]).toMatchObject({ ip: '127.0.0.1' });
    const other = list.find((s) => !s.current)!;
    expect((await laptop.inject('DELETE', `/api/v1/me/sessions/${other.id}`)).statusCode).toBe(204);
    expect((await phone.inject('GET', '/api/v1/me')).statusCode).toBe(401);
    expect((await laptop.inject('GET', '/api/v1/me')).statusCode).toBe(200);
  });

  it('tells a browser whose session was ended elsewhere why (auth.session_ended), and one that signed out or never signed in nothing more than 401', async () => {
    const user = await buildUser(t.ctx);
    const laptop = await signInAs(t.app, user.email);
    const phone = await signInAs(t.app, user.email);
    const other = ((await laptop.inject('GET', '/api/v1/me/sessions')).json().items as { id: string; current: boolean }[]).find((s) => !s.current)!;
    await laptop.inject('DELETE', `/api/v1/me/sessions/${other.id}`);
    const ended = await phone.inject('GET', '/api/v1/me');
    expect(ended.statusCode).toBe(401);
    expect(ended.json().error.code).toBe('auth.session_ended');

    // A password change ends the other sessions: they hear the same.
    const tablet = await signInAs(t.app, user.email);
    const change = await laptop.inject('POST', '/api/v1/me/password', { currentPassword: DEFAULT_PASSWORD, newPassword: 'Ulsan#Plant7' });
    expect(change.statusCode, change.body).toBeLessThan(300);
    expect((await tablet.inject('GET', '/api/v1/me')).json().error.code).toBe('auth.session_ended');

    // Signing out is no news to the browser that did it, and an unknown cookie is just signed out.
    await laptop.inject('POST', '/api/v1/auth/sign-out');
    expect((await laptop.inject('GET', '/api/v1/me')).json().error.code).toBe('auth.unauthenticated');
    const stranger = await t.app.inject({ method: 'GET', url: '/api/v1/me', cookies: { atrium_session: 'not-a-session-token-0123456789' } });
    expect(stranger.json().error.code).toBe('auth.unauthenticated');
  });

  it('ends all my other sessions at once, keeping this one and leaving other people signed in, and logs how many', async () => {
    const user = await buildUser(t.ctx);
    const laptop = await signInAs(t.app, user.email);
    const phone = await signInAs(t.app, user.email);
    const tablet = await signInAs(t.app, user.email);
    const stranger = await signInAs(t.app, (await buildUser(t.ctx)).email);
    const response = await laptop.inject('DELETE', '/api/v1/me/sessions');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ended: 2 });
    for (const other of [phone, tablet]) expect((await other.inject('GET', '/api/v1/me')).json().error.code).toBe('auth.session_ended');
    expect((await laptop.inject('GET', '/api/v1/me')).statusCode).toBe(200);
    expect((await stranger.inject('GET', '/api/v1/me')).statusCode).toBe(200);
    expect((await laptop.inject('GET', '/api/v1/me/sessions')).json().items).toHaveLength(1);
    const events = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'session.ended_others'), eq(auditEvents.actorUserId, user.id)));
    expect(events.map((e) => e.details)).toEqual([{ ended: 2 }]);
    // Nothing left to end: no error, and nothing more in the log.
    expect((await laptop.inject('DELETE', '/api/v1/me/sessions')).json()).toEqual({ ended: 0 });
    expect(await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'session.ended_others'), eq(auditEvents.actorUserId, user.id)))).toHaveLength(1);
    // A browser's write needs its CSRF token, as every other.
    const forged = await t.app.inject({ method: 'DELETE', url: '/api/v1/me/sessions', headers: { cookie: laptop.cookie } });
    expect(forged.statusCode).toBe(403);
    // Signed out, there is nothing to end: 401, and the others stay as they were.
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/me/sessions' })).statusCode).toBe(401);
    expect((await laptop.inject('GET', '/api/v1/me')).statusCode).toBe(200);
  });

  it("answers 404 for another user's session", async () => {
    const mine = await signInAs(t.app, (await buildUser(t.ctx)).email);
    const theirs = await signInAs(t.app, (await buildUser(t.ctx)).email);
    const [theirSession] = (await theirs.inject('GET', '/api/v1/me/sessions')).json().items as { id: string }[];
    const response = await mine.inject('DELETE', `/api/v1/me/sessions/${theirSession!.id}`);
    expect(response.statusCode).toBe(404);
    expect((await theirs.inject('GET', '/api/v1/me')).statusCode).toBe(200);
  });

  it('ends the session a browser held when it signs in again, as the same person or another', async () => {
    const first = await buildUser(t.ctx);
    const second = await buildUser(t.ctx);
    const before = await signInAs(t.app, first.email);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: { cookie: before.cookie }, payload: { email: second.email, password: DEFAULT_PASSWORD } });
    expect(again.statusCode).toBe(200);
    const renewed = again.cookies.find((c) => c.name === 'atrium_session')!;
    expect(`atrium_session=${renewed.value}`).not.toBe(before.cookie);
    expect((await before.inject('GET', '/api/v1/me')).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `atrium_session=${renewed.value}` } })).json()).toMatchObject({ id: second.id });
    const [ended] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'sign_out'), eq(auditEvents.actorUserId, first.id)));
    expect(ended?.details).toEqual({ reason: 'replaced' });
  });
});
