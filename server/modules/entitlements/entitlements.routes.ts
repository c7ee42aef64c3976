import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateContractBody,
  CreateEntitlementBody,
  Entitlement,
  NotifyAccountManagerBody,
  NotifyAccountManagerResult,
  OrganizationEntitlements,
  RenewContractBody,
  SupportContract,
  UpdateContractBody,
  UpdateEntitlementBody,
} from '../../../common/schemas/entitlements';
import type { ServiceContext } from '../../platform/context';
import { originOf, requireActor } from '../../platform/http/auth-plugin';
import { ErrorResponse } from '../../platform/http/schemas';
import { requireOrganizationAccess } from '../organizations/organization-access';
import { notifyAccountManager } from './account-manager-notice.service';
import { createContract, deleteContractOf, renewContract, updateContractDetails } from './contracts.service';
import { createEntitlement, deleteEntitlementOf, listOrganizationEntitlements, updateEntitlementDetails } from './entitlements.service';

const Params = z.object({ organizationId: z.string().uuid() });
const SiteParams = Params.extend({ siteId: z.string().uuid() });
const ContractParams = Params.extend({ contractId: z.string().uuid() });
const EntitlementParams = Params.extend({ entitlementId: z.string().uuid() });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const tags = ['entitlements'];
const manage = { access: { permission: 'entitlement.manage' as const } };

/** A customer's licensed products per site and their support contracts (console), and "notify my account manager" (portal). */
export function registerEntitlementRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/organizations/:organizationId/entitlements', {
    config: { access: { permission: 'customer.view' }, allowArchived: true },
    schema: {
      tags,
      summary: "Every site with its support contract, licensed products and the contracts' standing now",
      params: Params,
      response: { 200: OrganizationEntitlements, ...errors },
    },
    handler: (request) => listOrganizationEntitlements(ctx, requireOrganizationAccess(request)),
  });

  r.post('/api/v1/organizations/:organizationId/sites/:siteId/contracts', {
    config: manage,
    schema: {
      tags,
      summary: "Add a support contract to a site: the site's own (one per site) or one for entitlements whose terms differ",
      params: SiteParams,
      body: CreateContractBody,
      response: { 201: SupportContract, ...errors },
    },
    handler: async (request, reply) => {
      const created = await createContract(ctx, requireActor(request), requireOrganizationAccess(request), request.params.siteId, request.body, originOf(request));
      return reply.status(201).send(created);
    },
  });

  r.patch('/api/v1/organizations/:organizationId/contracts/:contractId', {
    config: manage,
    schema: { tags, summary: "Change a contract's tier, reference or dates", params: ContractParams, body: UpdateContractBody, response: { 200: SupportContract, ...errors } },
    handler: (request) => updateContractDetails(ctx, requireActor(request), requireOrganizationAccess(request), request.params.contractId, request.body, originOf(request)),
  });

  r.post('/api/v1/organizations/:organizationId/contracts/:contractId/renew', {
    config: manage,
    schema: { tags, summary: 'Renew a contract to a later end date; access returns at once', params: ContractParams, body: RenewContractBody, response: { 200: SupportContract, ...errors } },
    handler: (request) => renewContract(ctx, requireActor(request), requireOrganizationAccess(request), request.params.contractId, request.body, originOf(request)),
  });

  r.delete('/api/v1/organizations/:organizationId/contracts/:contractId', {
    config: manage,
    schema: { tags, summary: "Delete a contract; entitlements that named it fall back to the site's contract", params: ContractParams, response: { 204: z.null(), ...errors } },
    handler: async (request, reply) => {
      await deleteContractOf(ctx, requireActor(request), requireOrganizationAccess(request), request.params.contractId, originOf(request));
      return reply.status(204).send(null);
    },
  });

  r.post('/api/v1/organizations/:organizationId/sites/:siteId/entitlements', {
    config: manage,
    schema: { tags, summary: 'License a product to a site with a quantity', params: SiteParams, body: CreateEntitlementBody, response: { 201: Entitlement, ...errors } },
    handler: async (request, reply) => {
      const created = await createEntitlement(ctx, requireActor(request), requireOrganizationAccess(request), request.params.siteId, request.body, originOf(request));
      return reply.status(201).send(created);
    },
  });

  r.patch('/api/v1/organizations/:organizationId/entitlements/:entitlementId', {
    config: manage,
    schema: { tags, summary: 'Change the licensed quantity or the own contract', params: EntitlementParams, body: UpdateEntitlementBody, response: { 200: Entitlement, ...errors } },
    handler: (request) => updateEntitlementDetails(ctx, requireActor(request), requireOrganizationAccess(request), request.params.entitlementId, request.body, originOf(request)),
  });

  r.delete('/api/v1/organizations/:organizationId/entitlements/:entitlementId', {
    config: manage,
    schema: { tags, summary: "Take a product's licence away from a site", params: EntitlementParams, response: { 204: z.null(), ...errors } },
    handler: async (request, reply) => {
      await deleteEntitlementOf(ctx, requireActor(request), requireOrganizationAccess(request), request.params.entitlementId, originOf(request));
      return reply.status(204).send(null);
    },
  });

  r.post('/api/v1/organizations/:organizationId/sites/:siteId/contract/notify-account-manager', {
    config: { access: { permission: 'product.view' } },
    schema: {
      tags,
      summary: "Ask the organization's account manager to get in touch about the site's support contract (once an hour per member and site)",
      params: SiteParams,
      body: NotifyAccountManagerBody,
      response: { 202: NotifyAccountManagerResult, ...errors, 429: ErrorResponse },
    },
    handler: async (request, reply) => {
      const result = await notifyAccountManager(ctx, requireActor(request), requireOrganizationAccess(request), request.params.siteId, request.body, originOf(request));
      return reply.status(202).send(result);
    },
  });
}
