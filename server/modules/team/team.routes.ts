import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BulkMemberBody, BulkMemberResult, Directory, DirectoryQuery, MemberList, MemberListQuery, MemberSummary, UpdateMemberBody } from '../../../common/schemas/team';
import type { ServiceContext } from '../../platform/context';
import { originOf, requireActor } from '../../platform/http/auth-plugin';
import { ErrorResponse } from '../../platform/http/schemas';
import { requireOrganizationAccess } from '../organizations/organization-access';
import { bulkUpdateMembers, listDirectory, listTeamMembers, updateTeamMember, type TeamChange } from './team.service';

const OrganizationParams = z.object({ organizationId: z.string().uuid() });
const MemberParams = OrganizationParams.extend({ memberId: z.string().uuid() });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** The actor, their standing in the path's organization and where the request came from. */
export function teamChangeOf(request: FastifyRequest): TeamChange {
  return { access: requireOrganizationAccess(request), actor: requireActor(request), origin: originOf(request) };
}

/** My Team: members with roles and site access, bulk deactivation, and the organization's directory. */
export function registerTeamRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/organizations/:organizationId/members', {
    config: { access: { permission: 'member.manage' } },
    schema: {
      tags: ['team'],
      summary: "The organization's members, searched by name, email or company and filtered by role, status and site; one page ordered by name",
      params: OrganizationParams,
      querystring: MemberListQuery,
      response: { 200: MemberList, ...errors },
    },
    handler: async (request) => listTeamMembers(ctx, requireOrganizationAccess(request).organization.id, request.query),
  });

  r.patch('/api/v1/organizations/:organizationId/members/:memberId', {
    config: { access: { permission: 'member.manage' } },
    schema: {
      tags: ['team'],
      summary: "Change a member's role and/or replace the sites they may act on; effective at once",
      params: MemberParams,
      body: UpdateMemberBody,
      response: { 200: MemberSummary, ...errors },
    },
    handler: async (request) => updateTeamMember(ctx, teamChangeOf(request), request.params.memberId, request.body),
  });

  r.post('/api/v1/organizations/:organizationId/members/bulk', {
    config: { access: { permission: 'member.manage' } },
    schema: {
      tags: ['team'],
      summary: 'Deactivate, reactivate or remove members, all or nothing',
      params: OrganizationParams,
      body: BulkMemberBody,
      response: { 200: BulkMemberResult, ...errors },
    },
    handler: async (request) => bulkUpdateMembers(ctx, teamChangeOf(request), request.body),
  });

  r.get('/api/v1/organizations/:organizationId/directory', {
    config: { access: { permission: 'organization.view' } },
    schema: {
      tags: ['team'],
      summary: "Every contact of the organization across all sites (\"Don't see who you're looking for?\")",
      params: OrganizationParams,
      querystring: DirectoryQuery,
      response: { 200: Directory, ...errors },
    },
    handler: async (request) => listDirectory(ctx, requireOrganizationAccess(request).organization.id, request.query),
  });
}
