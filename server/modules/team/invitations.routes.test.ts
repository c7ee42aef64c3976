import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Invitation, InvitationList, MemberList } from '../../../common/schemas/team';
import { auditEvents, invitations, members, memberSites, organizations, users } from '../../db/schema/index';
import { buildMember, buildOrganization, buildSite, buildUser } from '../../test/factories';
import { findLink } from '../../test/smtp-sink';
import { buildTestApp, signInAs, signInNewUser, type SignedIn, type TestApp } from '../../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => t.mail.clear());

let counter = 0;
const newEmail = () => `invitee-${++counter}-${Date.now()}@example.com`;

async function organizationWithOwner(options: { allowInviteRoles?: boolean } = {}) {
  const organization = await buildOrganization(t.ctx);
  if (options.allowInviteRoles) await t.database.db.update(organizations).set({ allowInviteRoles: true }).where(eq(organizations.id, organization.id));
  const owner = await signInNewUser(t, { name: 'Owner Kim' });
  await buildMember(t.ctx, { organizationId: organization.id, userId: owner.userId, role: 'owner' });
  return { organization, owner };
}

const invitationsUrl = (organizationId: string, rest = '') => `/api/v1/organizations/${organizationId}/invitations${rest}`;
const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

/** Sends an invitation and returns it with the token from the email. */
async function invite(client: SignedIn, organizationId: string, body: Record<string, unknown>) {
  const response = await client.inject('POST', invitationsUrl(organizationId), body);
  expect(response.statusCode, response.body).toBe(201);
  await t.drainJobs();
  const mail = t.mail.last(String(body.email).trim());
  return { invitation: response.json() as Invitation, mail, token: tokenOf(findLink(mail, '/invitations/accept?token=')) };
}

const accept = (client: SignedIn, token: string) => client.inject('POST', '/api/v1/invitations/accept', { token });
const lookup = (token: string) => t.app.inject({ method: 'GET', url: `/api/v1/invitations/lookup?token=${encodeURIComponent(token)}` });

describe('POST /api/v1/organizations/:organizationId/invitations', () => {
  it('invites as viewer by default and emails a bilingual link with the inviter and the organization', async () => {
    const { organization, owner } = await organizationWithOwner();
    const email = newEmail();
    const { invitation, mail, token } = await invite(owner, organization.id, { email: `  ${email.toUpperCase()} ` });
    expect(invitation).toMatchObject({ email, role: 'viewer', status: 'pending', siteIds: [], invitedByName: 'Owner Kim', acceptedAt: null });
    expect(new Date(invitation.expiresAt).getTime() - t.clock.now().getTime()).toBe(7 * 86_400_000);
    expect(mail.subject).toContain(organization.name);
    expect(mail.text).toContain('Owner Kim');
    expect(mail.text).toContain('초대');
    expect(mail.text).toContain('invited you');
    expect(findLink(mail, '/invitations/accept?token=')).toMatch(/^http:\/\/atrium\.test\/invitations\/accept\?token=[\w-]{43}$/);

    const [row] = await t.database.db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(row!.tokenHash).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(token);
    const [event] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.targetId, invitation.id), eq(auditEvents.action, 'invitation.created')));
    expect(event).toMatchObject({ category: 'member', organizationId: organization.id, actorUserId: owner.userId, details: { email, before: null, after: { role: 'viewer', siteIds: [] } } });
  });

  it("writes in the invitee's own language when they have an account", async () => {
    const { organization, owner } = await organizationWithOwner();
    const user = await buildUser(t.ctx);
    await t.database.db.update(users).set({ locale: 'ko' }).where(eq(users.id, user.id));
    const { mail } = await invite(owner, organization.id, { email: user.email });
    expect(mail.subject).toContain('초대했습니다');
    expect(mail.text).not.toContain('invited you');
  });

  it('refuses roles other than viewer unless the organization allows them; only an owner invites an owner', async () => {
    const closed = await organizationWithOwner();
    const refused = await closed.owner.inject('POST', invitationsUrl(closed.organization.id), { email: newEmail(), role: 'operator' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('invitations.role_not_allowed');

    const open = await organizationWithOwner({ allowInviteRoles: true });
    const site = await buildSite(t.ctx, { organizationId: open.organization.id });
    const { invitation } = await invite(open.owner, open.organization.id, { email: newEmail(), role: 'operator', siteIds: [site.id] });
    expect(invitation).toMatchObject({ role: 'operator', siteIds: [site.id] });

    const admin = await signInNewUser(t);
    await buildMember(t.ctx, { organizationId: open.organization.id, userId: admin.userId, role: 'admin' });
    expect((await admin.inject('POST', invitationsUrl(open.organization.id), { email: newEmail(), role: 'owner' })).statusCode).toBe(403);
    expect((await admin.inject('POST', invitationsUrl(open.organization.id), { email: newEmail(), role: 'admin' })).statusCode).toBe(201);
  });

  it('refuses an active member, but invites a former one', async () => {
    const { organization, owner } = await organizationWithOwner();
    const user = await buildUser(t.ctx);
    const member = await buildMember(t.ctx, { organizationId: organization.id, userId: user.id, role: 'viewer' });
    const response = await owner.inject('POST', invitationsUrl(organization.id), { email: user.email.toUpperCase() });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('members.already_member');

    await t.database.db.update(members).set({ status: 'inactive' }).where(eq(members.id, member.id));
    const { token } = await invite(owner, organization.id, { email: user.email });
    const client = await signInAs(t.app, user.email);
    expect((await client.inject('GET', `/api/v1/organizations/${organization.id}/security`)).statusCode).toBe(404);
    expect((await accept(client, token)).json()).toEqual({ organizationId: organization.id, role: 'viewer' });
    const [row] = await t.database.db.select().from(members).where(eq(members.id, member.id));
    expect(row).toMatchObject({ status: 'active', deactivatedAt: null });
    expect((await client.inject('GET', `/api/v1/organizations/${organization.id}/security`)).statusCode).toBe(200);
  });

  it('replaces a pending invitation to the same address', async () => {
    const { organization, owner } = await organizationWithOwner();
    const email = newEmail();
    const first = await invite(owner, organization.id, { email });
    t.clock.advance(1000);
    const second = await invite(owner, organization.id, { email: email.toUpperCase() });
    const list = (await owner.inject('GET', invitationsUrl(organization.id))).json() as InvitationList;
    expect(list.items.map((i) => [i.id, i.status])).toEqual([
      [second.invitation.id, 'pending'],
      [first.invitation.id, 'revoked'],
    ]);
    expect((await lookup(first.token)).json().status).toBe('revoked');
    const [event] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.targetId, first.invitation.id), eq(auditEvents.action, 'invitation.revoked')));
    expect(event!.details).toMatchObject({ reason: 'replaced' });
  });

  it('refuses bad input: a bad email, header injection, an unknown role, a foreign site', async () => {
    const { organization, owner } = await organizationWithOwner({ allowInviteRoles: true });
    const foreign = await buildSite(t.ctx);
    for (const body of [
      { email: 'not-an-email' },
      { email: 'a@example.com\r\nBcc: everyone@example.com' },
      { email: 'a@example.com\nSubject: hi' },
      { email: `${'a'.repeat(250)}@example.com` },
      { email: `${'a'.repeat(65)}@example.com` },
      { email: newEmail(), role: 'emperor' },
      { email: newEmail(), siteIds: ['nope'] },
    ]) {
      const response = await owner.inject('POST', invitationsUrl(organization.id), body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.code).toBe('validation.failed');
    }
    const response = await owner.inject('POST', invitationsUrl(organization.id), { email: newEmail(), siteIds: [foreign.id] });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.fieldErrors).toEqual({ siteIds: ['sites.not_found'] });
    expect(await t.database.db.select().from(invitations).where(eq(invitations.organizationId, organization.id))).toHaveLength(0);
  });

  it('is for owners and admins only', async () => {
    const { organization } = await organizationWithOwner();
    const viewer = await signInNewUser(t);
    await buildMember(t.ctx, { organizationId: organization.id, userId: viewer.userId, role: 'viewer' });
    expect((await viewer.inject('POST', invitationsUrl(organization.id), { email: newEmail() })).statusCode).toBe(403);
    expect((await viewer.inject('GET', invitationsUrl(organization.id))).statusCode).toBe(403);
  });
});

describe('accepting an invitation', () => {
  it('creates the membership with the role and sites for the invited account, once', async () => {
    const { organization, owner } = await organizationWithOwner({ allowInviteRoles: true });
    const [north, south] = await Promise.all(['North', 'South'].map((name) => buildSite(t.ctx, { organizationId: organization.id, name })));
    const user = await buildUser(t.ctx);
    const { invitation, token } = await invite(owner, organization.id, { email: user.email, role: 'operator', siteIds: [north!.id, south!.id] });

    expect((await lookup(token)).json()).toEqual({ organizationName: organization.name, email: user.email, role: 'operator', status: 'pending', hasAccount: true });

    const client = await signInAs(t.app, user.email);
    const accepted = await accept(client, token);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({ organizationId: organization.id, role: 'operator' });

    const list = (await owner.inject('GET', `/api/v1/organizations/${organization.id}/members?q=${encodeURIComponent(user.email)}`)).json() as MemberList;
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ userId: user.id, role: 'operator', status: 'active', sites: [{ name: 'North' }, { name: 'South' }] });
    expect((await client.inject('GET', '/api/v1/me')).json().memberships).toEqual([{ organizationId: organization.id, organizationName: organization.name, role: 'operator' }]);

    const [row] = await t.database.db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(row).toMatchObject({ acceptedUserId: user.id });
    const [event] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.organizationId, organization.id), eq(auditEvents.action, 'invitation.accepted')));
    expect(event).toMatchObject({ category: 'member', actorUserId: user.id, targetType: 'member', targetId: list.items[0]!.id, details: { invitationId: invitation.id, before: null, after: { role: 'operator', status: 'active' } } });

    const reused = await accept(client, token);
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.code).toBe('invitations.already_accepted');
    expect((await lookup(token)).json().status).toBe('accepted');
  });

  it('refuses another account, changing nothing', async () => {
    const { organization, owner } = await organizationWithOwner();
    const { token } = await invite(owner, organization.id, { email: newEmail() });
    const stranger = await signInNewUser(t);
    const response = await accept(stranger, token);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('invitations.wrong_account');
    expect(await t.database.db.select().from(members).where(eq(members.userId, stranger.userId))).toHaveLength(0);
    expect((await lookup(token)).json().status).toBe('pending');
  });

  it('refuses an invitation after 7 days', async () => {
    const { organization, owner } = await organizationWithOwner();
    const user = await buildUser(t.ctx);
    const { invitation, token } = await invite(owner, organization.id, { email: user.email });
    const start = t.clock.now();
    try {
      t.clock.advance(7 * 86_400_000 - 60_000);
      expect((await lookup(token)).json().status).toBe('pending');
      t.clock.advance(60_000);
      expect((await lookup(token)).json().status).toBe('expired');
      const client = await signInAs(t.app, user.email);
      const response = await accept(client, token);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('invitations.expired');
      const owner2 = await signInAs(t.app, owner.email);
      const list = (await owner2.inject('GET', invitationsUrl(organization.id, '?status=expired'))).json() as InvitationList;
      expect(list.items.map((i) => i.id)).toEqual([invitation.id]);
      expect(((await owner2.inject('GET', invitationsUrl(organization.id, '?status=pending'))).json() as InvitationList).total).toBe(0);
    } finally {
      t.clock.set(start);
    }
  });

  it('refuses a revoked invitation; only a pending one can be revoked', async () => {
    const { organization, owner } = await organizationWithOwner();
    const user = await buildUser(t.ctx);
    const { invitation, token } = await invite(owner, organization.id, { email: user.email });
    const revoked = await owner.inject('POST', invitationsUrl(organization.id, `/${invitation.id}/revoke`));
    expect(revoked.statusCode).toBe(204);
    const again = await owner.inject('POST', invitationsUrl(organization.id, `/${invitation.id}/revoke`));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('invitations.revoked');

    const client = await signInAs(t.app, user.email);
    const response = await accept(client, token);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('invitations.revoked');
    const events = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.targetId, invitation.id), eq(auditEvents.action, 'invitation.revoked')));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ category: 'member', organizationId: organization.id, actorUserId: owner.userId, details: { before: { status: 'pending' }, after: { status: 'revoked' } } });
  });

  it('lets a person without an account register, verify, sign in and accept', async () => {
    const { organization, owner } = await organizationWithOwner();
    const email = newEmail();
    const { token } = await invite(owner, organization.id, { email });
    expect((await lookup(token)).json()).toMatchObject({ email, hasAccount: false, status: 'pending' });

    const info = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/registration-info' })).json() as { termsVersion: string; privacyVersion: string };
    const registered = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: {
        name: '이서연',
        email,
        company: 'B제철',
        address: '경상북도 포항시 1',
        phone: '+82 54-000-0000',
        displayName: `seoyeon_${counter}`,
        password: 'Pohang#Mill8',
        acceptTerms: true,
        acceptPrivacy: true,
        termsVersion: info.termsVersion,
        privacyVersion: info.privacyVersion,
      },
    });
    expect(registered.statusCode).toBe(202);
    await t.drainJobs();
    const verifyToken = tokenOf(findLink(t.mail.last(email), '/verify-email?token='));
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token: verifyToken } })).statusCode).toBe(200);
    expect((await lookup(token)).json().hasAccount).toBe(true);

    const client = await signInAs(t.app, email, 'Pohang#Mill8');
    expect((await accept(client, token)).json()).toEqual({ organizationId: organization.id, role: 'viewer' });
  });

  it('answers 404 to an unknown token, whatever its shape, and needs a session to accept', async () => {
    for (const token of ['x'.repeat(43), 'abc', 'short', '', 'x'.repeat(300)]) {
      const unknown = await lookup(token);
      expect(unknown.statusCode, token).toBe(404);
      expect(unknown.json().error.code).toBe('invitations.not_found');
    }
    const client = await signInNewUser(t);
    for (const token of ['y'.repeat(43), 'abc']) {
      const refused = await accept(client, token);
      expect(refused.statusCode, token).toBe(404);
      expect(refused.json().error.code).toBe('invitations.not_found');
    }
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/invitations/accept', payload: { token: 'y'.repeat(43) } })).statusCode).toBe(401);
  });
});

describe('GET and revoke across organizations', () => {
  it("lists only the organization's invitations and answers 404 for another organization's invitation", async () => {
    const a = await organizationWithOwner();
    const b = await organizationWithOwner();
    const { invitation } = await invite(b.owner, b.organization.id, { email: newEmail() });
    expect(((await a.owner.inject('GET', invitationsUrl(a.organization.id))).json() as InvitationList).total).toBe(0);
    const response = await a.owner.inject('POST', invitationsUrl(a.organization.id, `/${invitation.id}/revoke`));
    expect(response.statusCode).toBe(404);
    expect((await a.owner.inject('GET', invitationsUrl(b.organization.id))).statusCode).toBe(404);
    const [row] = await t.database.db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(row!.revokedAt).toBeNull();
  });

  it("keeps the invitation's sites that still exist when it is accepted", async () => {
    const { organization, owner } = await organizationWithOwner();
    const [kept, dropped] = await Promise.all(['Kept', 'Dropped'].map((name) => buildSite(t.ctx, { organizationId: organization.id, name })));
    const user = await buildUser(t.ctx);
    const { token } = await invite(owner, organization.id, { email: user.email, siteIds: [kept!.id, dropped!.id] });
    await t.database.raw('delete from sites where id = $1', [dropped!.id]);
    const client = await signInAs(t.app, user.email);
    expect((await accept(client, token)).statusCode).toBe(200);
    const [member] = await t.database.db.select().from(members).where(and(eq(members.organizationId, organization.id), eq(members.userId, user.id)));
    const sites = await t.database.db.select().from(memberSites).where(eq(memberSites.memberId, member!.id));
    expect(sites.map((s) => s.siteId)).toEqual([kept!.id]);
  });
});
