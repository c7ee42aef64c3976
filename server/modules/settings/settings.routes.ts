import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Branding, SecuritySettings, SecuritySettingsBody, VendorProfile, VendorProfileBody } from '../../../common/schemas/settings';
import type { ServiceContext } from '../../platform/context';
import { badRequest, forbidden } from '../../platform/errors';
import { originOf, requireActor } from '../../platform/http/auth-plugin';
import { ErrorResponse } from '../../platform/http/schemas';
import { allowlistFor, isIpAllowed } from '../auth/ip-allowlist';
import { canManageSettings } from './settings.policy';
import { getServiceName, getSetting, updateSetting } from './settings.service';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };

/** Console settings: sign-in protection and the vendor administrator's own information. */
export function registerSettingsRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const authorizeAdmin = (request: Parameters<typeof requireActor>[0]) => {
    const actor = requireActor(request);
    if (!canManageSettings(actor)) throw forbidden();
    return actor;
  };

  r.get('/api/v1/branding', {
    config: { access: 'public' },
    schema: {
      tags: ['settings'],
      summary: "The names the portal and the console show: the service's (page titles, the brand mark, email subjects) and the vendor's company",
      response: { 200: Branding },
    },
    handler: async () => ({ serviceName: await getServiceName(ctx), companyName: (await getSetting(ctx, 'vendorProfile')).companyName }),
  });

  r.get('/api/v1/admin/settings/security', {
    config: { access: { permission: 'settings.manage' } },
    schema: { tags: ['settings'], summary: 'Sign-in protection settings', response: { 200: SecuritySettings, ...errors } },
    handler: async (request) => {
      authorizeAdmin(request);
      return getSetting(ctx, 'security');
    },
  });

  r.put('/api/v1/admin/settings/security', {
    config: { access: { permission: 'settings.manage' } },
    schema: { tags: ['settings'], summary: 'Replace sign-in protection (every field); takes effect at once', body: SecuritySettingsBody, response: { 200: SecuritySettings, ...errors } },
    handler: async (request) => {
      const actor = authorizeAdmin(request);
      // A list that leaves out the address of the administrator making the change would shut them out.
      if (!isIpAllowed(allowlistFor(request.body, actor.staffRole), request.ip)) {
        throw badRequest('settings.would_lock_out', { ip: request.ip, messageParams: { ip: request.ip } });
      }
      return updateSetting(ctx, actor, 'security', request.body, originOf(request));
    },
  });

  r.get('/api/v1/admin/settings/profile', {
    config: { access: { permission: 'settings.manage' } },
    schema: { tags: ['settings'], summary: "The vendor administrator's information", response: { 200: VendorProfile, ...errors } },
    handler: async (request) => {
      authorizeAdmin(request);
      return getSetting(ctx, 'vendorProfile');
    },
  });

  r.put('/api/v1/admin/settings/profile', {
    config: { access: { permission: 'settings.manage' } },
    schema: { tags: ['settings'], summary: "Replace the vendor administrator's information (every field)", body: VendorProfileBody, response: { 200: VendorProfile, ...errors } },
    handler: async (request) => updateSetting(ctx, authorizeAdmin(request), 'vendorProfile', request.body, originOf(request)),
  });
}
