import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FeedPage, FeedQuery, HomeHighlights, HomePreferences } from '../../../common/schemas/cases';
import type { ServiceContext } from '../../platform/context';
import { requireActor } from '../../platform/http/auth-plugin';
import { ErrorResponse } from '../../platform/http/schemas';
import { requireOrganizationAccess } from '../organizations/organization-access';
import { listHomeFeed } from './home-feed';
import { getHomeHighlights, getHomePreferences, updateHomePreferences } from './home.service';
import { registerLiveRoutes } from './live.routes';

const Params = z.object({ organizationId: z.uuid() });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

/** The portal's home page (highlights, My feed, preferences) and live event streams. */
export function registerHomeRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/organizations/:organizationId/home/highlights', {
    config: { access: { permission: 'organization.view' } },
    schema: { tags: ['home'], summary: 'The highlights panel: the figures the person chose, in their order', params: Params, response: { 200: HomeHighlights, ...errors } },
    handler: async (request) => getHomeHighlights(ctx, requireActor(request), requireOrganizationAccess(request)),
  });

  r.get('/api/v1/organizations/:organizationId/home/feed', {
    config: { access: { permission: 'organization.view' } },
    schema: {
      tags: ['home'],
      summary: 'My feed: updates on my cases, mentions, new releases and contract warnings (the kinds I chose), newest first',
      params: Params,
      querystring: FeedQuery,
      response: { 200: FeedPage, ...errors },
    },
    handler: async (request) => listHomeFeed(ctx, requireActor(request), requireOrganizationAccess(request), request.query),
  });

  r.get('/api/v1/me/home-preferences', {
    config: { access: 'signed-in' },
    schema: { tags: ['home'], summary: 'Which highlights and feed kinds my home page shows', response: { 200: HomePreferences, 401: ErrorResponse } },
    handler: async (request) => getHomePreferences(ctx, requireActor(request)),
  });

  r.put('/api/v1/me/home-preferences', {
    config: { access: 'signed-in' },
    schema: { tags: ['home'], summary: 'Choose the highlights (in order) and feed kinds of my home page', body: HomePreferences, response: { 200: HomePreferences, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse } },
    handler: async (request) => updateHomePreferences(ctx, requireActor(request), request.body),
  });

  registerLiveRoutes(app, ctx);
}
