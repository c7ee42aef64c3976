import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens } from '../../db/schema/index';
import { CLI_ORIGIN } from '../../platform/context';
import { buildTestApp, signInNewUser, type TestApp } from '../../test/test-app';
import { buildUser } from '../../test/factories';
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
});
