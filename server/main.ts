import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { COMMANDS, findCommand, type Command } from './cli/commands';
import { cliErrorMessage, controlSocketPath, sendControlCommand } from './cli/control';
import { createServiceContext } from './platform/context';
import { createCryptoBox, loadSecretKey } from './platform/crypto-box';
import { createFileSystemBlobStore } from './platform/storage';
import { ConfigError, loadConfig } from './platform/config';
import { acquireDataDir, ensureWritableDir, findDataDirOwner } from './platform/data-dir';
import { AppError } from './platform/errors';
import { assertSecretKeyMatches } from './modules/settings/secret-key.service';
import { openConfiguredDatabase, runServer } from './server';

const START_HELP = `Usage: atrium start

Run the portal and console. Settings come from the environment:
  HOST, PORT           where to listen (127.0.0.1:3000)
  ATRIUM_DATA_DIR      data directory (./data): embedded database, logs, files
  DATABASE_URL         postgres://… to use PostgreSQL instead of the embedded database
  LOG_LEVEL            fatal, error, warn, info (default), debug, trace, silent
See README.md for every setting.`;

function mainHelp(): string {
  const rows = [['start', 'Run the server'], ...COMMANDS.map((c) => [c.name, c.summary.split('. ')[0]!])];
  return ['Usage: atrium <command> [options]', '', 'Commands:', ...rows.map(([n, s]) => `  ${n!.padEnd(14)} ${s}`), '', 'Run atrium <command> --help for its options.'].join('\n');
}

function commandHelp(command: Command<unknown>): string {
  const options = Object.entries(command.options).map(([name, o]) => `  --${name.padEnd(12)} ${o.description}`);
  return [`Usage: ${command.usage}`, '', command.summary, ...(options.length ? ['', 'Options:', ...options] : [])].join('\n');
}

/** Runs a non-server command: inside the running server when it owns the embedded data, else here. */
async function runCommand(command: Command<unknown>, rawArgs: Record<string, unknown>): Promise<void> {
  const args = command.args.parse(rawArgs);
  const config = loadConfig();
  if (config.database.kind === 'pglite') {
    const owner = findDataDirOwner(config.dataDir);
    if (owner) {
      if (!command.viaServer) throw new ConfigError(`The Atrium server (pid ${owner.pid}) is running on ${config.dataDir}; stop it before running "${command.name}".`);
      const response = await sendControlCommand(owner.socketPath, command.name, args);
      if (!response.ok) throw new ConfigError(response.error ?? 'the server refused the command');
      for (const line of response.lines ?? []) console.log(line);
      return;
    }
  }
  ensureWritableDir(config.dataDir);
  const release = config.database.kind === 'pglite' ? acquireDataDir(config.dataDir, controlSocketPath(config.dataDir)) : () => undefined;
  try {
    const database = await openConfiguredDatabase(config);
    try {
      if (command.name !== 'restore') await database.migrate();
      // Restore brings its own key with the backup; every other command uses (and checks) the installation's.
      const secretKey = command.name === 'restore' ? null : loadSecretKey(config.secretKey, config.dataDir);
      const ctx = createServiceContext(database, { config, blobs: createFileSystemBlobStore(config.filesDir), ...(secretKey ? { box: createCryptoBox(secretKey) } : {}), baseUrl: config.publicUrl ?? `http://${config.host}:${config.port}` });
      if (secretKey) await assertSecretKeyMatches(ctx, secretKey);
      const lines = await command.run(ctx, args, { dataDir: config.dataDir, secretKeyFromEnv: config.secretKey, secretKey });
      for (const line of lines) console.log(line);
    } finally {
      await database.close();
    }
  } finally {
    release();
  }
}

/** The CLI: `atrium <command> [options]`. */
export async function main(argv: string[]): Promise<void> {
  const words = argv.filter((a) => !a.startsWith('-'));
  const name = words[0] === 'token' || words[0] === 'search' ? `${words[0]} ${words[1] ?? ''}`.trim() : (words[0] ?? '');
  const wantsHelp = argv.includes('--help') || argv.includes('-h');
  if (!name || name === 'help') {
    console.log(mainHelp());
    return;
  }
  if (name === 'start') {
    if (wantsHelp) return console.log(START_HELP);
    return runServer(loadConfig());
  }
  const command = findCommand(name);
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${mainHelp()}`);
    process.exitCode = 1;
    return;
  }
  if (wantsHelp) return console.log(commandHelp(command));
  const { values } = parseArgs({ args: argv.slice(name.split(' ').length), options: command.options, strict: true, allowPositionals: false });
  await runCommand(command, values);
}

/** Prints a failure as one line and sets exit code 1. */
export function reportFatal(error: unknown): void {
  if (error instanceof ConfigError) console.error(`atrium: ${error.message}`);
  else if (error instanceof AppError) console.error(`atrium: ${cliErrorMessage(error)}`);
  else if (error instanceof ZodError) console.error(`atrium: ${error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`);
  else if ((error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') console.error(`atrium: ${(error as Error).message}`);
  else console.error('atrium: unexpected error:', error);
  process.exitCode = 1;
}
