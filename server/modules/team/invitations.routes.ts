import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AcceptInvitationBody,
  AcceptInvitationResult,
  CreateInvitationBody,
  Invitation,
  InvitationList,
  InvitationListQuery,
  InvitationLookup,
  InvitationTokenQuery,
} from '../../../common/schemas/team';
import type { ServiceContext } from '../../platform/context';
import { originOf, requireActor } from '../../platform/http/auth-plugin';
import { ErrorResponse } from '../../platform/http/schemas';
import { requireOrganizationAccess } from '../organizations/organization-access';
import { acceptInvitation, createInvitation, listOrganizationInvitations, lookupInvitation, revokeOrganizationInvitation } from './invitations.service';
import { teamChangeOf } from './team.routes';

const OrganizationParams = z.object({ organizationId: z.string().uuid() });
const InvitationParams = OrganizationParams.extend({ invitationId: z.string().uuid() });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** Invitations by email: sending, listing and withdrawing them, and looking up and accepting a link. */
export function registerInvitationRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/organizations/:organizationId/invitations', {
    config: { access: { permission: 'member.manage' } },
    schema: {
      tags: ['team'],
      summary: 'Invite someone by email (viewer unless the organization allows other roles); replaces a pending invitation to the same address',
      params: OrganizationParams,
      body: CreateInvitationBody,
      response: { 201: Invitation, ...errors },
    },
    handler: async (request, reply) => reply.status(201).send(await createInvitation(ctx, teamChangeOf(request), request.body)),
  });

  r.get('/api/v1/organizations/:organizationId/invitations', {
    config: { access: { permission: 'member.manage' } },
    schema: {
      tags: ['team'],
      summary: "The organization's invitations, newest first, with their status (pending, accepted, revoked, expired)",
      params: OrganizationParams,
      querystring: InvitationListQuery,
      response: { 200: InvitationList, ...errors },
    },
    handler: async (request) => listOrganizationInvitations(ctx, requireOrganizationAccess(request).organization.id, request.query),
  });

  r.post('/api/v1/organizations/:organizationId/invitations/:invitationId/revoke', {
    config: { access: { permission: 'member.manage' } },
    schema: { tags: ['team'], summary: 'Withdraw a pending invitation', params: InvitationParams, response: { 204: z.null(), ...errors } },
    handler: async (request, reply) => {
      await revokeOrganizationInvitation(ctx, teamChangeOf(request), request.params.invitationId);
      return reply.status(204).send(null);
    },
  });

  r.get('/api/v1/invitations/lookup', {
    config: { access: 'public' },
    schema: {
      tags: ['team'],
      summary: "What an invitation link is for: the organization, address, role, status, and whether the address has an account",
      querystring: InvitationTokenQuery,
      response: { 200: InvitationLookup, 400: ErrorResponse, 404: ErrorResponse },
    },
    handler: async (request) => lookupInvitation(ctx, request.query.token),
  });

  r.post('/api/v1/invitations/accept', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['team'],
      summary: "Accept an invitation as the signed-in user, whose email must be the invited one",
      body: AcceptInvitationBody,
      response: { 200: AcceptInvitationResult, ...errors },
    },
    handler: async (request) => acceptInvitation(ctx, requireActor(request), request.body.token, originOf(request)),
  });
}
