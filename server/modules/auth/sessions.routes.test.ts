import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signInAs, type TestApp } from '../../test/test-app';
import { buildUser } from '../../test/factories';

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

  it("answers 404 for another user's session", async () => {
    const mine = await signInAs(t.app, (await buildUser(t.ctx)).email);
    const theirs = await signInAs(t.app, (await buildUser(t.ctx)).email);
    const [theirSession] = (await theirs.inject('GET', '/api/v1/me/sessions')).json().items as { id: string }[];
    const response = await mine.inject('DELETE', `/api/v1/me/sessions/${theirSession!.id}`);
    expect(response.statusCode).toBe(404);
    expect((await theirs.inject('GET', '/api/v1/me')).statusCode).toBe(200);
  });
});
