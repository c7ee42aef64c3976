import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreateSiteBody, DeleteSiteQuery, Site, SiteImpact, SiteTree, UpdateSiteBody } from '../../../common/schemas/organizations';
import type { ServiceContext } from '../../platform/context';
import { originOf, requireActor } from '../../platform/http/auth-plugin';
import { ErrorResponse } from '../../platform/http/schemas';
import { requireOrganizationAccess } from './organization-access';
import { createSite, deleteSite, getSiteImpact, listSiteTree, updateSiteDetails } from './sites.service';

const Params = z.object({ organizationId: z.string().uuid() });
const SiteParams = Params.extend({ siteId: z.string().uuid() });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const tags = ['sites'];

/** An organization's site tree: list, create, rename and move, delete after reviewing the impact. */
export function registerSiteRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/organizations/:organizationId/sites', {
    config: { access: { permission: 'organization.view' }, allowArchived: true },
    schema: { tags, summary: 'Every site, flat in tree order, with whether the signed-in user may act on it', params: Params, response: { 200: SiteTree, ...errors } },
    handler: (request) => listSiteTree(ctx, requireOrganizationAccess(request)),
  });

  r.post('/api/v1/organizations/:organizationId/sites', {
    config: { access: { permission: 'organization.manage' } },
    schema: { tags, summary: 'Create a site, at the top level or under another site', params: Params, body: CreateSiteBody, response: { 201: Site, ...errors } },
    handler: async (request, reply) => {
      const created = await createSite(ctx, requireActor(request), requireOrganizationAccess(request), request.body, originOf(request));
      return reply.status(201).send(created);
    },
  });

  r.patch('/api/v1/organizations/:organizationId/sites/:siteId', {
    config: { access: { permission: 'organization.manage' } },
    schema: { tags, summary: 'Rename a site or move it (parentId null: top level)', params: SiteParams, body: UpdateSiteBody, response: { 200: Site, ...errors } },
    handler: (request) => updateSiteDetails(ctx, requireActor(request), requireOrganizationAccess(request), request.params.siteId, request.body, originOf(request)),
  });

  r.get('/api/v1/organizations/:organizationId/sites/:siteId/impact', {
    config: { access: { permission: 'organization.manage' } },
    schema: { tags, summary: 'What deleting the site would take with it', params: SiteParams, response: { 200: SiteImpact, ...errors } },
    handler: (request) => {
      requireOrganizationAccess(request);
      return getSiteImpact(ctx, request.params.siteId);
    },
  });

  r.delete('/api/v1/organizations/:organizationId/sites/:siteId', {
    config: { access: { permission: 'organization.manage' } },
    schema: {
      tags,
      summary: 'Delete a site with its sub-sites; anything else it holds needs confirm=true (409 sites.has_contents lists it)',
      params: SiteParams,
      querystring: DeleteSiteQuery,
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      const confirm = request.query.confirm === 'true';
      await deleteSite(ctx, requireActor(request), requireOrganizationAccess(request), request.params.siteId, confirm, originOf(request));
      return reply.status(204).send(null);
    },
  });
}
