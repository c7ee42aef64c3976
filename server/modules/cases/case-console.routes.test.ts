import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BulkCasesResult } from '../../../common/schemas/cases';
import { caseEvents, cases, organizations } from '../../db/schema/index';
import { buildCase } from '../../test/case-factories';
import { buildUser } from '../../test/factories';
import { buildTestApp, type TestApp } from '../../test/test-app';
import { updateUser } from '../users/users.repository';
import { buildCaseScenario, signInCaseMember, signInStaff } from './case-lifecycle.scenario';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('POST /api/v1/cases/bulk', () => {
  it('applies the status and the assignee case by case, lists the failing one with its code and message, and applies the others', async () => {
    const a = await buildCaseScenario(t);
    const b = await buildCaseScenario(t);
    const engineer = await signInStaff(t);
    const first = await buildCase(t.ctx, { organizationId: a.organizationId, siteId: a.siteA.id, status: 'new' });
    const second = await buildCase(t.ctx, { organizationId: b.organizationId, siteId: b.siteA.id, status: 'researching' });
    const abandoned = await buildCase(t.ctx, { organizationId: a.organizationId, siteId: a.siteA.id, status: 'abandoned' });
    const already = await buildCase(t.ctx, { organizationId: a.organizationId, siteId: a.siteA.id, status: 'answered' });
    const missing = '00000000-0000-4000-8000-000000000000';
    const response = await engineer.inject('POST', '/api/v1/cases/bulk', { caseIds: [first.id, second.id, abandoned.id, already.id, missing], status: 'answered', assigneeId: engineer.userId });
    expect(response.statusCode, response.body).toBe(200);
    const result = BulkCasesResult.parse(response.json());
    // The case already answered is only assigned.
    expect(result.updated).toEqual([first.id, second.id, already.id]);
    expect(result.unchanged).toEqual([]);
    expect(result.failed).toEqual([
      { caseId: abandoned.id, code: 'cases.transition_not_allowed', message: 'A case cannot move from Abandoned to Answered.' },
      { caseId: missing, code: 'cases.not_found', message: expect.any(String) },
    ]);
    const rows = await t.ctx.db.select().from(cases).where(inArray(cases.id, [first.id, second.id, abandoned.id, already.id]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    // A status change is no reply to the customer: the first response waits for a public post.
    expect(byId.get(first.id)).toMatchObject({ status: 'answered', assigneeId: engineer.userId, firstResponseAt: null });
    expect(byId.get(second.id)).toMatchObject({ status: 'answered', assigneeId: engineer.userId });
    expect(byId.get(already.id)).toMatchObject({ status: 'answered', assigneeId: engineer.userId });
    // The failing case is untouched: its assignment went with the refused move.
    expect(byId.get(abandoned.id)).toMatchObject({ status: 'abandoned', assigneeId: null });
    const firstEvents = await t.ctx.db.select().from(caseEvents).where(eq(caseEvents.caseId, first.id)).orderBy(caseEvents.id);
    expect(firstEvents.map((e) => e.kind)).toEqual(['status', 'assignee']);
    expect(await t.ctx.db.select().from(caseEvents).where(eq(caseEvents.caseId, abandoned.id))).toEqual([]);
    expect((await t.ctx.db.select().from(caseEvents).where(eq(caseEvents.caseId, already.id))).map((e) => e.kind)).toEqual(['assignee']);
  });

  it('leaves a case already as asked as it is and lists it as unchanged, not failed (its own route answers the same move 409)', async () => {
    const s = await buildCaseScenario(t);
    const engineer = await signInStaff(t, 'support_engineer', { locale: 'ko' });
    const closed = await buildCase(t.ctx, { organizationId: s.organizationId, siteId: s.siteA.id, status: 'closed' });
    const researching = await buildCase(t.ctx, { organizationId: s.organizationId, siteId: s.siteA.id, status: 'researching' });
    const single = await engineer.inject('POST', `${s.base}/cases/${researching.id}/transitions`, { to: 'researching' });
    expect(single.statusCode).toBe(409);
    const result = BulkCasesResult.parse((await engineer.inject('POST', '/api/v1/cases/bulk', { caseIds: [researching.id, closed.id], status: 'researching' })).json());
    expect(result).toEqual({ updated: [closed.id], unchanged: [researching.id], failed: [] });
    expect(await t.ctx.db.select().from(caseEvents).where(eq(caseEvents.caseId, researching.id))).toEqual([]);
    // Assigned to the engineer already: assigning again changes nothing either.
    const assign = async () => BulkCasesResult.parse((await engineer.inject('POST', '/api/v1/cases/bulk', { caseIds: [researching.id], assigneeId: engineer.userId })).json());
    expect(await assign()).toEqual({ updated: [researching.id], unchanged: [], failed: [] });
    expect(await assign()).toEqual({ updated: [], unchanged: [researching.id], failed: [] });
    expect((await t.ctx.db.select().from(caseEvents).where(eq(caseEvents.caseId, researching.id))).map((e) => e.kind)).toEqual(['assignee']);
  });

  it('names the statuses of a refused move by their Korean labels for a Korean engineer', async () => {
    const s = await buildCaseScenario(t);
    const engineer = await signInStaff(t, 'support_engineer', { locale: 'ko' });
    const closed = await buildCase(t.ctx, { organizationId: s.organizationId, siteId: s.siteA.id, status: 'closed' });
    const result = (await engineer.inject('POST', '/api/v1/cases/bulk', { caseIds: [closed.id], status: 'answered' })).json();
    expect(result.failed).toEqual([{ caseId: closed.id, code: 'cases.transition_not_allowed', message: "케이스를 '종료' 상태에서 '답변 완료' 상태로 바꿀 수 없습니다." }]);
  });

  it('gives the failure messages in the engineer’s language and refuses assignees who are not engineers', async () => {
    const s = await buildCaseScenario(t);
    const engineer = await signInStaff(t, 'support_engineer', { locale: 'ko' });
    const customer = await buildUser(t.ctx);
    const c = await buildCase(t.ctx, { organizationId: s.organizationId, siteId: s.siteA.id });
    const result = (await engineer.inject('POST', '/api/v1/cases/bulk', { caseIds: [c.id], assigneeId: customer.id })).json();
    expect(result).toEqual({ updated: [], unchanged: [], failed: [{ caseId: c.id, code: 'cases.assignee_not_engineer', message: '케이스는 지원 엔지니어에게만 배정할 수 있습니다.' }] });
  });

  it('leaves a case of an archived organization alone', async () => {
    const s = await buildCaseScenario(t);
    const engineer = await signInStaff(t);
    const c = await buildCase(t.ctx, { organizationId: s.organizationId, siteId: s.siteA.id });
    await t.ctx.db.update(organizations).set({ archivedAt: new Date() }).where(eq(organizations.id, s.organizationId));
    const result = (await engineer.inject('POST', '/api/v1/cases/bulk', { caseIds: [c.id], status: 'closed' })).json();
    expect(result.failed).toEqual([expect.objectContaining({ caseId: c.id, code: 'organizations.archived' })]);
  });

  it('refuses customers and staff who do not answer cases (403), and an empty or aimless request (400)', async () => {
    const s = await buildCaseScenario(t);
    const c = await buildCase(t.ctx, { organizationId: s.organizationId, siteId: s.siteA.id });
    const owner = await signInCaseMember(t, s.organizationId, 'owner');
    const agent = await signInStaff(t, 'agent');
    for (const client of [owner, agent]) expect((await client.inject('POST', '/api/v1/cases/bulk', { caseIds: [c.id], status: 'closed' })).statusCode).toBe(403);
    const engineer = await signInStaff(t);
    for (const body of [{ caseIds: [], status: 'closed' }, { caseIds: [c.id] }, { caseIds: ['nope'], status: 'closed' }, { caseIds: [c.id], status: 'escalated' }]) {
      expect((await engineer.inject('POST', '/api/v1/cases/bulk', body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await t.ctx.db.select().from(cases).where(eq(cases.id, c.id)))[0]!.status).toBe('new');
  });
});

describe('GET /api/v1/cases/engineers', () => {
  it('lists active staff whose role answers cases, by name, and nobody else', async () => {
    const engineer = await buildUser(t.ctx, { staffRole: 'support_engineer', name: 'Aaron Engineer' });
    const manager = await buildUser(t.ctx, { staffRole: 'account_manager', name: '김매니저' });
    const admin = await buildUser(t.ctx, { staffRole: 'vendor_admin', name: 'Ada Admin' });
    const agent = await buildUser(t.ctx, { staffRole: 'agent', name: 'Agent Smith' });
    const disabled = await buildUser(t.ctx, { staffRole: 'support_engineer', name: 'Gone Engineer' });
    await updateUser(t.ctx.db, disabled.id, { status: 'disabled' });
    const customer = await buildUser(t.ctx, { name: 'Customer Person' });
    const client = await signInStaff(t);
    const response = await client.inject('GET', '/api/v1/cases/engineers');
    expect(response.statusCode).toBe(200);
    const items: { id: string; name: string; email: string }[] = response.json().items;
    const ids = items.map((i) => i.id);
    for (const user of [engineer, manager, admin]) expect(items).toContainEqual({ id: user.id, name: user.name, email: user.email });
    for (const user of [agent, disabled, customer]) expect(ids).not.toContain(user.id);
    const names = items.map((i) => i.name);
    expect(names.indexOf('Aaron Engineer')).toBeLessThan(names.indexOf('Ada Admin'));
  });

  it('refuses customers with 403', async () => {
    const s = await buildCaseScenario(t);
    const owner = await signInCaseMember(t, s.organizationId, 'owner');
    expect((await owner.inject('GET', '/api/v1/cases/engineers')).statusCode).toBe(403);
  });
});

describe('GET /api/v1/cases/by-number/:number', () => {
  it('finds a case by its 8-digit number and by its old-system number, ignoring case', async () => {
    const s = await buildCaseScenario(t);
    const c = await buildCase(t.ctx, { organizationId: s.organizationId, siteId: s.siteA.id, legacyNumber: 'SR-2019-00042' });
    const engineer = await signInStaff(t);
    const expected = { id: c.id, organizationId: s.organizationId, number: String(c.number) };
    expect((await engineer.inject('GET', `/api/v1/cases/by-number/${c.number}`)).json()).toEqual(expected);
    expect((await engineer.inject('GET', '/api/v1/cases/by-number/SR-2019-00042')).json()).toEqual(expected);
    expect((await engineer.inject('GET', '/api/v1/cases/by-number/sr-2019-00042')).json()).toEqual(expected);
    const legacyDigits = await buildCase(t.ctx, { organizationId: s.organizationId, siteId: s.siteA.id, legacyNumber: '77-1234' });
    expect((await engineer.inject('GET', '/api/v1/cases/by-number/77-1234')).json().id).toBe(legacyDigits.id);
  });

  it('answers 404 cases.not_found for an unknown number and 403 to customers', async () => {
    const engineer = await signInStaff(t);
    const response = await engineer.inject('GET', '/api/v1/cases/by-number/99999998');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('cases.not_found');
    expect((await engineer.inject('GET', `/api/v1/cases/by-number/${encodeURIComponent('<script>')}`)).statusCode).toBe(404);
    const s = await buildCaseScenario(t);
    const owner = await signInCaseMember(t, s.organizationId, 'owner');
    expect((await owner.inject('GET', '/api/v1/cases/by-number/10000001')).statusCode).toBe(403);
  });
});
