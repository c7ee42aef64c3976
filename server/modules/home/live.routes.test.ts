import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRole } from '../../../common/permissions';
import { publishLiveEvent, userTopic, caseTopic } from '../../platform/realtime';
import { buildCase } from '../../test/case-factories';
import { buildMember, buildOrganization, buildSite, buildUser } from '../../test/factories';
import { buildTestApp, signInAs, type SignedIn, type TestApp } from '../../test/test-app';
import { notifyCase } from '../cases/case-notifications';
import { openSseStream, waitUntil, type SseStream } from './live.test-support';

let t: TestApp;
let origin: string;
beforeAll(async () => {
  t = await buildTestApp();
  origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await t.close();
});

async function member(organizationId: string, role: CustomerRole, siteIds: string[] = []): Promise<SignedIn> {
  const user = await buildUser(t.ctx);
  await buildMember(t.ctx, { organizationId, userId: user.id, role, siteIds });
  return signInAs(t.app, user.email);
}

/** Opens a stream and reads its `ready` event: from then on, the client is subscribed. */
async function subscribed(path: string, client: SignedIn): Promise<SseStream> {
  const stream = await openSseStream(`${origin}${path}`, client.cookie);
  expect(stream.status).toBe(200);
  expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
  expect(await stream.next()).toEqual({ event: 'ready', data: { kind: 'ready' } });
  return stream;
}

/** Publishes a live event in a committed transaction. */
const publish = (topics: string[], kind: string, data: Record<string, string> = {}) => t.ctx.db.transaction((tx) => publishLiveEvent(tx, { topics, kind, data }));

async function caseScenario() {
  const organization = await buildOrganization(t.ctx);
  const site = await buildSite(t.ctx, { organizationId: organization.id });
  const requester = await member(organization.id, 'support', [site.id]);
  const supportCase = await buildCase(t.ctx, { organizationId: organization.id, siteId: site.id, requesterId: requester.userId, status: 'new' });
  return { organization, site, requester, supportCase, casePath: `/api/v1/organizations/${organization.id}/cases/${supportCase.id}/events` };
}

describe('GET /api/v1/me/events', () => {
  it('streams the events of the person’s topic over HTTP, as they are committed', async () => {
    const me = await signInAs(t.app, (await buildUser(t.ctx)).email);
    const stream = await subscribed('/api/v1/me/events', me);
    await publish([userTopic(me.userId)], 'case.post', { caseId: 'c-1' });
    expect(await stream.next()).toEqual({ event: 'case.post', data: { kind: 'case.post', caseId: 'c-1' } });
    stream.close();
  });

  it('delivers a case change told by notifyCase to the people subscribed to the case', async () => {
    const s = await caseScenario();
    const stream = await subscribed('/api/v1/me/events', s.requester);
    const engineer = await buildUser(t.ctx, { staffRole: 'support_engineer' });
    await t.ctx.db.transaction((tx) => notifyCase(tx, t.ctx, s.supportCase, { userId: engineer.id, side: 'engineer' }, { kind: 'status', from: 'new', to: 'researching' }));
    expect(await stream.next()).toEqual({ event: 'case.status', data: { kind: 'case.status', caseId: s.supportCase.id, organizationId: s.organization.id } });
    stream.close();
  });

  it('delivers nothing for a rolled-back transaction', async () => {
    const me = await signInAs(t.app, (await buildUser(t.ctx)).email);
    const stream = await subscribed('/api/v1/me/events', me);
    await expect(
      t.ctx.db.transaction(async (tx) => {
        await publishLiveEvent(tx, { topics: [userTopic(me.userId)], kind: 'case.rolled_back' });
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    // Notifications arrive in commit order: the next event is the one committed after.
    await publish([userTopic(me.userId)], 'case.committed');
    expect((await stream.next()).event).toBe('case.committed');
    stream.close();
  });

  it("does not deliver another person's events", async () => {
    const me = await signInAs(t.app, (await buildUser(t.ctx)).email);
    const other = await buildUser(t.ctx);
    const stream = await subscribed('/api/v1/me/events', me);
    await publish([userTopic(other.id)], 'case.for_someone_else');
    await publish([caseTopic('some-case')], 'case.for_a_case_page');
    await publish([userTopic(me.userId)], 'case.for_me');
    expect((await stream.next()).event).toBe('case.for_me');
    stream.close();
  });

  it('stops delivering when the client goes away', async () => {
    const me = await signInAs(t.app, (await buildUser(t.ctx)).email);
    const before = t.ctx.events.size();
    const stream = await subscribed('/api/v1/me/events', me);
    expect(t.ctx.events.size()).toBe(before + 1);
    stream.close();
    await waitUntil(() => t.ctx.events.size() === before);
    expect(t.ctx.events.size()).toBe(before);
  });

  it('needs a session', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/me/events' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('auth.unauthenticated');
  });
});

describe('GET /api/v1/organizations/:organizationId/cases/:caseId/events', () => {
  it("keeps internal notes from a customer's case stream, while the engineer's hears of them", async () => {
    const s = await caseScenario();
    const engineer = await signInAs(t.app, (await buildUser(t.ctx, { staffRole: 'support_engineer' })).email);
    const customerStream = await subscribed(s.casePath, s.requester);
    const engineerStream = await subscribed(s.casePath, engineer);
    const postsPath = `/api/v1/organizations/${s.organization.id}/cases/${s.supportCase.id}/posts`;
    expect((await engineer.inject('POST', postsPath, { body: 'internal: firmware is unsupported', internal: true })).statusCode).toBe(201);
    const transitionsPath = `/api/v1/organizations/${s.organization.id}/cases/${s.supportCase.id}/transitions`;
    expect((await engineer.inject('POST', transitionsPath, { to: 'researching' })).statusCode).toBe(200);
    // Events arrive in commit order: the customer's first event is the status change, not the note.
    expect(await customerStream.next()).toEqual({ event: 'case.status', data: { kind: 'case.status', caseId: s.supportCase.id, organizationId: s.organization.id } });
    expect((await engineerStream.next()).event).toBe('case.post');
    expect((await engineerStream.next()).event).toBe('case.status');
    customerStream.close();
    engineerStream.close();
  });

  it('streams the events of the case to someone who may see it, not those of other cases', async () => {
    const s = await caseScenario();
    const other = await buildCase(t.ctx, { organizationId: s.organization.id, siteId: s.site.id });
    const colleague = await member(s.organization.id, 'support', [s.site.id]);
    const stream = await subscribed(s.casePath, colleague);
    await publish([caseTopic(other.id)], 'case.post', { caseId: other.id });
    await t.ctx.db.transaction((tx) => notifyCase(tx, t.ctx, s.supportCase, { userId: s.requester.userId, side: 'customer' }, { kind: 'description' }));
    expect(await stream.next()).toEqual({ event: 'case.description', data: { kind: 'case.description', caseId: s.supportCase.id, organizationId: s.organization.id } });
    stream.close();
  });

  it('is open to engineers too', async () => {
    const s = await caseScenario();
    const engineer = await signInAs(t.app, (await buildUser(t.ctx, { staffRole: 'support_engineer' })).email);
    const stream = await subscribed(s.casePath, engineer);
    await publish([caseTopic(s.supportCase.id)], 'case.post', { caseId: s.supportCase.id });
    expect((await stream.next()).event).toBe('case.post');
    stream.close();
  });

  it('answers 404 for a case of another organization or of a site the member may not see, and 403 without case.view', async () => {
    const s = await caseScenario();
    const elsewhere = await caseScenario();
    const foreign = await s.requester.inject('GET', `/api/v1/organizations/${s.organization.id}/cases/${elsewhere.supportCase.id}/events`);
    expect(foreign.statusCode).toBe(404);
    const outsider = await s.requester.inject('GET', elsewhere.casePath);
    expect(outsider.statusCode).toBe(404);
    const otherSite = await buildSite(t.ctx, { organizationId: s.organization.id });
    const stranger = await member(s.organization.id, 'support', [otherSite.id]);
    const hidden = await stranger.inject('GET', s.casePath);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('cases.not_found');
    const viewer = await member(s.organization.id, 'viewer', [s.site.id]);
    expect((await viewer.inject('GET', s.casePath)).statusCode).toBe(403);
    // Over HTTP too: the refusal is a plain JSON answer, not a stream.
    const overHttp = await openSseStream(`${origin}${s.casePath.replace(s.supportCase.id, elsewhere.supportCase.id)}`, s.requester.cookie);
    expect(overHttp.status).toBe(404);
    expect(overHttp.headers['content-type']).toContain('application/json');
    await overHttp.ended;
  });
});

describe('closing the app', () => {
  it('ends the open streams, so that the server can stop', async () => {
    const other = await buildTestApp();
    const at = await other.app.listen({ port: 0, host: '127.0.0.1' });
    const me = await signInAs(other.app, (await buildUser(other.ctx)).email);
    const stream = await openSseStream(`${at}/api/v1/me/events`, me.cookie);
    expect((await stream.next()).event).toBe('ready');
    await other.close();
    await stream.ended;
    await expect(stream.next()).rejects.toThrow('the stream ended');
  });

  it('answers 503 to a stream asked for once the live events have stopped', async () => {
    const other = await buildTestApp();
    try {
      const me = await signInAs(other.app, (await buildUser(other.ctx)).email);
      await other.ctx.events.close();
      const response = await other.app.inject({ method: 'GET', url: '/api/v1/me/events', headers: { cookie: me.cookie } });
      expect(response.statusCode).toBe(503);
      expect(response.json().error.code).toBe('service.shutting_down');
    } finally {
      await other.close();
    }
  });
});
