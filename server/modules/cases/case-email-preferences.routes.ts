import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CaseEmailPreferences } from '../../../common/schemas/cases';
import type { ServiceContext } from '../../platform/context';
import { requireActor } from '../../platform/http/auth-plugin';
import { ErrorResponse } from '../../platform/http/schemas';
import { getCaseEmailPreferences, saveCaseEmailPreferences } from './case-email-preferences.service';

const tags = ['me'];

/** Which case emails a person gets. */
export function registerCaseEmailPreferenceRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/me/case-email-preferences', {
    config: { access: 'signed-in' },
    schema: { tags, summary: 'The case emails I get (every kind until I choose)', response: { 200: CaseEmailPreferences, 401: ErrorResponse } },
    handler: (request) => getCaseEmailPreferences(ctx, requireActor(request)),
  });

  r.put('/api/v1/me/case-email-preferences', {
    config: { access: 'signed-in' },
    schema: {
      tags,
      summary: 'Choose the case emails I get (an empty list: none)',
      body: CaseEmailPreferences,
      response: { 200: CaseEmailPreferences, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
    },
    handler: (request) => saveCaseEmailPreferences(ctx, requireActor(request), request.body),
  });
}
