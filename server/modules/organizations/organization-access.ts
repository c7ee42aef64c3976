import type { FastifyInstance, FastifyRequest } from 'fastify';
import { STAFF_ROLE_PERMISSIONS, type Permission } from '../../../common/permissions';
import type { Actor } from '../../platform/actor';
import type { ServiceContext } from '../../platform/context';
import { AppError, forbidden, notFound } from '../../platform/errors';
import { requireActor } from '../../platform/http/auth-plugin';
import { findOrganizationStanding, resourceBelongsToOrganization, standingFrom, type OrganizationRow } from './organizations.repository';
import { canOnOrganization, canOnSite, canSeeOrganization, type OrganizationStanding } from './organizations.policy';

/** What the access check found for a request on an organization, for the handler to use. */
export interface OrganizationAccess {
  organization: OrganizationRow;
  standing: OrganizationStanding;
}

declare module 'fastify' {
  interface FastifyRequest {
    organizationAccess: OrganizationAccess | null;
  }
  interface FastifyContextConfig {
    /** The route works on an archived organization too (reading it, restoring it). */
    allowArchived?: boolean;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Path parameters that name a resource inside the organization in the path; each must belong to it. */
export const SCOPED_PARAMS = ['siteId', 'memberId', 'invitationId', 'contractId', 'entitlementId', 'caseId'] as const;

/** The organization access of a request; throws when the route has none (a programming error). */
export function requireOrganizationAccess(request: FastifyRequest): OrganizationAccess {
  if (!request.organizationAccess) throw new Error(`route ${request.routeOptions.url} has no :organizationId`);
  return request.organizationAccess;
}

/** Checks a permission route for an actor: on the organization in the path, or as vendor staff. */
async function authorizeRequest(ctx: ServiceContext, request: FastifyRequest, actor: Actor, permission: Permission): Promise<void> {
  const params = request.params as Record<string, string | undefined>;
  const organizationId = params.organizationId;
  if (organizationId === undefined) {
    // Not about one organization: installation-wide, for vendor staff with the permission.
    if (!actor.staffRole || !STAFF_ROLE_PERMISSIONS[actor.staffRole].includes(permission)) throw forbidden();
    return;
  }
  if (!UUID.test(organizationId)) throw notFound('organizations.not_found');
  // Read with the session or token when the route was matched (the usual case); else read here.
  const lookup = actor.organizationLookup?.organizationId === organizationId ? actor.organizationLookup : undefined;
  const found = lookup ? await standingFrom(ctx.db, lookup, actor.staffRole) : await findOrganizationStanding(ctx.db, organizationId, actor.userId, actor.staffRole);
  // Another organization's data answers 404, not 403: its existence is not confirmed.
  if (!found || !canSeeOrganization(found.standing)) throw notFound('organizations.not_found');
  const { organization, standing } = found;
  for (const name of SCOPED_PARAMS) {
    const id = params[name];
    if (id === undefined) continue;
    if (!UUID.test(id) || !(await resourceBelongsToOrganization(ctx.db, name, id, organizationId))) throw notFound();
  }
  const siteId = params.siteId;
  const allowed = siteId ? canOnSite(standing, permission, siteId) : canOnOrganization(standing, permission);
  if (!allowed) throw forbidden();
  if (organization.archivedAt && !SAFE_METHODS.has(request.method) && !request.routeOptions.config.allowArchived) {
    throw new AppError('organizations.archived', 409);
  }
  request.organizationAccess = { organization, standing };
}

/**
 * Authorizes every route that declares a permission, before its input is validated: the
 * organization in the path (and any site, member or invitation in it, which must belong to it) is
 * loaded with the actor's standing and checked against the policy. With `dryRun`, a request that
 * passes stops there with 204 when it carries `x-atrium-authorize-only`: the authorization matrix
 * test calls every route that way without changing anything.
 */
export function registerOrganizationAccess(app: FastifyInstance, ctx: ServiceContext, options: { dryRun?: boolean } = {}): void {
  app.decorateRequest('organizationAccess', null);
  app.addHook('preValidation', async (request, reply) => {
    const access = request.routeOptions.config.access;
    if (!access || typeof access !== 'object') return;
    const actor = requireActor(request);
    await authorizeRequest(ctx, request, actor, access.permission);
    if (options.dryRun && request.headers['x-atrium-authorize-only']) return reply.status(204).send();
    return undefined;
  });
}
