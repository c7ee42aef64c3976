#!/usr/bin/env node
// The bootstrap behind `npm start`, `npm test`, `npm run bench` (and `bench:search`) and `npx atrium`. It uses nothing but
// Node itself, so it runs on a fresh clone: it installs packages when node_modules is missing or
// older than the lockfile, builds the web app when its sources are newer than the build, then runs.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** The newest modification time of any file below the given paths. */
function newest(paths) {
  let latest = 0;
  const visit = (p) => {
    let stat;
    try {
      stat = statSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(p)) if (entry !== 'node_modules' && entry !== 'dist') visit(path.join(p, entry));
    } else latest = Math.max(latest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return latest;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`atrium: "${[command, ...args].join(' ')}" failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

/** Installs packages when node_modules is missing or older than package-lock.json. */
export function ensureInstalled() {
  const marker = path.join(ROOT, 'node_modules', '.package-lock.json');
  const lock = path.join(ROOT, 'package-lock.json');
  if (existsSync(marker) && mtime(marker) >= mtime(lock) && mtime(marker) >= mtime(path.join(ROOT, 'package.json'))) return;
  console.log('atrium: installing packages (first run or lockfile changed)…');
  run(NPM, existsSync(lock) ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund']);
}

/** Builds the web app when its sources (or the shared code, or the packages) are newer than the build. */
export function ensureWebBuilt({ force = false } = {}) {
  const built = path.join(ROOT, 'web', 'dist', 'index.html');
  const sources = newest(['web/src', 'web/index.html', 'web/vite.config.ts', 'web/public', 'common', 'package-lock.json'].map((p) => path.join(ROOT, p)));
  if (!force && existsSync(built) && mtime(built) >= sources) return;
  console.log('atrium: building the web app…');
  run(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
}

/** Runs the CLI in this process, TypeScript loaded through tsx. */
export async function runCli(argv) {
  const { register } = await import(pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'esm', 'api', 'index.mjs')).href);
  register();
  const { main, reportFatal } = await import(pathToFileURL(path.join(ROOT, 'server', 'main.ts')).href);
  try {
    await main(argv);
    if (argv[0] !== 'start' || argv.includes('--help') || argv.includes('-h')) process.exit(process.exitCode ?? 0);
  } catch (error) {
    reportFatal(error);
    process.exit(1);
  }
}

/** Runs a TypeScript file with tsx in a child process, passing the exit code on. */
function runTs(file, args = []) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', file, ...args], { cwd: ROOT, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const [task, ...rest] = process.argv.slice(2);
  process.chdir(ROOT);
  switch (task) {
    case 'start':
      ensureInstalled();
      ensureWebBuilt();
      await runCli(['start', ...rest]);
      break;
    case 'build':
      ensureInstalled();
      ensureWebBuilt({ force: true });
      break;
    case 'test':
      ensureInstalled();
      ensureWebBuilt();
      runTs('scripts/run-tests.ts', rest);
      break;
    case 'bench':
      ensureInstalled();
      ensureWebBuilt();
      runTs('bench/run.ts', rest);
      break;
    case 'bench:search':
      // The search quality evaluation runs in process on an in-memory database: no web build needed.
      ensureInstalled();
      runTs('bench/search-quality.ts', rest);
      break;
    case 'dev':
      ensureInstalled();
      runTs('scripts/dev.ts', rest);
      break;
    default:
      console.error('usage: node scripts/bootstrap.mjs start|build|test|bench|bench:search|dev');
      process.exit(1);
  }
}
