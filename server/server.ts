import { DRAFT_ATTACHMENTS_PRUNE_EVERY_MS, pruneDraftAttachments } from './modules/cases/case-attachments.service';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { controlSocketPath, startControlServer } from './cli/control';
import { ensureInitialAdmin } from './modules/users/users.service';
import { systemClock } from './platform/clock';
import { ConfigError, type Config } from './platform/config';
import { CLI_ORIGIN, createServiceContext } from './platform/context';
import { createCryptoBox, loadSecretKey } from './platform/crypto-box';
import { startJobWorker } from './platform/jobs';
import { startScheduler, type Scheduler } from './platform/scheduler';
import { sendDueContractReminders } from './modules/entitlements/contract-reminders';
import { queueLapsedVerifications } from './modules/search/search-indexer';
import { ARTICLE_VIEWERS_PRUNE_EVERY_MS, pruneArticleViewers } from './modules/knowledge/article-reader.service';
import { CASE_COUNTS_FOLD_EVERY_MS, foldCaseCountChanges } from './modules/cases/case-counts.repository';
import { createFileSystemBlobStore } from './platform/storage';
import { createJobHandlers } from './job-handlers';
import { assertSecretKeyMatches } from './modules/settings/secret-key.service';
import { acquireDataDir, ensureWritableDir } from './platform/data-dir';
import { openDatabase, type Database } from './platform/db';
import { reserveCpuForEmbeddedDatabase } from './platform/secrets';
import { configureSearchCache, configureSearchConcurrency } from './modules/search/search.service';
import { createLogger, flushLogger } from './platform/logger';

const SHUTDOWN_GRACE_MS = 10_000;
/** Contract reminders are daily; checking hourly sends each soon after it falls due, and only once. */
const CONTRACT_REMINDERS_EVERY_MS = 3_600_000;
/** How often articles whose verification lapsed are re-indexed (their entries stop ranking as verified). */
const LAPSED_VERIFICATIONS_EVERY_MS = 3_600_000;

/** Opens the configured database, turning a connection failure into one clear line. */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  try {
    return await openDatabase(config.database);
  } catch (error) {
    const where = config.database.kind === 'postgres' ? 'the PostgreSQL server in DATABASE_URL' : `the embedded database in ${config.database.dataDir}`;
    throw new ConfigError(`Cannot open ${where}: ${(error as Error).message}`);
  }
}

/**
 * Runs the server until SIGTERM or SIGINT: takes the data directory, migrates, creates the first
 * administrator on an empty database, listens, and on a signal stops accepting, lets requests in
 * flight finish for up to 10 s and closes the database cleanly.
 */
export async function runServer(config: Config): Promise<void> {
  ensureWritableDir(config.dataDir);
  const socketPath = controlSocketPath(config.dataDir);
  const releaseDataDir = config.database.kind === 'pglite' ? acquireDataDir(config.dataDir, socketPath) : () => undefined;
  // PGlite runs on this thread: password hashing leaves it a CPU.
  if (config.database.kind === 'pglite') reserveCpuForEmbeddedDatabase();
  configureSearchConcurrency(config.searchConcurrency);
  configureSearchCache(config.searchCacheMb);
  const logger = createLogger({ level: config.logLevel, dataDir: config.dataDir });
  let database: Database | undefined;
  let app: FastifyInstance | undefined;
  let closeControl: (() => Promise<void>) | undefined;
  let worker: { stop: () => Promise<void> } | undefined;
  let scheduler: Scheduler | undefined;
  try {
    database = await openConfiguredDatabase(config);
    await database.migrate();
    const secretKey = loadSecretKey(config.secretKey, config.dataDir);
    const ctx = createServiceContext(database, { config, box: createCryptoBox(secretKey), clock: systemClock, blobs: createFileSystemBlobStore(config.filesDir) });
    await assertSecretKeyMatches(ctx, secretKey);
    const admin = await ensureInitialAdmin(ctx, CLI_ORIGIN);
    app = await buildApp({ ctx, config, logger });
    try {
      await app.listen({ host: config.host, port: config.port });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw new ConfigError(`Port ${config.port} on ${config.host} is already in use; stop the other program or set PORT to a free port.`);
      if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new ConfigError(`HOST ${config.host} is not an address of this machine; set HOST to one (for example 127.0.0.1 or 0.0.0.0).`);
      if (code === 'EACCES') throw new ConfigError(`Port ${config.port} needs privileges this process does not have; set PORT to 1024 or above.`);
      throw error;
    }
    if (config.database.kind === 'pglite') closeControl = await startControlServer(socketPath, ctx, { dataDir: config.dataDir, secretKeyFromEnv: config.secretKey, secretKey });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = config.publicUrl ?? `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
    ctx.baseUrl = url.replace(/\/$/, '');
    worker = startJobWorker(ctx.db, createJobHandlers(ctx, { smtpUrl: config.smtpUrl, mailFrom: config.mailFrom, logger }), { now: () => ctx.clock.now(), logger, database: ctx.database });
    scheduler = startScheduler(
      [
        { name: 'contract-reminders', everyMs: CONTRACT_REMINDERS_EVERY_MS, run: () => sendDueContractReminders(ctx) },
        { name: 'lapsed-verifications', everyMs: LAPSED_VERIFICATIONS_EVERY_MS, run: () => queueLapsedVerifications(ctx).then(() => undefined) },
        { name: 'article-viewers', everyMs: ARTICLE_VIEWERS_PRUNE_EVERY_MS, quiet: true, run: () => pruneArticleViewers(ctx) },
        { name: 'draft-attachments', everyMs: DRAFT_ATTACHMENTS_PRUNE_EVERY_MS, quiet: true, run: () => pruneDraftAttachments(ctx).then(() => undefined) },
        { name: 'case-counts', everyMs: CASE_COUNTS_FOLD_EVERY_MS, firstRunAfterMs: CASE_COUNTS_FOLD_EVERY_MS, quiet: true, run: () => foldCaseCountChanges(ctx.db) },
      ],
      { logger },
    );
    console.log(`Atrium is running at ${url}`);
    if (admin?.oneTimePassword) {
      console.log('');
      console.log('  First start: a vendor administrator was created.');
      console.log(`  Open ${url}/sign-in and sign in as ${admin.user.email}`);
      console.log(`  with the one-time password ${admin.oneTimePassword}`);
      console.log('  You will be asked to choose a new password. This password is not shown again.');
      console.log('');
    }
  } catch (error) {
    await scheduler?.stop().catch(() => undefined);
    await worker?.stop().catch(() => undefined);
    await app?.close().catch(() => undefined);
    await database?.close().catch(() => undefined);
    releaseDataDir();
    await flushLogger(logger);
    throw error;
  }

  const started = { app, database, closeControl, worker, scheduler };
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.warn('requests still running after 10 s; closing their connections');
      started.app.server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    try {
      await started.closeControl?.();
      await started.app.close();
      await started.scheduler?.stop();
      await started.worker?.stop();
      await started.database.close();
    } finally {
      clearTimeout(force);
      releaseDataDir();
      logger.info('stopped');
      await flushLogger(logger);
      process.exit(0);
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
