import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaseStatus } from '../../../common/cases';
import { CaseDetail } from '../../../common/schemas/cases';
import { auditEvents, caseEvents, cases, caseSubscriptions } from '../../db/schema/index';
import { buildCase } from '../../test/case-factories';
import { buildUser } from '../../test/factories';
import { buildTestApp, type TestApp } from '../../test/test-app';
import { updateUser } from '../users/users.repository';
import { buildCaseScenario, signInCaseMember, signInStaff } from './case-lifecycle.scenario';

let t: TestApp;
let start: Date;
beforeAll(async () => {
  t = await buildTestApp();
  start = t.clock.now();
});
afterEach(() => {
  t.clock.set(start);
});
afterAll(async () => {
  await t.close();
});

/** A case of site A in some status, requested by a support member of site A, and an engineer. */
async function setup(status: CaseStatus = 'new', overrides: Parameters<typeof buildCase>[1] = {}) {
  const s = await buildCaseScenario(t);
  const customer = await signInCaseMember(t, s.organizationId, 'support', { siteIds: [s.siteA.id], name: '김고객' });
  const engineer = await signInStaff(t, 'support_engineer', { name: 'Lee Engineer' });
  const c = await buildCase(t.ctx, { organizationId: s.organizationId, siteId: s.siteA.id, requesterId: customer.userId, status, productFamilyId: s.family.id, productId: s.product.id, releaseId: s.newRelease.id, ...overrides });
  return { s, customer, engineer, c, path: `${s.base}/cases/${c.id}` };
}

const rowOf = async (id: string) => (await t.ctx.db.select().from(cases).where(eq(cases.id, id)))[0]!;
const eventsOf = (id: string) => t.ctx.db.select().from(caseEvents).where(eq(caseEvents.caseId, id)).orderBy(caseEvents.id);
const auditsOf = (id: string, action: string) => t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.targetId, id), eq(auditEvents.action, action)));

describe('GET /api/v1/organizations/:organizationId/cases/:caseId', () => {
  it('shows the requester the case with names resolved and the customer’s abilities', async () => {
    const { s, customer, c, path } = await setup('answered');
    const response = await customer.inject('GET', path);
    expect(response.statusCode, response.body).toBe(200);
    const detail = CaseDetail.parse(response.json());
    expect(detail).toMatchObject({
      id: c.id,
      organizationId: s.organizationId,
      number: String(c.number),
      legacyNumber: null,
      status: 'answered',
      waitingOnCustomer: true,
      site: s.siteA,
      productFamily: { id: s.family.id, name: s.family.name.en },
      product: s.product,
      release: s.newRelease,
      requester: { id: customer.userId, name: '김고객', side: 'customer' },
      assignee: null,
      relatedCase: null,
      closedAt: null,
      reopenUntil: null,
    });
    expect(detail.abilities).toMatchObject({ side: 'customer', editDescription: false, assign: false, transitions: ['researching', 'closed'], requestReopen: false });
  });

  it('shows an engineer the same case with the engineer’s abilities', async () => {
    const { engineer, path } = await setup('researching');
    const detail = (await engineer.inject('GET', path)).json();
    expect(detail.waitingOnCustomer).toBe(false);
    expect(detail.abilities).toMatchObject({ side: 'engineer', editDescription: true, writeResolution: true, assign: true, writeInternalNote: true, transitions: ['waiting_on_response', 'answered', 'pending_fix', 'closed', 'abandoned'] });
    // The attachment limit comes with the case: an engineer may not open cases, so never sees the wizard's options.
    expect(detail.attachmentMaxBytes).toBe(t.ctx.config.caseAttachmentMaxBytes);
  });

  it('answers 404 to a member of another organization on GET, PATCH, transitions, reopen, assign and history', async () => {
    const { path } = await setup('closed');
    const other = await buildCaseScenario(t);
    const stranger = await signInCaseMember(t, other.organizationId, 'owner');
    const calls = [
      stranger.inject('GET', path),
      stranger.inject('PATCH', path, { description: 'hacked' }),
      stranger.inject('POST', `${path}/transitions`, { to: 'researching' }),
      stranger.inject('POST', `${path}/reopen`, { reason: 'again' }),
      stranger.inject('POST', `${path}/assign`, { assigneeId: null }),
      stranger.inject('GET', `${path}/history`),
      // The case id under the stranger's own organization: the case is not theirs either.
      stranger.inject('GET', `${other.base}/cases/${path.split('/').pop()}`),
    ];
    for (const response of await Promise.all(calls)) expect(response.statusCode).toBe(404);
  });

  it('answers 404 cases.not_found to a support member without access to the case’s site', async () => {
    const { s, path } = await setup();
    const elsewhere = await signInCaseMember(t, s.organizationId, 'support', { siteIds: [s.siteB.id] });
    for (const response of [await elsewhere.inject('GET', path), await elsewhere.inject('POST', `${path}/transitions`, { to: 'closed' }), await elsewhere.inject('GET', `${path}/history`)]) {
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('cases.not_found');
    }
    expect((await rowOf(path.split('/').pop()!)).status).toBe('new');
  });

  it('refuses roles without case access (viewer) with 403', async () => {
    const { s, path } = await setup();
    const viewer = await signInCaseMember(t, s.organizationId, 'viewer', { siteIds: [s.siteA.id] });
    expect((await viewer.inject('GET', path)).statusCode).toBe(403);
  });
});

describe('PATCH /api/v1/organizations/:organizationId/cases/:caseId', () => {
  it('lets an engineer rewrite the description, keeping the previous text in the history, with an audit event and a new update time', async () => {
    const { c, engineer, path } = await setup('researching', { description: 'First words' });
    t.clock.advance(60_000);
    const response = await engineer.inject('PATCH', path, { description: 'Clearer words 😀' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ description: 'Clearer words 😀', updatedAt: t.clock.now().toISOString() });
    expect(await eventsOf(c.id)).toEqual([expect.objectContaining({ kind: 'description', actorId: engineer.userId, details: { previous: 'First words' } })]);
    expect(await auditsOf(c.id, 'case.description.updated')).toHaveLength(1);
  });

  it('writes the resolution, clears it with empty text, and writes nothing for unchanged text', async () => {
    const { c, engineer, path } = await setup('answered', { description: 'Same' });
    expect((await engineer.inject('PATCH', path, { resolution: 'Restart the **archive** service.' })).json().resolution).toBe('Restart the **archive** service.');
    expect((await engineer.inject('PATCH', path, { resolution: 'Restart the **archive** service.', description: 'Same' })).statusCode).toBe(200);
    expect((await engineer.inject('PATCH', path, { resolution: '' })).json().resolution).toBeNull();
    const events = await eventsOf(c.id);
    expect(events.map((e) => [e.kind, e.details])).toEqual([
      ['resolution', { previous: null }],
      ['resolution', { previous: 'Restart the **archive** service.' }],
    ]);
    expect(await auditsOf(c.id, 'case.resolution.updated')).toHaveLength(2);
    expect(await auditsOf(c.id, 'case.description.updated')).toHaveLength(0);
  });

  it('refuses a customer with 403, even the requester or an owner', async () => {
    const { s, c, customer, path } = await setup();
    const owner = await signInCaseMember(t, s.organizationId, 'owner');
    for (const client of [customer, owner]) {
      const response = await client.inject('PATCH', path, { description: 'Mine now' });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('auth.forbidden');
    }
    expect((await rowOf(c.id)).description).toBe(c.description);
  });

  it('refuses an empty body, an empty description and control characters', async () => {
    const { engineer, path } = await setup();
    for (const body of [{}, { description: '' }, { description: '  ' }, { resolution: 'nul\u0000' }]) {
      const response = await engineer.inject('PATCH', path, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
    }
  });
});

describe('POST /api/v1/organizations/:organizationId/cases/:caseId/assign', () => {
  it('assigns the case to an engineer, who is subscribed, with a history row and an audit event; null unassigns', async () => {
    const { c, engineer, path } = await setup();
    const colleague = await buildUser(t.ctx, { staffRole: 'account_manager', name: 'Park Manager' });
    const response = await engineer.inject('POST', `${path}/assign`, { assigneeId: colleague.id });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().assignee).toEqual({ id: colleague.id, name: 'Park Manager', side: 'engineer' });
    const subscriptions = await t.ctx.db.select().from(caseSubscriptions).where(and(eq(caseSubscriptions.caseId, c.id), eq(caseSubscriptions.userId, colleague.id)));
    expect(subscriptions).toEqual([expect.objectContaining({ reason: 'assignee' })]);
    expect((await engineer.inject('POST', `${path}/assign`, { assigneeId: engineer.userId })).json().assignee.id).toBe(engineer.userId);
    expect((await engineer.inject('POST', `${path}/assign`, { assigneeId: null })).json().assignee).toBeNull();
    const events = (await eventsOf(c.id)).map((e) => [e.kind, e.fromValue, e.toValue]);
    expect(events).toEqual([
      ['assignee', null, colleague.id],
      ['assignee', colleague.id, engineer.userId],
      ['assignee', engineer.userId, null],
    ]);
    expect(await auditsOf(c.id, 'case.assigned')).toHaveLength(3);
  });

  it('refuses to assign to a customer, an agent, a disabled engineer or an unknown user (422 cases.assignee_not_engineer)', async () => {
    const { c, customer, engineer, path } = await setup();
    const agent = await buildUser(t.ctx, { staffRole: 'agent' });
    const disabled = await buildUser(t.ctx, { staffRole: 'support_engineer' });
    await updateUser(t.ctx.db, disabled.id, { status: 'disabled' });
    for (const assigneeId of [customer.userId, agent.id, disabled.id, '00000000-0000-4000-8000-000000000000']) {
      const response = await engineer.inject('POST', `${path}/assign`, { assigneeId });
      expect(response.statusCode).toBe(422);
      expect(response.json().error.code).toBe('cases.assignee_not_engineer');
    }
    expect((await rowOf(c.id)).assigneeId).toBeNull();
  });

  it('refuses a customer with 403', async () => {
    const { customer, engineer, path } = await setup();
    const response = await customer.inject('POST', `${path}/assign`, { assigneeId: engineer.userId });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('auth.forbidden');
  });
});

describe('GET /api/v1/organizations/:organizationId/cases/:caseId/history', () => {
  it('lists every change oldest first, with actors on their side and assignee names', async () => {
    const s = await buildCaseScenario(t);
    const customer = await signInCaseMember(t, s.organizationId, 'owner', { name: '최고객' });
    const engineer = await signInStaff(t, 'support_engineer', { name: 'Kang Engineer' });
    const created = (await customer.inject('POST', `${s.base}/cases`, { siteId: s.siteA.id, category: 'licensing', productFamilyId: null, productId: null, releaseId: null, subject: 'Licence', description: 'Need more tags', language: 'ko' })).json();
    const path = `${s.base}/cases/${created.id}`;
    await engineer.inject('POST', `${path}/assign`, { assigneeId: engineer.userId });
    await engineer.inject('POST', `${path}/transitions`, { to: 'answered' });
    await engineer.inject('PATCH', path, { description: 'Need 5,000 more tags' });
    await customer.inject('POST', `${path}/transitions`, { to: 'closed' });
    await customer.inject('POST', `${path}/reopen`, { reason: '다시 발생했습니다' });

    const response = await customer.inject('GET', `${path}/history`);
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items;
    const customerRef = { id: customer.userId, name: '최고객', side: 'customer' };
    const engineerRef = { id: engineer.userId, name: 'Kang Engineer', side: 'engineer' };
    expect(items.map((i: { kind: string; actor: unknown; from: unknown; to: unknown }) => [i.kind, i.actor, i.from, i.to])).toEqual([
      ['created', customerRef, null, 'new'],
      ['assignee', engineerRef, null, engineer.userId],
      ['status', engineerRef, 'new', 'answered'],
      ['description', engineerRef, null, null],
      ['status', customerRef, 'answered', 'closed'],
      ['reopen_requested', customerRef, 'closed', 'researching'],
    ]);
    expect(items[1].details).toEqual({ fromName: null, toName: 'Kang Engineer' });
    expect(items[3].details).toEqual({ previous: 'Need more tags' });
    expect(items[5].details).toEqual({ reason: '다시 발생했습니다' });
    expect(items.map((i: { id: number }) => i.id)).toEqual([...items.map((i: { id: number }) => i.id)].sort((a: number, b: number) => a - b));
  });
});
