import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRole, StaffRole } from '../../../common/permissions';
import { auditEvents, members, users } from '../../db/schema/index';
import { buildMember, buildOrganization, buildSite, buildUser } from '../../test/factories';
import { buildTestApp, signInAs, signInNewUser, type SignedIn, type TestApp } from '../../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

/** A signed-in member of the organization with the role (and sites, below admin). */
async function memberOf(organizationId: string, role: CustomerRole, siteIds: string[] = []): Promise<SignedIn> {
  const user = await buildUser(t.ctx);
  await buildMember(t.ctx, { organizationId, userId: user.id, role, siteIds });
  return signInAs(t.app, user.email);
}

const staff = (staffRole: StaffRole) => signInNewUser(t, { staffRole });

async function createOrganization(client: SignedIn, name = `Org ${randomUUID().slice(0, 8)}`): Promise<{ id: string; name: string }> {
  const response = await client.inject('POST', '/api/v1/organizations', { name });
  expect(response.statusCode).toBe(201);
  return response.json();
}

async function eventsFor(organizationId: string, action: string) {
  return t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.organizationId, organizationId), eq(auditEvents.action, action)));
}

describe('POST /api/v1/organizations', () => {
  it('creates the organization with its creator as owner, and logs it', async () => {
    const client = await signInNewUser(t);
    const response = await client.inject('POST', '/api/v1/organizations', { name: '  Hanbit Logistics  ', notes: '물류 센터 3곳' });
    expect(response.statusCode).toBe(201);
    const organization = response.json();
    expect(organization).toMatchObject({ name: 'Hanbit Logistics', notes: '물류 센터 3곳', archivedAt: null, requireMfa: false, allowInviteRoles: false, accountTeam: { accountManager: null, successManager: null } });
    expect(organization.abilities).toEqual(expect.arrayContaining(['organization.manage', 'organization.archive', 'member.manage']));
    const [membership] = await t.database.db.select().from(members).where(eq(members.organizationId, organization.id));
    expect(membership).toMatchObject({ userId: client.userId, role: 'owner', status: 'active' });
    const [event] = await eventsFor(organization.id, 'organization.created');
    expect(event).toMatchObject({ category: 'organization', actorUserId: client.userId, targetId: organization.id });
    expect(event?.details).toMatchObject({ before: null, after: { name: 'Hanbit Logistics' } });
    expect(event?.client).toBeTruthy();
  });

  it.each([
    ['an empty name', { name: '' }],
    ['a blank name', { name: '   ' }],
    ['a name over 100 characters', { name: 'x'.repeat(101) }],
    ['a name with a control character', { name: 'Bad\u0007name' }],
    ['a name with a line break', { name: 'Two\nlines' }],
    ['notes over 2000 characters', { name: 'Fine', notes: 'n'.repeat(2001) }],
    ['notes with a NUL character', { name: 'Fine', notes: 'a\u0000b' }],
    ['no name', {}],
  ])('refuses %s', async (_label, body) => {
    const client = await signInNewUser(t);
    const response = await client.inject('POST', '/api/v1/organizations', body);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation.failed');
  });

  it('accepts a name of exactly 100 characters and notes with line breaks', async () => {
    const client = await signInNewUser(t);
    const response = await client.inject('POST', '/api/v1/organizations', { name: '가'.repeat(100), notes: 'line one\nline two' });
    expect(response.statusCode).toBe(201);
  });

  it('needs a signed-in user', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/organizations', payload: { name: 'Anonymous' } });
    expect(response.statusCode).toBe(401);
  });
});

describe('the organization switcher', () => {
  it('lists active memberships in organizations that are not archived, and remembers the last one chosen', async () => {
    const client = await signInNewUser(t);
    const first = await createOrganization(client, 'Alpha Switch');
    const second = await createOrganization(client, 'Beta Switch');
    const gone = await createOrganization(client, 'Gamma Switch');
    expect((await client.inject('POST', `/api/v1/organizations/${gone.id}/archive`, { confirmId: gone.id, understood: true })).statusCode).toBe(200);
    const inactive = await buildOrganization(t.ctx, { name: 'Delta Switch' });
    const membership = await buildMember(t.ctx, { organizationId: inactive.id, userId: client.userId, role: 'admin' });
    await t.database.db.update(members).set({ status: 'inactive' }).where(eq(members.id, membership.id));

    const list = await client.inject('GET', '/api/v1/organizations');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({
      items: [
        { id: first.id, name: 'Alpha Switch', role: 'owner', archived: false },
        { id: second.id, name: 'Beta Switch', role: 'owner', archived: false },
      ],
      lastOrganizationId: null,
    });

    expect((await client.inject('PUT', '/api/v1/me/last-organization', { organizationId: second.id })).statusCode).toBe(204);
    const [user] = await t.database.db.select().from(users).where(eq(users.id, client.userId));
    expect(user?.lastOrganizationId).toBe(second.id);
    expect((await client.inject('GET', '/api/v1/organizations')).json().lastOrganizationId).toBe(second.id);
  });

  it('refuses to remember an organization that is not one of the user’s (404) or is archived', async () => {
    const client = await signInNewUser(t);
    const other = await buildOrganization(t.ctx);
    const mine = await createOrganization(client);
    await client.inject('POST', `/api/v1/organizations/${mine.id}/archive`, { confirmId: mine.id, understood: true });
    for (const organizationId of [other.id, mine.id, randomUUID()]) {
      const response = await client.inject('PUT', '/api/v1/me/last-organization', { organizationId });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('organizations.not_found');
    }
    expect((await client.inject('PUT', '/api/v1/me/last-organization', { organizationId: 'not-a-uuid' })).statusCode).toBe(400);
  });

  it('forgets a remembered organization once it is archived', async () => {
    const client = await signInNewUser(t);
    const organization = await createOrganization(client);
    await client.inject('PUT', '/api/v1/me/last-organization', { organizationId: organization.id });
    await client.inject('POST', `/api/v1/organizations/${organization.id}/archive`, { confirmId: organization.id, understood: true });
    expect((await client.inject('GET', '/api/v1/organizations')).json()).toEqual({ items: [], lastOrganizationId: null });
  });
});

describe('GET /api/v1/organizations/:organizationId', () => {
  it('shows the organization with the abilities of the role', async () => {
    const organization = await buildOrganization(t.ctx, { name: 'Abilities Inc', notes: 'n' });
    const viewer = await memberOf(organization.id, 'viewer');
    const response = await viewer.inject('GET', `/api/v1/organizations/${organization.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: organization.id, name: 'Abilities Inc', notes: 'n', abilities: ['organization.view', 'product.view', 'device.view'] });
    const admin = await memberOf(organization.id, 'admin');
    const abilities = (await admin.inject('GET', `/api/v1/organizations/${organization.id}`)).json().abilities;
    expect(abilities).toContain('organization.manage');
    expect(abilities).not.toContain('organization.archive');
  });

  it('answers 404 for another organization, an unknown one and a malformed id', async () => {
    const organization = await buildOrganization(t.ctx);
    const outsider = await signInNewUser(t);
    for (const id of [organization.id, randomUUID(), 'not-a-uuid']) {
      const response = await outsider.inject('GET', `/api/v1/organizations/${id}`);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('organizations.not_found');
    }
  });
});

describe('PATCH /api/v1/organizations/:organizationId', () => {
  it('renames and changes notes, logging before and after in the same transaction as the change', async () => {
    const owner = await signInNewUser(t);
    const organization = await createOrganization(owner, 'Old Name');
    const response = await owner.inject('PATCH', `/api/v1/organizations/${organization.id}`, { name: 'New Name', notes: 'Seoul HQ', allowInviteRoles: true });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: 'New Name', notes: 'Seoul HQ', allowInviteRoles: true });
    const [event] = await eventsFor(organization.id, 'organization.updated');
    expect(event).toMatchObject({ category: 'organization', actorUserId: owner.userId });
    expect(event?.details).toEqual({ before: { name: 'Old Name', notes: null, allowInviteRoles: false }, after: { name: 'New Name', notes: 'Seoul HQ', allowInviteRoles: true } });
    // Rows written by one transaction carry its id (xmin): the change and its event were written together.
    const result = await t.database.db.execute(sql`
      select (select xmin::text from organizations where id = ${organization.id}) as changed,
             (select xmin::text from audit_events where id = ${event!.id}) as logged`);
    const [row] = (result as unknown as { rows: { changed: string; logged: string }[] }).rows;
    expect(row!.changed).toBe(row!.logged);
  });

  it('logs nothing when nothing changes, and clears notes with null', async () => {
    const owner = await signInNewUser(t);
    const organization = await createOrganization(owner, 'Same Name');
    await owner.inject('PATCH', `/api/v1/organizations/${organization.id}`, { name: 'Same Name' });
    expect(await eventsFor(organization.id, 'organization.updated')).toHaveLength(0);
    await owner.inject('PATCH', `/api/v1/organizations/${organization.id}`, { notes: 'temporary' });
    const cleared = await owner.inject('PATCH', `/api/v1/organizations/${organization.id}`, { notes: null });
    expect(cleared.json().notes).toBeNull();
  });

  it('lets an admin change it, refuses roles below admin (403) and another organization (404)', async () => {
    const organization = await buildOrganization(t.ctx);
    const admin = await memberOf(organization.id, 'admin');
    expect((await admin.inject('PATCH', `/api/v1/organizations/${organization.id}`, { name: 'By Admin' })).statusCode).toBe(200);
    const superUser = await memberOf(organization.id, 'super');
    expect((await superUser.inject('PATCH', `/api/v1/organizations/${organization.id}`, { name: 'By Super' })).statusCode).toBe(403);
    const otherOwner = await memberOf((await buildOrganization(t.ctx)).id, 'owner');
    expect((await otherOwner.inject('PATCH', `/api/v1/organizations/${organization.id}`, { name: 'Hijack' })).statusCode).toBe(404);
  });

  it('refuses bad input', async () => {
    const owner = await signInNewUser(t);
    const organization = await createOrganization(owner);
    for (const body of [{ name: '' }, { name: 'y'.repeat(101) }, { name: 'tab\there' }, { notes: 'z'.repeat(2001) }, { unknown: 1 }, { allowInviteRoles: 'yes' }]) {
      const response = await owner.inject('PATCH', `/api/v1/organizations/${organization.id}`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
    }
  });
});

describe('archiving and restoring', () => {
  it('needs the exact organization id and the confirmation', async () => {
    const owner = await signInNewUser(t);
    const organization = await createOrganization(owner);
    for (const body of [
      { confirmId: organization.id.toUpperCase(), understood: true },
      { confirmId: ` ${organization.id}`, understood: true },
      { confirmId: organization.name, understood: true },
      { confirmId: organization.id, understood: false },
    ]) {
      const response = await owner.inject('POST', `/api/v1/organizations/${organization.id}/archive`, body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('organizations.archive_confirmation');
    }
    const [row] = await t.database.db.execute(sql`select archived_at from organizations where id = ${organization.id}`).then((r) => (r as unknown as { rows: { archived_at: unknown }[] }).rows);
    expect(row?.archived_at).toBeNull();
  });

  it('is for owners only: an admin gets 403', async () => {
    const organization = await buildOrganization(t.ctx);
    const admin = await memberOf(organization.id, 'admin');
    const response = await admin.inject('POST', `/api/v1/organizations/${organization.id}/archive`, { confirmId: organization.id, understood: true });
    expect(response.statusCode).toBe(403);
  });

  it('makes the organization read-only and takes it out of the switcher; only a vendor administrator restores it', async () => {
    const organization = await buildOrganization(t.ctx, { name: 'Archive Me' });
    const owner = await memberOf(organization.id, 'owner');
    const archived = await owner.inject('POST', `/api/v1/organizations/${organization.id}/archive`, { confirmId: organization.id, understood: true });
    expect(archived.statusCode).toBe(200);
    expect(archived.json().archivedAt).toBe(t.clock.now().toISOString());
    expect(archived.json().abilities).not.toContain('organization.manage');
    const [event] = await eventsFor(organization.id, 'organization.archived');
    expect(event).toMatchObject({ category: 'organization', actorUserId: owner.userId });

    expect((await owner.inject('GET', '/api/v1/organizations')).json().items).toEqual([]);
    expect((await owner.inject('GET', `/api/v1/organizations/${organization.id}`)).statusCode).toBe(200);
    const patch = await owner.inject('PATCH', `/api/v1/organizations/${organization.id}`, { name: 'Changed' });
    expect(patch.statusCode).toBe(409);
    expect(patch.json().error.code).toBe('organizations.archived');
    const again = await owner.inject('POST', `/api/v1/organizations/${organization.id}/archive`, { confirmId: organization.id, understood: true });
    expect(again.json().error.code).toBe('organizations.archived');

    expect((await owner.inject('POST', `/api/v1/organizations/${organization.id}/restore`)).statusCode).toBe(403);
    const engineer = await staff('support_engineer');
    expect((await engineer.inject('POST', `/api/v1/organizations/${organization.id}/restore`)).statusCode).toBe(403);
    const vendorAdmin = await staff('vendor_admin');
    const restored = await vendorAdmin.inject('POST', `/api/v1/organizations/${organization.id}/restore`);
    expect(restored.statusCode).toBe(200);
    expect(restored.json().archivedAt).toBeNull();
    expect(await eventsFor(organization.id, 'organization.restored')).toHaveLength(1);
    expect((await owner.inject('GET', '/api/v1/organizations')).json().items.map((i: { id: string }) => i.id)).toEqual([organization.id]);

    const notArchived = await vendorAdmin.inject('POST', `/api/v1/organizations/${organization.id}/restore`);
    expect(notArchived.statusCode).toBe(409);
    expect(notArchived.json().error.code).toBe('organizations.not_archived');
  });
});

describe('PUT /api/v1/organizations/:organizationId/account-team', () => {
  it('names vendor staff users as the account team, and logs it', async () => {
    const organization = await buildOrganization(t.ctx);
    const manager = await buildUser(t.ctx, { name: 'Kim Manager', staffRole: 'account_manager' });
    const success = await buildUser(t.ctx, { name: 'Lee Success', staffRole: 'support_engineer' });
    const vendorAdmin = await staff('vendor_admin');
    const response = await vendorAdmin.inject('PUT', `/api/v1/organizations/${organization.id}/account-team`, { accountManagerId: manager.id, successManagerId: success.id });
    expect(response.statusCode).toBe(200);
    expect(response.json().accountTeam).toEqual({
      accountManager: { id: manager.id, name: 'Kim Manager', email: manager.email },
      successManager: { id: success.id, name: 'Lee Success', email: success.email },
    });
    const [event] = await eventsFor(organization.id, 'organization.account_team.updated');
    expect(event?.details).toEqual({ before: { accountManagerId: null, successManagerId: null }, after: { accountManagerId: manager.id, successManagerId: success.id } });
    const cleared = await vendorAdmin.inject('PUT', `/api/v1/organizations/${organization.id}/account-team`, { accountManagerId: null, successManagerId: success.id });
    expect(cleared.json().accountTeam.accountManager).toBeNull();
  });

  it('refuses users who are not vendor staff, unknown and malformed ids', async () => {
    const organization = await buildOrganization(t.ctx);
    const customer = await buildUser(t.ctx);
    const vendorAdmin = await staff('vendor_admin');
    for (const body of [
      { accountManagerId: customer.id, successManagerId: null },
      { accountManagerId: null, successManagerId: randomUUID() },
      { accountManagerId: 'nope', successManagerId: null },
      { accountManagerId: null },
    ]) {
      const response = await vendorAdmin.inject('PUT', `/api/v1/organizations/${organization.id}/account-team`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.code).toBe('validation.failed');
    }
    const refused = await vendorAdmin.inject('PUT', `/api/v1/organizations/${organization.id}/account-team`, { accountManagerId: customer.id, successManagerId: null });
    expect(refused.json().error.details.fieldErrors.accountManagerId).toBeDefined();
  });

  it('is for vendor administrators: owners and support engineers get 403', async () => {
    const organization = await buildOrganization(t.ctx);
    const owner = await memberOf(organization.id, 'owner');
    const engineer = await staff('support_engineer');
    for (const client of [owner, engineer]) {
      const response = await client.inject('PUT', `/api/v1/organizations/${organization.id}/account-team`, { accountManagerId: null, successManagerId: null });
      expect(response.statusCode).toBe(403);
    }
  });
});

describe('GET /api/v1/organizations/:organizationId/contact', () => {
  it('shows the account team and the vendor profile’s support phone and email', async () => {
    const vendorAdmin = await staff('vendor_admin');
    const profile = { companyName: 'Vendor Co', serviceName: 'Atrium Care', contactName: 'Park', phone: '+82 2-1234-5678', email: 'support@vendor.example' };
    expect((await vendorAdmin.inject('PUT', '/api/v1/admin/settings/profile', profile)).statusCode).toBe(200);
    const organization = await buildOrganization(t.ctx);
    const manager = await buildUser(t.ctx, { name: 'Choi Account', staffRole: 'account_manager' });
    await vendorAdmin.inject('PUT', `/api/v1/organizations/${organization.id}/account-team`, { accountManagerId: manager.id, successManagerId: null });
    const viewer = await memberOf(organization.id, 'viewer');
    const response = await viewer.inject('GET', `/api/v1/organizations/${organization.id}/contact`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      accountManager: { name: 'Choi Account', email: manager.email },
      successManager: null,
      supportPhone: '+82 2-1234-5678',
      supportEmail: 'support@vendor.example',
      serviceName: 'Atrium Care',
    });
  });
});

describe('GET /api/v1/admin/organizations', () => {
  it('lists organizations with counts for a support engineer, searched, filtered and paged', async () => {
    const tag = randomUUID().slice(0, 8);
    const active = await buildOrganization(t.ctx, { name: `Console ${tag} Active` });
    const archived = await buildOrganization(t.ctx, { name: `Console ${tag} Archived` });
    await buildMember(t.ctx, { organizationId: active.id, role: 'owner' });
    await buildMember(t.ctx, { organizationId: active.id, role: 'viewer' });
    await buildSite(t.ctx, { organizationId: active.id });
    const owner = await memberOf(archived.id, 'owner');
    await owner.inject('POST', `/api/v1/organizations/${archived.id}/archive`, { confirmId: archived.id, understood: true });

    const engineer = await staff('support_engineer');
    const all = await engineer.inject('GET', `/api/v1/admin/organizations?q=${tag}`);
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBe(2);
    expect(all.json().items[0]).toMatchObject({ id: active.id, memberCount: 2, siteCount: 1, archivedAt: null, accountManager: null });
    expect(all.json().items[1]).toMatchObject({ id: archived.id, memberCount: 1, siteCount: 0 });
    expect(all.json().items[1].archivedAt).not.toBeNull();

    const onlyArchived = (await engineer.inject('GET', `/api/v1/admin/organizations?q=${tag}&archived=true`)).json();
    expect(onlyArchived.items.map((i: { id: string }) => i.id)).toEqual([archived.id]);
    const onlyActive = (await engineer.inject('GET', `/api/v1/admin/organizations?q=${tag}&archived=false`)).json();
    expect(onlyActive.items.map((i: { id: string }) => i.id)).toEqual([active.id]);
    const page2 = (await engineer.inject('GET', `/api/v1/admin/organizations?q=${tag}&page=2&pageSize=1`)).json();
    expect(page2).toMatchObject({ total: 2, items: [{ id: archived.id }] });
    const byId = (await engineer.inject('GET', `/api/v1/admin/organizations?q=${archived.id}`)).json();
    expect(byId.items.map((i: { id: string }) => i.id)).toEqual([archived.id]);
    // LIKE wildcards in the search are taken literally.
    expect((await engineer.inject('GET', '/api/v1/admin/organizations?q=%25%25%25_')).json().total).toBe(0);
  });

  it('refuses customers (403) and bad paging (400)', async () => {
    const owner = await memberOf((await buildOrganization(t.ctx)).id, 'owner');
    expect((await owner.inject('GET', '/api/v1/admin/organizations')).statusCode).toBe(403);
    const engineer = await staff('support_engineer');
    expect((await engineer.inject('GET', '/api/v1/admin/organizations?pageSize=1000')).statusCode).toBe(400);
    expect((await engineer.inject('GET', '/api/v1/admin/organizations?archived=maybe')).statusCode).toBe(400);
  });
});
