// `npm test`: lint, type check, unit and integration tests on PGlite, the same again on PostgreSQL
// when TEST_DATABASE_URL is set, then browser tests in Debian's Chromium. Ends with one line
// `N passed, N failed[, N skipped]` and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, '.tmp', 'test-results');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const node = process.execPath;
const bin = (name: string) => path.join(ROOT, 'node_modules', name);

let passed = 0;
let failed = 0;
let skipped = 0;
const failures: string[] = [];

function run(label: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const result = spawnSync(node, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`  ${label}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status ?? 1;
}

/** A check that is not a test runner counts as one test. */
function check(label: string, args: string[]): void {
  if (run(label, args) === 0) passed += 1;
  else {
    failed += 1;
    failures.push(label);
  }
}

interface VitestJson { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; success: boolean }

/** Runs a Vitest pass with a JSON report beside the console one and adds its counts. */
function vitest(label: string, extraArgs: string[], env: NodeJS.ProcessEnv = {}): void {
  const file = path.join(OUT, `${label.replace(/\W+/g, '-')}.json`);
  rmSync(file, { force: true });
  const status = run(label, [path.join(bin('vitest'), 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`, ...extraArgs], env);
  if (!existsSync(file)) {
    failed += 1;
    failures.push(`${label} (no report)`);
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8')) as VitestJson;
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  if (report.numFailedTests > 0) failures.push(`${label}: ${report.numFailedTests} failed`);
  else if (status !== 0) {
    // A file that failed to load counts as a failure even when no single test failed.
    failed += 1;
    failures.push(`${label}: exited ${status}`);
  }
}

mkdirSync(OUT, { recursive: true });
check('lint (eslint)', [path.join(bin('eslint'), 'bin', 'eslint.js'), '.']);
check('type check (server, common, e2e, bench)', [path.join(bin('typescript'), 'bin', 'tsc'), '-p', 'tsconfig.json', '--noEmit']);
check('type check (web)', [path.join(bin('typescript'), 'bin', 'tsc'), '-p', 'web/tsconfig.json', '--noEmit']);
vitest('unit and integration tests on PGlite', []);

if (process.env.TEST_DATABASE_URL) {
  vitest('integration tests on PostgreSQL', [], { ATRIUM_TEST_DB: 'postgres' });
} else {
  console.log('\nTEST_DATABASE_URL is not set: the PostgreSQL pass is not run (set it to postgres://user@host:5432/db).');
}

if (existsSync(CHROMIUM)) {
  vitest('browser tests (Chromium)', ['--config', 'e2e/vitest.config.ts']);
} else {
  const list = spawnSync(node, [path.join(bin('vitest'), 'vitest.mjs'), 'list', '--config', 'e2e/vitest.config.ts', '--json'], { cwd: ROOT, encoding: 'utf8' });
  const count = list.status === 0 ? (JSON.parse(list.stdout || '[]') as unknown[]).length : 0;
  skipped += count;
  console.log(`\nChromium was not found at ${CHROMIUM}: ${count} browser tests skipped.`);
  console.log('Install it with: apt-get install -y chromium   (or set CHROMIUM_PATH)');
}

if (failures.length > 0) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
