// `npm run bench`: starts the server on PGlite (or on PostgreSQL with BENCH_DATABASE_URL), fills it
// with data at scale, drives load with autocannon, prints a table of req/s and p50/p95/p99 and
// writes the figures as JSON under bench/results/. Never part of `npm test`.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { createServiceContext } from '../server/platform/context';
import { createFileSystemBlobStore } from '../server/platform/storage';
import { openPglite, openPostgres, type Database } from '../server/platform/db';
import { generateBenchData } from './generate';
import { benchOrganizationId, generateMembersInBulk } from './generate-members';
import { explainActivityQuery, generateActivityData, measureExport, type ExportFigures } from './activity';
import { generateCatalogData, measureDownloads, requestDownloadLink, type DownloadFigures } from './products';
import { generateCaseData } from './cases';
import { explainSearchQuery, generateSearchData, profileSearchQueries, searchPaths, suggestionPaths } from './search';
import { DEFAULT_PASSWORD } from '../server/test/factories';
import { hashPassword } from '../server/platform/secrets';
import { createApiTokenForEmail } from '../server/modules/tokens/tokens.service';
import { CLI_ORIGIN } from '../server/platform/context';

const ROOT = path.resolve(import.meta.dirname, '..');
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
/** `BENCH_SCALE=issue4`: the scale issue 4 sets its budgets at; the default stays small and quick. */
const ISSUE4 = process.env.BENCH_SCALE === 'issue4';
const SCALE = {
  organizations: Number(process.env.BENCH_ORGANIZATIONS ?? (ISSUE4 ? 5000 : 200)),
  sitesPerOrganization: 3,
  membersPerOrganization: Number(process.env.BENCH_MEMBERS_PER_ORGANIZATION ?? 10),
  auditEvents: Number(process.env.BENCH_AUDIT_EVENTS ?? (ISSUE4 ? 2_000_000 : 50_000)),
  exportEvents: Number(process.env.BENCH_EXPORT_EVENTS ?? (ISSUE4 ? 500_000 : 20_000)),
  /** Issue 5: one site licensed for products × releases, and the size of the file downloaded. */
  products: Number(process.env.BENCH_PRODUCTS ?? 300),
  releasesPerProduct: Number(process.env.BENCH_RELEASES_PER_PRODUCT ?? 30),
  downloadBytes: Number(process.env.BENCH_DOWNLOAD_BYTES ?? 1024 ** 3),
  parallelDownloads: Number(process.env.BENCH_PARALLEL_DOWNLOADS ?? 20),
  /** Issue 6: cases and posts over every organization; the measured one holds casesInOrganization. */
  cases: Number(process.env.BENCH_CASES ?? (process.env.BENCH_DATABASE_URL ? 200_000 : 20_000)),
  posts: Number(process.env.BENCH_POSTS ?? (process.env.BENCH_DATABASE_URL ? 2_000_000 : 200_000)),
  casesInOrganization: Number(process.env.BENCH_CASES_IN_ORGANIZATION ?? 5_000),
  /** Issue 7: articles and documents (product bulletins) in the search index, beside the cases above. */
  searchArticles: Number(process.env.BENCH_SEARCH_ARTICLES ?? (process.env.BENCH_DATABASE_URL ? 90_000 : 9_000)),
  searchDocuments: Number(process.env.BENCH_SEARCH_DOCUMENTS ?? (process.env.BENCH_DATABASE_URL ? 10_000 : 1_000)),
};
/**
 * `BENCH_ONLY=cases,products`: run only these groups of scenarios (core: readyz, me, sign-in, members;
 * activity: the activity log and its export; products: the products list and downloads; cases;
 * search: the search box and the case wizard's suggestions).
 */
const GROUPS = ['core', 'activity', 'products', 'cases', 'search'] as const;
const ONLY = new Set((process.env.BENCH_ONLY ?? GROUPS.join(',')).split(',').map((g) => g.trim()));
const runs = (group: (typeof GROUPS)[number]) => ONLY.has(group);
/** Above this many members the factories (a few round trips each) give way to set-based SQL. */
const BULK_MEMBERS = 10_000;
/** The activity scenario's query, also EXPLAINed on PostgreSQL. */
const ACTIVITY_QUERY = { category: 'sign_in', preset: '1m' };
/** The search query EXPLAINed on PostgreSQL: the issue's own mixed Korean and English example. */
const SEARCH_PLAN_QUERY = 'PI Server 라이선스 활성화';

interface Scenario {
  name: string;
  path: string;
  connections: number;
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
  budgetP95Ms?: number;
  /** Paths to rotate through, one request after another (`path` is the first, for the probe). */
  paths?: string[];
}

interface Figures { name: string; connections: number; requests: number; errors: number; rps: number; p50: number; p95: number; p99: number; budgetP95Ms: number | null; withinBudget: boolean | null }

const round = (ms: number) => Math.round(ms * 10) / 10;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** An autocannon request hook that sends the paths in turn, over every connection. */
function rotate(paths: string[]): (request: autocannon.Request) => autocannon.Request {
  let next = 0;
  return (request) => ({ ...request, path: paths[next++ % paths.length]! });
}

/** Runs one scenario; latencies are recorded per response so that p95 is exact. */
async function measure(baseUrl: string, scenario: Scenario): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const options = {
      url: `${baseUrl}${scenario.path}`,
      connections: scenario.connections,
      duration: DURATION,
      method: scenario.method ?? 'GET',
      headers: scenario.headers ?? {},
      ...(scenario.body ? { body: scenario.body } : {}),
      ...(scenario.paths ? { requests: [{ setupRequest: rotate(scenario.paths) }] } : {}),
    };
    const instance = autocannon(options, (error, finished) =>
      error ? reject(error) : resolve(finished),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode >= 400) errors += 1;
    });
  });
  latencies.sort((a, b) => a - b);
  const p95 = round(percentile(latencies, 95));
  return {
    name: scenario.name,
    connections: scenario.connections,
    requests: latencies.length,
    errors: errors + result.errors + result.timeouts,
    rps: Math.round(latencies.length / DURATION),
    p50: round(percentile(latencies, 50)),
    p95,
    p99: round(percentile(latencies, 99)),
    budgetP95Ms: scenario.budgetP95Ms ?? null,
    withinBudget: scenario.budgetP95Ms === undefined ? null : p95 <= scenario.budgetP95Ms,
  };
}

async function prepareDatabase(): Promise<{ env: Record<string, string>; database: Database; cleanup: () => Promise<void>; label: string }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'atrium-bench-'));
  const adminUrl = process.env.BENCH_DATABASE_URL;
  if (!adminUrl) {
    const database = await openPglite(path.join(dataDir, 'pglite'));
    return { env: { ATRIUM_DATA_DIR: dataDir }, database, cleanup: async () => undefined, label: 'pglite' };
  }
  const name = `atrium_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), 5);
  return {
    env: { ATRIUM_DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    database,
    label: 'postgres',
    cleanup: async () => {
      if (process.env.BENCH_KEEP_DATABASE) {
        console.log(`Kept the database ${name} (BENCH_KEEP_DATABASE is set); drop it when done.`);
        return;
      }
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

function startServer(env: Record<string, string>): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  // BENCH_CPU_PROFILE=<dir>: the server writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
  const profile = process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROFILE)}`] : [];
  const child = spawn(process.execPath, [...profile, path.join(ROOT, 'bin', 'atrium.mjs'), 'start'], {
    cwd: ROOT,
    // The bench signs in from one address far more often than a person would: lift the per-address limit.
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', SIGN_IN_RATE_LIMIT: '1000000', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Atrium is running at (http:\/\/\S+)/.exec(out);
      if (match) resolve({ url: match[1]!, pid: child.pid!, stop: () => (child.kill('SIGTERM'), exited) });
    });
    void exited.then(() => reject(new Error(`server exited: ${out}`)));
  });
}

const prepared = await prepareDatabase();
console.log(
  `Generating data on ${prepared.label}: ${SCALE.organizations} organizations × ${SCALE.membersPerOrganization} members, ${SCALE.auditEvents.toLocaleString('en')} activity events…`,
);
const started = Date.now();
await prepared.database.migrate();
const benchCtx = createServiceContext(prepared.database, { config: { sessionTtlHours: 24, adminEmail: 'admin@atrium.local', uploadMaxBytes: 4 * 1024 ** 3, caseAttachmentMaxBytes: 25 * 1024 * 1024, caseReopenWindowDays: 60, articleVerificationDays: 180 }, blobs: createFileSystemBlobStore(path.join(prepared.env.ATRIUM_DATA_DIR!, 'files')) });
let data: { token: string; email: string; users: number };
let organizationId: string;
const passwordHash = await hashPassword(DEFAULT_PASSWORD);
if (SCALE.organizations * SCALE.membersPerOrganization > BULK_MEMBERS) {
  const bulk = await generateMembersInBulk(benchCtx.db, SCALE, passwordHash);
  const { token } = await createApiTokenForEmail(benchCtx, bulk.email, 'bench', CLI_ORIGIN);
  data = { token, email: bulk.email, users: bulk.users };
  organizationId = benchOrganizationId(0);
} else {
  data = await generateBenchData(benchCtx, SCALE);
  const [membership] = await prepared.database.raw<{ id: string }>('select m.organization_id as id from members m join users u on u.id = m.user_id where u.email = $1', [data.email]);
  organizationId = membership!.id;
}
console.log(`  ${data.users} users in ${((Date.now() - started) / 1000).toFixed(1)} s`);
const activity = await generateActivityData(benchCtx, prepared.database, runs('activity') ? { events: SCALE.auditEvents, exportEvents: SCALE.exportEvents, passwordHash } : { events: 1000, exportEvents: 100, passwordHash });
const activityPlan = prepared.label === 'postgres' ? await explainActivityQuery(benchCtx, prepared.database, ACTIVITY_QUERY) : [];
if (activityPlan.length) console.log(`  plan of the activity query:\n${activityPlan.map((line) => `    ${line}`).join('\n')}`);
const catalogStarted = Date.now();
// Without the products group the catalog is a token one: the site still needs its contract for cases.
const catalog = await generateCatalogData(benchCtx, prepared.database, {
  organizationId,
  products: runs('products') ? SCALE.products : 1,
  releasesPerProduct: runs('products') ? SCALE.releasesPerProduct : 1,
  bigFileBytes: runs('products') ? SCALE.downloadBytes : 1024,
});
if (runs('products')) console.log(`  ${SCALE.products} products × ${SCALE.releasesPerProduct} releases and a ${Math.round(SCALE.downloadBytes / 1024 ** 2)} MiB file in ${((Date.now() - catalogStarted) / 1000).toFixed(1)} s`);
const casesStarted = Date.now();
const caseData = runs('cases')
  ? await generateCaseData(prepared.database, { organizationId, cases: SCALE.cases, posts: SCALE.posts, casesInOrganization: SCALE.casesInOrganization })
  : null;
if (caseData) console.log(`  ${SCALE.cases.toLocaleString('en')} cases (${SCALE.casesInOrganization.toLocaleString('en')} in the measured organization) and ${SCALE.posts.toLocaleString('en')} posts in ${((Date.now() - casesStarted) / 1000).toFixed(1)} s`);
const searchData = runs('search')
  ? await generateSearchData(benchCtx, prepared.database, {
      organizationId,
      articles: SCALE.searchArticles,
      documents: SCALE.searchDocuments,
      cases: SCALE.cases,
      casesAlreadyGenerated: caseData !== null,
      casesInOrganization: SCALE.casesInOrganization,
    })
  : null;
if (searchData) {
  const steps = Object.entries(searchData.timings).map(([step, s]) => `${step} ${s} s`).join(', ');
  console.log(`  search: ${searchData.articles.toLocaleString('en')} articles, ${searchData.documents.toLocaleString('en')} documents, ${searchData.cases.toLocaleString('en')} cases, ${searchData.entries.toLocaleString('en')} index entries (${steps})`);
}
// Planner statistics on every table, as a running installation has them (autovacuum gathers them):
// without them a fresh table looks empty and small lookups get plans made for no rows.
await prepared.database.raw('analyze');
const searchPlan = searchData && prepared.label === 'postgres' ? await explainSearchQuery(benchCtx, prepared.database, { organizationId, email: data.email, q: SEARCH_PLAN_QUERY }).catch((error: Error) => [`(not explained: ${error.message})`]) : [];
if (searchPlan.length) console.log(`  plan of the search query "${SEARCH_PLAN_QUERY}":\n${searchPlan.map((line) => `    ${line}`).join('\n')}`);
// Every evaluation query once, alone: which ones the search scenario's time goes to.
const searchProfile = searchData ? await profileSearchQueries(benchCtx, { organizationId, email: data.email }) : [];
if (searchProfile.length) {
  const sorted = searchProfile.map((t) => t.ms).sort((a, b) => a - b);
  console.log(`  the ${searchProfile.length} search queries one at a time: median ${sorted[Math.floor(sorted.length / 2)]} ms, slowest:`);
  for (const t of searchProfile.slice(0, 8)) console.log(`    ${t.ms} ms  "${t.q}" (${t.total.toLocaleString('en')} matches)`);
}
await prepared.database.close();

const server = await startServer(prepared.env);
const figures: Figures[] = [];
const exports: ExportFigures[] = [];
const downloads: DownloadFigures[] = [];
const skipped: string[] = [];
try {
  const auth = { authorization: `Bearer ${data.token}` };
  const onPostgres = prepared.label === 'postgres';
  const caseScenarios: Scenario[] = caseData
    ? [
        {
          name: `GET /api/v1/organizations/:id/cases?view=open (${SCALE.cases.toLocaleString('en')} cases)`,
          path: `/api/v1/organizations/${organizationId}/cases?view=open`,
          connections: 50,
          headers: auth,
          ...(onPostgres ? { budgetP95Ms: 50 } : {}),
        },
        {
          name: 'GET /api/v1/organizations/:id/cases/:caseId (case page)',
          path: `/api/v1/organizations/${organizationId}/cases/${caseData.caseId}`,
          connections: 50,
          headers: auth,
          ...(onPostgres ? { budgetP95Ms: 30 } : {}),
        },
        {
          name: `GET /api/v1/organizations/:id/cases/:caseId/posts (case page feed, ${SCALE.posts.toLocaleString('en')} posts)`,
          path: `/api/v1/organizations/${organizationId}/cases/${caseData.caseId}/posts`,
          connections: 50,
          headers: auth,
          ...(onPostgres ? { budgetP95Ms: 30 } : {}),
        },
        {
          name: 'POST /api/v1/organizations/:id/cases (create)',
          path: `/api/v1/organizations/${organizationId}/cases`,
          method: 'POST',
          connections: 50,
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({
            siteId: caseData.siteId,
            category: 'technical_support',
            productFamilyId: null,
            productId: null,
            releaseId: null,
            subject: 'Bench: 트렌드 조회가 느립니다',
            description: 'Opened by the bench.',
            language: 'ko',
          }),
          ...(onPostgres ? { budgetP95Ms: 100 } : {}),
        },
      ]
    : [];
  const searchBudget = onPostgres ? 50 : 150;
  // Run twice: with the result cache (as installed; the queries repeat, so after the first round
  // most are answered from it) and, on a second server with SEARCH_CACHE_MB=0, every search computed.
  const searchScenariosOf = (cache: string): Scenario[] =>
    searchData
      ? [
          {
            name: `GET /api/v1/organizations/:id/search?q= (${searchPaths(organizationId).length} queries in turn; ${(searchData.articles + searchData.documents).toLocaleString('en')} articles and documents, ${searchData.cases.toLocaleString('en')} cases; ${cache})`,
            path: searchPaths(organizationId)[0]!,
            paths: searchPaths(organizationId),
            connections: 20,
            headers: auth,
            budgetP95Ms: searchBudget,
          },
          {
            name: `GET /api/v1/organizations/:id/articles/suggestions?q= (${suggestionPaths(organizationId).length} case subjects in turn; ${cache})`,
            path: suggestionPaths(organizationId)[0]!,
            paths: suggestionPaths(organizationId),
            connections: 20,
            headers: auth,
            budgetP95Ms: searchBudget,
          },
        ]
      : [];
  const searchScenarios = searchScenariosOf('result cache on');
  const baseScenarios: Scenario[] = [
    { name: 'GET /readyz', path: '/readyz', connections: 20 },
    { name: 'GET /api/v1/me (bearer)', path: '/api/v1/me', connections: 50, headers: { authorization: `Bearer ${data.token}` }, ...(prepared.label === 'postgres' ? { budgetP95Ms: 10 } : {}) },
    {
      name: 'POST /api/v1/auth/sign-in',
      path: '/api/v1/auth/sign-in',
      method: 'POST',
      connections: 20,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: data.email, password: DEFAULT_PASSWORD }),
      budgetP95Ms: 150,
    },
    {
      // The first organization's owner (bench-0-0) lists its members.
      name: 'GET /api/v1/organizations/:id/members',
      path: `/api/v1/organizations/${organizationId}/members`,
      connections: 20,
      headers: { authorization: `Bearer ${data.token}` },
      ...(prepared.label === 'postgres' ? { budgetP95Ms: 30 } : {}),
    },
    {
      name: 'GET /api/v1/admin/activity?category=sign_in&preset=1m',
      path: `/api/v1/admin/activity?${new URLSearchParams(ACTIVITY_QUERY).toString()}`,
      connections: 20,
      headers: { authorization: `Bearer ${activity.staffToken}` },
      ...(prepared.label === 'postgres' ? { budgetP95Ms: 80 } : {}),
    },
    {
      name: `GET /api/v1/organizations/:id/products (${SCALE.products} products × ${SCALE.releasesPerProduct} releases)`,
      path: `/api/v1/organizations/${organizationId}/products?siteId=${catalog.siteId}`,
      connections: 20,
      headers: { authorization: `Bearer ${data.token}` },
      ...(prepared.label === 'postgres' ? { budgetP95Ms: 50 } : {}),
    },
  ];
  const scenarios = [
    ...baseScenarios.filter((scenario) => (scenario.name.includes('/products') ? runs('products') : scenario.name.includes('/activity') ? runs('activity') : runs('core'))),
    ...caseScenarios,
    ...searchScenarios,
  ];
  for (const scenario of scenarios) {
    // A route another change has not brought yet is reported, not measured.
    const probe = await fetch(`${server.url}${scenario.path}`, { method: scenario.method ?? 'GET', headers: scenario.headers ?? {}, ...(scenario.body ? { body: scenario.body } : {}) });
    await probe.arrayBuffer();
    if (probe.status === 404) {
      console.log(`Skipping ${scenario.name}: the route answers 404`);
      skipped.push(`${scenario.name}: 404`);
      continue;
    }
    console.log(`Running ${scenario.name} at ${scenario.connections} concurrent for ${DURATION} s…`);
    figures.push(await measure(server.url, scenario));
  }
  const exportName = `GET /api/v1/admin/activity/export (${activity.exportRows.toLocaleString('en')} events)`;
  if (runs('activity')) {
    console.log(`Running ${exportName}, sampling the server's RSS…`);
    exports.push(
      await measureExport(server.url, server.pid, {
        name: exportName,
        path: `/api/v1/admin/activity/export?from=${encodeURIComponent(activity.exportFrom)}`,
        token: activity.staffToken,
        rows: activity.exportRows,
        budgetGrowthMb: 100,
      }),
    );
  }
  const sizeLabel = `${Math.round(SCALE.downloadBytes / 1024 ** 2)} MiB`;
  if (runs('products')) {
    console.log(`Downloading the ${sizeLabel} file once, then ${SCALE.parallelDownloads} times in parallel…`);
    const single = await requestDownloadLink(server.url, data.token, organizationId, catalog);
    downloads.push(await measureDownloads(server.url, server.pid, { name: `GET /api/v1/downloads/:token (${sizeLabel})`, url: single, parallel: 1, data: catalog, minMbPerSecond: 200, maxGrowthMb: 64 }));
    const parallel = await requestDownloadLink(server.url, data.token, organizationId, catalog);
    downloads.push(
      await measureDownloads(server.url, server.pid, { name: `${SCALE.parallelDownloads} × GET /api/v1/downloads/:token (${sizeLabel})`, url: parallel, parallel: SCALE.parallelDownloads, data: catalog, minMbPerSecond: null, maxGrowthMb: null }),
    );
  }
  if (searchData) {
    // The embedded database takes one server at a time: the first stops before the second starts.
    await server.stop();
    const uncached = await startServer({ ...prepared.env, SEARCH_CACHE_MB: '0' });
    try {
      for (const scenario of searchScenariosOf('result cache off')) {
        console.log(`Running ${scenario.name} at ${scenario.connections} concurrent for ${DURATION} s…`);
        figures.push(await measure(uncached.url, scenario));
      }
    } finally {
      await uncached.stop();
    }
  }
} finally {
  await server.stop();
  await prepared.cleanup();
}

console.log('');
console.log(`database: ${prepared.label}, ${data.users} users, ${DURATION} s per scenario`);
console.table(
  figures.map((f) => ({
    scenario: f.name,
    conns: f.connections,
    'req/s': f.rps,
    'p50 ms': f.p50,
    'p95 ms': f.p95,
    'p99 ms': f.p99,
    errors: f.errors,
    budget: f.budgetP95Ms === null ? '' : `p95 ≤ ${f.budgetP95Ms} ms: ${f.withinBudget ? 'met' : 'MISSED'}`,
  })),
);
console.table(
  exports.map((e) => ({
    scenario: e.name,
    status: e.status,
    MB: e.megabytes,
    s: e.seconds,
    'first byte ms': e.firstByteMs,
    'RSS before MB': e.rssBeforeMb,
    'RSS peak MB': e.rssPeakMb,
    'growth MB': e.rssGrowthMb,
    budget: `growth < ${e.budgetGrowthMb} MB: ${e.withinBudget === null ? 'not measured' : e.withinBudget ? 'met' : 'MISSED'}`,
  })),
);
console.table(
  downloads.map((d) => ({
    scenario: d.name,
    completed: `${d.completed}/${d.downloads}`,
    MB: d.megabytes,
    s: d.seconds,
    'MB/s': d.mbPerSecond,
    'RSS before MB': d.rssBeforeMb,
    'RSS peak MB': d.rssPeakMb,
    'growth MB': d.rssGrowthMb,
    'SHA-256': d.sha256Matches === null ? '' : d.sha256Matches ? 'matches' : 'DIFFERS',
    budget: `${d.budget}: ${d.withinBudget ? 'met' : 'MISSED'}`,
  })),
);
for (const note of skipped) console.log(`Skipped: ${note}`);
const resultsDir = path.join(ROOT, 'bench', 'results');
mkdirSync(resultsDir, { recursive: true });
const file = path.join(resultsDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${prepared.label}.json`);
writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), database: prepared.label, scale: SCALE, users: data.users, durationSeconds: DURATION, node: process.version, figures, exports, downloads, skipped, activityPlan, search: searchData, searchPlan, searchProfile }, null, 2));
console.log(`Results written to ${path.relative(ROOT, file)}`);
const failed = figures.some((f) => f.withinBudget === false || f.errors > 0) || exports.some((e) => e.withinBudget === false || e.status !== 200) || downloads.some((d) => !d.withinBudget) || skipped.length > 0;
process.exit(failed ? 1 : 0);
