import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../platform/db';

const Health = z.object({ status: z.enum(['ok', 'unavailable']), checks: z.record(z.string(), z.boolean()).optional() });

/** /healthz (process up) and /readyz (database reachable, migrations applied). */
export function registerHealthRoutes(app: FastifyInstance, database: Database): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/healthz', {
    config: { access: 'public' },
    schema: { tags: ['health'], summary: 'The process is up', response: { 200: Health } },
    handler: async () => ({ status: 'ok' as const }),
  });
  r.get('/readyz', {
    config: { access: 'public' },
    schema: { tags: ['health'], summary: 'The database answers and every migration is applied', response: { 200: Health, 503: Health } },
    handler: async (_request, reply) => {
      let database_ = false;
      let migrations = false;
      try {
        await database.raw('select 1');
        database_ = true;
        migrations = await database.isMigrated();
      } catch {
        // reported below as not ready
      }
      const ready = database_ && migrations;
      return reply.status(ready ? 200 : 503).send({ status: ready ? 'ok' : 'unavailable', checks: { database: database_, migrations } });
    },
  });
}
