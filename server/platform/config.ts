import path from 'node:path';
import { z } from 'zod';

const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

const EnvSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  ATRIUM_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .optional()
    .refine((value) => value === undefined || value === '' || isPostgresUrl(value), {
      message: 'must be a postgres:// or postgresql:// URL',
    }),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: LogLevel.default('info'),
  TRUST_PROXY: z.string().optional(),
  ATRIUM_ADMIN_EMAIL: z.string().email().default('admin@atrium.local'),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 14),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  SIGN_IN_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  SMTP_URL: z
    .string()
    .optional()
    .refine((value) => !value || /^smtps?:\/\//.test(value), { message: 'must be an smtp:// or smtps:// URL' }),
  MAIL_FROM: z.string().default('no-reply@atrium.local'),
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1).default(4 * 1024 ** 3),
  ATRIUM_FILES_DIR: z.string().min(1).optional(),
  CASE_ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1).default(25 * 1024 * 1024),
  CASE_REOPEN_WINDOW_DAYS: z.coerce.number().int().min(0).max(3650).default(60),
  ARTICLE_VERIFICATION_DAYS: z.coerce.number().int().min(0).max(3650).default(180),
  SEARCH_CONCURRENCY: z.coerce.number().int().min(1).max(256).optional(),
  SEARCH_CACHE_MB: z.coerce.number().int().min(0).max(4096).optional(),
  ATRIUM_SECRET_KEY: z
    .string()
    .optional()
    .refine((value) => !value || Buffer.from(value, 'base64').length === 32, { message: 'must be 32 random bytes, base64-encoded' }),
});

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'postgres:' || url.protocol === 'postgresql:';
  } catch {
    return false;
  }
}

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; poolSize: number };
  publicUrl: string | undefined;
  logLevel: z.infer<typeof LogLevel>;
  trustProxy: string | undefined;
  adminEmail: string;
  sessionTtlHours: number;
  bodyLimitBytes: number;
  signInRateLimit: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  secretKey: string | undefined;
  /** Largest release file accepted, in bytes (default 4 GiB). */
  uploadMaxBytes: number;
  /** Where the file-system blob store keeps release files (default `<dataDir>/files`). */
  filesDir: string;
  /** Largest case attachment accepted, in bytes (default 25 MB). */
  caseAttachmentMaxBytes: number;
  /** Days after closing during which a customer may reopen a case (default 60). */
  caseReopenWindowDays: number;
  /** Days a verification of a knowledge article holds before it asks for review; 0 = it never lapses. */
  articleVerificationDays: number;
  /** Searches run against the database at once (the rest wait their turn); unset: one per CPU of this machine, at least two. */
  searchConcurrency: number | undefined;
  /** The search result cache's size in megabytes (0: off); unset, DEFAULT_SEARCH_CACHE_MB. */
  searchCacheMb: number | undefined;
}

/** A setting that cannot be used; main prints its message as one line and exits 1. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(`Invalid setting ${name}=${JSON.stringify(env[name] ?? '')}: ${issue?.message ?? 'invalid'}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.ATRIUM_DATA_DIR);
  return {
    host: e.HOST,
    port: e.PORT,
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    publicUrl: e.PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    adminEmail: e.ATRIUM_ADMIN_EMAIL.toLowerCase(),
    sessionTtlHours: e.SESSION_TTL_HOURS,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    signInRateLimit: e.SIGN_IN_RATE_LIMIT,
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    secretKey: e.ATRIUM_SECRET_KEY || undefined,
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    filesDir: e.ATRIUM_FILES_DIR ? path.resolve(e.ATRIUM_FILES_DIR) : path.join(dataDir, 'files'),
    caseAttachmentMaxBytes: e.CASE_ATTACHMENT_MAX_BYTES,
    caseReopenWindowDays: e.CASE_REOPEN_WINDOW_DAYS,
    articleVerificationDays: e.ARTICLE_VERIFICATION_DAYS,
    searchConcurrency: e.SEARCH_CONCURRENCY,
    searchCacheMb: e.SEARCH_CACHE_MB,
  };
}
