import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { auditEvents, signInThrottles } from '../../db/schema/index';
import { CLI_ORIGIN } from '../../platform/context';
import { buildTestApp, signInAs, signInNewUser, type TestApp } from '../../test/test-app';
import { buildMember, buildUser, DEFAULT_PASSWORD } from '../../test/factories';
import { updateSetting, getSetting } from '../settings/settings.service';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ config: { trustProxy: '127.0.0.1' } });
});
afterAll(async () => {
  await t.close();
});

const signIn = (email: string, password: string, ip = '198.51.100.10', userAgent?: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: { 'x-forwarded-for': ip, ...(userAgent ? { 'user-agent': userAgent } : {}) }, payload: { email, password } });

async function withSecurity(changes: Partial<Awaited<ReturnType<typeof getSetting<'security'>>>>, run: () => Promise<void>) {
  const before = await getSetting(t.ctx, 'security');
  await updateSetting(t.ctx, null, 'security', { ...before, ...changes }, CLI_ORIGIN);
  try {
    await run();
  } finally {
    await updateSetting(t.ctx, null, 'security', before, CLI_ORIGIN);
  }
}

describe('sign-in lockout', () => {
  it('locks an account for 30 seconds after five wrong passwords, says how long, and lets it in after', async () => {
    const user = await buildUser(t.ctx);
    for (let i = 0; i < 4; i += 1) expect((await signIn(user.email, 'Wrong!pass1', `198.51.100.${i + 20}`)).statusCode).toBe(401);
    const fifth = await signIn(user.email, 'Wrong!pass1', '198.51.100.30');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error).toMatchObject({ code: 'auth.locked', details: { retryAfterSeconds: 30 } });
    expect(fifth.json().error.message).toContain('30');
    // Even the right password waits, from any address.
    const during = await signIn(user.email, DEFAULT_PASSWORD, '198.51.100.31');
    expect(during.json().error.code).toBe('auth.locked');
    t.clock.advance(10_000);
    expect((await signIn(user.email, DEFAULT_PASSWORD, '198.51.100.31')).json().error.details.retryAfterSeconds).toBe(20);
    t.clock.advance(21_000);
    expect((await signIn(user.email, DEFAULT_PASSWORD, '198.51.100.31')).statusCode).toBe(200);
    const locks = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'sign_in.locked'), eq(auditEvents.actorUserId, user.id)));
    expect(locks).toHaveLength(1);
  });

  it('clears the account’s and the address’s failures at a successful sign-in, and only then writes to them', async () => {
    const user = await buildUser(t.ctx);
    const ip = '198.51.100.77';
    for (let i = 0; i < 4; i += 1) expect((await signIn(user.email, 'Wrong!pass1', ip)).statusCode).toBe(401);
    const counters = () => t.database.db.select().from(signInThrottles).where(inArray(signInThrottles.key, [`user:${user.id}`, `ip:${ip}`]));
    expect((await counters()).map((c) => c.failures).sort()).toEqual([4, 4]);
    expect((await signIn(user.email, DEFAULT_PASSWORD, ip)).statusCode).toBe(200);
    expect(await counters()).toEqual([]);
    // Four more failures do not lock: the count started again.
    for (let i = 0; i < 4; i += 1) expect((await signIn(user.email, 'Wrong!pass1', ip)).statusCode).toBe(401);
    expect((await signIn(user.email, DEFAULT_PASSWORD, ip)).statusCode).toBe(200);
  });

  it('holds the current password asked for by account changes to the lock: wrong ones count, none is checked while locked', async () => {
    const user = await buildUser(t.ctx);
    const client = await signInAs(t.app, user.email);
    const ip = '198.51.100.88';
    const change = (currentPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/me/password',
        headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'x-forwarded-for': ip },
        payload: { currentPassword, newPassword: 'Brand-new!pass7' },
      });
    for (let i = 0; i < 4; i += 1) expect((await change('Wrong!pass1')).json().error.code).toBe('auth.wrong_password');
    const fifth = await change('Wrong!pass1');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error.code).toBe('auth.locked');
    // Locked, even the right password is not checked, and sign-in waits too.
    expect((await change(DEFAULT_PASSWORD)).json().error.code).toBe('auth.locked');
    expect((await signIn(user.email, DEFAULT_PASSWORD, '198.51.100.89')).json().error.code).toBe('auth.locked');
    const failed = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'password.check_failed'), eq(auditEvents.actorUserId, user.id)));
    expect(failed).toHaveLength(5);
    t.clock.advance(31_000);
    expect((await change(DEFAULT_PASSWORD)).statusCode).toBe(200);
  });

  it('counts failures per address too, across accounts', async () => {
    const ip = '203.0.113.50';
    for (let i = 0; i < 4; i += 1) expect((await signIn(`nobody-${i}@example.com`, 'Wrong!pass1', ip)).statusCode).toBe(401);
    expect((await signIn('nobody-5@example.com', 'Wrong!pass1', ip)).statusCode).toBe(429);
    const innocent = await buildUser(t.ctx);
    expect((await signIn(innocent.email, DEFAULT_PASSWORD, ip)).json().error.code).toBe('auth.locked');
    expect((await signIn(innocent.email, DEFAULT_PASSWORD, '203.0.113.51')).statusCode).toBe(200);
    t.clock.advance(31_000);
  });

  it('follows a changed limit at once, without a restart', async () => {
    await withSecurity({ lockoutAttempts: 2, lockoutSeconds: 90 }, async () => {
      const user = await buildUser(t.ctx);
      expect((await signIn(user.email, 'Wrong!pass1', '198.51.100.60')).statusCode).toBe(401);
      const second = await signIn(user.email, 'Wrong!pass1', '198.51.100.61');
      expect(second.json().error.details.retryAfterSeconds).toBe(90);
      t.clock.advance(91_000);
    });
  });
});

describe('idle sign-out', () => {
  it('ends a session on the server after the idle time, with its own code and an activity entry', async () => {
    const client = await signInNewUser(t);
    const me = (await client.inject('GET', '/api/v1/me')).json();
    expect(me.idleTimeoutSeconds).toBe(1800);
    t.clock.advance(1700_000);
    expect((await client.inject('GET', '/api/v1/me')).statusCode).toBe(200); // activity keeps it alive
    t.clock.advance(1700_000);
    expect((await client.inject('GET', '/api/v1/me')).statusCode).toBe(200);
    t.clock.advance(1801_000);
    const idle = await client.inject('GET', '/api/v1/me');
    expect(idle.statusCode).toBe(401);
    expect(idle.json().error.code).toBe('auth.session_idle');
    expect((await client.inject('GET', '/api/v1/me')).json().error.code).toBe('auth.unauthenticated');
    const [event] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'sign_out.idle'), eq(auditEvents.actorUserId, client.userId)));
    expect(event).toBeDefined();
  });

  it('logs the idle sign-out with the client and the email, as the other sign-in events', async () => {
    const user = await buildUser(t.ctx);
    const linuxChrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
    const signedIn = await signIn(user.email, DEFAULT_PASSWORD, '198.51.100.70', linuxChrome);
    const cookie = signedIn.cookies.find((c) => c.name === 'atrium_session')!;
    t.clock.advance(1801_000);
    const idle = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `atrium_session=${cookie.value}`, 'x-forwarded-for': '198.51.100.70', 'user-agent': linuxChrome } });
    expect(idle.json().error.code).toBe('auth.session_idle');
    const [event] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'sign_out.idle'), eq(auditEvents.actorUserId, user.id)));
    expect(event).toMatchObject({ actorLabel: user.email, ip: '198.51.100.70', client: 'Linux/Chrome 120' });
  });

  it('uses a shorter idle time as soon as it is set', async () => {
    await withSecurity({ idleTimeoutSeconds: 120 }, async () => {
      const client = await signInNewUser(t);
      t.clock.advance(121_000);
      expect((await client.inject('GET', '/api/v1/me')).json().error.code).toBe('auth.session_idle');
    });
  });
});

describe('allowed IPs', () => {
  it('refuses vendor staff from outside the console list, and never limits customers', async () => {
    await withSecurity({ consoleAllowedIps: ['10.20.0.0/16', '192.168.1.*'] }, async () => {
      const admin = await buildUser(t.ctx, { staffRole: 'vendor_admin' });
      const customer = await buildUser(t.ctx);
      expect((await signIn(admin.email, DEFAULT_PASSWORD, '10.20.3.4')).statusCode).toBe(200);
      expect((await signIn(admin.email, DEFAULT_PASSWORD, '192.168.1.77')).statusCode).toBe(200);
      const outside = await signIn(admin.email, DEFAULT_PASSWORD, '10.21.0.1');
      expect(outside.statusCode).toBe(403);
      expect(outside.json().error.code).toBe('auth.ip_not_allowed');
      expect((await signIn(customer.email, DEFAULT_PASSWORD, '10.21.0.1')).statusCode).toBe(200);
    });
  });

  it('keeps a separate list for remote-support agents', async () => {
    await withSecurity({ consoleAllowedIps: ['10.0.0.0/8'], agentAllowedIps: ['172.16.5.*'] }, async () => {
      const agent = await buildUser(t.ctx, { staffRole: 'agent' });
      expect((await signIn(agent.email, DEFAULT_PASSWORD, '172.16.5.9')).statusCode).toBe(200);
      expect((await signIn(agent.email, DEFAULT_PASSWORD, '10.1.1.1')).statusCode).toBe(403);
    });
  });

  it('applies a new list to sessions already open', async () => {
    const staff = await buildUser(t.ctx, { staffRole: 'support_engineer' });
    const response = await signIn(staff.email, DEFAULT_PASSWORD, '10.9.9.9');
    const cookie = `atrium_session=${response.cookies.find((c) => c.name === 'atrium_session')!.value}`;
    await withSecurity({ consoleAllowedIps: ['10.20.0.0/16'] }, async () => {
      const refused = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie, 'x-forwarded-for': '10.9.9.9' } });
      expect(refused.json().error.code).toBe('auth.ip_not_allowed');
    });
  });

  it('trusts X-Forwarded-For only from a configured proxy', async () => {
    const direct = await buildTestApp();
    try {
      await updateSetting(direct.ctx, null, 'security', { ...(await getSetting(direct.ctx, 'security')), consoleAllowedIps: ['10.20.0.0/16'] }, CLI_ORIGIN);
      const admin = await buildUser(direct.ctx, { staffRole: 'vendor_admin' });
      // Not behind a trusted proxy: the forged header is ignored and 127.0.0.1 is the address.
      const forged = await direct.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: { 'x-forwarded-for': '10.20.0.1' }, payload: { email: admin.email, password: DEFAULT_PASSWORD } });
      expect(forged.json().error.code).toBe('auth.ip_not_allowed');
    } finally {
      await direct.close();
    }
  });
});

describe('organizations that require two-step sign-in', () => {
  it('hold a member to enrolment at the next sign-in: nothing else works until a second step is set up', async () => {
    const owner = await signInNewUser(t);
    const member = await buildUser(t.ctx);
    const organization = await buildMember(t.ctx, { userId: owner.userId, role: 'owner' });
    await buildMember(t.ctx, { organizationId: organization.organizationId, userId: member.id, role: 'viewer' });
    const set = await owner.inject('PATCH', `/api/v1/organizations/${organization.organizationId}/security`, { requireMfa: true });
    expect(set.statusCode).toBe(200);
    const client = await signInAs(t.app, member.email);
    const me = (await client.inject('GET', '/api/v1/me')).json();
    expect(me.mfaEnrollmentRequired).toBe(true);
    const blocked = await client.inject('GET', '/api/v1/me/tokens');
    expect(blocked.json().error.code).toBe('auth.mfa_enrollment_required');
  });

  it('lets only owners and admins change the requirement, and hides other organizations', async () => {
    const viewer = await signInNewUser(t);
    const membership = await buildMember(t.ctx, { userId: viewer.userId, role: 'viewer' });
    const refused = await viewer.inject('PATCH', `/api/v1/organizations/${membership.organizationId}/security`, { requireMfa: true });
    expect(refused.statusCode).toBe(403);
    const other = await buildMember(t.ctx, { role: 'owner' });
    const hidden = await viewer.inject('GET', `/api/v1/organizations/${other.organizationId}/security`);
    expect(hidden.statusCode).toBe(404);
  });
});

describe('the activity log', () => {
  it('writes sign-ins and failures with the address and the client in the manual form', async () => {
    const user = await buildUser(t.ctx);
    const chrome = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
    await signIn(user.email, 'Wrong!pass1', '198.51.100.99', chrome);
    await signIn(user.email, DEFAULT_PASSWORD, '198.51.100.99', chrome);
    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.actorUserId, user.id));
    expect(events.map((e) => [e.action, e.ip, e.client])).toEqual(
      expect.arrayContaining([
        ['sign_in.failed', '198.51.100.99', 'Win10/Chrome 120'],
        ['sign_in.succeeded', '198.51.100.99', 'Win10/Chrome 120'],
      ]),
    );
  });
});
