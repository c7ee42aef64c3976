import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import type { ServiceContext } from '../../platform/context';
import { forbidden, notFound } from '../../platform/errors';
import { originOf, requireActor } from '../../platform/http/auth-plugin';
import { ErrorResponse } from '../../platform/http/schemas';
import { findActiveMembership, findOrganizationById, updateOrganizationRequireMfa } from './organizations.repository';
import { canOnOrganization, canSeeOrganization } from './organizations.policy';

const OrganizationSecurity = z.object({ requireMfa: z.boolean().describe('Members must enrol two-step sign-in at their next sign-in') });
const Params = z.object({ organizationId: z.string().uuid() });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

/** The organization and the actor's standing in it; another organization answers 404. */
async function loadForActor(ctx: ServiceContext, actor: Actor, organizationId: string) {
  const organization = await findOrganizationById(ctx.db, organizationId);
  const membership = organization ? await findActiveMembership(ctx.db, organizationId, actor.userId) : undefined;
  const standing = { staffRole: actor.staffRole, memberRole: membership?.role ?? null };
  if (!organization || !canSeeOrganization(standing)) throw notFound('organizations.not_found');
  return { organization, standing };
}

/** Organization security settings (the full organization API comes with the organizations capability). */
export function registerOrganizationRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/organizations/:organizationId/security', {
    config: { access: { permission: 'organization.view' } },
    schema: { tags: ['organizations'], summary: "The organization's sign-in requirements", params: Params, response: { 200: OrganizationSecurity, ...errors } },
    handler: async (request) => {
      const { organization } = await loadForActor(ctx, requireActor(request), request.params.organizationId);
      return { requireMfa: organization.requireMfa };
    },
  });

  r.patch('/api/v1/organizations/:organizationId/security', {
    config: { access: { permission: 'organization.manage' } },
    schema: { tags: ['organizations'], summary: 'Require two-step sign-in of every member', params: Params, body: OrganizationSecurity, response: { 200: OrganizationSecurity, ...errors } },
    handler: async (request) => {
      const actor = requireActor(request);
      const { organization, standing } = await loadForActor(ctx, actor, request.params.organizationId);
      if (!canOnOrganization(standing, 'organization.manage')) throw forbidden();
      const origin = originOf(request);
      await ctx.db.transaction(async (tx) => {
        await updateOrganizationRequireMfa(tx, organization.id, request.body.requireMfa);
        await recordAudit(tx, {
          category: 'settings',
          action: 'organization.require_mfa.updated',
          actorUserId: actor.userId,
          actorLabel: actor.email,
          organizationId: organization.id,
          ip: origin.ip,
          client: origin.client,
          details: { before: { requireMfa: organization.requireMfa }, after: request.body },
        });
      });
      return request.body;
    },
  });
}
