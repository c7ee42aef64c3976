import { availableParallelism } from 'node:os';
import type { SearchKind } from '../../../common/knowledge';
import type { Locale } from '../../../common/locale';
import { STAFF_ROLE_PERMISSIONS, type Permission } from '../../../common/permissions';
import type { ArticleSuggestions } from '../../../common/schemas/cases';
import type { SearchQuery, SearchResult, SearchResults } from '../../../common/schemas/search';
import type { z } from 'zod';
import type { Actor } from '../../platform/actor';
import type { ServiceContext } from '../../platform/context';
import type { Database } from '../../platform/db';
import { visibleCaseSiteIds } from '../cases/case-list.service';
import type { OrganizationAccess } from '../organizations/organization-access';
import { accessibleSiteIds } from '../products/products.service';
import { createLimiter } from '../../platform/concurrency';
import { adjacentSwaps, editDistance, inflectedForms, maxTypoEdits } from './edit-distance';
import { stemEnglish } from './english-stemmer';
import { buildSnippet, highlightRanges } from './highlight';
import { createSearchCache, type SearchCache, type SearchCacheStats } from './search-cache';
import { findSimilarTerms, findVocabularyTerms, readSearchGeneration, searchPage, type SearchFilter, type SearchRow, type SearchVisibility } from './search.repository';
import { buildTsquery, choose, compoundSplits, matchFormsOf, parseQuery, type Corrections, type ParsedQuery } from './tokenize';

/**
 * The one search box (issue 7): the query is read by the search tokenizer, Latin typos are
 * corrected against the index's vocabulary, the words are ANDed (ORed when too little matches all
 * of them), and the page is ranked and counted in one statement over what the reader may see.
 */

/** Fewer matches than this for all the words, and any of the words will do. */
const FEW_MATCHES = 5;
/**
 * Matches ranked by relevance at most, for all the words and for any of them: ranking reads each
 * match's tsvector, and "any of the words" of a long query can match a good part of the index.
 * Beyond these, the newest verified matches are the candidates (the counts stay exact).
 */
const RANKED_ALL_WORDS = 200;
const RANKED_ANY_WORD = 300;
/** The "any k of the words" queries stay below this many combinations (C(8, 4) = 70). */
const MAX_COMBINATIONS = 70;
/**
 * How alike a word of the vocabulary must be to a typo to be searched with it (pg_trgm similarity,
 * its own default). A swap of neighbouring letters changes up to four trigrams (visoin → vision
 * scores 0.27, licnese → license 0.33), so the typo's swaps are also looked up exactly and, one edit
 * away, kept whatever their similarity. Every word must be a slip of the fingers away: one edit up
 * to five letters, two from six (`editDistance`).
 */
const TYPO_SIMILARITY = 0.3;
const TYPO_MIN_LENGTH = 4;
const MAX_CORRECTIONS = 2;

/**
 * A search's statements read thousands of index entries each: run side by side beyond the CPUs
 * that serve them, they only slow each other down (on the 2-CPU bench machine, 20 at once answered
 * 58 searches a second; two at a time, the other 18 queued, 119). They also hold a pooled connection
 * each, which the light requests of everyone else need. So at most this many searches are at the
 * database at once, the rest wait their turn in order of arrival.
 */
const defaultSearchSlots = () => Math.max(2, availableParallelism());
let searchTurn = createLimiter(defaultSearchSlots());

/** Sets how many searches run against the database at once (`SEARCH_CONCURRENCY`); call it at start. */
export function configureSearchConcurrency(slots: number | undefined): void {
  searchTurn = createLimiter(slots ?? defaultSearchSlots());
}

/** The result cache's size by default (`SEARCH_CACHE_MB`). */
export const DEFAULT_SEARCH_CACHE_MB = 32;
let searchCacheBytes = DEFAULT_SEARCH_CACHE_MB * 1024 ** 2;
/** One result cache per database (tests run many side by side in one process). */
const searchCaches = new WeakMap<Database, SearchCache<SearchResults>>();

/** Sets the result cache's size in megabytes (`SEARCH_CACHE_MB`; 0 turns it off); call it at start. */
export function configureSearchCache(megabytes: number | undefined): void {
  searchCacheBytes = (megabytes ?? DEFAULT_SEARCH_CACHE_MB) * 1024 ** 2;
}

function searchCacheOf(database: Database): SearchCache<SearchResults> | null {
  if (searchCacheBytes === 0) return null;
  let cache = searchCaches.get(database);
  if (!cache) {
    cache = createSearchCache<SearchResults>(searchCacheBytes);
    searchCaches.set(database, cache);
  }
  return cache;
}

/** How the result cache of this database has done (for tests and the bench). */
export function searchCacheStats(database: Database): SearchCacheStats | null {
  return searchCaches.get(database)?.stats() ?? null;
}

type Correction = SearchResults['corrected'][number];

/** The vocabulary's words a Latin word of the query may have meant, when the word is not in the index. */
async function correctTypos(ctx: ServiceContext, parsed: ParsedQuery): Promise<{ corrections: Map<string, string[]>; corrected: Correction[] }> {
  // A word with another spelling (licence, license) is a word, not a typo.
  const words = parsed.words.filter((w) => w.kind === 'latin' && w.alphabetic && w.raw.length >= TYPO_MIN_LENGTH && w.spellings.length === 0) as Extract<ParsedQuery['words'][number], { kind: 'latin' }>[];
  const corrections = new Map<string, string[]>();
  const corrected: Correction[] = [];
  const unresolved: string[] = [];
  if (words.length === 0) return { corrections, corrected };
  const found = await findSimilarTerms(
    ctx.database,
    words.map((w) => ({ word: w.raw, prefix: w.prefix, variants: adjacentSwaps(w.raw) })),
  );
  for (const { word, hasPrefix, candidates } of found) {
    const stem = stemEnglish(word);
    // The word (or another form of it) is in the index, or it is the beginning of one being typed.
    if (hasPrefix || candidates.some((c) => c.term === word || stemEnglish(c.term) === stem)) continue;
    // Alike in letters is not enough: "download" is not a typo of "down", nor "manual" of "many".
    // The fewest edits first (alloewd: allowed, one swap, before allow), then the most alike.
    const best = candidates
      .map((c) => ({ ...c, edits: editDistance(word, c.term) }))
      .filter((c) => c.edits <= maxTypoEdits(word.length) && (c.similarity >= TYPO_SIMILARITY || c.edits === 1))
      .sort((a, b) => a.edits - b.edits || b.similarity - a.similarity || b.entries - a.entries)
      .slice(0, MAX_CORRECTIONS)
      .map((c) => c.term);
    if (best.length === 0) {
      unresolved.push(word);
      continue;
    }
    corrections.set(word, best);
    for (const to of best) corrected.push({ from: word, to });
  }
  // A swap the vocabulary holds only inflected (tempalte: template, only "templates" indexed, two
  // edits and few shared trigrams away) is still the word meant: its stem is what the index
  // matches. A second lookup, made only for words nothing corrected.
  if (unresolved.length > 0) {
    const swapsOf = new Map(unresolved.map((word) => [word, adjacentSwaps(word)]));
    const forms = [...swapsOf.values()].flatMap((swaps) => swaps.flatMap((swap) => inflectedForms(swap)));
    const held = new Set(await findVocabularyTerms(ctx.database, [...new Set(forms)]));
    for (const [word, swaps] of swapsOf) {
      const meant = swaps.filter((swap) => inflectedForms(swap).some((form) => held.has(form) && stemEnglish(form) === stemEnglish(swap))).slice(0, MAX_CORRECTIONS);
      if (meant.length === 0) continue;
      corrections.set(word, meant);
      for (const to of meant) corrected.push({ from: word, to });
    }
  }
  // What is still found nowhere may be two words written together (opcda: OPC DA): each way to
  // cut it is searched as both halves. Not a correction to announce: the word is what was meant.
  for (const word of unresolved) {
    if (corrections.has(word)) continue;
    const splits = compoundSplits(word);
    if (splits.length > 0) corrections.set(word, splits);
  }
  return { corrections, corrected };
}

/**
 * Runs the query: all words first; when fewer than five results match them all, any n-1 of them,
 * then n-2, … down to two (while the combinations stay few), then any of the words (ranked, so the
 * best partial matches come first). In those fallbacks what matches all the words still comes first:
 * one mention of a rare word the person typed outweighs many of a common one.
 */
async function runQuery(ctx: ServiceContext, visibility: SearchVisibility, parsed: ParsedQuery, corrections: Corrections, filter: Omit<SearchFilter, 'tsquery' | 'candidates'>) {
  const all = buildTsquery(parsed, corrections);
  if (all === null) return null;
  const page = await searchPage(ctx.database, visibility, { ...filter, tsquery: all, candidates: RANKED_ALL_WORDS });
  const n = parsed.words.length;
  if (page.total >= FEW_MATCHES || n < 2) return page;
  // Then any n-1 of the words, n-2, … down to two: each step matches few rows until the one that
  // answers, where the index does the work; "any word" of a long query would read a good part of
  // the index to rank it.
  for (let k = n - 1; k >= 2; k--) {
    if (choose(n, k) > MAX_COMBINATIONS) continue;
    const some = await searchPage(ctx.database, visibility, { ...filter, tsquery: buildTsquery(parsed, corrections, { atLeast: k })!, candidates: RANKED_ALL_WORDS, preferred: all });
    if (some.total >= FEW_MATCHES) return some;
  }
  return searchPage(ctx.database, visibility, { ...filter, tsquery: buildTsquery(parsed, corrections, { mode: 'or' })!, candidates: RANKED_ANY_WORD, preferred: all });
}

const emptyResults = (query: string): SearchResults => ({ items: [], total: 0, counts: { article: 0, document: 0, release: 0, case: 0 }, capped: false, query, corrected: [] });

type Face = 'portal' | 'console';

function hrefOf(face: Face, row: SearchRow): string {
  const productId = row.productIds[0];
  if (face === 'portal') {
    if (row.kind === 'article') return `/portal/knowledge/${row.targetId}${row.language ? `?lang=${row.language}` : ''}`;
    if (row.kind === 'case') return `/portal/cases/${row.targetId}`;
    return row.productSiteId && productId ? `/portal/products/${row.productSiteId}/${productId}` : '/portal/products';
  }
  if (row.kind === 'article') return `/console/knowledge/${row.targetId}`;
  if (row.kind === 'case') return `/console/cases/${row.organizationId}/${row.targetId}`;
  return productId ? `/console/catalog/products/${productId}` : '/console/catalog';
}

/** A result as the API shows it, with its snippet and highlights. */
function presentResult(face: Face, row: SearchRow, forms: ReturnType<typeof matchFormsOf>): SearchResult {
  const { snippet, highlights } = buildSnippet(row.body, forms);
  return {
    kind: row.kind,
    id: row.targetId,
    subtype: (row.subtype as SearchResult['subtype']) ?? null,
    title: row.title,
    snippet,
    highlights,
    titleHighlights: highlightRanges(row.title, forms),
    products: row.products,
    language: row.language,
    // A case's reference is its number, then the old system's; the number is what is shown.
    reference: row.reference === null ? null : row.kind === 'case' ? row.reference.split(' ')[0]! : row.reference,
    verified: row.verified,
    draft: !row.published,
    visibility: row.kind === 'article' ? (row.audience as NonNullable<SearchResult['visibility']>) : null,
    date: row.updatedAt,
    href: hrefOf(face, row),
  };
}

/**
 * The index versions a reader's answer depends on: articles alone (the wizard's suggestions) on
 * the shared scope; the portal's search also on the organization's cases and licensed products;
 * the console's on everything.
 */
function generationScope(visibility: SearchVisibility): { organizationId: string | null } | 'all' {
  if (visibility.face === 'console') return 'all';
  const articlesOnly = visibility.kinds !== undefined && visibility.kinds.every((kind) => kind === 'article');
  return { organizationId: articlesOnly ? null : visibility.organizationId };
}

/**
 * A search, answered from the result cache while the index versions it depends on stand: the key
 * holds everything the answer is made of (the face, who may see what, the query as typed, the
 * filters, the page, the reader's language and the minute, as ranking favours recent updates).
 */
async function search(ctx: ServiceContext, face: Face, visibility: SearchVisibility, query: SearchQuery, boostLanguage: string | null): Promise<SearchResults> {
  const parsed = parseQuery(query.q);
  if (parsed.words.length === 0) return emptyResults(parsed.text);
  const cache = searchCacheOf(ctx.database);
  if (cache === null) return answer(ctx, face, visibility, parsed, query, boostLanguage);
  const minute = Math.floor(ctx.clock.now().getTime() / 60_000);
  const key = JSON.stringify([face, visibility, query.q, query.types ?? null, query.productId ?? null, query.language ?? null, query.limit, query.offset, boostLanguage, minute]);
  const generation = await readSearchGeneration(ctx.database, generationScope(visibility));
  return cache.through(key, generation, () => answer(ctx, face, visibility, parsed, query, boostLanguage));
}

async function answer(ctx: ServiceContext, face: Face, visibility: SearchVisibility, parsed: ParsedQuery, query: SearchQuery, boostLanguage: string | null): Promise<SearchResults> {
  const { corrections, corrected, page } = await searchTurn(async () => {
    const { corrections, corrected } = await correctTypos(ctx, parsed);
    const page = await runQuery(ctx, visibility, parsed, corrections, {
      types: query.types && query.types.length ? query.types : null,
      productId: query.productId,
      language: query.language,
      boostLanguage,
      reference: parsed.reference,
      now: ctx.clock.now(),
      limit: query.limit,
      offset: query.offset,
    });
    return { corrections, corrected, page };
  });
  if (!page) return emptyResults(parsed.text);
  const forms = matchFormsOf(parsed, corrections);
  return { items: page.rows.map((row) => presentResult(face, row, forms)), total: page.total, counts: page.counts, capped: page.capped, query: parsed.text, corrected };
}

/** What a member may see of an organization's index: their sites' products and (with `case.view`) cases. */
export function memberVisibility(access: OrganizationAccess, kinds?: readonly SearchKind[]): SearchVisibility {
  const caseSites = visibleCaseSiteIds(access.standing);
  return {
    face: 'portal',
    organizationId: access.organization.id,
    productSiteIds: accessibleSiteIds(access.standing),
    caseSiteIds: caseSites !== null && caseSites.length === 0 ? false : caseSites,
    ...(kinds ? { kinds } : {}),
  };
}

/** What a staff member may see across the installation: by the permissions of their role. */
export function staffVisibility(actor: Actor): SearchVisibility {
  const has = (permission: Permission) => actor.staffRole !== null && STAFF_ROLE_PERMISSIONS[actor.staffRole].includes(permission);
  return { face: 'console', drafts: has('article.write'), catalog: has('product.view'), cases: has('case.view') };
}

/**
 * The portal's search: articles for customers or the public, documents and releases of the
 * products licensed to the member's sites, and (with `case.view`) the organization's cases on
 * those sites; counts by the same rules. The member's language ranks first.
 */
export function searchForMember(ctx: ServiceContext, actor: Actor, organization: OrganizationAccess, query: SearchQuery, locale?: Locale): Promise<SearchResults> {
  return search(ctx, 'portal', memberVisibility(organization), query, actor.locale ?? locale ?? null);
}

/** The console's search: every article (drafts for writers), document and release, and every case for staff who see cases. */
export function searchForStaff(ctx: ServiceContext, actor: Actor, query: SearchQuery, locale?: Locale): Promise<SearchResults> {
  return search(ctx, 'console', staffVisibility(actor), query, actor.locale ?? locale ?? null);
}

/** The case wizard's side panel: the best (at most five) published articles the member may see for what they typed. */
export async function suggestArticles(ctx: ServiceContext, actor: Actor, organization: OrganizationAccess, q: string, locale?: Locale): Promise<z.infer<typeof ArticleSuggestions>> {
  const results = await search(ctx, 'portal', memberVisibility(organization, ['article']), { q, types: ['article'], limit: 5, offset: 0 }, actor.locale ?? locale ?? null);
  return {
    items: results.items.map((item) => ({
      id: item.id,
      title: item.title,
      excerpt: item.snippet,
      href: item.href,
      language: item.language ?? 'en',
      verified: item.verified,
      updatedAt: item.date,
    })),
  };
}
