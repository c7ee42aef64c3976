import { createHash } from 'node:crypto';
import { chmodSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { errorMessage } from '../../common/errors';
import type { ServiceContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { findCommand, type CommandEnv } from './commands';

/**
 * The control socket: while a server owns an embedded data directory, the CLI runs its commands
 * through this Unix socket inside the server, so only one process ever opens the database files.
 * The socket is mode 0600: only the user running the server can use it.
 */
/** An AppError's message for the terminal: English, with its message params (the password policy's rules). */
export function cliErrorMessage(error: AppError): string {
  const details = error.details as { messageParams?: Record<string, string | number> } | undefined;
  return errorMessage(error.code, 'en', details?.messageParams);
}

export function controlSocketPath(dataDir: string): string {
  const inDir = path.join(dataDir, 'atrium.sock');
  if (Buffer.byteLength(inDir) < 100) return inDir;
  // Unix socket paths are limited to about 107 bytes.
  return path.join(tmpdir(), `atrium-${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}.sock`);
}

interface ControlRequest { command: string; args: unknown }
interface ControlResponse { ok: boolean; lines?: string[]; error?: string }

/** Starts the control server on the socket; returns its close function. */
export async function startControlServer(socketPath: string, ctx: ServiceContext, env: CommandEnv): Promise<() => Promise<void>> {
  rmSync(socketPath, { force: true });
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void (async () => {
        let result: ControlResponse;
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ControlRequest;
          const command = findCommand(body.command);
          if (!command?.viaServer) throw new Error(`"${body.command}" cannot run while the server is running; stop the server first.`);
          result = { ok: true, lines: await command.run(ctx, command.args.parse(body.args), env) };
        } catch (error) {
          result = { ok: false, error: error instanceof AppError ? cliErrorMessage(error) : (error as Error).message };
        }
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
      })();
    });
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(socketPath, resolve));
  chmodSync(socketPath, 0o600);
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      rmSync(socketPath, { force: true });
    });
}

/** Sends a command to the running server over its control socket. */
export function sendControlCommand(socketPath: string, command: string, args: unknown): Promise<ControlResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request({ socketPath, path: '/run', method: 'POST', headers: { 'content-type': 'application/json' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as ControlResponse);
        } catch (error) {
          reject(error);
        }
      });
    });
    request.on('error', reject);
    request.end(JSON.stringify({ command, args }));
  });
}
