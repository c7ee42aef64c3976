import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppDeps } from '../app';
import { createJobHandlers } from '../job-handlers';
import { createFixedClock } from '../platform/clock';
import { createServiceContext, type ServiceContext } from '../platform/context';
import type { Database } from '../platform/db';
import { runDueJobs } from '../platform/jobs';
import { createFileSystemBlobStore } from '../platform/storage';
import { createTestDatabase } from './test-database';
import { buildUser, DEFAULT_PASSWORD } from './factories';
import { startSmtpSink, type SmtpSink } from './smtp-sink';

export const TEST_CONFIG: ServiceContext['config'] = { sessionTtlHours: 24, adminEmail: 'admin@atrium.test', uploadMaxBytes: 4 * 1024 ** 3, caseAttachmentMaxBytes: 25 * 1024 * 1024, caseReopenWindowDays: 60, articleVerificationDays: 180 };
export const TEST_HTTP_CONFIG: AppDeps['config'] = { bodyLimitBytes: 1024 * 1024, signInRateLimit: 1000, trustProxy: undefined };
export const TEST_BASE_URL = 'http://atrium.test';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  ctx: ServiceContext;
  clock: ReturnType<typeof createFixedClock>;
  /** A real SMTP server that received every mail the app sent. */
  mail: SmtpSink;
  /** Runs the queued background jobs (mail) now, as the worker would. */
  drainJobs(): Promise<void>;
  close(): Promise<void>;
  /** Where this app's blob store keeps files (a temporary directory, removed on close). */
  filesDir: string;
}

/** The whole app on a fresh database, with a clock the test moves and a mail sink; no port is opened. */
export async function buildTestApp(
  options: { config?: Partial<AppDeps['config']>; webDistDir?: string; dryRunAuthorization?: boolean; uploadMaxBytes?: number; serviceConfig?: Partial<ServiceContext['config']> } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = createFixedClock(new Date());
  const filesDir = await mkdtemp(path.join(tmpdir(), 'atrium-files-'));
  const ctx = createServiceContext(database, {
    config: { ...TEST_CONFIG, ...(options.uploadMaxBytes ? { uploadMaxBytes: options.uploadMaxBytes } : {}), ...options.serviceConfig },
    clock,
    baseUrl: TEST_BASE_URL,
    blobs: createFileSystemBlobStore(filesDir),
  });
  const app = await buildApp({
    ctx,
    config: { ...TEST_HTTP_CONFIG, ...options.config },
    logger: false,
    dryRunAuthorization: options.dryRunAuthorization ?? false,
    ...(options.webDistDir ? { webDistDir: options.webDistDir } : {}),
  });
  await app.ready();
  const mail = await startSmtpSink();
  const handlers = createJobHandlers(ctx, { smtpUrl: mail.url, mailFrom: 'Atrium <no-reply@atrium.test>' });
  return {
    app,
    database,
    ctx,
    clock,
    mail,
    drainJobs: async () => {
      // Jobs are stamped with the database's clock; the test clock may stand a little behind it.
      const now = () => new Date(Math.max(clock.now().getTime(), Date.now()) + 1000);
      while ((await runDueJobs(ctx.db, handlers, now())) > 0);
    },
    close: async () => {
      await app.close();
      await mail.close();
      await database.close();
      await rm(filesDir, { recursive: true, force: true });
    },
    filesDir,
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
  const result = response.json() as { status: string; me: { id: string; csrfToken: string } };
  if (result.status !== 'signed_in') throw new Error(`sign-in needs a second step: ${response.body}`);
  const { me } = result;
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
