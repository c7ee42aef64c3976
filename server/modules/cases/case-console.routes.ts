import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BulkCasesBody, BulkCasesResult, CaseLocator, Engineers } from '../../../common/schemas/cases';
import type { ServiceContext } from '../../platform/context';
import { originOf, requireActor } from '../../platform/http/auth-plugin';
import { ErrorResponse } from '../../platform/http/schemas';
import { bulkUpdateCases, listEngineers, locateCase } from './case-console.service';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };
const tags = ['cases'];
const access = { permission: 'case.answer' } as const;

/** The console's case actions: bulk status and assignment, the engineers, a case by number. */
export function registerCaseConsoleRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/cases/bulk', {
    config: { access },
    schema: {
      tags,
      summary: 'Sets a status and/or an assignee on several cases, each by the rules of the case page; failures are listed, the others applied',
      body: BulkCasesBody,
      response: { 200: BulkCasesResult, ...errors },
    },
    handler: (request) => bulkUpdateCases(ctx, requireActor(request), request.body, originOf(request), request.locale),
  });

  r.get('/api/v1/cases/engineers', {
    config: { access },
    schema: { tags, summary: 'The engineers a case may be assigned to', response: { 200: Engineers, ...errors } },
    handler: () => listEngineers(ctx),
  });

  r.get('/api/v1/cases/by-number/:number', {
    config: { access },
    schema: {
      tags,
      summary: 'Finds a case by its 8-digit number or the number it carried in an older system',
      params: z.object({ number: z.string().min(1).max(100) }),
      response: { 200: CaseLocator, ...errors, 404: ErrorResponse },
    },
    handler: (request) => locateCase(ctx, request.params.number),
  });
}
