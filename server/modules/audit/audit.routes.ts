import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ActivityFilterQuery, ActivityListQuery, ActivityPage } from '../../../common/schemas/audit';
import type { ServiceContext } from '../../platform/context';
import { requireActor } from '../../platform/http/auth-plugin';
import { ErrorResponse } from '../../platform/http/schemas';
import { requireOrganizationAccess } from '../organizations/organization-access';
import { contentDisposition, XLSX_CONTENT_TYPE } from './audit.export';
import { exportActivity, listActivity, type ActivityScope } from './audit.service';

const Params = z.object({ organizationId: z.string().uuid() });
const Workbook = z.string().meta({ format: 'binary' }).describe('The .xlsx file, streamed');
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };
const orgErrors = { ...errors, 404: ErrorResponse };
const access = { permission: 'audit.view' } as const;

/**
 * The activity log, read-only: the whole installation's for vendor staff (console) and one
 * organization's for its owners and admins (portal), each as pages and as an Excel export. No
 * route changes or deletes an event.
 */
export function registerAuditRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const consoleScope: ActivityScope = { organizationId: null };
  const organizationScope = (request: FastifyRequest): ActivityScope => ({ organizationId: requireOrganizationAccess(request).organization.id });

  const sendExport = (request: FastifyRequest, reply: FastifyReply, scope: ActivityScope, query: ActivityFilterQuery) => {
    const out = new PassThrough();
    const started = exportActivity(ctx, requireActor(request), scope, query, out, { locale: request.locale, log: request.log });
    return reply.header('content-type', XLSX_CONTENT_TYPE).header('content-disposition', contentDisposition(started.fileName)).header('cache-control', 'no-store').send(out);
  };

  r.get('/api/v1/admin/activity', {
    config: { access },
    schema: { tags: ['activity'], summary: 'The activity log of the whole installation, newest first', querystring: ActivityListQuery, response: { 200: ActivityPage, ...errors } },
    handler: async (request) => listActivity(ctx, consoleScope, request.query),
  });

  r.get('/api/v1/admin/activity/export', {
    config: { access },
    exposeHeadRoute: false,
    schema: {
      tags: ['activity'],
      summary: 'The activity log of the whole installation as an Excel file',
      querystring: ActivityFilterQuery,
      produces: [XLSX_CONTENT_TYPE],
      response: { 200: Workbook, ...errors },
    },
    handler: async (request, reply) => sendExport(request, reply, consoleScope, request.query),
  });

  r.get('/api/v1/organizations/:organizationId/activity', {
    config: { access },
    schema: { tags: ['activity'], summary: "The organization's activity log, newest first", params: Params, querystring: ActivityListQuery, response: { 200: ActivityPage, ...orgErrors } },
    handler: async (request) => listActivity(ctx, organizationScope(request), request.query),
  });

  r.get('/api/v1/organizations/:organizationId/activity/export', {
    config: { access },
    exposeHeadRoute: false,
    schema: {
      tags: ['activity'],
      summary: "The organization's activity log as an Excel file",
      params: Params,
      querystring: ActivityFilterQuery,
      produces: [XLSX_CONTENT_TYPE],
      response: { 200: Workbook, ...orgErrors },
    },
    handler: async (request, reply) => sendExport(request, reply, organizationScope(request), request.query),
  });
}
