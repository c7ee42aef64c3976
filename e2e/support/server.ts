import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createFileSystemBlobStore } from '../../server/platform/storage';
import { buildApp } from '../../server/app';
import { createJobHandlers } from '../../server/job-handlers';
import { CLI_ORIGIN, createServiceContext, type ServiceContext } from '../../server/platform/context';
import { openPglite, type Database } from '../../server/platform/db';
import { startJobWorker } from '../../server/platform/jobs';
import { ensureInitialAdmin } from '../../server/modules/users/users.service';
import { startSmtpSink, type SmtpSink } from '../../server/test/smtp-sink';

export interface E2eServer {
  url: string;
  ctx: ServiceContext;
  adminEmail: string;
  adminPassword: string;
  /** The real SMTP server the app's mail goes to. */
  mail: SmtpSink;
  /** Waits until a mail to the address arrives (the job worker sends it within a moment). */
  waitForMail(address: string, count?: number): Promise<SmtpSink['messages'][number]>;
  close(): Promise<void>;
}

/** The real app with the built web app, on a fresh in-memory database, listening on a free port. */
export async function startE2eServer(): Promise<E2eServer> {
  const database: Database = await openPglite(null);
  await database.migrate();
  const ctx = createServiceContext(database, { config: { sessionTtlHours: 24, adminEmail: 'admin@atrium.local', uploadMaxBytes: 4 * 1024 ** 3, caseAttachmentMaxBytes: 25 * 1024 * 1024, caseReopenWindowDays: 60, articleVerificationDays: 180 }, blobs: createFileSystemBlobStore(mkdtempSync(path.join(tmpdir(), 'atrium-files-'))) });
  const admin = await ensureInitialAdmin(ctx, CLI_ORIGIN);
  const app: FastifyInstance = await buildApp({ ctx, config: { bodyLimitBytes: 1024 * 1024, signInRateLimit: 1000, trustProxy: undefined }, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  ctx.baseUrl = `http://127.0.0.1:${port}`;
  const mail = await startSmtpSink();
  const worker = startJobWorker(ctx.db, createJobHandlers(ctx, { smtpUrl: mail.url, mailFrom: 'Atrium <no-reply@atrium.test>' }), { now: () => ctx.clock.now(), intervalMs: 100, database: ctx.database });
  return {
    url: ctx.baseUrl,
    ctx,
    adminEmail: admin!.user.email,
    adminPassword: admin!.oneTimePassword!,
    mail,
    async waitForMail(address_, count = 1) {
      for (let i = 0; i < 100; i += 1) {
        const found = mail.to(address_);
        if (found.length >= count) return found[found.length - 1]!;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`no mail to ${address_}`);
    },
    close: async () => {
      await worker.stop();
      await app.close();
      await mail.close();
      await database.close();
    },
  };
}
