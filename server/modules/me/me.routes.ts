import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorResponse } from '../../platform/http/schemas';
import { ChangePasswordBody, Me, UpdatePreferencesBody } from '../../../common/schemas/me';
import { originOf, requireActor } from '../../platform/http/auth-plugin';
import type { ServiceContext } from '../../platform/context';
import { changePassword } from '../auth/auth.service';
import { getMe, updatePreferences } from './me.service';
import { endOtherSessions, endSession, listSessions } from '../auth/sessions.service';
import { SessionInfo } from '../../../common/schemas/auth';
import { z } from 'zod';

/** GET /me, preferences and password change. */
export function registerMeRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/me', {
    config: { access: 'account-setup', actorMemberships: true },
    schema: { tags: ['me'], summary: 'The signed-in user with their roles', response: { 200: Me, 401: ErrorResponse } },
    handler: (request) => getMe(ctx, requireActor(request)),
  });

  r.patch('/api/v1/me/preferences', {
    config: { access: 'account-setup' },
    schema: { tags: ['me'], summary: 'Save language and theme', body: UpdatePreferencesBody, response: { 200: Me, 400: ErrorResponse, 401: ErrorResponse } },
    handler: (request) => updatePreferences(ctx, requireActor(request), request.body),
  });

  r.get('/api/v1/me/sessions', {
    config: { access: 'account-setup' },
    schema: { tags: ['me'], summary: 'My sessions: device, address, last activity', response: { 200: z.object({ items: z.array(SessionInfo) }), 401: ErrorResponse } },
    handler: async (request) => ({ items: await listSessions(ctx, requireActor(request)) }),
  });

  r.delete('/api/v1/me/sessions', {
    config: { access: 'account-setup' },
    schema: {
      tags: ['me'],
      summary: 'End all my other sessions (every one but this; all of them when called with an API token)',
      response: { 200: z.object({ ended: z.number().int().describe('How many sessions were ended') }), 401: ErrorResponse },
    },
    handler: (request) => endOtherSessions(ctx, requireActor(request), originOf(request)),
  });

  r.delete('/api/v1/me/sessions/:sessionId', {
    config: { access: 'account-setup' },
    schema: { tags: ['me'], summary: 'End one of my sessions', params: z.object({ sessionId: z.string().uuid() }), response: { 204: z.null(), 401: ErrorResponse, 404: ErrorResponse } },
    handler: async (request, reply) => {
      await endSession(ctx, requireActor(request), request.params.sessionId, originOf(request));
      return reply.status(204).send(null);
    },
  });

  r.post('/api/v1/me/password', {
    config: { access: 'account-setup' },
    schema: { tags: ['me'], summary: 'Change the password; other sessions end', body: ChangePasswordBody, response: { 200: Me, 400: ErrorResponse, 401: ErrorResponse } },
    handler: async (request) => {
      const actor = requireActor(request);
      await changePassword(ctx, actor, request.body, originOf(request));
      return getMe(ctx, { ...actor, mustChangePassword: false });
    },
  });
}
