// Issue 7's speed scenarios: the search box and the case wizard's suggestions over 100,000 articles
// and documents and 200,000 cases. The articles are the evaluation corpus phrased again round after
// round (bench/search-corpus.ts), the documents are product bulletins written from it, and the cases
// get subjects and descriptions from the same topics, so the vocabulary is what people search for.
// Rows go in set-based; the index is built by the indexer itself (rebuildSearchIndex).
import type { Actor } from '../server/platform/actor';
import type { ServiceContext } from '../server/platform/context';
import type { Database } from '../server/platform/db';
import { findOrganizationStanding } from '../server/modules/organizations/organizations.repository';
import { searchForMember } from '../server/modules/search/search.service';
import { rebuildSearchIndex } from '../server/modules/search/search-indexer';
import { findUserByEmail } from '../server/modules/users/users.repository';
import { generateCaseData } from './cases';
import { CORPUS_TOPICS, generateCorpus } from './search-corpus';
import { ensureCorpusProducts, insertCorpusArticles } from './search-load';
import { SEARCH_QUERIES } from './search-queries';

export interface SearchBenchData {
  articles: number;
  documents: number;
  cases: number;
  entries: number;
  /** Seconds spent on each step. */
  timings: Record<string, number>;
}

const BULLETIN_BATCH = 2_000;

/** Korean and English case subjects and descriptions, from the topics' titles and causes. */
function caseTexts(): { subjects: string[]; descriptions: string[] } {
  const subjects: string[] = [];
  const descriptions: string[] = [];
  for (const topic of CORPUS_TOPICS) {
    for (const cause of topic.causes) {
      for (const language of ['ko', 'en'] as const) {
        subjects.push(cause[language].title.replace(/\^/g, ' '));
        descriptions.push(cause[language].cause.replace(/\^/g, ''));
      }
    }
  }
  return { subjects, descriptions };
}

const seconds = (since: number) => Math.round((Date.now() - since) / 100) / 10;

/**
 * Fills the search data: `articles` published articles (one translation each) over the corpus
 * products, `documents` product bulletins, the corpus products licensed to the measured
 * organization's first site, `cases` cases unless the cases group made them already (then their
 * subjects come from the corpus), and the whole index.
 */
export async function generateSearchData(
  ctx: ServiceContext,
  database: Database,
  options: { organizationId: string; articles: number; documents: number; cases: number; casesAlreadyGenerated: boolean; casesInOrganization: number },
): Promise<SearchBenchData> {
  const timings: Record<string, number> = {};
  let started = Date.now();
  const productIds = await ensureCorpusProducts(ctx);
  const [site] = await database.raw<{ id: string }>('select id from sites where organization_id = $1 order by created_at, id limit 1', [options.organizationId]);
  if (!site) throw new Error('the bench organization has no site');
  await database.raw(
    `insert into entitlements (organization_id, site_id, product_id, quantity)
     select $1, $2, unnest($3::uuid[]), 1 on conflict do nothing`,
    [options.organizationId, site.id, [...productIds.values()]],
  );
  const now = ctx.clock.now();
  // Round after round of the corpus: the first `articles` become articles, the next `documents`
  // bulletins (notices, known issues, documents). One round at a time, to keep memory flat.
  const kinds = ['known_issue', 'notice', 'document'];
  let articleCount = 0;
  let documentCount = 0;
  for (let round = 0; articleCount < options.articles || documentCount < options.documents; round += 1) {
    const corpus = generateCorpus({ round });
    const asArticles = corpus.slice(0, Math.max(0, options.articles - articleCount));
    const asDocuments = corpus.slice(asArticles.length, asArticles.length + Math.max(0, options.documents - documentCount));
    if (asArticles.length) await insertCorpusArticles(database, asArticles, { productIds, now, verificationDays: ctx.config.articleVerificationDays });
    for (let start = 0; start < asDocuments.length; start += BULLETIN_BATCH) {
      const batch = asDocuments.slice(start, start + BULLETIN_BATCH);
      await database.raw(
        `insert into product_bulletins (product_id, kind, title, body, published_on)
         select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::date[])`,
        [
          batch.map((a) => productIds.get(a.product ?? 'PI Server')!),
          batch.map((_, i) => kinds[(documentCount + start + i) % kinds.length]!),
          batch.map((a) => a.title),
          batch.map((a) => `${a.summary}\n\n${a.issue}\n\n${a.resolution}`),
          batch.map((a) => a.updatedAt.toISOString().slice(0, 10)),
        ],
      );
    }
    articleCount += asArticles.length;
    documentCount += asDocuments.length;
  }
  timings.articlesAndDocuments = seconds(started);

  started = Date.now();
  if (!options.casesAlreadyGenerated && options.cases > 0) {
    await generateCaseData(database, { organizationId: options.organizationId, cases: options.cases, posts: 0, casesInOrganization: Math.min(options.casesInOrganization, options.cases) });
  }
  const texts = caseTexts();
  await database.raw(
    `update cases set subject = ($1::text[])[1 + (hashtext(id::text) & 2147483647) % $3::int],
                      description = ($2::text[])[1 + (hashtext(id::text) & 2147483647) % $3::int]`,
    [texts.subjects, texts.descriptions, texts.subjects.length],
  );
  timings.cases = seconds(started);

  started = Date.now();
  const { entries } = await rebuildSearchIndex(ctx, { batchSize: 2_000 });
  await database.raw(database.kind === 'postgres' ? 'vacuum analyze search_entries' : 'analyze search_entries');
  await database.raw(database.kind === 'postgres' ? 'vacuum analyze search_terms' : 'analyze search_terms');
  timings.index = seconds(started);
  const [{ n: cases } = { n: 0 }] = await database.raw<{ n: number }>('select count(*)::int as n from cases');
  return { articles: articleCount, documents: documentCount, cases, entries, timings };
}

/** The search box's requests, rotating over the evaluation queries. */
export function searchPaths(organizationId: string): string[] {
  return SEARCH_QUERIES.map((query) => `/api/v1/organizations/${organizationId}/search?${new URLSearchParams({ q: query.q }).toString()}`);
}

/** The case wizard's requests: subjects as customers type them (the topics' titles, Korean and English). */
export function suggestionPaths(organizationId: string): string[] {
  return caseTexts().subjects.map((subject) => `/api/v1/organizations/${organizationId}/articles/suggestions?${new URLSearchParams({ q: subject }).toString()}`);
}

async function memberOf(ctx: ServiceContext, organizationId: string, email: string) {
  const user = await findUserByEmail(ctx.db, email);
  const access = user ? await findOrganizationStanding(ctx.db, organizationId, user.id, null) : undefined;
  if (!user || !access) throw new Error(`no member ${email} in the bench organization`);
  const actor: Actor = { userId: user.id, email: user.email, name: user.name, staffRole: null, locale: 'ko', theme: 'auto', mustChangePassword: false, mfaEnrollmentRequired: false, via: 'token', sessionId: null, tokenId: null, csrfToken: null };
  return { actor, access };
}

export interface QueryTiming {
  q: string;
  ms: number;
  total: number;
}

/**
 * Each evaluation query once, one after another, in this process (no HTTP, no concurrency): where
 * the time of the search scenario goes, slowest first.
 */
export async function profileSearchQueries(ctx: ServiceContext, options: { organizationId: string; email: string }): Promise<QueryTiming[]> {
  const { actor, access } = await memberOf(ctx, options.organizationId, options.email);
  const timings: QueryTiming[] = [];
  for (const query of SEARCH_QUERIES) {
    const started = performance.now();
    const results = await searchForMember(ctx, actor, access, { q: query.q, limit: 20, offset: 0 });
    timings.push({ q: query.q, ms: Math.round((performance.now() - started) * 10) / 10, total: results.total });
  }
  return timings.sort((a, b) => b.ms - a.ms);
}

/**
 * The plan (EXPLAIN ANALYZE) of the page statement the search runs for the member `email` and the
 * query `q`: the search is run once through a database that records its statements, then the page
 * statement is explained with the same parameters.
 */
export async function explainSearchQuery(ctx: ServiceContext, database: Database, options: { organizationId: string; email: string; q: string }): Promise<string[]> {
  const { actor, access } = await memberOf(ctx, options.organizationId, options.email);
  const recorded: { name: string; text: string; params: unknown[] }[] = [];
  const recording: Database = {
    ...database,
    prepared: (name, text, params) => {
      recorded.push({ name, text, params });
      return database.prepared(name, text, params);
    },
  };
  await searchForMember({ ...ctx, database: recording }, actor, access, { q: options.q, limit: 20, offset: 0 });
  const page = recorded.filter((r) => r.name.startsWith('search_page')).at(-1);
  if (!page) return [`(no search_page statement recorded; statements: ${recorded.map((r) => r.name).join(', ')})`];
  const rows = await database.raw<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${page.text}`, page.params);
  return rows.map((row) => row['QUERY PLAN']);
}
