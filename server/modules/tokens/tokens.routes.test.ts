import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { apiTokens, members } from '../../db/schema/index';
import { CLI_ORIGIN } from '../../platform/context';
import { buildTestApp, signInNewUser, type TestApp } from '../../test/test-app';
import { buildMember, buildOrganization, buildUser } from '../../test/factories';
import { createApiTokenForEmail } from './tokens.service';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('personal API tokens', () => {
  it('creates a token shown once, stores only its hash, and authenticates Bearer requests as the user', async () => {
    const client = await signInNewUser(t, { staffRole: 'support_engineer' });
    const created = await client.inject('POST', '/api/v1/me/tokens', { name: 'nightly export' });
    expect(created.statusCode).toBe(201);
    const { token, prefix } = created.json() as { token: string; prefix: string };
    expect(token.startsWith(prefix)).toBe(true);

    const stored = await t.database.db.select().from(apiTokens);
    expect(JSON.stringify(stored)).not.toContain(token);

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: client.userId, staffRole: 'support_engineer' });
  });

  it('needs no CSRF token with a bearer token', async () => {
    const user = await buildUser(t.ctx);
    const { token } = await createApiTokenForEmail(t.ctx, user.email, 'cli', CLI_ORIGIN);
    const response = await t.app.inject({ method: 'PATCH', url: '/api/v1/me/preferences', headers: { authorization: `Bearer ${token}` }, payload: { locale: 'en' } });
    expect(response.statusCode).toBe(200);
  });

  it('lists and revokes tokens; a revoked token no longer authenticates', async () => {
    const client = await signInNewUser(t);
    const { id, token } = (await client.inject('POST', '/api/v1/me/tokens', { name: 'ci' })).json() as { id: string; token: string };
    const list = await client.inject('GET', '/api/v1/me/tokens');
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect(list.body).not.toContain(token);
    expect((await client.inject('DELETE', `/api/v1/me/tokens/${id}`)).statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(401);
  });

  it("answers 404 for another user's token", async () => {
    const owner = await signInNewUser(t);
    const other = await signInNewUser(t);
    const { id } = (await owner.inject('POST', '/api/v1/me/tokens', { name: 'mine' })).json() as { id: string };
    const response = await other.inject('DELETE', `/api/v1/me/tokens/${id}`);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('tokens.not_found');
  });

  it('refuses an unknown or malformed bearer token', async () => {
    for (const value of ['Bearer atr_doesnotexist', 'Bearer nonsense']) {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: value } });
      expect(response.statusCode).toBe(401);
    }
  });

  it('refuses an empty or oversized token name', async () => {
    const client = await signInNewUser(t);
    expect((await client.inject('POST', '/api/v1/me/tokens', { name: '  ' })).statusCode).toBe(400);
    expect((await client.inject('POST', '/api/v1/me/tokens', { name: 'x'.repeat(101) })).statusCode).toBe(400);
  });

  it('refuses a token name with a NUL, BEL, line break or right-to-left override with a field error, not a 500', async () => {
    const client = await signInNewUser(t);
    for (const name of ['t\u0000x', 't\u0007x', 't\nx', 't\u202Ex']) {
      const response = await client.inject('POST', '/api/v1/me/tokens', { name });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'validation.failed', details: { fieldErrors: { name: ['validation.control_characters'] } } });
    }
    expect((await client.inject('GET', '/api/v1/me/tokens')).json().items).toEqual([]);
  });
});

describe('organization routes with a bearer token (the organization read with the token)', () => {
  it('answers for the member’s organization, 404 for another, an unknown or a malformed one, and 404 once the membership ends', async () => {
    const user = await buildUser(t.ctx);
    const mine = await buildOrganization(t.ctx, { name: 'Mine Co' });
    const theirs = await buildOrganization(t.ctx, { name: 'Theirs Co' });
    const membership = await buildMember(t.ctx, { organizationId: mine.id, userId: user.id, role: 'owner' });
    await buildMember(t.ctx, { organizationId: theirs.id, role: 'owner' });
    const { token } = await createApiTokenForEmail(t.ctx, user.email, 'org test', CLI_ORIGIN);
    const get = (organizationId: string) => t.app.inject({ method: 'GET', url: `/api/v1/organizations/${organizationId}/members`, headers: { authorization: `Bearer ${token}` } });

    const own = await get(mine.id);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().items.map((m: { userId: string }) => m.userId)).toContain(user.id);
    for (const other of [theirs.id, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const response = await get(other);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('organizations.not_found');
    }
    await t.database.db.update(members).set({ status: 'inactive' }).where(eq(members.id, membership.id));
    expect((await get(mine.id)).statusCode).toBe(404);
  });

  it('lets vendor staff with the permission in, and holds a read-only role to reading', async () => {
    const staff = await buildUser(t.ctx, { staffRole: 'support_engineer' });
    const viewer = await buildUser(t.ctx);
    const organization = await buildOrganization(t.ctx);
    await buildMember(t.ctx, { organizationId: organization.id, userId: viewer.id, role: 'viewer' });
    const staffToken = (await createApiTokenForEmail(t.ctx, staff.email, 'staff', CLI_ORIGIN)).token;
    const viewerToken = (await createApiTokenForEmail(t.ctx, viewer.email, 'viewer', CLI_ORIGIN)).token;
    const staffView = await t.app.inject({ method: 'GET', url: `/api/v1/organizations/${organization.id}`, headers: { authorization: `Bearer ${staffToken}` } });
    expect(staffView.statusCode, staffView.body).toBe(200);
    const viewerInvite = await t.app.inject({ method: 'POST', url: `/api/v1/organizations/${organization.id}/invitations`, headers: { authorization: `Bearer ${viewerToken}` }, payload: { email: 'new@example.com', role: 'viewer' } });
    expect(viewerInvite.statusCode).toBe(403);
  });
});
