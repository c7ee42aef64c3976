import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, accessSync, constants } from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config';

/** What the owner of an embedded data directory writes into its lock file. */
export interface DataDirOwner {
  pid: number;
  socketPath: string;
  startedAt: string;
}

/** Creates the data directory if needed and checks it can be written; a ConfigError otherwise. */
export function ensureWritableDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    const probe = path.join(dir, `.write-test-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    throw new ConfigError(`The data directory ${dir} cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)}); set ATRIUM_DATA_DIR to a writable directory.`);
  }
}

function lockPath(dataDir: string): string {
  return path.join(dataDir, 'atrium.lock');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live process that owns the embedded data directory, if any. */
export function findDataDirOwner(dataDir: string): DataDirOwner | null {
  try {
    const owner = JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as DataDirOwner;
    return owner.pid !== process.pid && isAlive(owner.pid) ? owner : null;
  } catch {
    return null;
  }
}

/**
 * Takes exclusive ownership of an embedded data directory: one process at a time may open PGlite
 * on it. A lock left by a process that died is taken over. Returns the release function.
 */
export function acquireDataDir(dataDir: string, socketPath: string): () => void {
  const file = lockPath(dataDir);
  const me: DataDirOwner = { pid: process.pid, socketPath, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeFileSync(fd, JSON.stringify(me));
      closeSync(fd);
      return () => {
        try {
          const current = JSON.parse(readFileSync(file, 'utf8')) as DataDirOwner;
          if (current.pid === process.pid) rmSync(file);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = findDataDirOwner(dataDir);
      if (owner) {
        throw new ConfigError(`The data directory ${dataDir} is in use by another Atrium process (pid ${owner.pid}); stop it first or set ATRIUM_DATA_DIR to another directory.`);
      }
      // The owner died: move its lock aside atomically, so only one taker wins, then retry.
      try {
        renameSync(file, `${file}.stale-${process.pid}`);
        rmSync(`${file}.stale-${process.pid}`, { force: true });
      } catch {
        // another process took it over first; the next attempt sees its lock
      }
    }
  }
  throw new ConfigError(`Could not take ownership of the data directory ${dataDir}; try again.`);
}
