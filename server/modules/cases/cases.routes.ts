import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AssignBody, CaseDetail, CaseHistory, CaseWizardOptions, CreateCaseBody, CreatedCase, ReopenBody, TransitionBody, UpdateCaseBody } from '../../../common/schemas/cases';
import type { ServiceContext } from '../../platform/context';
import { originOf, requireActor } from '../../platform/http/auth-plugin';
import { ErrorResponse } from '../../platform/http/schemas';
import { requireOrganizationAccess } from '../organizations/organization-access';
import { requireCaseAccess } from './case-access';
import { readCaseDetail } from './case-detail';
import { assignCase, createCase, getCaseHistory, reopenCase, transitionCase, updateCaseText } from './cases.service';
import { getCaseWizardOptions } from './case-wizard.service';

const Params = z.object({ organizationId: z.uuid() });
const CaseParams = Params.extend({ caseId: z.uuid() });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const changeErrors = { ...errors, 409: ErrorResponse, 422: ErrorResponse };
const tags = ['cases'];
const view = { permission: 'case.view' } as const;
const create = { permission: 'case.create' } as const;

/** The case lifecycle: wizard options, creation, the case page, description and resolution, transitions, reopen, assignment, history. */
export function registerCaseRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/organizations/:organizationId/cases/options', {
    config: { access: create },
    schema: {
      tags,
      summary: 'What the case wizard offers: the sites the member may open cases for with their contract standing and licensed products, the account team, the default language',
      params: Params,
      response: { 200: CaseWizardOptions, ...errors },
    },
    handler: (request) =>
      getCaseWizardOptions(ctx, requireActor(request), requireOrganizationAccess(request), { locale: request.locale, acceptLanguage: request.headers['accept-language'] }),
  });

  r.post('/api/v1/organizations/:organizationId/cases', {
    config: { access: create },
    schema: {
      tags,
      summary: 'Opens a case: 8-digit number and the link to its page. Refused with contract.expired past the grace period',
      params: Params,
      body: CreateCaseBody,
      response: { 201: CreatedCase, ...changeErrors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createCase(ctx, requireActor(request), requireOrganizationAccess(request), request.body, originOf(request))),
  });

  r.get('/api/v1/organizations/:organizationId/cases/:caseId', {
    config: { access: view },
    schema: { tags, summary: 'The case page: the case with names resolved, and what the actor may do on it now', params: CaseParams, response: { 200: CaseDetail, ...errors } },
    handler: (request) => readCaseDetail(ctx, request, request.locale),
  });

  r.patch('/api/v1/organizations/:organizationId/cases/:caseId', {
    config: { access: view },
    schema: {
      tags,
      summary: 'Engineers update the description and/or write the resolution; the previous text stays in the history',
      params: CaseParams,
      body: UpdateCaseBody,
      response: { 200: CaseDetail, ...changeErrors },
    },
    handler: async (request) => updateCaseText(ctx, await requireCaseAccess(ctx.db, request), request.body, originOf(request), request.locale),
  });

  r.post('/api/v1/organizations/:organizationId/cases/:caseId/transitions', {
    config: { access: view },
    schema: {
      tags,
      summary: 'Moves the case to another status by the transition table (409 cases.transition_not_allowed, 403 cases.transition_forbidden or cases.reopen_by_request, 409 cases.status_changed)',
      params: CaseParams,
      body: TransitionBody,
      response: { 200: CaseDetail, ...changeErrors },
    },
    handler: async (request) => transitionCase(ctx, await requireCaseAccess(ctx.db, request), request.body, originOf(request), request.locale),
  });

  r.post('/api/v1/organizations/:organizationId/cases/:caseId/reopen', {
    config: { access: view },
    schema: {
      tags,
      summary: 'The customer asks to reopen a closed case within the reopen window; the reason goes to the feed',
      params: CaseParams,
      body: ReopenBody,
      response: { 200: CaseDetail, ...changeErrors },
    },
    handler: async (request) => reopenCase(ctx, await requireCaseAccess(ctx.db, request), request.body, originOf(request), request.locale),
  });

  r.post('/api/v1/organizations/:organizationId/cases/:caseId/assign', {
    config: { access: view },
    schema: { tags, summary: 'Engineers assign the case to an engineer, or unassign it', params: CaseParams, body: AssignBody, response: { 200: CaseDetail, ...changeErrors } },
    handler: async (request) => assignCase(ctx, await requireCaseAccess(ctx.db, request), request.body, originOf(request), request.locale),
  });

  r.get('/api/v1/organizations/:organizationId/cases/:caseId/history', {
    config: { access: view },
    schema: { tags, summary: "The case's history, oldest first", params: CaseParams, response: { 200: CaseHistory, ...errors } },
    handler: async (request) => getCaseHistory(ctx, await requireCaseAccess(ctx.db, request)),
  });
}
