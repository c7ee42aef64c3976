import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import { systemClock } from '../../server/platform/clock';
import { CLI_ORIGIN, type ServiceContext } from '../../server/platform/context';
import { openPglite, type Database } from '../../server/platform/db';
import { ensureInitialAdmin } from '../../server/modules/users/users.service';

export interface E2eServer {
  url: string;
  ctx: ServiceContext;
  adminEmail: string;
  adminPassword: string;
  close(): Promise<void>;
}

/** The real app with the built web app, on a fresh in-memory database, listening on a free port. */
export async function startE2eServer(): Promise<E2eServer> {
  const database: Database = await openPglite(null);
  await database.migrate();
  const config = { sessionTtlHours: 24, adminEmail: 'admin@atrium.local', bodyLimitBytes: 1024 * 1024, signInRateLimit: 1000, trustProxy: undefined };
  const ctx: ServiceContext = { db: database.db, database, clock: systemClock, config };
  const admin = await ensureInitialAdmin(ctx, CLI_ORIGIN);
  const app: FastifyInstance = await buildApp({ database, config, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    ctx,
    adminEmail: admin!.user.email,
    adminPassword: admin!.oneTimePassword!,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
