import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit';
import type { ServiceContext } from '../../platform/context';
import { originOf, requireActor } from '../../platform/http/auth-plugin';
import { ErrorResponse } from '../../platform/http/schemas';
import { requireOrganizationAccess } from './organization-access';
import { updateOrganizationRequireMfa } from './organizations.repository';

const OrganizationSecurity = z.object({ requireMfa: z.boolean().describe('Members must enrol two-step sign-in at their next sign-in') });
const Params = z.object({ organizationId: z.string().uuid() });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** Organization security settings. */
export function registerOrganizationSecurityRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/organizations/:organizationId/security', {
    config: { access: { permission: 'organization.view' } },
    schema: { tags: ['organizations'], summary: "The organization's sign-in requirements", params: Params, response: { 200: OrganizationSecurity, ...errors } },
    handler: async (request) => ({ requireMfa: requireOrganizationAccess(request).organization.requireMfa }),
  });

  r.patch('/api/v1/organizations/:organizationId/security', {
    config: { access: { permission: 'organization.manage' } },
    schema: { tags: ['organizations'], summary: 'Require two-step sign-in of every member', params: Params, body: OrganizationSecurity, response: { 200: OrganizationSecurity, ...errors } },
    handler: async (request) => {
      const actor = requireActor(request);
      const { organization } = requireOrganizationAccess(request);
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
