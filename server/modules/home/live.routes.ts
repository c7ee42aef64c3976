import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceContext } from '../../platform/context';
import { requireActor } from '../../platform/http/auth-plugin';
import { ErrorResponse } from '../../platform/http/schemas';
import { streamLiveEvents } from '../../platform/http/sse';
import { caseEngineersTopic, caseTopic, userTopic } from '../../platform/realtime';
import { requireCaseAccess } from '../cases/case-access';

const EventStream = z.string().describe('text/event-stream: `event: ready` once subscribed, then `event: <kind>` with `{ kind, caseId?, organizationId? }` for each change');

/**
 * Live event streams (server-sent events): a hint to refetch, never content, so what a browser
 * then reads still goes through the API's authorization. Fanned out between servers by
 * LISTEN/NOTIFY (platform/realtime.ts).
 */
export function registerLiveRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/me/events', {
    config: { access: 'signed-in' },
    exposeHeadRoute: false,
    schema: {
      tags: ['home'],
      summary: "The signed-in person's live events (their cases, mentions): the home page refetches on each",
      produces: ['text/event-stream'],
      response: { 200: EventStream, 401: ErrorResponse },
    },
    handler: async (request, reply) => streamLiveEvents(request, reply, ctx.events, [userTopic(requireActor(request).userId)]),
  });

  r.get('/api/v1/organizations/:organizationId/cases/:caseId/events', {
    config: { access: { permission: 'case.view' } },
    exposeHeadRoute: false,
    schema: {
      tags: ['cases'],
      summary: "A case's live events: an open case page refetches when someone posts or changes it",
      params: z.object({ organizationId: z.uuid(), caseId: z.uuid() }),
      produces: ['text/event-stream'],
      response: { 200: EventStream, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    },
    handler: async (request, reply) => {
      const { caseRow, side } = await requireCaseAccess(ctx.db, request);
      // Internal notes reach only engineers' pages: a customer's stream does not even hear that one was written.
      return streamLiveEvents(request, reply, ctx.events, side === 'engineer' ? [caseTopic(caseRow.id), caseEngineersTopic(caseRow.id)] : [caseTopic(caseRow.id)]);
    },
  });
}
