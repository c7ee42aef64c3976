import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiToken, CreateApiTokenBody, CreatedApiToken } from '../../../common/schemas/me';
import type { ServiceContext } from '../../platform/context';
import { originOf, requireActor } from '../../platform/http/auth-plugin';
import { ErrorResponse } from '../../platform/http/schemas';
import { createApiToken, listTokens, revokeToken } from './tokens.service';

/** The signed-in user's personal API tokens. */
export function registerTokenRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/me/tokens', {
    config: { access: 'signed-in' },
    schema: { tags: ['me'], summary: 'List my API tokens', response: { 200: z.object({ items: z.array(ApiToken) }), 401: ErrorResponse } },
    handler: async (request) => ({ items: await listTokens(ctx, requireActor(request)) }),
  });

  r.post('/api/v1/me/tokens', {
    config: { access: 'signed-in' },
    schema: { tags: ['me'], summary: 'Create an API token (shown once)', body: CreateApiTokenBody, response: { 201: CreatedApiToken, 400: ErrorResponse, 401: ErrorResponse } },
    handler: async (request, reply) => {
      const created = await createApiToken(ctx, requireActor(request).userId, request.body.name, originOf(request));
      return reply.status(201).send(created);
    },
  });

  r.delete('/api/v1/me/tokens/:tokenId', {
    config: { access: 'signed-in' },
    schema: { tags: ['me'], summary: 'Revoke an API token', params: z.object({ tokenId: z.string().uuid() }), response: { 204: z.null(), 401: ErrorResponse, 404: ErrorResponse } },
    handler: async (request, reply) => {
      await revokeToken(ctx, requireActor(request), request.params.tokenId, originOf(request));
      return reply.status(204).send(null);
    },
  });
}
