import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppDeps } from '../app';
import { createFixedClock } from '../platform/clock';
import type { ServiceContext } from '../platform/context';
import type { Database } from '../platform/db';
import { createTestDatabase } from './test-database';
import { buildUser, DEFAULT_PASSWORD } from './factories';

export const TEST_CONFIG: AppDeps['config'] = {
  sessionTtlHours: 24,
  adminEmail: 'admin@atrium.test',
  bodyLimitBytes: 1024 * 1024,
  signInRateLimit: 1000,
  trustProxy: undefined,
};

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  ctx: ServiceContext;
  clock: ReturnType<typeof createFixedClock>;
  close(): Promise<void>;
}

/** The whole app on a fresh database, with a clock the test moves; no port is opened. */
export async function buildTestApp(options: { config?: Partial<typeof TEST_CONFIG>; webDistDir?: string } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = createFixedClock(new Date());
  const config = { ...TEST_CONFIG, ...options.config };
  const app = await buildApp({ database, config, clock, logger: false, ...(options.webDistDir ? { webDistDir: options.webDistDir } : {}) });
  await app.ready();
  const ctx: ServiceContext = { db: database.db, database, clock, config };
  return {
    app,
    database,
    ctx,
    clock,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** A signed-in browser-like client: session cookie plus CSRF header on writes. */
export interface SignedIn {
  userId: string;
  email: string;
  cookie: string;
  csrfToken: string;
  inject(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

/** Signs in through the API and returns a client that carries the session. */
export async function signInAs(app: FastifyInstance, email: string, password = DEFAULT_PASSWORD): Promise<SignedIn> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'atrium_session')!;
  const me = response.json() as { id: string; csrfToken: string };
  const header = `atrium_session=${cookie.value}`;
  return {
    userId: me.id,
    email,
    cookie: header,
    csrfToken: me.csrfToken,
    inject: (method, url, payload) =>
      app.inject({ method, url, headers: { cookie: header, 'x-csrf-token': me.csrfToken }, ...(payload === undefined ? {} : { payload: payload as object }) }),
  };
}

/** Creates a user and signs them in. */
export async function signInNewUser(t: TestApp, overrides: Parameters<typeof buildUser>[1] = {}): Promise<SignedIn> {
  const user = await buildUser(t.ctx, overrides);
  return signInAs(t.app, user.email, overrides.password ?? DEFAULT_PASSWORD);
}
