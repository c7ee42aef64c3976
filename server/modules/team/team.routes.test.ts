import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRole } from '../../../common/permissions';
import type { MemberList, MemberSummary } from '../../../common/schemas/team';
import { auditEvents, members, memberSites, organizations, users } from '../../db/schema/index';
import { buildMember, buildOrganization, buildSite, buildUser } from '../../test/factories';
import { buildTestApp, signInAs, signInNewUser, type SignedIn, type TestApp } from '../../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

/** An organization with a signed-in owner. */
async function organizationWithOwner() {
  const organization = await buildOrganization(t.ctx);
  const owner = await signInNewUser(t);
  const ownerMember = await buildMember(t.ctx, { organizationId: organization.id, userId: owner.userId, role: 'owner' });
  return { organization, owner, ownerMember };
}

/** A signed-in member of the organization with a role. */
async function signedInMember(organizationId: string, role: CustomerRole, siteIds: string[] = []): Promise<{ client: SignedIn; memberId: string }> {
  const client = await signInNewUser(t);
  const member = await buildMember(t.ctx, { organizationId, userId: client.userId, role, siteIds });
  return { client, memberId: member.id };
}

const membersUrl = (organizationId: string, query = '') => `/api/v1/organizations/${organizationId}/members${query}`;

async function auditFor(organizationId: string, action: string) {
  return t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.organizationId, organizationId), eq(auditEvents.action, action)))
    .orderBy(auditEvents.id);
}

describe('GET /api/v1/organizations/:organizationId/members', () => {
  it('lists members with their sites, searched, filtered and paged by name', async () => {
    const { organization, owner } = await organizationWithOwner();
    await t.database.db.update(users).set({ name: 'Zed Owner' }).where(eq(users.id, owner.userId));
    const north = await buildSite(t.ctx, { organizationId: organization.id, name: 'North plant' });
    const south = await buildSite(t.ctx, { organizationId: organization.id, name: 'South plant' });
    const alice = await buildUser(t.ctx, { name: 'Alice Kim', company: 'ACME Chemicals', email: `alice-${randomUUID().slice(0, 6)}@acme.example` });
    const bob = await buildUser(t.ctx, { name: 'bob Lee', company: 'Other Co' });
    const carol = await buildUser(t.ctx, { name: 'Carol 100% Park', company: null });
    const aliceMember = await buildMember(t.ctx, { organizationId: organization.id, userId: alice.id, role: 'operator', siteIds: [south.id, north.id] });
    await buildMember(t.ctx, { organizationId: organization.id, userId: bob.id, role: 'viewer', siteIds: [south.id] });
    const carolMember = await buildMember(t.ctx, { organizationId: organization.id, userId: carol.id, role: 'viewer' });
    await t.database.db.update(members).set({ status: 'inactive' }).where(eq(members.id, carolMember.id));
    await buildMember(t.ctx, { role: 'viewer' }); // someone in another organization

    const all = await owner.inject('GET', membersUrl(organization.id));
    expect(all.statusCode).toBe(200);
    const body = all.json() as MemberList;
    expect(body.total).toBe(4);
    expect(body.items.map((m) => m.name)).toEqual(['Alice Kim', 'bob Lee', 'Carol 100% Park', 'Zed Owner']);
    expect(body.items[0]).toEqual({
      id: aliceMember.id,
      userId: alice.id,
      name: 'Alice Kim',
      email: alice.email,
      company: 'ACME Chemicals',
      role: 'operator',
      status: 'active',
      allSites: false,
      sites: [
        { id: north.id, name: 'North plant' },
        { id: south.id, name: 'South plant' },
      ],
      lastSignInAt: null,
    });
    expect(body.items[3]).toMatchObject({ role: 'owner', allSites: true, sites: [] });
    expect(body.items[3]!.lastSignInAt).not.toBeNull();

    const names = async (query: string) => {
      const response = await owner.inject('GET', membersUrl(organization.id, query));
      expect(response.statusCode).toBe(200);
      const list = response.json() as MemberList;
      return { names: list.items.map((m) => m.name), total: list.total };
    };
    expect(await names('?q=acme')).toEqual({ names: ['Alice Kim'], total: 1 });
    expect(await names('?q=LEE')).toEqual({ names: ['bob Lee'], total: 1 });
    expect(await names(`?q=${encodeURIComponent(alice.email.slice(0, 10))}`)).toEqual({ names: ['Alice Kim'], total: 1 });
    expect(await names('?q=%25')).toEqual({ names: ['Carol 100% Park'], total: 1 });
    expect(await names('?q=_')).toEqual({ names: [], total: 0 });
    expect(await names('?role=viewer')).toEqual({ names: ['bob Lee', 'Carol 100% Park'], total: 2 });
    expect(await names('?status=inactive')).toEqual({ names: ['Carol 100% Park'], total: 1 });
    expect(await names('?status=active&role=viewer')).toEqual({ names: ['bob Lee'], total: 1 });
    expect(await names(`?siteId=${south.id}`)).toEqual({ names: ['Alice Kim', 'bob Lee'], total: 2 });
    expect(await names(`?siteId=${north.id}&q=bob`)).toEqual({ names: [], total: 0 });
    expect(await names('?pageSize=2')).toEqual({ names: ['Alice Kim', 'bob Lee'], total: 4 });
    expect(await names('?pageSize=2&page=2')).toEqual({ names: ['Carol 100% Park', 'Zed Owner'], total: 4 });
    expect(await names('?pageSize=2&page=3')).toEqual({ names: [], total: 4 });
  });

  it('refuses bad filters and members below admin', async () => {
    const { organization, owner } = await organizationWithOwner();
    for (const query of ['?role=superhero', '?status=gone', '?siteId=nope', '?pageSize=1000', '?page=0', `?q=${'x'.repeat(101)}`]) {
      expect((await owner.inject('GET', membersUrl(organization.id, query))).statusCode, query).toBe(400);
    }
    const { client } = await signedInMember(organization.id, 'super');
    expect((await client.inject('GET', membersUrl(organization.id))).statusCode).toBe(403);
  });
});

describe('PATCH /api/v1/organizations/:organizationId/members/:memberId', () => {
  it("changes a role, records before and after, and the member's open session feels it on its next request", async () => {
    const { organization, owner } = await organizationWithOwner();
    const { client, memberId } = await signedInMember(organization.id, 'viewer');
    expect((await client.inject('GET', membersUrl(organization.id))).statusCode).toBe(403);

    const promoted = await owner.inject('PATCH', membersUrl(organization.id, `/${memberId}`), { role: 'admin' });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json()).toMatchObject({ id: memberId, role: 'admin', allSites: true });
    // The same session, without signing in again.
    expect((await client.inject('GET', membersUrl(organization.id))).statusCode).toBe(200);

    expect((await owner.inject('PATCH', membersUrl(organization.id, `/${memberId}`), { role: 'viewer' })).statusCode).toBe(200);
    expect((await client.inject('GET', membersUrl(organization.id))).statusCode).toBe(403);

    const events = await auditFor(organization.id, 'member.updated');
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      category: 'member',
      actorUserId: owner.userId,
      targetType: 'member',
      targetId: memberId,
      details: { email: client.email, before: { role: 'viewer', siteIds: [] }, after: { role: 'admin', siteIds: [] } },
    });
    expect(events[0]!.ip).toBeTruthy();
  });

  it('refuses to demote the last active owner, and allows it when another owner remains', async () => {
    const { organization, owner, ownerMember } = await organizationWithOwner();
    const refused = await owner.inject('PATCH', membersUrl(organization.id, `/${ownerMember.id}`), { role: 'admin' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('organizations.last_owner');

    // An inactive owner does not count.
    const inactiveOwner = await buildMember(t.ctx, { organizationId: organization.id, role: 'owner' });
    await t.database.db.update(members).set({ status: 'inactive' }).where(eq(members.id, inactiveOwner.id));
    expect((await owner.inject('PATCH', membersUrl(organization.id, `/${ownerMember.id}`), { role: 'admin' })).statusCode).toBe(409);

    const second = await buildMember(t.ctx, { organizationId: organization.id, role: 'owner' });
    const demoted = await owner.inject('PATCH', membersUrl(organization.id, `/${ownerMember.id}`), { role: 'admin' });
    expect(demoted.statusCode).toBe(200);
    expect(demoted.json().role).toBe('admin');
    const [row] = await t.database.db.select().from(members).where(eq(members.id, second.id));
    expect(row!.role).toBe('owner');
  });

  it('lets only an owner grant or take away the owner role; an admin may not change owners at all', async () => {
    const { organization, ownerMember } = await organizationWithOwner();
    const { client: admin } = await signedInMember(organization.id, 'admin');
    const viewer = await buildMember(t.ctx, { organizationId: organization.id, role: 'viewer' });
    const site = await buildSite(t.ctx, { organizationId: organization.id });

    for (const [memberId, body] of [
      [viewer.id, { role: 'owner' }],
      [ownerMember.id, { role: 'viewer' }],
      [ownerMember.id, { siteIds: [site.id] }],
    ] as const) {
      const response = await admin.inject('PATCH', membersUrl(organization.id, `/${memberId}`), body);
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('auth.forbidden');
    }
    expect((await admin.inject('PATCH', membersUrl(organization.id, `/${viewer.id}`), { role: 'admin' })).statusCode).toBe(200);
    const [row] = await t.database.db.select().from(members).where(eq(members.id, ownerMember.id));
    expect(row!.role).toBe('owner');
  });

  it("replaces the member's sites with the selection and refuses another organization's site", async () => {
    const { organization, owner } = await organizationWithOwner();
    const [a, b, c] = await Promise.all(['A site', 'B site', 'C site'].map((name) => buildSite(t.ctx, { organizationId: organization.id, name })));
    const foreign = await buildSite(t.ctx);
    const member = await buildMember(t.ctx, { organizationId: organization.id, role: 'operator', siteIds: [a!.id] });
    const url = membersUrl(organization.id, `/${member.id}`);

    const replaced = await owner.inject('PATCH', url, { siteIds: [c!.id, b!.id, b!.id] });
    expect(replaced.statusCode).toBe(200);
    expect((replaced.json() as MemberSummary).sites.map((s) => s.name)).toEqual(['B site', 'C site']);

    const refused = await owner.inject('PATCH', url, { siteIds: [a!.id, foreign.id] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'validation.failed', details: { fieldErrors: { siteIds: ['sites.not_found'] } } });
    const rows = await t.database.db.select().from(memberSites).where(eq(memberSites.memberId, member.id));
    expect(rows.map((r) => r.siteId).sort()).toEqual([b!.id, c!.id].sort());

    expect((await owner.inject('PATCH', url, { siteIds: [] })).json().sites).toEqual([]);
    const [event] = (await auditFor(organization.id, 'member.updated')).slice(-1);
    expect(event!.details).toMatchObject({ before: { siteIds: [b!.id, c!.id].sort() }, after: { siteIds: [] } });
  });

  it("answers 404 for another organization's member and 400 for bad input", async () => {
    const { organization, owner } = await organizationWithOwner();
    const other = await buildMember(t.ctx, { role: 'viewer' });
    const response = await owner.inject('PATCH', membersUrl(organization.id, `/${other.id}`), { role: 'admin' });
    expect(response.statusCode).toBe(404);
    const own = await buildMember(t.ctx, { organizationId: organization.id, role: 'viewer' });
    for (const body of [{}, { role: 'emperor' }, { siteIds: ['nope'] }, { siteIds: Array.from({ length: 501 }, () => randomUUID()) }]) {
      expect((await owner.inject('PATCH', membersUrl(organization.id, `/${own.id}`), body)).statusCode, JSON.stringify(body).slice(0, 40)).toBe(400);
    }
  });

  it('refuses changes in an archived organization', async () => {
    const { organization, owner } = await organizationWithOwner();
    const member = await buildMember(t.ctx, { organizationId: organization.id, role: 'viewer' });
    await t.database.db.update(organizations).set({ archivedAt: new Date() }).where(eq(organizations.id, organization.id));
    const response = await owner.inject('PATCH', membersUrl(organization.id, `/${member.id}`), { role: 'support' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('organizations.archived');
  });
});

describe('POST /api/v1/organizations/:organizationId/members/bulk', () => {
  it('deactivates (history kept, access lost at once), reactivates and removes, with the activity log', async () => {
    const { organization, owner } = await organizationWithOwner();
    const site = await buildSite(t.ctx, { organizationId: organization.id });
    const { client, memberId } = await signedInMember(organization.id, 'operator', [site.id]);
    const other = await buildMember(t.ctx, { organizationId: organization.id, role: 'viewer' });
    const bulk = (action: string, memberIds: string[]) => owner.inject('POST', membersUrl(organization.id, '/bulk'), { action, memberIds });
    const security = () => client.inject('GET', `/api/v1/organizations/${organization.id}/security`);
    expect((await security()).statusCode).toBe(200);

    const deactivated = await bulk('deactivate', [memberId, other.id]);
    expect(deactivated.statusCode).toBe(200);
    expect(deactivated.json()).toEqual({ updated: 2 });
    expect((await security()).statusCode).toBe(404);
    const [row] = await t.database.db.select().from(members).where(eq(members.id, memberId));
    expect(row).toMatchObject({ status: 'inactive', role: 'operator' });
    expect(row!.deactivatedAt).toBeInstanceOf(Date);
    expect(await t.database.db.select().from(memberSites).where(eq(memberSites.memberId, memberId))).toHaveLength(1);
    expect((await bulk('deactivate', [memberId])).json()).toEqual({ updated: 0 });

    expect((await bulk('reactivate', [memberId])).json()).toEqual({ updated: 1 });
    expect((await security()).statusCode).toBe(200);

    expect((await bulk('remove', [memberId, other.id])).json()).toEqual({ updated: 2 });
    expect((await security()).statusCode).toBe(404);
    expect(await t.database.db.select().from(members).where(eq(members.id, memberId))).toHaveLength(0);

    expect(await auditFor(organization.id, 'member.deactivated')).toHaveLength(2);
    const [reactivated] = await auditFor(organization.id, 'member.reactivated');
    expect(reactivated).toMatchObject({ category: 'member', actorUserId: owner.userId, targetId: memberId, details: { before: { status: 'inactive' }, after: { status: 'active' } } });
    const removed = await auditFor(organization.id, 'member.removed');
    expect(removed.find((e) => e.targetId === memberId)).toMatchObject({ details: { email: client.email, before: { role: 'operator', status: 'active', siteIds: [site.id] }, after: null } });
  });

  it('refuses, all or nothing, anything that would leave no active owner', async () => {
    const { organization, owner, ownerMember } = await organizationWithOwner();
    const viewer = await buildMember(t.ctx, { organizationId: organization.id, role: 'viewer' });
    for (const action of ['deactivate', 'remove']) {
      const response = await owner.inject('POST', membersUrl(organization.id, '/bulk'), { action, memberIds: [viewer.id, ownerMember.id] });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('organizations.last_owner');
    }
    const rows = await t.database.db.select().from(members).where(eq(members.organizationId, organization.id));
    expect(rows.map((r) => r.status)).toEqual(['active', 'active']);
    expect(await auditFor(organization.id, 'member.deactivated')).toHaveLength(0);

    const second = await buildMember(t.ctx, { organizationId: organization.id, role: 'owner' });
    expect((await owner.inject('POST', membersUrl(organization.id, '/bulk'), { action: 'deactivate', memberIds: [second.id, ownerMember.id] })).statusCode).toBe(409);
    expect((await owner.inject('POST', membersUrl(organization.id, '/bulk'), { action: 'deactivate', memberIds: [second.id] })).json()).toEqual({ updated: 1 });
  });

  it("answers 404 when any id is another organization's member, changing nothing", async () => {
    const { organization, owner } = await organizationWithOwner();
    const own = await buildMember(t.ctx, { organizationId: organization.id, role: 'viewer' });
    const foreign = await buildMember(t.ctx, { role: 'viewer' });
    const response = await owner.inject('POST', membersUrl(organization.id, '/bulk'), { action: 'remove', memberIds: [own.id, foreign.id] });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('members.not_found');
    expect(await t.database.db.select().from(members).where(eq(members.id, own.id))).toHaveLength(1);
    expect(await t.database.db.select().from(members).where(eq(members.id, foreign.id))).toHaveLength(1);
  });

  it("refuses an admin's bulk change that touches an owner", async () => {
    const { organization, ownerMember } = await organizationWithOwner();
    await buildMember(t.ctx, { organizationId: organization.id, role: 'owner' });
    const { client: admin } = await signedInMember(organization.id, 'admin');
    const viewer = await buildMember(t.ctx, { organizationId: organization.id, role: 'viewer' });
    const response = await admin.inject('POST', membersUrl(organization.id, '/bulk'), { action: 'deactivate', memberIds: [viewer.id, ownerMember.id] });
    expect(response.statusCode).toBe(403);
    expect((await admin.inject('POST', membersUrl(organization.id, '/bulk'), { action: 'deactivate', memberIds: [viewer.id] })).json()).toEqual({ updated: 1 });
  });

  it('refuses bad input: no ids, too many ids, bad ids, an unknown action', async () => {
    const { organization, owner } = await organizationWithOwner();
    const url = membersUrl(organization.id, '/bulk');
    for (const body of [
      { action: 'deactivate', memberIds: [] },
      { action: 'deactivate', memberIds: Array.from({ length: 501 }, () => randomUUID()) },
      { action: 'deactivate', memberIds: ['not-a-uuid'] },
      { action: 'promote', memberIds: [randomUUID()] },
      { memberIds: [randomUUID()] },
    ]) {
      const response = await owner.inject('POST', url, body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('validation.failed');
    }
  });
});

describe('GET /api/v1/organizations/:organizationId/directory', () => {
  it("shows every member's contact across all sites to any member, active ones only", async () => {
    const { organization } = await organizationWithOwner();
    const [north, south] = await Promise.all(['North', 'South'].map((name) => buildSite(t.ctx, { organizationId: organization.id, name })));
    const { client: viewer } = await signedInMember(organization.id, 'viewer', [north!.id]);
    const colleague = await buildUser(t.ctx, { name: '박서준', company: 'A석유화학' });
    await t.database.db.update(users).set({ phone: '+82 61-000-0001' }).where(eq(users.id, colleague.id));
    await buildMember(t.ctx, { organizationId: organization.id, userId: colleague.id, role: 'support', siteIds: [south!.id] });
    const gone = await buildMember(t.ctx, { organizationId: organization.id, role: 'viewer' });
    await t.database.db.update(members).set({ status: 'inactive' }).where(eq(members.id, gone.id));

    const response = await viewer.inject('GET', `/api/v1/organizations/${organization.id}/directory`);
    expect(response.statusCode).toBe(200);
    const { items, total } = response.json() as { items: { name: string }[]; total: number };
    expect(total).toBe(3);
    expect(items.find((i) => i.name === '박서준')).toEqual({
      name: '박서준',
      email: colleague.email,
      company: 'A석유화학',
      phone: '+82 61-000-0001',
      role: 'support',
      allSites: false,
      sites: [{ id: south!.id, name: 'South' }],
    });
    const searched = await viewer.inject('GET', `/api/v1/organizations/${organization.id}/directory?q=${encodeURIComponent('석유')}`);
    expect((searched.json() as { items: { name: string }[] }).items.map((i) => i.name)).toEqual(['박서준']);

    const outsider = await signInNewUser(t);
    expect((await outsider.inject('GET', `/api/v1/organizations/${organization.id}/directory`)).statusCode).toBe(404);
  });
});

describe('signing in as a member whose role changed', () => {
  it('sees the new role in /me at once', async () => {
    const { organization, owner } = await organizationWithOwner();
    const user = await buildUser(t.ctx);
    const member = await buildMember(t.ctx, { organizationId: organization.id, userId: user.id, role: 'viewer' });
    const client = await signInAs(t.app, user.email);
    await owner.inject('PATCH', membersUrl(organization.id, `/${member.id}`), { role: 'super' });
    const me = await client.inject('GET', '/api/v1/me');
    expect(me.json().memberships).toEqual([{ organizationId: organization.id, organizationName: organization.name, role: 'super' }]);
  });
});
