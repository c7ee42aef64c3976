import type { z } from 'zod';
import type { AcceptInvitationResult, CreateInvitationBody, Invitation, InvitationList, InvitationListQuery, InvitationLookup } from '../../../common/schemas/team';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import type { RequestOrigin, ServiceContext } from '../../platform/context';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/errors';
import { queueMail } from '../../platform/mail';
import { hashToken, randomToken } from '../../platform/secrets';
import { findUserByEmail } from '../users/users.repository';
import { getServiceName } from '../settings/settings.service';
import {
  findInvitationById,
  findInvitationByTokenHash,
  insertInvitation,
  invitationStatus,
  listInvitations,
  markInvitationAccepted,
  revokeInvitation,
  revokePendingInvitationsFor,
  type InvitationRow,
} from './invitations.repository';
import { invitationEmail } from './team.emails';
import { findActiveMemberByEmail, findMembershipByUser, insertMembership, listOrganizationSiteIds, reactivateMembership, replaceMemberSites } from './team.repository';
import { actsAsOwner, assertSitesOfOrganization, memberAudit, type TeamChange } from './team.service';

const INVITATION_DAYS = 7;

const toInvitation = (row: InvitationRow, invitedByName: string | null, now: Date): Invitation => ({
  id: row.id,
  email: row.email,
  role: row.role,
  status: invitationStatus(row, now),
  siteIds: row.siteIds,
  invitedByName,
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt.toISOString(),
  acceptedAt: row.acceptedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

/** Why an invitation that is not pending cannot be used or revoked, as an error of the given status. */
function notPending(status: Exclude<Invitation['status'], 'pending'>, httpStatus: 400 | 409): AppError {
  const code = status === 'accepted' ? 'invitations.already_accepted' : status === 'revoked' ? 'invitations.revoked' : 'invitations.expired';
  return new AppError(code, httpStatus);
}

/**
 * Invites someone by email: viewer unless the organization allows other roles (only an owner may
 * invite an owner); a pending invitation to the same address is replaced. The emailed link carries a
 * 256-bit token, stored as its SHA-256, valid for 7 days.
 */
export async function createInvitation(ctx: ServiceContext, change: TeamChange, body: z.output<typeof CreateInvitationBody>): Promise<Invitation> {
  const { organization, standing } = change.access;
  if (body.role !== 'viewer' && !organization.allowInviteRoles) {
    throw badRequest('invitations.role_not_allowed', { fieldErrors: { role: ['invitations.role_not_allowed'] } });
  }
  if (body.role === 'owner' && !actsAsOwner(standing)) throw forbidden();
  const siteIds = await assertSitesOfOrganization(ctx.db, organization.id, body.siteIds);
  if (await findActiveMemberByEmail(ctx.db, organization.id, body.email)) throw conflict('members.already_member');
  const invitee = await findUserByEmail(ctx.db, body.email);
  const now = ctx.clock.now();
  const token = randomToken();
  const service = await getServiceName(ctx);
  return ctx.db.transaction(async (tx) => {
    const replaced = await revokePendingInvitationsFor(tx, organization.id, body.email, now);
    for (const old of replaced) {
      await recordAudit(
        tx,
        memberAudit(change, {
          action: 'invitation.revoked',
          targetType: 'invitation',
          targetId: old.id,
          details: { email: old.email, reason: 'replaced', before: { status: 'pending', role: old.role }, after: { status: 'revoked' } },
        }),
      );
    }
    const row = await insertInvitation(tx, {
      organizationId: organization.id,
      email: body.email,
      role: body.role,
      siteIds,
      tokenHash: hashToken(token),
      invitedBy: change.actor.userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
    });
    await queueMail(
      tx,
      invitationEmail({
        to: row.email,
        inviterName: change.actor.name,
        organizationName: organization.name,
        role: row.role,
        link: `${ctx.baseUrl}/invitations/accept?token=${token}`,
        locale: invitee?.locale ?? null,
        service,
      }),
    );
    await recordAudit(
      tx,
      memberAudit(change, {
        action: 'invitation.created',
        targetType: 'invitation',
        targetId: row.id,
        details: { email: row.email, before: null, after: { role: row.role, siteIds, expiresAt: row.expiresAt.toISOString() }, replaced: replaced.map((r) => r.id) },
      }),
    );
    return toInvitation(row, change.actor.name, now);
  });
}

/** The organization's invitations, newest first, with their status now. */
export async function listOrganizationInvitations(ctx: ServiceContext, organizationId: string, query: InvitationListQuery): Promise<InvitationList> {
  const now = ctx.clock.now();
  const { items, total } = await listInvitations(ctx.db, organizationId, { status: query.status, now, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  return { items: items.map((row) => toInvitation(row, row.invitedByName, now)), total };
}

/** Withdraws a pending invitation (409 when it is no longer pending); only an owner withdraws an owner's. */
export async function revokeOrganizationInvitation(ctx: ServiceContext, change: TeamChange, invitationId: string): Promise<void> {
  const organizationId = change.access.organization.id;
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const row = await findInvitationById(tx, organizationId, invitationId);
    if (!row) throw notFound('invitations.not_found');
    if (row.role === 'owner' && !actsAsOwner(change.access.standing)) throw forbidden();
    const status = invitationStatus(row, now);
    if (status !== 'pending') throw notPending(status, 409);
    if (!(await revokeInvitation(tx, row.id, now))) throw conflict('invitations.revoked');
    await recordAudit(
      tx,
      memberAudit(change, {
        action: 'invitation.revoked',
        targetType: 'invitation',
        targetId: row.id,
        details: { email: row.email, before: { status: 'pending', role: row.role }, after: { status: 'revoked' } },
      }),
    );
  });
}

/** What the holder of an invitation link may see: the organization, address, role, status, and whether to sign in or register. */
export async function lookupInvitation(ctx: ServiceContext, token: string): Promise<InvitationLookup> {
  const found = await findInvitationByTokenHash(ctx.db, hashToken(token));
  if (!found) throw notFound('invitations.not_found');
  const { invitation } = found;
  return {
    organizationName: found.organizationName,
    email: invitation.email,
    role: invitation.role,
    status: invitationStatus(invitation, ctx.clock.now()),
    hasAccount: (await findUserByEmail(ctx.db, invitation.email)) !== undefined,
  };
}

/**
 * Accepts an invitation as the signed-in user, whose email must be the invited one: creates the
 * membership with the role and sites (or reactivates a former member's) and marks the invitation used.
 */
export async function acceptInvitation(ctx: ServiceContext, actor: Actor, token: string, origin: RequestOrigin): Promise<AcceptInvitationResult> {
  const found = await findInvitationByTokenHash(ctx.db, hashToken(token));
  if (!found) throw notFound('invitations.not_found');
  const { invitation } = found;
  const now = ctx.clock.now();
  const status = invitationStatus(invitation, now);
  if (status !== 'pending') throw notPending(status, 400);
  if (actor.email.toLowerCase() !== invitation.email.toLowerCase()) throw forbidden('invitations.wrong_account');
  if (found.organizationArchivedAt) throw conflict('organizations.archived');
  const organizationId = invitation.organizationId;
  await ctx.db.transaction(async (tx) => {
    if (!(await markInvitationAccepted(tx, invitation.id, actor.userId, now))) throw badRequest('invitations.already_accepted');
    const existing = await findMembershipByUser(tx, organizationId, actor.userId);
    if (existing?.status === 'active') throw conflict('members.already_member');
    // Sites deleted since the invitation was sent are left out.
    const siteIds = (await listOrganizationSiteIds(tx, organizationId, invitation.siteIds)).sort();
    let memberId: string;
    if (existing) {
      await reactivateMembership(tx, existing.id, invitation.role, now);
      memberId = existing.id;
    } else {
      memberId = (await insertMembership(tx, organizationId, actor.userId, invitation.role, now)).id;
    }
    await replaceMemberSites(tx, memberId, siteIds, now);
    await recordAudit(tx, {
      category: 'member',
      action: 'invitation.accepted',
      actorUserId: actor.userId,
      actorLabel: actor.email,
      organizationId,
      targetType: 'member',
      targetId: memberId,
      ip: origin.ip,
      client: origin.client,
      details: {
        email: invitation.email,
        invitationId: invitation.id,
        before: existing ? { role: existing.role, status: existing.status } : null,
        after: { role: invitation.role, status: 'active', siteIds },
      },
    });
  });
  return { organizationId, role: invitation.role };
}
