// `npm run bench:search`: the search quality evaluation of issue 7. Loads the generated corpus
// (bench/search-corpus.ts, 2,000+ articles in Korean and English) into a fresh database, builds the
// search index, runs every query of bench/search-queries.ts through the console's search as a
// support engineer (articles only; the reader's language is the query's), and prints recall@5 and
// MRR overall and per group, with the queries that miss. Writes bench/results/<date>-search-quality.json
// and exits non-zero below recall@5 0.9 or MRR 0.75. PGlite in memory by default; on PostgreSQL
// with BENCH_DATABASE_URL (a throw-away database is created and dropped).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createFixedClock } from '../server/platform/clock';
import { createServiceContext, type ServiceContext } from '../server/platform/context';
import { openPglite, openPostgres, type Database } from '../server/platform/db';
import { createFileSystemBlobStore } from '../server/platform/storage';
import { searchForStaff } from '../server/modules/search/search.service';
import { rebuildSearchIndex } from '../server/modules/search/search-indexer';
import { buildActor, buildUser } from '../server/test/factories';
import { CORPUS_NOW, generateCorpus, type CorpusArticle } from './search-corpus';
import { ensureCorpusProducts, insertCorpusArticles } from './search-load';
import { SEARCH_QUERIES, expectedKeys, scriptOf, type EvalQuery } from './search-queries';

const ROOT = path.resolve(import.meta.dirname, '..');
const TARGET_RECALL = 0.9;
const TARGET_MRR = 0.75;
/** Results read per query: recall is counted in the first 5, the reciprocal rank in the first 10. */
const DEPTH = 10;
const CONFIG: ServiceContext['config'] = { sessionTtlHours: 24, adminEmail: 'admin@atrium.local', uploadMaxBytes: 1024 ** 3, caseAttachmentMaxBytes: 25 * 1024 * 1024, caseReopenWindowDays: 60, articleVerificationDays: 180 };

interface QueryOutcome {
  q: string;
  groups: string[];
  expected: number;
  recallAt5: number;
  reciprocalRank: number;
  /** Rank (1-based) of the first article that must be found, null when not in the first 10. */
  firstRelevant: number | null;
  milliseconds: number;
  corrected: string[];
  top5: { key: string; title: string; relevant: boolean }[];
  missing: string[];
}

async function openDatabase(): Promise<{ database: Database; label: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.BENCH_DATABASE_URL;
  if (!adminUrl) return { database: await openPglite(null), label: 'pglite', drop: async () => undefined };
  const name = `atrium_search_quality_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    database: await openPostgres(url.toString(), 4),
    label: 'postgres',
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);
const round3 = (n: number) => Math.round(n * 1000) / 1000;

function groupsOf(query: EvalQuery): string[] {
  return [scriptOf(query.q), ...query.tags];
}

async function evaluate(ctx: ServiceContext, corpus: CorpusArticle[], idsByKey: Map<string, string>): Promise<QueryOutcome[]> {
  const keyById = new Map([...idsByKey].map(([key, id]) => [id, key]));
  const titleByKey = new Map(corpus.map((a) => [a.key, a.title]));
  const engineer = await buildUser(ctx, { email: 'search-quality@atrium.local', name: 'Search quality', staffRole: 'support_engineer' });
  const outcomes: QueryOutcome[] = [];
  for (const query of SEARCH_QUERIES) {
    const expected = new Set(expectedKeys(query, corpus));
    if (expected.size === 0) throw new Error(`query "${query.q}" expects no article of the corpus`);
    // The reader's language is the query's: Korean when it has Hangul.
    const actor = buildActor(engineer, { locale: scriptOf(query.q) === 'en' ? 'en' : 'ko' });
    const started = performance.now();
    const results = await searchForStaff(ctx, actor, { q: query.q, types: ['article'], limit: DEPTH, offset: 0 });
    const milliseconds = performance.now() - started;
    const keys = results.items.map((item) => keyById.get(item.id) ?? `(not in corpus) ${item.title}`);
    const top5 = keys.slice(0, 5);
    const found = top5.filter((k) => expected.has(k)).length;
    const firstIndex = keys.findIndex((k) => expected.has(k));
    outcomes.push({
      q: query.q,
      groups: groupsOf(query),
      expected: expected.size,
      recallAt5: found / Math.min(expected.size, 5),
      reciprocalRank: firstIndex === -1 ? 0 : 1 / (firstIndex + 1),
      firstRelevant: firstIndex === -1 ? null : firstIndex + 1,
      milliseconds,
      corrected: results.corrected.map((c) => `${c.from}→${c.to}`),
      top5: top5.map((key) => ({ key, title: titleByKey.get(key) ?? key, relevant: expected.has(key) })),
      missing: [...expected].filter((k) => !top5.includes(k)).slice(0, 5),
    });
  }
  return outcomes;
}

const tempDir = mkdtempSync(path.join(tmpdir(), 'atrium-search-quality-'));
const { database, label, drop } = await openDatabase();
try {
  const started = Date.now();
  await database.migrate();
  const ctx = createServiceContext(database, { config: CONFIG, clock: createFixedClock(CORPUS_NOW), blobs: createFileSystemBlobStore(tempDir) });
  const corpus = generateCorpus();
  const productIds = await ensureCorpusProducts(ctx);
  const idsByKey = await insertCorpusArticles(database, corpus, { productIds, now: CORPUS_NOW, verificationDays: CONFIG.articleVerificationDays });
  const { entries } = await rebuildSearchIndex(ctx);
  const korean = corpus.filter((a) => a.language === 'ko').length;
  console.log(`Corpus on ${label}: ${corpus.length} articles (${korean} Korean, ${corpus.length - korean} English), ${entries} index entries, loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const outcomes = await evaluate(ctx, corpus, idsByKey);
  const recallAt5 = mean(outcomes.map((o) => o.recallAt5));
  const mrr = mean(outcomes.map((o) => o.reciprocalRank));
  const groupNames = [...new Set(outcomes.flatMap((o) => o.groups))];
  const groups = Object.fromEntries(
    groupNames.map((g) => {
      const members = outcomes.filter((o) => o.groups.includes(g));
      return [g, { queries: members.length, recallAt5: round3(mean(members.map((o) => o.recallAt5))), mrr: round3(mean(members.map((o) => o.reciprocalRank))) }];
    }),
  );
  const latencies = outcomes.map((o) => o.milliseconds).sort((a, b) => a - b);
  const failing = outcomes.filter((o) => o.recallAt5 < 1 || o.reciprocalRank < 1);

  console.log('');
  console.log(`Queries: ${outcomes.length}, recall@5 ${round3(recallAt5)} (target ≥ ${TARGET_RECALL}), MRR ${round3(mrr)} (target ≥ ${TARGET_MRR}); median ${latencies[Math.floor(latencies.length / 2)]!.toFixed(1)} ms a query in process`);
  console.table(Object.fromEntries(Object.entries(groups).map(([g, v]) => [g, { queries: v.queries, 'recall@5': v.recallAt5, MRR: v.mrr }])));
  if (failing.length) {
    console.log(`Queries that miss (recall@5 < 1 or the first result not one that must be found): ${failing.length}`);
    for (const o of failing) {
      console.log(`\n  "${o.q}" [${o.groups.join(', ')}] recall@5 ${round3(o.recallAt5)}, first relevant at ${o.firstRelevant ?? '> 10'}, ${o.expected} expected${o.corrected.length ? `, corrected ${o.corrected.join(' ')}` : ''}`);
      if (o.missing.length) console.log(`    missing: ${o.missing.join(', ')}`);
      for (const [i, hit] of o.top5.entries()) console.log(`    ${i + 1}. ${hit.relevant ? '✓' : '✗'} ${hit.title}  (${hit.key})`);
      if (o.top5.length === 0) console.log('    (no results)');
    }
  }
  const resultsDir = path.join(ROOT, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-search-quality.json`);
  writeFileSync(
    file,
    JSON.stringify({ date: new Date().toISOString(), database: label, node: process.version, corpus: { articles: corpus.length, korean, english: corpus.length - korean, entries }, queries: outcomes.length, recallAt5: round3(recallAt5), mrr: round3(mrr), targets: { recallAt5: TARGET_RECALL, mrr: TARGET_MRR }, groups, failing, outcomes }, null, 2),
  );
  console.log(`\nResults written to ${path.relative(ROOT, file)}`);
  const met = recallAt5 >= TARGET_RECALL && mrr >= TARGET_MRR;
  console.log(met ? 'Targets met.' : 'Targets MISSED.');
  process.exitCode = met ? 0 : 1;
} finally {
  await database.close();
  await drop();
  rmSync(tempDir, { recursive: true, force: true });
}
