import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CLI_ORIGIN, type ServiceContext } from '../platform/context';
import { writeBackup, restoreBackup } from '../modules/backup/backup.service';
import { loadDemoData } from '../modules/demo/demo.service';
import { rebuildSearchIndex } from '../modules/search/search-indexer';
import { createApiTokenForEmail } from '../modules/tokens/tokens.service';
import { createAdmin } from '../modules/users/users.service';

/** Where the command runs: the data directory, and the secret key when one is configured or kept there. */
export interface CommandEnv {
  dataDir: string;
  secretKeyFromEnv: string | undefined;
  secretKey: Buffer | null;
}

/** A CLI command that can run in this process or, when a server owns the data, inside that server. */
export interface Command<A> {
  name: string;
  usage: string;
  summary: string;
  options: Record<string, { type: 'string' | 'boolean'; description: string }>;
  args: z.ZodType<A>;
  /** False when the command cannot run while a server owns the embedded data directory. */
  viaServer: boolean;
  run(ctx: ServiceContext, args: A, env: CommandEnv): Promise<string[]>;
}

const email = z.string().trim().toLowerCase().email('must be an email address');
const filePath = z.string().min(1).transform((p) => path.resolve(p));

const createAdminCommand: Command<{ email: string; password?: string | undefined; name?: string | undefined }> = {
  name: 'create-admin',
  usage: 'atrium create-admin --email E [--password P] [--name N]',
  summary: 'Create a vendor administrator (or promote an existing user). Without --password a one-time password is printed that must be changed at first sign-in.',
  options: {
    email: { type: 'string', description: 'Email address to sign in with' },
    password: { type: 'string', description: "Password meeting the installation's password policy (by default 7+ characters with lower, upper, digit and special; common passwords refused)" },
    name: { type: 'string', description: 'Display name' },
  },
  args: z.object({ email, password: z.string().optional(), name: z.string().trim().min(1).max(100).optional() }),
  viaServer: true,
  async run(ctx, args) {
    const { user, oneTimePassword } = await createAdmin(ctx, args, CLI_ORIGIN);
    return oneTimePassword
      ? [`Vendor administrator ${user.email} is ready.`, `One-time password: ${oneTimePassword}`, 'It must be changed at first sign-in.']
      : [`Vendor administrator ${user.email} is ready.`];
  },
};

const tokenCreateCommand: Command<{ email: string; name: string }> = {
  name: 'token create',
  usage: 'atrium token create --email E --name N',
  summary: "Print a personal API token for automation. It acts with that user's permissions; only its hash is stored, and the user can revoke it.",
  options: {
    email: { type: 'string', description: 'The user the token acts for' },
    name: { type: 'string', description: 'A name to recognise the token by' },
  },
  args: z.object({ email, name: z.string().trim().min(1).max(100) }),
  viaServer: true,
  async run(ctx, args) {
    const created = await createApiTokenForEmail(ctx, args.email, args.name, CLI_ORIGIN);
    return [created.token];
  },
};

const backupCommand: Command<{ out: string }> = {
  name: 'backup',
  usage: 'atrium backup --out FILE',
  summary: 'Write a consistent backup of the whole database to FILE (gzip JSON lines). Safe while the server runs.',
  options: { out: { type: 'string', description: 'Where to write the backup' } },
  args: z.object({ out: filePath }),
  viaServer: true,
  async run(ctx, args, env) {
    const { rows } = await writeBackup(ctx.database, args.out, env.secretKey ? { secretKey: env.secretKey } : {});
    const total = Object.values(rows).reduce((a, b) => a + b, 0);
    return [`Backup written to ${args.out} (${total} rows in ${Object.keys(rows).length} tables).`];
  },
};

const restoreCommand: Command<{ in: string }> = {
  name: 'restore',
  usage: 'atrium restore --in FILE',
  summary: 'Restore a backup into an empty data directory or database. Stop the server first.',
  options: { in: { type: 'string', description: 'The backup file to restore' } },
  args: z.object({ in: filePath }),
  viaServer: false,
  async run(ctx, args, env) {
    const { rows, secretKey } = await restoreBackup(ctx.database, args.in);
    const total = Object.values(rows).reduce((a, b) => a + b, 0);
    const lines = [`Restored ${total} rows in ${Object.keys(rows).length} tables from ${args.in}.`];
    if (secretKey) lines.push(restoreSecretKey(secretKey, env));
    return lines;
  },
};

const demoCommand: Command<Record<string, never>> = {
  name: 'demo',
  usage: 'atrium demo',
  summary: 'Fill the demo data set (the organization A석유화학 with sites, members and vendor staff).',
  options: {},
  args: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  viaServer: true,
  async run(ctx) {
    const result = await loadDemoData(ctx);
    return [
      result.created ? `Demo data loaded: ${result.organization}.` : `Demo data was already loaded: ${result.organization}.`,
      `Every demo account signs in with the password ${result.password}:`,
      ...result.accounts.map((a) => `  ${a.email.padEnd(32)} ${a.role}`),
    ];
  },
};

const migrateCommand: Command<Record<string, never>> = {
  name: 'migrate',
  usage: 'atrium migrate',
  summary: 'Apply pending database migrations (start does this too).',
  options: {},
  args: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  viaServer: true,
  async run(ctx) {
    await ctx.database.migrate();
    return ['Migrations are up to date.'];
  },
};

const searchReindexCommand: Command<Record<string, never>> = {
  name: 'search reindex',
  usage: 'atrium search reindex',
  summary: 'Rebuild the search index from the articles, documents, releases and cases. Searches see a partial index until it ends.',
  options: {},
  args: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  viaServer: true,
  async run(ctx) {
    const { entries } = await rebuildSearchIndex(ctx);
    return [`The search index was rebuilt: ${entries} entries.`];
  },
};

/** Puts the backup's secret key where the server will find it, or checks ATRIUM_SECRET_KEY against it. */
function restoreSecretKey(secretKey: Buffer, env: CommandEnv): string {
  if (env.secretKeyFromEnv) {
    return Buffer.from(env.secretKeyFromEnv, 'base64').equals(secretKey)
      ? 'ATRIUM_SECRET_KEY matches the backup.'
      : 'Warning: ATRIUM_SECRET_KEY differs from the key in the backup; set it to the old key or the server will refuse to start.';
  }
  const file = path.join(env.dataDir, 'secret.key');
  if (existsSync(file)) {
    return readFileSync(file, 'utf8').trim() === secretKey.toString('base64') ? 'The secret key matches the backup.' : `Warning: ${file} differs from the key in the backup; replace it or the server will refuse to start.`;
  }
  writeFileSync(file, secretKey.toString('base64'), { mode: 0o600 });
  return `Secret key restored to ${file}.`;
}

export const COMMANDS: Command<never>[] = [createAdminCommand, tokenCreateCommand, backupCommand, restoreCommand, demoCommand, migrateCommand, searchReindexCommand] as unknown as Command<never>[];

/** The command with this name. */
export function findCommand(name: string): Command<unknown> | undefined {
  return COMMANDS.find((c) => c.name === name) as Command<unknown> | undefined;
}
