import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ArchiveOrganizationBody,
  ConsoleOrganizationList,
  ConsoleOrganizationQuery,
  CreateOrganizationBody,
  LastOrganizationBody,
  Organization,
  OrganizationContact,
  OrganizationList,
  UpdateAccountTeamBody,
  UpdateOrganizationBody,
} from '../../../common/schemas/organizations';
import type { ServiceContext } from '../../platform/context';
import { originOf, requireActor } from '../../platform/http/auth-plugin';
import { ErrorResponse } from '../../platform/http/schemas';
import { requireOrganizationAccess } from './organization-access';
import {
  archiveOrganization,
  createOrganization,
  getOrganization,
  getOrganizationContact,
  listConsoleOrganizations,
  listMyOrganizations,
  rememberLastOrganization,
  restoreOrganization,
  updateAccountTeam,
  updateOrganizationDetails,
} from './organizations.service';

const Params = z.object({ organizationId: z.string().uuid() });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const tags = ['organizations'];

/** Organizations: create, switch, read, rename, archive and restore, account team, contact, the console list. */
export function registerOrganizationRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/organizations', {
    config: { access: 'signed-in' },
    schema: { tags, summary: 'Create an organization; its creator becomes its owner', body: CreateOrganizationBody, response: { 201: Organization, ...errors } },
    handler: async (request, reply) => {
      const created = await createOrganization(ctx, requireActor(request), request.body, originOf(request));
      return reply.status(201).send(created);
    },
  });

  r.get('/api/v1/organizations', {
    config: { access: 'signed-in' },
    schema: { tags, summary: 'My organizations, for the switcher (archived ones are left out)', response: { 200: OrganizationList, 401: ErrorResponse, 403: ErrorResponse } },
    handler: (request) => listMyOrganizations(ctx, requireActor(request)),
  });

  r.put('/api/v1/me/last-organization', {
    config: { access: 'signed-in' },
    schema: { tags, summary: 'Remember the organization chosen in the switcher', body: LastOrganizationBody, response: { 204: z.null(), ...errors } },
    handler: async (request, reply) => {
      await rememberLastOrganization(ctx, requireActor(request), request.body.organizationId);
      return reply.status(204).send(null);
    },
  });

  r.get('/api/v1/admin/organizations', {
    config: { access: { permission: 'customer.view' } },
    schema: { tags, summary: 'Console: customer organizations, searched and paged', querystring: ConsoleOrganizationQuery, response: { 200: ConsoleOrganizationList, ...errors } },
    handler: (request) => listConsoleOrganizations(ctx, request.query),
  });

  r.get('/api/v1/organizations/:organizationId', {
    config: { access: { permission: 'organization.view' }, allowArchived: true },
    schema: { tags, summary: 'The organization, with what the signed-in user may do in it', params: Params, response: { 200: Organization, ...errors } },
    handler: (request) => getOrganization(ctx, requireOrganizationAccess(request)),
  });

  r.patch('/api/v1/organizations/:organizationId', {
    config: { access: { permission: 'organization.manage' } },
    schema: { tags, summary: 'Rename the organization, change its notes or invitation roles', params: Params, body: UpdateOrganizationBody, response: { 200: Organization, ...errors } },
    handler: (request) => updateOrganizationDetails(ctx, requireActor(request), requireOrganizationAccess(request), request.body, originOf(request)),
  });

  r.post('/api/v1/organizations/:organizationId/archive', {
    config: { access: { permission: 'organization.archive' } },
    schema: {
      tags,
      summary: 'Archive the organization (owners): it leaves every switcher and becomes read-only',
      params: Params,
      body: ArchiveOrganizationBody,
      response: { 200: Organization, ...errors },
    },
    handler: (request) => archiveOrganization(ctx, requireActor(request), requireOrganizationAccess(request), request.body, originOf(request)),
  });

  r.post('/api/v1/organizations/:organizationId/restore', {
    config: { access: { permission: 'customer.manage' }, allowArchived: true },
    schema: { tags, summary: 'Restore an archived organization (vendor administrators)', params: Params, response: { 200: Organization, ...errors } },
    handler: (request) => restoreOrganization(ctx, requireActor(request), requireOrganizationAccess(request), originOf(request)),
  });

  r.put('/api/v1/organizations/:organizationId/account-team', {
    config: { access: { permission: 'customer.manage' } },
    schema: { tags, summary: 'Name the account manager and customer success manager', params: Params, body: UpdateAccountTeamBody, response: { 200: Organization, ...errors } },
    handler: (request) => updateAccountTeam(ctx, requireActor(request), requireOrganizationAccess(request), request.body, originOf(request)),
  });

  r.get('/api/v1/organizations/:organizationId/contact', {
    config: { access: { permission: 'organization.view' } },
    schema: { tags, summary: 'Contact us: the account team and vendor support', params: Params, response: { 200: OrganizationContact, ...errors } },
    handler: (request) => getOrganizationContact(ctx, requireOrganizationAccess(request)),
  });
}
