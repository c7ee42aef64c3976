import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRole } from '../../../common/permissions';
import { auditEvents, memberSites, sites } from '../../db/schema/index';
import { buildMember, buildOrganization, buildSite, buildUser } from '../../test/factories';
import { buildTestApp, signInAs, signInNewUser, type SignedIn, type TestApp } from '../../test/test-app';
import { orderAsTree } from './sites.service';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

async function memberOf(organizationId: string, role: CustomerRole, siteIds: string[] = []): Promise<SignedIn> {
  const user = await buildUser(t.ctx);
  await buildMember(t.ctx, { organizationId, userId: user.id, role, siteIds });
  return signInAs(t.app, user.email);
}

/** An organization with its owner signed in. */
async function ownedOrganization() {
  const organization = await buildOrganization(t.ctx);
  return { organization, owner: await memberOf(organization.id, 'owner'), base: `/api/v1/organizations/${organization.id}/sites` };
}

async function createSite(client: SignedIn, base: string, name: string, parentId?: string): Promise<{ id: string; name: string; parentId: string | null }> {
  const response = await client.inject('POST', base, parentId ? { name, parentId } : { name });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const eventsFor = (organizationId: string, action: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.organizationId, organizationId), eq(auditEvents.action, action)));

describe('orderAsTree', () => {
  it('puts each parent before its sub-sites, keeping the sibling order', () => {
    const rows = [
      { id: 'b', parentId: null },
      { id: 'a1', parentId: 'a' },
      { id: 'a', parentId: null },
      { id: 'b1', parentId: 'b' },
      { id: 'a1x', parentId: 'a1' },
    ];
    expect(orderAsTree(rows).map((r) => r.id)).toEqual(['b', 'b1', 'a', 'a1', 'a1x']);
  });
});

describe('creating and listing sites', () => {
  it('creates top-level sites and sub-sites, lists them in tree order, and logs each', async () => {
    const { organization, owner, base } = await ownedOrganization();
    const seoul = await createSite(owner, base, 'Seoul');
    const busan = await createSite(owner, base, 'Busan');
    const gangnam = await createSite(owner, base, 'Gangnam', seoul.id);
    const floor = await createSite(owner, base, 'Floor 3', gangnam.id);
    expect(gangnam).toMatchObject({ name: 'Gangnam', parentId: seoul.id });

    const list = await owner.inject('GET', base);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      { id: busan.id, name: 'Busan', parentId: null, accessible: true },
      { id: seoul.id, name: 'Seoul', parentId: null, accessible: true },
      { id: gangnam.id, name: 'Gangnam', parentId: seoul.id, accessible: true },
      { id: floor.id, name: 'Floor 3', parentId: gangnam.id, accessible: true },
    ]);
    const events = await eventsFor(organization.id, 'site.created');
    expect(events).toHaveLength(4);
    expect(events.find((e) => e.targetId === gangnam.id)).toMatchObject({ category: 'site', actorUserId: owner.userId, details: { before: null, after: { name: 'Gangnam', parentId: seoul.id } } });
  });

  it('marks the sites a member below admin may act on: their sites and sub-sites', async () => {
    const organization = await buildOrganization(t.ctx);
    const given = await buildSite(t.ctx, { organizationId: organization.id, name: 'Given' });
    const below = await buildSite(t.ctx, { organizationId: organization.id, name: 'Below', parentId: given.id });
    const other = await buildSite(t.ctx, { organizationId: organization.id, name: 'Other' });
    const operator = await memberOf(organization.id, 'operator', [given.id]);
    const items = (await operator.inject('GET', `/api/v1/organizations/${organization.id}/sites`)).json().items as { id: string; accessible: boolean }[];
    expect(Object.fromEntries(items.map((i) => [i.id, i.accessible]))).toEqual({ [given.id]: true, [below.id]: true, [other.id]: false });

    const admin = await memberOf(organization.id, 'admin');
    const forAdmin = (await admin.inject('GET', `/api/v1/organizations/${organization.id}/sites`)).json().items as { accessible: boolean }[];
    expect(forAdmin.every((i) => i.accessible)).toBe(true);
    const engineer = await signInNewUser(t, { staffRole: 'support_engineer' });
    const forStaff = (await engineer.inject('GET', `/api/v1/organizations/${organization.id}/sites`)).json().items as { accessible: boolean }[];
    expect(forStaff).toHaveLength(3);
    expect(forStaff.every((i) => i.accessible)).toBe(true);
  });

  it("refuses a parent of another organization or an unknown one (404), and a malformed one (400)", async () => {
    const { owner, base } = await ownedOrganization();
    const foreign = await buildSite(t.ctx);
    for (const parentId of [foreign.id, randomUUID()]) {
      const response = await owner.inject('POST', base, { name: 'Child', parentId });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('sites.not_found');
    }
    expect((await owner.inject('POST', base, { name: 'Child', parentId: 'nope' })).statusCode).toBe(400);
  });

  it('refuses bad names', async () => {
    const { owner, base } = await ownedOrganization();
    for (const name of ['', '   ', 's'.repeat(101), 'bell\u0007', 'new\nline']) {
      const response = await owner.inject('POST', base, { name });
      expect(response.statusCode, JSON.stringify(name)).toBe(400);
      expect(response.json().error.code).toBe('validation.failed');
    }
  });

  it('is for owners and admins: roles below get 403, other organizations 404', async () => {
    const { organization, base } = await ownedOrganization();
    const viewer = await memberOf(organization.id, 'viewer');
    expect((await viewer.inject('POST', base, { name: 'Nope' })).statusCode).toBe(403);
    const admin = await memberOf(organization.id, 'admin');
    expect((await admin.inject('POST', base, { name: 'Yes' })).statusCode).toBe(201);
    const outsider = await memberOf((await buildOrganization(t.ctx)).id, 'owner');
    expect((await outsider.inject('POST', base, { name: 'Nope' })).statusCode).toBe(404);
    expect((await outsider.inject('GET', base)).statusCode).toBe(404);
  });

  it('lists but does not change the sites of an archived organization', async () => {
    const { organization, owner, base } = await ownedOrganization();
    await createSite(owner, base, 'Kept');
    await owner.inject('POST', `/api/v1/organizations/${organization.id}/archive`, { confirmId: organization.id, understood: true });
    expect((await owner.inject('GET', base)).json().items).toHaveLength(1);
    const response = await owner.inject('POST', base, { name: 'Too late' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('organizations.archived');
  });
});

describe('PATCH /api/v1/organizations/:organizationId/sites/:siteId', () => {
  it('renames and moves a site, logging before and after', async () => {
    const { organization, owner, base } = await ownedOrganization();
    const a = await createSite(owner, base, 'A');
    const b = await createSite(owner, base, 'B');
    const renamed = await owner.inject('PATCH', `${base}/${a.id}`, { name: 'A prime' });
    expect(renamed.json()).toMatchObject({ id: a.id, name: 'A prime', parentId: null });
    const moved = await owner.inject('PATCH', `${base}/${a.id}`, { parentId: b.id });
    expect(moved.json()).toMatchObject({ parentId: b.id });
    const back = await owner.inject('PATCH', `${base}/${a.id}`, { parentId: null });
    expect(back.json()).toMatchObject({ parentId: null });
    const details = (await eventsFor(organization.id, 'site.updated')).map((e) => e.details);
    expect(details).toEqual(
      expect.arrayContaining([
        { before: { name: 'A' }, after: { name: 'A prime' } },
        { before: { parentId: null }, after: { parentId: b.id } },
        { before: { parentId: b.id }, after: { parentId: null } },
      ]),
    );
  });

  it('refuses to move a site under itself or one of its sub-sites', async () => {
    const { owner, base } = await ownedOrganization();
    const top = await createSite(owner, base, 'Top');
    const child = await createSite(owner, base, 'Child', top.id);
    const grandchild = await createSite(owner, base, 'Grandchild', child.id);
    for (const parentId of [top.id, child.id, grandchild.id]) {
      const response = await owner.inject('PATCH', `${base}/${top.id}`, { parentId });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('sites.invalid_parent');
    }
    // Moving a sub-site up is fine.
    expect((await owner.inject('PATCH', `${base}/${grandchild.id}`, { parentId: top.id })).statusCode).toBe(200);
  });

  it('answers 404 for a site or parent of another organization and a malformed site id', async () => {
    const { owner, base } = await ownedOrganization();
    const mine = await createSite(owner, base, 'Mine');
    const foreign = await buildSite(t.ctx);
    expect((await owner.inject('PATCH', `${base}/${foreign.id}`, { name: 'x' })).statusCode).toBe(404);
    expect((await owner.inject('PATCH', `${base}/not-a-uuid`, { name: 'x' })).statusCode).toBe(404);
    const parent = await owner.inject('PATCH', `${base}/${mine.id}`, { parentId: foreign.id });
    expect(parent.statusCode).toBe(404);
    expect(parent.json().error.code).toBe('sites.not_found');
    expect((await owner.inject('PATCH', `${base}/${mine.id}`, { name: '' })).statusCode).toBe(400);
  });
});

describe('deleting a site', () => {
  it('lists the impact, refuses without confirmation, then deletes the site, its sub-sites and the access to them', async () => {
    const { organization, owner, base } = await ownedOrganization();
    const region = await createSite(owner, base, 'Region');
    const plant = await createSite(owner, base, 'Plant', region.id);
    const line = await createSite(owner, base, 'Line', plant.id);
    const keep = await createSite(owner, base, 'Keep');
    const user = await buildUser(t.ctx, { name: 'Operator Kim' });
    const operator = await buildMember(t.ctx, { organizationId: organization.id, userId: user.id, role: 'operator', siteIds: [line.id, keep.id] });

    const impact = await owner.inject('GET', `${base}/${region.id}/impact`);
    expect(impact.statusCode).toBe(200);
    const expected = {
      subSites: [
        { id: plant.id, name: 'Plant' },
        { id: line.id, name: 'Line' },
      ],
      memberAccess: [{ memberId: operator.id, name: 'Operator Kim' }],
      activeHoldings: [],
      other: [],
    };
    expect(impact.json()).toEqual(expected);

    const refused = await owner.inject('DELETE', `${base}/${region.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'sites.has_contents', details: expected });
    expect((await owner.inject('DELETE', `${base}/${region.id}?confirm=false`)).statusCode).toBe(409);

    expect((await owner.inject('DELETE', `${base}/${region.id}?confirm=true`)).statusCode).toBe(204);
    const left = await t.database.db.select().from(sites).where(eq(sites.organizationId, organization.id));
    expect(left.map((s) => s.id)).toEqual([keep.id]);
    const access = await t.database.db.select().from(memberSites).where(eq(memberSites.memberId, operator.id));
    expect(access.map((a) => a.siteId)).toEqual([keep.id]);
    const [event] = await eventsFor(organization.id, 'site.deleted');
    expect(event).toMatchObject({ category: 'site', targetId: region.id, actorUserId: owner.userId });
    expect(event?.details).toMatchObject({ before: { name: 'Region', subSites: expected.subSites, memberAccess: expected.memberAccess }, after: null });
  });

  it('deletes an empty site without confirmation', async () => {
    const { owner, base } = await ownedOrganization();
    const empty = await createSite(owner, base, 'Empty');
    expect((await owner.inject('GET', `${base}/${empty.id}/impact`)).json()).toEqual({ subSites: [], memberAccess: [], activeHoldings: [], other: [] });
    expect((await owner.inject('DELETE', `${base}/${empty.id}`)).statusCode).toBe(204);
    expect(await t.database.db.select().from(sites).where(inArray(sites.id, [empty.id]))).toEqual([]);
    expect((await owner.inject('DELETE', `${base}/${empty.id}`)).statusCode).toBe(404);
  });

  it("answers 404 for another organization's site and 403 below admin", async () => {
    const { organization, owner, base } = await ownedOrganization();
    const foreign = await buildSite(t.ctx);
    expect((await owner.inject('DELETE', `${base}/${foreign.id}?confirm=true`)).statusCode).toBe(404);
    expect((await owner.inject('GET', `${base}/${foreign.id}/impact`)).statusCode).toBe(404);
    expect(await t.database.db.select().from(sites).where(eq(sites.id, foreign.id))).toHaveLength(1);
    const mine = await createSite(owner, base, 'Mine');
    const superUser = await memberOf(organization.id, 'super', [mine.id]);
    expect((await superUser.inject('DELETE', `${base}/${mine.id}?confirm=true`)).statusCode).toBe(403);
    expect((await superUser.inject('GET', `${base}/${mine.id}/impact`)).statusCode).toBe(403);
  });
});
