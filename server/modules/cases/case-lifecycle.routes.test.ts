import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaseStatus } from '../../../common/cases';
import { auditEvents, caseEvents, casePosts, cases } from '../../db/schema/index';
import { buildCase } from '../../test/case-factories';
import { buildTestApp, signInAs, type SignedIn, type TestApp } from '../../test/test-app';
import { buildCaseScenario, caseBody, signInCaseMember, signInStaff } from './case-lifecycle.scenario';

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

const DAY_MS = 86_400_000;

async function setup(app: TestApp, status: CaseStatus = 'new', overrides: Parameters<typeof buildCase>[1] = {}) {
  const s = await buildCaseScenario(app);
  const customer = await signInCaseMember(app, s.organizationId, 'support', { siteIds: [s.siteA.id] });
  const engineer = await signInStaff(app);
  const c = await buildCase(app.ctx, { organizationId: s.organizationId, siteId: s.siteA.id, requesterId: customer.userId, status, ...overrides });
  return { s, customer, engineer, c, path: `${s.base}/cases/${c.id}` };
}

const rowOf = async (id: string) => (await t.ctx.db.select().from(cases).where(eq(cases.id, id)))[0]!;
const move = (client: SignedIn, path: string, body: { to: CaseStatus; expectedStatus?: CaseStatus }) => client.inject('POST', `${path}/transitions`, body);
/** Sessions end when idle: after moving the clock, sign in again. */
const again = (app: TestApp, client: SignedIn) => signInAs(app.app, client.email);

describe('POST /api/v1/organizations/:organizationId/cases/:caseId/transitions', () => {
  it('moves the case for an engineer, with a history row and an audit event, without stamping a first response', async () => {
    const { c, engineer, path } = await setup(t);
    t.clock.advance(5 * 60_000);
    const answered = await move(engineer, path, { to: 'answered', expectedStatus: 'new' });
    expect(answered.statusCode, answered.body).toBe(200);
    const movedAt = t.clock.now().toISOString();
    expect(answered.json()).toMatchObject({ status: 'answered', waitingOnCustomer: true, firstResponseAt: null, updatedAt: movedAt, closedAt: null, resolvedAt: null });
    t.clock.advance(60_000);
    expect((await move(engineer, path, { to: 'pending_fix' })).json()).toMatchObject({ status: 'pending_fix', waitingOnCustomer: false, firstResponseAt: null });
    const events = await t.ctx.db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id)).orderBy(caseEvents.id);
    expect(events.map((e) => [e.kind, e.fromValue, e.toValue, e.actorId])).toEqual([
      ['status', 'new', 'answered', engineer.userId],
      ['status', 'answered', 'pending_fix', engineer.userId],
    ]);
    const audits = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.targetId, c.id), eq(auditEvents.action, 'case.status.changed')));
    expect(audits.map((a) => a.details)).toEqual([expect.objectContaining({ from: 'new', to: 'answered' }), expect.objectContaining({ from: 'answered', to: 'pending_fix' })]);
  });

  it('stamps the first response on the first public reply to the customer, never on a status change or an internal note', async () => {
    const { engineer, path } = await setup(t);
    t.clock.advance(60_000);
    expect((await move(engineer, path, { to: 'researching' })).json()).toMatchObject({ status: 'researching', firstResponseAt: null });
    t.clock.advance(60_000);
    expect((await engineer.inject('POST', `${path}/posts`, { body: 'Looking at the logs.', internal: true })).statusCode).toBe(201);
    expect((await engineer.inject('GET', path)).json().firstResponseAt).toBeNull();
    t.clock.advance(60_000);
    const repliedAt = t.clock.now().toISOString();
    expect((await engineer.inject('POST', `${path}/posts`, { body: 'Could you send the PI Server logs?' })).statusCode).toBe(201);
    expect((await engineer.inject('GET', path)).json().firstResponseAt).toBe(repliedAt);
    t.clock.advance(60_000);
    expect((await move(engineer, path, { to: 'answered' })).json()).toMatchObject({ status: 'answered', firstResponseAt: repliedAt });
  });

  it('stamps closed_at and resolved_at on closing; reopening clears closed_at, counts the reopen and keeps the first resolution', async () => {
    const { c, engineer, path } = await setup(t, 'researching');
    const closedAt = t.clock.now().toISOString();
    expect((await move(engineer, path, { to: 'closed' })).json()).toMatchObject({ status: 'closed', closedAt, resolvedAt: closedAt });
    t.clock.advance(DAY_MS);
    const fresh = await again(t, engineer);
    expect((await move(fresh, path, { to: 'researching' })).json()).toMatchObject({ status: 'researching', closedAt: null, resolvedAt: closedAt });
    t.clock.advance(DAY_MS);
    const abandonedAt = t.clock.now().toISOString();
    expect((await move(await again(t, engineer), path, { to: 'abandoned' })).json()).toMatchObject({ status: 'abandoned', closedAt: abandonedAt, resolvedAt: closedAt });
    expect((await rowOf(c.id)).reopenCount).toBe(1);
  });

  it('answers 409 cases.transition_not_allowed with the statuses for a move the table forbids', async () => {
    const { c, engineer, path } = await setup(t, 'abandoned');
    for (const to of ['closed', 'answered', 'abandoned', 'new'] as CaseStatus[]) {
      const response = await move(engineer, path, { to });
      expect(response.statusCode, to).toBe(409);
      expect(response.json().error).toMatchObject({ code: 'cases.transition_not_allowed', details: { from: 'abandoned', to, messageParams: { from: 'abandoned', to } } });
    }
    expect((await rowOf(c.id)).status).toBe('abandoned');
  });

  it('names the statuses by their labels in the reader’s language, never by their codes', async () => {
    const { path } = await setup(t, 'closed');
    const ko = await signInStaff(t, 'support_engineer', { locale: 'ko' });
    const en = await signInStaff(t, 'support_engineer', { locale: 'en' });
    expect((await move(ko, path, { to: 'answered' })).json().error.message).toBe("케이스를 '종료' 상태에서 '답변 완료' 상태로 바꿀 수 없습니다.");
    expect((await move(en, path, { to: 'pending_fix' })).json().error.message).toBe('A case cannot move from Closed to Pending Fix.');
    const open = await setup(t, 'new');
    const customerKo = await signInCaseMember(t, open.s.organizationId, 'support', { siteIds: [open.s.siteA.id], locale: 'ko' });
    const customerEn = await signInCaseMember(t, open.s.organizationId, 'support', { siteIds: [open.s.siteA.id], locale: 'en' });
    expect((await move(customerKo, open.path, { to: 'researching' })).json().error.message).toBe("이 케이스를 '조사 중' 상태로 바꿀 수 없습니다. 지원 엔지니어가 변경합니다.");
    expect((await move(customerEn, open.path, { to: 'waiting_on_response' })).json().error.message).toBe('You cannot move this case to Waiting on Response; your support engineer does that.');
  });

  it('answers 403 cases.transition_forbidden when the customer makes an engineer’s move', async () => {
    const { c, customer, path } = await setup(t, 'new');
    for (const to of ['researching', 'answered', 'abandoned'] as CaseStatus[]) {
      const response = await move(customer, path, { to });
      expect(response.statusCode, to).toBe(403);
      expect(response.json().error.code).toBe('cases.transition_forbidden');
    }
    expect((await rowOf(c.id)).status).toBe('new');
  });

  it('lets the customer answer a waiting case back to Researching and close it, without stamping a first response', async () => {
    const { customer, path } = await setup(t, 'waiting_on_response');
    expect((await move(customer, path, { to: 'researching' })).json()).toMatchObject({ status: 'researching', firstResponseAt: null });
    expect((await move(customer, path, { to: 'closed' })).json()).toMatchObject({ status: 'closed', abilities: { requestReopen: true, transitions: [] } });
  });

  it('keeps the customer from reopening a closed case by a plain transition (403: they send a reopen request, and are told so)', async () => {
    const { customer, path } = await setup(t, 'closed');
    const response = await move(customer, path, { to: 'researching' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({ code: 'cases.reopen_by_request', message: expect.stringContaining('Request reopen') });
  });

  it('answers 409 cases.status_changed when the status the actor saw is stale', async () => {
    const { c, engineer, path } = await setup(t, 'researching');
    const response = await move(engineer, path, { to: 'answered', expectedStatus: 'new' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'cases.status_changed', details: { status: 'researching' } });
    expect((await rowOf(c.id)).status).toBe('researching');
  });

  it('refuses an unknown status with 400', async () => {
    const { engineer, path } = await setup(t);
    expect((await engineer.inject('POST', `${path}/transitions`, { to: 'escalated' })).statusCode).toBe(400);
    expect((await engineer.inject('POST', `${path}/transitions`, {})).statusCode).toBe(400);
  });
});

describe('POST /api/v1/organizations/:organizationId/cases/:caseId/reopen', () => {
  it('reopens a closed case within 60 days: Researching, the reason in the history and as a public post, an audit event', async () => {
    const { c, customer, engineer, path } = await setup(t, 'researching');
    await move(customer, path, { to: 'closed' });
    t.clock.advance(59 * DAY_MS);
    const fresh = await again(t, customer);
    const page = (await fresh.inject('GET', path)).json();
    expect(page.abilities).toMatchObject({ requestReopen: true, offerNewCase: false });
    expect(page.reopenUntil).toBe(new Date(start.getTime() + 60 * DAY_MS).toISOString());
    const reason = 'The trend froze again 🥶 <b>today</b>';
    const response = await fresh.inject('POST', `${path}/reopen`, { reason });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'researching', closedAt: null, reopenUntil: null });
    const row = await rowOf(c.id);
    expect(row).toMatchObject({ reopenCount: 1, closedAt: null });
    const events = await t.ctx.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.kind, 'reopen_requested')));
    expect(events).toEqual([expect.objectContaining({ actorId: customer.userId, fromValue: 'closed', toValue: 'researching', details: { reason } })]);
    const posts = await t.ctx.db.select().from(casePosts).where(eq(casePosts.caseId, c.id));
    expect(posts).toEqual([expect.objectContaining({ body: reason, authorId: customer.userId, authorSide: 'customer', visibility: 'public' })]);
    const audits = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.targetId, c.id), eq(auditEvents.action, 'case.reopen.requested')));
    expect(audits).toHaveLength(1);
    // The engineer sees the work come back.
    expect((await (await again(t, engineer)).inject('GET', path)).json().status).toBe('researching');
  });

  it('refuses after the window with 409 cases.reopen_window_passed and offers a new case instead', async () => {
    const { c, customer, path } = await setup(t, 'researching');
    await move(customer, path, { to: 'closed' });
    t.clock.advance(60 * DAY_MS + 1000);
    const fresh = await again(t, customer);
    const response = await fresh.inject('POST', `${path}/reopen`, { reason: 'Please' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'cases.reopen_window_passed', details: { days: 60 } });
    expect(response.json().error.message).toContain('60');
    expect((await rowOf(c.id)).status).toBe('closed');
    expect((await fresh.inject('GET', path)).json().abilities).toMatchObject({ requestReopen: false, offerNewCase: true });
  });

  it('says "다시 열기" in Korean when it refuses a reopen, never 재개', async () => {
    const { s, c, path } = await setup(t, 'researching');
    const customer = await signInCaseMember(t, s.organizationId, 'support', { siteIds: [s.siteA.id], locale: 'ko' });
    await move(customer, path, { to: 'closed' });
    t.clock.advance(60 * DAY_MS + 1000);
    const late = await (await again(t, customer)).inject('POST', `${path}/reopen`, { reason: '다시 봐 주세요' });
    expect(late.json().error.message).toBe('종료된 지 60일이 지난 케이스는 다시 열 수 없습니다. 이 케이스를 참조하는 새 케이스를 여세요.');
    const post = await (await again(t, customer)).inject('POST', `${path}/posts`, { body: '아직 문제가 있습니다' });
    expect(post.json().error).toMatchObject({ code: 'cases.closed', message: '종료된 케이스입니다. 다시 열기를 요청하거나, 이 케이스를 참조하는 새 케이스를 여세요.' });
    expect((await rowOf(c.id)).status).toBe('closed');
  });

  it('offers the customer of an abandoned case a new case that references it, and accepts it as the related case', async () => {
    const { s, c, customer, engineer, path } = await setup(t, 'researching');
    expect((await move(engineer, path, { to: 'abandoned' })).statusCode).toBe(200);
    const page = (await customer.inject('GET', path)).json();
    expect(page.abilities).toMatchObject({ requestReopen: false, offerNewCase: true, transitions: [] });
    // The engineer brings it back with a transition instead.
    expect((await engineer.inject('GET', path)).json().abilities).toMatchObject({ requestReopen: false, offerNewCase: false, transitions: ['researching'] });
    const refused = await customer.inject('POST', `${path}/reopen`, { reason: 'Again' });
    expect(refused.json().error.code).toBe('cases.not_closed');
    const created = await customer.inject('POST', `${s.base}/cases`, caseBody(s, { relatedCaseId: c.id }));
    expect(created.statusCode, created.body).toBe(201);
    expect((await customer.inject('GET', `${s.base}/cases/${created.json().id}`)).json().relatedCase).toMatchObject({ id: c.id });
  });

  it('answers 409 cases.not_closed for an open case and for an abandoned one', async () => {
    for (const status of ['answered', 'abandoned'] as CaseStatus[]) {
      const { customer, path } = await setup(t, status);
      const response = await customer.inject('POST', `${path}/reopen`, { reason: 'Again' });
      expect(response.statusCode, status).toBe(409);
      expect(response.json().error.code).toBe('cases.not_closed');
    }
  });

  it('refuses an engineer with 403 (engineers use transitions) and an empty reason with 400', async () => {
    const { customer, engineer, path } = await setup(t, 'closed');
    const response = await engineer.inject('POST', `${path}/reopen`, { reason: 'Again' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('auth.forbidden');
    for (const body of [{}, { reason: '' }, { reason: '   ' }, { reason: 'x'.repeat(5001) }]) expect((await customer.inject('POST', `${path}/reopen`, body)).statusCode).toBe(400);
  });
});

describe('a configured reopen window (1 day)', () => {
  let short: TestApp;
  beforeAll(async () => {
    short = await buildTestApp({ serviceConfig: { caseReopenWindowDays: 1 } });
  });
  afterAll(async () => {
    await short.close();
  });

  it('reopens within the day and refuses after it', async () => {
    const base = short.clock.now();
    const within = await setup(short, 'closed', { closedAt: base });
    short.clock.set(new Date(base.getTime() + DAY_MS));
    const customer = await again(short, within.customer);
    expect((await customer.inject('POST', `${within.path}/reopen`, { reason: 'Back' })).statusCode).toBe(200);
    const late = await setup(short, 'closed', { closedAt: base });
    short.clock.set(new Date(base.getTime() + DAY_MS + 1));
    const response = await (await again(short, late.customer)).inject('POST', `${late.path}/reopen`, { reason: 'Back' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'cases.reopen_window_passed', details: { days: 1 } });
  });
});
