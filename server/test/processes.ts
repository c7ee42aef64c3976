import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'atrium.mjs');

/** A fresh, empty directory to use as ATRIUM_DATA_DIR. */
export function tempDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'atrium-data-'));
}

function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  return { ...base, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0', ...env };
}

/** Runs `atrium <args>` to completion. */
export function runAtrium(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: cleanEnv(env), encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface RunningServer {
  url: string;
  process: ChildProcess;
  stdout: () => string;
  /** Sends a signal and waits for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `atrium start` and waits until it prints its address. */
export function startAtrium(env: Record<string, string>): Promise<RunningServer> {
  const child = spawn(process.execPath, [BIN, 'start'], { cwd: ROOT, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out} ${err}`)), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Atrium is running at (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        // Give the first-start banner, printed right after the address, a moment to arrive.
        setTimeout(() => resolve({ url: match[1]!, process: child, stdout: () => out, stop: (signal = 'SIGTERM') => (child.kill(signal), exited) }), 100);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${err.trim()}`));
    });
  });
}
