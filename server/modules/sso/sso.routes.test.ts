import { randomUUID } from 'node:crypto';
import * as OTPAuth from 'otpauth';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, externalIdentities, identityProviders, sessions, users } from '../../db/schema/index';
import { buildMember, buildUser, DEFAULT_PASSWORD } from '../../test/factories';
import { insertOrganization } from '../organizations/organizations.repository';
import { CookieJar, signInThroughProvider, startOidcProvider, type TestAccount, type TestOidcProvider } from '../../test/oidc-provider';
import { findLink } from '../../test/smtp-sink';
import { buildTestApp, signInAs, signInNewUser, type SignedIn, type TestApp } from '../../test/test-app';
import { updateSetting, getSetting } from '../settings/settings.service';
import { insertUser, updateUser } from '../users/users.repository';

let t: TestApp;
let idp: TestOidcProvider;
let appUrl: string;
let admin: SignedIn;

beforeAll(async () => {
  t = await buildTestApp();
  appUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  // The redirect URI is built from the public address, here the port the test app listens on.
  t.ctx.baseUrl = appUrl;
  idp = await startOidcProvider();
  admin = await signInNewUser(t, { staffRole: 'vendor_admin' });
});
afterAll(async () => {
  await idp?.close();
  await t?.close();
});

interface ProviderView {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  hasClientSecret: boolean;
  allowedDomains: string[];
  enabled: boolean;
  redirectUri: string;
}

/** Adds a provider through the console API and registers its redirect URI at the test provider. */
async function addProvider(overrides: Record<string, unknown> = {}): Promise<ProviderView> {
  const response = await admin.inject('POST', '/api/v1/admin/identity-providers', {
    name: `Provider ${randomUUID().slice(0, 6)}`,
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    allowedDomains: [],
    enabled: true,
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  const provider = response.json() as ProviderView;
  idp.allowRedirectUri(provider.redirectUri);
  return provider;
}

/** A new account at the test provider. */
function newAccount(overrides: Partial<TestAccount> = {}): TestAccount {
  const id = `acct-${randomUUID().slice(0, 8)}`;
  const account = { id, email: `${id}@a-petrochem.example`, emailVerified: true, name: `Person ${id}`, ...overrides };
  idp.addAccount(account);
  return account;
}

async function signOn(providerId: string, login: string, next?: string) {
  const jar = new CookieJar();
  const query = next === undefined ? '' : `?next=${encodeURIComponent(next)}`;
  const result = await signInThroughProvider(jar, `${appUrl}/api/v1/auth/sso/${providerId}/start${query}`, login, idp);
  return { jar, ...result };
}

async function me(jar: CookieJar) {
  const response = await jar.fetch(`${appUrl}/api/v1/me`);
  return { status: response.status, body: (await response.json()) as { id: string; email: string; name: string } };
}

async function lastFailure() {
  const rows = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'sso.failed'));
  return rows.sort((a, b) => a.id - b.id).at(-1)?.details as { reason: string } | undefined;
}

describe('identity providers in the console', () => {
  it('lets the vendor administrator add, list, change and remove a provider, never returning the secret', async () => {
    const created = await addProvider({ name: 'A Petrochem Entra ID', allowedDomains: ['A-Petrochem.Example', 'a-petrochem.example'] });
    expect(created).toMatchObject({ name: 'A Petrochem Entra ID', issuer: idp.issuer, hasClientSecret: true, allowedDomains: ['a-petrochem.example'], enabled: true });
    expect(created.redirectUri).toBe(`${appUrl}/api/v1/auth/sso/${created.id}/callback`);
    expect(JSON.stringify(created)).not.toContain(idp.clientSecret);

    const [stored] = await t.database.db.select().from(identityProviders).where(eq(identityProviders.id, created.id));
    expect(stored!.clientSecretCiphertext).not.toContain(idp.clientSecret);
    expect(t.ctx.box.open(stored!.clientSecretCiphertext!)).toBe(idp.clientSecret);

    const list = await admin.inject('GET', '/api/v1/admin/identity-providers');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(idp.clientSecret);
    expect(list.json().items.map((p: ProviderView) => p.id)).toContain(created.id);

    const renamed = await admin.inject('PATCH', `/api/v1/admin/identity-providers/${created.id}`, { name: 'Renamed', enabled: false });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Renamed', enabled: false, hasClientSecret: true });
    const [kept] = await t.database.db.select().from(identityProviders).where(eq(identityProviders.id, created.id));
    expect(kept!.clientSecretCiphertext).toBe(stored!.clientSecretCiphertext);

    const cleared = await admin.inject('PATCH', `/api/v1/admin/identity-providers/${created.id}`, { clientSecret: null });
    expect(cleared.json()).toMatchObject({ hasClientSecret: false });

    expect((await admin.inject('DELETE', `/api/v1/admin/identity-providers/${created.id}`)).statusCode).toBe(204);
    for (const response of [
      await admin.inject('DELETE', `/api/v1/admin/identity-providers/${created.id}`),
      await admin.inject('PATCH', `/api/v1/admin/identity-providers/${created.id}`, { name: 'Gone' }),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('sso.provider_not_found');
    }

    const events = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.category, 'settings'), eq(auditEvents.targetId, created.id)));
    expect(events.map((e) => e.action).sort()).toEqual(['identity_provider.created', 'identity_provider.deleted', 'identity_provider.updated', 'identity_provider.updated']);
    expect(JSON.stringify(events)).not.toContain(idp.clientSecret);
    expect(JSON.stringify(events)).not.toContain(stored!.clientSecretCiphertext);
  });

  it('refuses an issuer that does not answer discovery, a plain-HTTP issuer elsewhere and a bad domain', async () => {
    const base = { name: 'X', clientId: 'x', allowedDomains: [], enabled: true };
    const unreachable = await admin.inject('POST', '/api/v1/admin/identity-providers', { ...base, issuer: 'http://127.0.0.1:9/' });
    expect(unreachable.statusCode).toBe(400);
    expect(unreachable.json().error.code).toBe('sso.invalid_issuer');
    const notOidc = await admin.inject('POST', '/api/v1/admin/identity-providers', { ...base, issuer: `${appUrl}/` });
    expect(notOidc.json().error.code).toBe('sso.invalid_issuer');
    const plainHttp = await admin.inject('POST', '/api/v1/admin/identity-providers', { ...base, issuer: 'http://idp.example.com' });
    expect(plainHttp.statusCode).toBe(400);
    expect(plainHttp.json().error.details.fieldErrors.issuer).toBeDefined();
    const badDomain = await admin.inject('POST', '/api/v1/admin/identity-providers', { ...base, issuer: idp.issuer, allowedDomains: ['not a domain'] });
    expect(badDomain.statusCode).toBe(400);
  });

  it('refuses a support engineer and a customer (403) and the signed-out (401)', async () => {
    const { id } = await addProvider();
    for (const staffRole of ['support_engineer', null] as const) {
      const client = await signInNewUser(t, { staffRole });
      for (const response of [
        await client.inject('GET', '/api/v1/admin/identity-providers'),
        await client.inject('POST', '/api/v1/admin/identity-providers', { name: 'X', issuer: idp.issuer, clientId: 'x', allowedDomains: [], enabled: true }),
        await client.inject('PATCH', `/api/v1/admin/identity-providers/${id}`, { enabled: false }),
        await client.inject('DELETE', `/api/v1/admin/identity-providers/${id}`),
      ]) {
        expect(response.statusCode).toBe(403);
        expect(response.json().error.code).toBe('auth.forbidden');
      }
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/admin/identity-providers' })).statusCode).toBe(401);
  });
});

describe('single sign-on', () => {
  it('ends the session the browser held before when it signs on', async () => {
    const provider = await addProvider();
    const earlier = await buildUser(t.ctx);
    const jar = new CookieJar();
    const password = await jar.fetch(`${appUrl}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: earlier.email, password: DEFAULT_PASSWORD }) });
    expect(password.status).toBe(200);
    const earlierCookie = jar.header(new URL(appUrl));
    const account = newAccount();
    await signInThroughProvider(jar, `${appUrl}/api/v1/auth/sso/${provider.id}/start`, account.id, idp);
    expect((await me(jar)).body.email).toBe(account.email);
    const stale = await fetch(`${appUrl}/api/v1/me`, { headers: { cookie: earlierCookie } });
    expect(stale.status).toBe(401);
  });

  it('creates a user on first sign-on, opens a working session, and finds the same user the next time', async () => {
    const provider = await addProvider();
    const account = newAccount({ name: 'Minji Choi' });
    const first = await signOn(provider.id, account.id, '/portal/cases?open=1');
    expect(first.location).toBe('/portal/cases?open=1');
    const { status, body } = await me(first.jar);
    expect(status).toBe(200);
    expect(body).toMatchObject({ email: account.email, name: 'Minji Choi' });

    const [user] = await t.database.db.select().from(users).where(eq(users.id, body.id));
    expect(user!.passwordHash).toBeNull();
    expect(user!.emailVerifiedAt).not.toBeNull();
    const [session] = await t.database.db.select().from(sessions).where(eq(sessions.userId, body.id));
    expect(session!.authMethod).toBe('sso');
    const links = await t.database.db.select().from(externalIdentities).where(eq(externalIdentities.userId, body.id));
    expect(links).toMatchObject([{ providerId: provider.id, subject: account.id, email: account.email }]);
    const succeeded = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'sso.succeeded'), eq(auditEvents.actorUserId, body.id)));
    expect(succeeded).toHaveLength(1);

    const again = await signOn(provider.id, account.id);
    expect(again.location).toBe('/');
    expect((await me(again.jar)).body.id).toBe(body.id);
  });

  it('links an existing password user by verified email, whatever its case', async () => {
    const provider = await addProvider();
    const existing = await buildUser(t.ctx, { email: `dana-${randomUUID().slice(0, 6)}@a-petrochem.example` });
    const account = newAccount({ email: existing.email.toUpperCase() });
    const { location, jar } = await signOn(provider.id, account.id);
    expect(location).toBe('/');
    expect((await me(jar)).body.id).toBe(existing.id);
    expect(await t.database.db.select().from(users).where(eq(users.email, account.email.toLowerCase()))).toHaveLength(1);
  });

  it('refuses an email the provider has not verified', async () => {
    const provider = await addProvider();
    const account = newAccount({ emailVerified: false });
    const { location } = await signOn(provider.id, account.id);
    expect(location).toBe('/sign-in?sso_error=auth.sso_email_not_verified');
    expect(await lastFailure()).toMatchObject({ reason: 'email_not_verified' });
    expect(await t.database.db.select().from(users).where(eq(users.email, account.email))).toHaveLength(0);
  });

  it('refuses an email outside the allowed domains', async () => {
    const provider = await addProvider({ allowedDomains: ['a-petrochem.example'] });
    const outsider = newAccount({ email: `someone-${randomUUID().slice(0, 6)}@elsewhere.example` });
    expect((await signOn(provider.id, outsider.id)).location).toBe('/sign-in?sso_error=auth.sso_email_not_allowed');
    expect(await lastFailure()).toMatchObject({ reason: 'domain_not_allowed' });
    const insider = newAccount();
    expect((await signOn(provider.id, insider.id)).location).toBe('/');
  });

  it('refuses a replayed, unknown, missing or expired state', async () => {
    const provider = await addProvider();
    const account = newAccount();
    const { trail } = await signOn(provider.id, account.id);
    const callback = trail.find((url) => url.pathname.endsWith('/callback'))!;
    const replayed = await new CookieJar().fetch(callback);
    expect(replayed.headers.get('location')).toBe('/sign-in?sso_error=auth.sso_failed');
    expect(await lastFailure()).toMatchObject({ reason: 'state_invalid' });

    const unknown = await new CookieJar().fetch(`${appUrl}/api/v1/auth/sso/${provider.id}/callback?code=abc&state=forged`);
    expect(unknown.headers.get('location')).toBe('/sign-in?sso_error=auth.sso_failed');
    const missing = await new CookieJar().fetch(`${appUrl}/api/v1/auth/sso/${provider.id}/callback?code=abc`);
    expect(missing.headers.get('location')).toBe('/sign-in?sso_error=auth.sso_failed');
    expect(await lastFailure()).toMatchObject({ reason: 'state_missing' });

    const jar = new CookieJar();
    const start = await jar.fetch(`${appUrl}/api/v1/auth/sso/${provider.id}/start`);
    t.clock.advance(11 * 60_000);
    const late = await signInThroughProvider(jar, start.headers.get('location')!, account.id, idp);
    expect(late.location).toBe('/sign-in?sso_error=auth.sso_failed');
    expect(await lastFailure()).toMatchObject({ reason: 'state_invalid' });
  });

  it('hides a disabled provider and refuses sign-on through it, even one already under way', async () => {
    const provider = await addProvider();
    const account = newAccount();
    const listed = async () => ((await t.app.inject({ method: 'GET', url: '/api/v1/auth/sso/providers' })).json().items as { id: string }[]).map((p) => p.id);
    expect(await listed()).toContain(provider.id);

    const jar = new CookieJar();
    const start = await jar.fetch(`${appUrl}/api/v1/auth/sso/${provider.id}/start`);
    expect((await admin.inject('PATCH', `/api/v1/admin/identity-providers/${provider.id}`, { enabled: false })).statusCode).toBe(200);
    expect(await listed()).not.toContain(provider.id);

    const refused = await new CookieJar().fetch(`${appUrl}/api/v1/auth/sso/${provider.id}/start`);
    expect(refused.status).toBe(302);
    expect(refused.headers.get('location')).toBe('/sign-in?sso_error=sso.provider_not_found');
    const underWay = await signInThroughProvider(jar, start.headers.get('location')!, account.id, idp);
    expect(underWay.location).toBe('/sign-in?sso_error=sso.provider_not_found');
  });

  it('ignores a next address on another site', async () => {
    const provider = await addProvider();
    const account = newAccount();
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      expect((await signOn(provider.id, account.id, next)).location).toBe('/');
    }
  });

  it('refuses a disabled user and does not link an account whose email Atrium never verified', async () => {
    const provider = await addProvider();
    const disabled = await buildUser(t.ctx, { email: `ed-${randomUUID().slice(0, 6)}@a-petrochem.example` });
    await updateUser(t.ctx.db, disabled.id, { status: 'disabled' });
    expect((await signOn(provider.id, newAccount({ email: disabled.email }).id)).location).toBe('/sign-in?sso_error=auth.account_disabled');

    const unverified = await insertUser(t.ctx.db, { email: `uv-${randomUUID().slice(0, 6)}@a-petrochem.example`, name: 'Unverified', emailVerifiedAt: null });
    expect((await signOn(provider.id, newAccount({ email: unverified.email }).id)).location).toBe('/sign-in?sso_error=auth.sso_failed');
    expect(await lastFailure()).toMatchObject({ reason: 'local_email_not_verified' });
  });

  it('reads the email from the ID token when the provider puts it there', async () => {
    const account = { id: 'erin', email: `erin-${randomUUID().slice(0, 6)}@a-petrochem.example`, emailVerified: true };
    const other = await startOidcProvider({ accounts: [account], claimsInIdToken: true });
    try {
      const response = await admin.inject('POST', '/api/v1/admin/identity-providers', { name: 'Other', issuer: other.issuer, clientId: other.clientId, clientSecret: other.clientSecret, allowedDomains: [], enabled: true });
      const provider = response.json() as ProviderView;
      other.allowRedirectUri(provider.redirectUri);
      const jar = new CookieJar();
      const { location } = await signInThroughProvider(jar, `${appUrl}/api/v1/auth/sso/${provider.id}/start`, account.id, other);
      expect(location).toBe('/');
      expect((await me(jar)).body.email).toBe(account.email);
    } finally {
      await other.close();
    }
  });

  it('keeps vendor staff to their allowed addresses', async () => {
    const provider = await addProvider();
    const staff = await buildUser(t.ctx, { email: `staff-${randomUUID().slice(0, 6)}@a-petrochem.example`, staffRole: 'support_engineer' });
    const account = newAccount({ email: staff.email });
    const before = await getSetting(t.ctx, 'security');
    await updateSetting(t.ctx, null, 'security', { ...before, consoleAllowedIps: ['10.0.0.0/8'] }, { ip: null, client: 'test', userAgent: null });
    try {
      expect((await signOn(provider.id, account.id)).location).toBe('/sign-in?sso_error=auth.ip_not_allowed');
    } finally {
      await updateSetting(t.ctx, null, 'security', before, { ip: null, client: 'test', userAgent: null });
    }
    expect((await signOn(provider.id, account.id)).location).toBe('/');
  });
});

describe('an account made by single sign-on', () => {
  it('has no password: says so, refuses what needs one with auth.password_not_set, and sets one through the emailed link', async () => {
    const provider = await addProvider();
    const account = newAccount();
    const { jar } = await signOn(provider.id, account.id);
    const { csrfToken } = (await (await jar.fetch(`${appUrl}/api/v1/me`)).json()) as { csrfToken: string };
    const call = (method: string, path: string, body?: unknown) =>
      jar.fetch(`${appUrl}${path}`, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, 'accept-language': 'ko' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

    expect(await (await call('GET', '/api/v1/me/mfa')).json()).toMatchObject({ hasPassword: false });
    for (const [path, body, field] of [
      ['/api/v1/me/password', { currentPassword: 'anything', newPassword: 'Brand#New7' }, 'currentPassword'],
      ['/api/v1/me/mfa/recovery-codes', { password: 'anything' }, 'password'],
    ] as const) {
      const refused = await call('POST', path, body);
      expect(refused.status, path).toBe(400);
      const { error } = (await refused.json()) as { error: { code: string; message: string; details: { fieldErrors: Record<string, string[]> } } };
      expect(error.code, path).toBe('auth.password_not_set');
      expect(error.message).toContain('아직 비밀번호가 없습니다');
      expect(Object.keys(error.details.fieldErrors)).toEqual([field]);
    }

    t.mail.clear();
    expect((await call('POST', '/api/v1/auth/password-reset/request', { email: account.email })).status).toBe(202);
    await t.drainJobs();
    const token = new URL(findLink(t.mail.last(account.email), '/reset-password')).searchParams.get('token')!;
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, newPassword: 'Brand#New7' } })).statusCode).toBe(200);
    const withPassword = await signInAs(t.app, account.email, 'Brand#New7');
    expect((await withPassword.inject('GET', '/api/v1/me/mfa')).json()).toMatchObject({ hasPassword: true });
  });
});

describe('single sign-on and two-step sign-in', () => {
  const totpCode = (secret: string) => new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: t.clock.now().getTime() });

  it('asks a user with an authenticator app for the second step, on the sign-in page, before any session', async () => {
    const provider = await addProvider();
    const user = await buildUser(t.ctx, { email: `totp-${randomUUID().slice(0, 6)}@a-petrochem.example` });
    const password = await signInAs(t.app, user.email);
    const { secret } = (await password.inject('POST', '/api/v1/me/mfa/totp/setup')).json();
    expect((await password.inject('POST', '/api/v1/me/mfa/totp/confirm', { code: totpCode(secret) })).statusCode).toBe(200);
    t.clock.advance(30_000); // the confirming code is spent

    const { location, jar } = await signOn(provider.id, newAccount({ email: user.email }).id, '/portal/cases');
    const url = new URL(location, appUrl);
    expect(url.pathname).toBe('/sign-in');
    expect(url.searchParams.get('next')).toBe('/portal/cases');
    const fragment = new URLSearchParams(url.hash.slice(1));
    expect(fragment.get('methods')).toBe('totp,recovery');
    expect((await me(jar)).status).toBe(401);
    expect(await t.database.db.select().from(sessions).where(and(eq(sessions.userId, user.id), eq(sessions.authMethod, 'sso')))).toHaveLength(0);

    // The challenge is the password sign-in's: the same second step completes it.
    const challengeToken = fragment.get('mfa_challenge')!;
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in/mfa', payload: { challengeToken, method: 'totp', code: '000000' } });
    expect(wrong.json().error.code).toBe('auth.mfa_invalid_code');
    const done = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in/mfa', payload: { challengeToken, method: 'totp', code: totpCode(secret) } });
    expect(done.json()).toMatchObject({ status: 'signed_in', me: { email: user.email, mfaEnrollmentRequired: false } });
    const [session] = await t.database.db.select().from(sessions).where(and(eq(sessions.userId, user.id), eq(sessions.authMethod, 'sso+totp')));
    expect(session).toBeDefined();
  });

  it('holds the session of a member whose organization requires two-step sign-in to enrolling, as after a password', async () => {
    const provider = await addProvider();
    const user = await buildUser(t.ctx, { email: `strict-${randomUUID().slice(0, 6)}@a-petrochem.example` });
    const organization = await insertOrganization(t.ctx.db, { name: `Strict ${user.id}`, requireMfa: true });
    await buildMember(t.ctx, { organizationId: organization.id, userId: user.id });

    const { location, jar } = await signOn(provider.id, newAccount({ email: user.email }).id);
    expect(location).toBe('/');
    const { status, body } = await me(jar);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: user.id, mfaEnrollmentRequired: true });
    const refused = await jar.fetch(`${appUrl}/api/v1/organizations/${organization.id}`);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('auth.mfa_enrollment_required');
  });
});
