import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { createFixedClock } from '../../platform/clock';
import { createServiceContext, type ServiceContext } from '../../platform/context';
import { openPostgres, type Database } from '../../platform/db';
import { publishLiveEvent, userTopic } from '../../platform/realtime';
import { createFileSystemBlobStore } from '../../platform/storage';
import { buildCase } from '../../test/case-factories';
import { buildMember, buildOrganization, buildSite, buildUser } from '../../test/factories';
import { signInAs, TEST_BASE_URL, TEST_CONFIG, TEST_HTTP_CONFIG } from '../../test/test-app';
import { createPostgresDatabaseUrl } from '../../test/test-database';
import { openSseStream, type SseStream } from './live.test-support';

// PostgreSQL only (runs in the PostgreSQL pass): two app servers, each with its own connection
// pool and its own LISTEN connection, on one database, as in a deployment behind a load balancer.

interface Server {
  database: Database;
  ctx: ServiceContext;
  app: FastifyInstance;
}

let dropDatabase: () => Promise<void>;
let filesDir: string;
let serverA: Server;
let serverB: Server;
let originA: string;

async function startServer(url: string, clock: ReturnType<typeof createFixedClock>): Promise<Server> {
  const database = await openPostgres(url, 3);
  const ctx = createServiceContext(database, { config: TEST_CONFIG, clock, baseUrl: TEST_BASE_URL, blobs: createFileSystemBlobStore(filesDir) });
  const app = await buildApp({ ctx, config: TEST_HTTP_CONFIG, logger: false });
  await app.ready();
  return { database, ctx, app };
}

beforeAll(async () => {
  const created = await createPostgresDatabaseUrl();
  dropDatabase = created.drop;
  filesDir = await mkdtemp(path.join(tmpdir(), 'atrium-files-'));
  const clock = createFixedClock(new Date());
  serverA = await startServer(created.url, clock);
  await serverA.database.migrate();
  serverB = await startServer(created.url, clock);
  originA = await serverA.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  for (const server of [serverA, serverB]) {
    await server?.app.close();
    await server?.database.close();
  }
  await dropDatabase?.();
  if (filesDir) await rm(filesDir, { recursive: true, force: true });
});

async function subscribedOnA(pathName: string, cookie: string): Promise<SseStream> {
  const stream = await openSseStream(`${originA}${pathName}`, cookie);
  expect(stream.status).toBe(200);
  expect((await stream.next()).event).toBe('ready');
  return stream;
}

describe('live updates with two servers on one PostgreSQL database', () => {
  it('delivers on server A an event committed through server B', async () => {
    const user = await buildUser(serverB.ctx);
    const me = await signInAs(serverB.app, user.email);
    const stream = await subscribedOnA('/api/v1/me/events', me.cookie);
    await serverB.ctx.db.transaction((tx) => publishLiveEvent(tx, { topics: [userTopic(user.id)], kind: 'case.post', data: { caseId: 'from-b' } }));
    expect(await stream.next()).toEqual({ event: 'case.post', data: { kind: 'case.post', caseId: 'from-b' } });
    stream.close();
  });

  it("refreshes on server A the requester's home and the open case page when an engineer changes the case through server B's API", async () => {
    const ctx = serverB.ctx;
    const organization = await buildOrganization(ctx);
    const site = await buildSite(ctx, { organizationId: organization.id });
    const requesterUser = await buildUser(ctx);
    await buildMember(ctx, { organizationId: organization.id, userId: requesterUser.id, role: 'support', siteIds: [site.id] });
    const supportCase = await buildCase(ctx, { organizationId: organization.id, siteId: site.id, requesterId: requesterUser.id, status: 'new' });
    // Signed in through B; the session is in the shared database, so A knows it too.
    const requester = await signInAs(serverB.app, requesterUser.email);
    const home = await subscribedOnA('/api/v1/me/events', requester.cookie);
    const casePage = await subscribedOnA(`/api/v1/organizations/${organization.id}/cases/${supportCase.id}/events`, requester.cookie);

    const engineer = await signInAs(serverB.app, (await buildUser(ctx, { staffRole: 'support_engineer' })).email);
    const response = await engineer.inject('POST', `/api/v1/organizations/${organization.id}/cases/${supportCase.id}/transitions`, { to: 'researching' });
    expect(response.statusCode, response.body).toBe(200);

    const expected = { event: 'case.status', data: { kind: 'case.status', caseId: supportCase.id, organizationId: organization.id } };
    expect(await home.next()).toEqual(expected);
    expect(await casePage.next()).toEqual(expected);
    home.close();
    casePage.close();
  });
});
