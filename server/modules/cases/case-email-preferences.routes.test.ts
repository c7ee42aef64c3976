import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_EMAIL_KINDS } from '../../../common/cases';
import { userPreferences } from '../../db/schema/index';
import { buildTestApp, signInNewUser, type TestApp } from '../../test/test-app';
import { buildCaseScenario } from './case-feed.test-support';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const PATH = '/api/v1/me/case-email-preferences';

describe('GET and PUT /api/v1/me/case-email-preferences', () => {
  it('gives every kind until the person chooses, then their choice in the documented order', async () => {
    const user = await signInNewUser(t);
    const initial = await user.inject('GET', PATH);
    expect(initial.statusCode).toBe(200);
    expect(initial.json()).toEqual({ kinds: [...CASE_EMAIL_KINDS] });
    const saved = await user.inject('PUT', PATH, { kinds: ['closed', 'created', 'mention'] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ kinds: ['created', 'closed', 'mention'] });
    expect((await user.inject('GET', PATH)).json()).toEqual({ kinds: ['created', 'closed', 'mention'] });
    const none = await user.inject('PUT', PATH, { kinds: [] });
    expect(none.json()).toEqual({ kinds: [] });
    const [row] = await t.ctx.db.select().from(userPreferences).where(eq(userPreferences.userId, user.userId));
    expect(row?.caseEmails).toEqual([]);
  });

  it('leaves the home page choices alone', async () => {
    const user = await signInNewUser(t);
    await t.ctx.db.insert(userPreferences).values({ userId: user.userId, homeHighlights: ['open_cases'], homeFeedKinds: ['mentions'] });
    await user.inject('PUT', PATH, { kinds: ['answered'] });
    const [row] = await t.ctx.db.select().from(userPreferences).where(eq(userPreferences.userId, user.userId));
    expect(row).toMatchObject({ caseEmails: ['answered'], homeHighlights: ['open_cases'], homeFeedKinds: ['mentions'] });
  });

  it('refuses unknown kinds, duplicates and a missing list with 400', async () => {
    const user = await signInNewUser(t);
    for (const body of [{ kinds: ['created', 'created'] }, { kinds: ['newsletter'] }, {}, { kinds: 'created' }]) {
      const response = await user.inject('PUT', PATH, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.code).toBe('validation.failed');
    }
    expect((await user.inject('GET', PATH)).json()).toEqual({ kinds: [...CASE_EMAIL_KINDS] });
  });

  it('needs a signed-in person (401) and a CSRF token on the change (403)', async () => {
    expect((await t.app.inject({ method: 'GET', url: PATH })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'PUT', url: PATH, payload: { kinds: [] } })).statusCode).toBe(401);
    const user = await signInNewUser(t);
    const noCsrf = await t.app.inject({ method: 'PUT', url: PATH, headers: { cookie: user.cookie }, payload: { kinds: [] } });
    expect(noCsrf.statusCode).toBe(403);
  });

  it('stops the emails of the kinds turned off, for the person who chose', async () => {
    const s = await buildCaseScenario(t);
    await s.requester.inject('PUT', PATH, { kinds: ['closed'] });
    await s.engineer.inject('POST', `${s.base}/posts`, { body: 'An answer.' });
    await s.engineer.inject('POST', `${s.base}/transitions`, { to: 'answered' });
    await s.engineer.inject('POST', `${s.base}/transitions`, { to: 'closed' });
    await t.drainJobs();
    expect(t.mail.to(s.requester.email).map((m) => m.text.includes('was closed'))).toEqual([true]);
  });
});
