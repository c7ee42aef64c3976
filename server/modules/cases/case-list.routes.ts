import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CaseListPage, CaseListQuery, QueuePage, QueueQuery } from '../../../common/schemas/cases';
import type { ServiceContext } from '../../platform/context';
import { requireActor } from '../../platform/http/auth-plugin';
import { ErrorResponse } from '../../platform/http/schemas';
import { requireOrganizationAccess } from '../organizations/organization-access';
import { listCases } from './case-list.service';
import { listQueue } from './case-queue.service';

const Params = z.object({ organizationId: z.uuid() });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

/** The portal's Cases tab and the console's queue. */
export function registerCaseListRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/organizations/:organizationId/cases', {
    config: { access: { permission: 'case.view' } },
    schema: {
      tags: ['cases'],
      summary: 'The Cases tab: my open cases, open or closed cases of my sites, searched, sorted and paged, with the count of each view',
      params: Params,
      querystring: CaseListQuery,
      response: { 200: CaseListPage, ...errors },
    },
    handler: async (request) => listCases(ctx, { ...requireOrganizationAccess(request), userId: requireActor(request).userId }, request.query),
  });

  r.get('/api/v1/cases/queue', {
    config: { access: { permission: 'case.answer' } },
    schema: {
      tags: ['cases'],
      summary: "The engineers' queue across organizations, oldest update first, with how many cases match",
      querystring: QueueQuery,
      response: { 200: QueuePage, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
    },
    handler: async (request) => listQueue(ctx, requireActor(request), request.query),
  });
}
