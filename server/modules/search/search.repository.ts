import { sql, type SQL } from 'drizzle-orm';
import { uuidArray } from '../../platform/sql-arrays';
import type { SearchKind } from '../../../common/knowledge';
import type { Database, Db } from '../../platform/db';
import { executePrepared } from '../../platform/prepared';
import { textArrayLiteral } from './search-index.repository';

/**
 * The search statements. One statement answers a page: the matching entries the reader may see
 * are ranked in a CTE, an article's translations fold into its best one, the counts by kind are
 * taken over that, and only the page's rows are joined to their text and product names.
 */

/** Who reads, and so which entries they may see. */
export type SearchVisibility =
  | {
      face: 'portal';
      organizationId: string;
      /** Sites whose licensed products' documents and releases show (null: every site of the organization). */
      productSiteIds: readonly string[] | null;
      /** Sites whose cases show (null: every site); false without `case.view`. */
      caseSiteIds: readonly string[] | null | false;
      /** Only these kinds at all (the wizard's suggestions: articles). */
      kinds?: readonly SearchKind[];
    }
  | { face: 'console'; drafts: boolean; catalog: boolean; cases: boolean };

export interface SearchFilter {
  tsquery: string;
  types: readonly SearchKind[] | null;
  productId: string | undefined;
  language: string | undefined;
  /** The reader's language, ranked up. */
  boostLanguage: string | null;
  /** The query as one exact reference (case number, version), ranked first. */
  reference: string | null;
  now: Date;
  /** How many matches at most are ranked by relevance. */
  candidates: number;
  /**
   * When `tsquery` asks for some of the words (the fallback), the query of all of them: its matches
   * rank before those of only some, whatever their scores.
   */
  preferred?: string | null;
  limit: number;
  offset: number;
}

export interface SearchRow {
  kind: SearchKind;
  targetId: string;
  subtype: string | null;
  title: string;
  body: string;
  language: 'ko' | 'en' | null;
  productIds: string[];
  products: { id: string; name: string }[];
  reference: string | null;
  verified: boolean;
  published: boolean;
  /** internal, customers or public for articles; customers for documents and releases; organization for cases. */
  audience: string;
  updatedAt: string;
  organizationId: string | null;
  /** Portal documents and releases: a site of the reader where the product is licensed. */
  productSiteId: string | null;
}

export interface SearchPage {
  rows: SearchRow[];
  /** Matches of the chosen types; at least this many when `capped`. */
  total: number;
  /** More matched than were counted (COUNTED_MATCHES): the total and the counts are "at least". */
  capped: boolean;
  counts: Record<SearchKind, number>;
}


/** Matches read to be counted, at most: a common word would otherwise read a good part of the index. */
export const COUNTED_MATCHES = 1_000;

const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** The products whose documents and releases a member sees: those licensed to sites they may act on. */
function licensedProducts(v: Extract<SearchVisibility, { face: 'portal' }>): SQL {
  const sites = v.productSiteIds === null ? sql`` : sql` and en.site_id = any(${uuidArray(v.productSiteIds)})`;
  return sql`array(select en.product_id from entitlements en where en.organization_id = ${v.organizationId}::uuid${sites})`;
}

/**
 * Which entries (alias `e`) the reader may see. Portal: published articles for customers or the
 * public, published documents and releases of licensed products, the organization's cases on the
 * reader's sites. Console: every article (drafts only for writers), document and release (with
 * `product.view`) and case (with `case.view`).
 */
export function visibilityCondition(v: SearchVisibility): SQL {
  const parts: SQL[] = [];
  if (v.face === 'portal') {
    const allowed = (kind: SearchKind) => v.kinds === undefined || v.kinds.includes(kind);
    if (allowed('article')) parts.push(sql`(e.kind = 'article' and e.published and e.audience in ('customers', 'public'))`);
    const catalogKinds = (['document', 'release'] as const).filter(allowed);
    if (catalogKinds.length) parts.push(sql`(e.kind in ${sql.raw(`('${catalogKinds.join("', '")}')`)} and e.published and e.product_ids && ${licensedProducts(v)})`);
    if (allowed('case') && v.caseSiteIds !== false) {
      const sites = v.caseSiteIds === null ? sql`` : sql` and e.site_id = any(${uuidArray(v.caseSiteIds)})`;
      parts.push(sql`(e.kind = 'case' and e.organization_id = ${v.organizationId}::uuid${sites})`);
    }
  } else {
    parts.push(v.drafts ? sql`e.kind = 'article'` : sql`(e.kind = 'article' and e.published)`);
    if (v.catalog) parts.push(sql`e.kind in ('document', 'release')`);
    if (v.cases) parts.push(sql`e.kind = 'case'`);
  }
  return sql`(${sql.join(parts, sql` or `)})`;
}

function typeCondition(types: readonly SearchKind[] | null): SQL {
  return types === null ? sql`true` : sql`kind = any(${textArrayLiteral(types)}::text[])`;
}

/** A page of matches the reader may see, best first (an exact reference before all), with the counts. */
export async function searchPage(database: Database, v: SearchVisibility, filter: SearchFilter): Promise<SearchPage> {
  const query = sql`${filter.tsquery}::tsquery`;
  const filters: SQL[] = [];
  if (filter.productId) filters.push(sql` and ${filter.productId}::uuid = any(e.product_ids)`);
  // Releases (and documents with no words to tell) carry no language: every language filter keeps them.
  if (filter.language) filters.push(sql` and (e.language = ${filter.language} or e.language is null)`);
  const siteOf =
    v.face === 'portal'
      ? sql`case when p.kind in ('document', 'release') then (
           select en.site_id from entitlements en
            where en.organization_id = ${v.organizationId}::uuid and en.product_id = any(p.product_ids)
                  ${v.productSiteIds === null ? sql`` : sql`and en.site_id = any(${uuidArray(v.productSiteIds)})`}
            order by en.site_id limit 1) end`
      : sql`null::uuid`;
  // Ranking reads each match's tsvector, the costly part: only the first `filter.candidates` by a
  // cheap order (an exact reference, a title match, verified, newest) are ranked.
  const candidates = Math.max(filter.candidates, filter.offset + filter.limit * 4);
  // Most queries are no reference: then no match's reference is read at all.
  const exact = filter.reference === null ? sql`false` : sql`coalesce(${filter.reference}::text = any(string_to_array(lower(e.reference), ' ')), false)`;
  // Checked on each match, never ANDed with another index: under a LIMIT the planner would
  // otherwise read all of the (source, kind) key to combine a kind with the GIN.
  const unindexed = (condition: SQL) => sql`coalesce(${condition}, false)`;
  const where = (match: SQL, types: readonly SearchKind[] | null) =>
    sql`${match} @@ ${query} and ${unindexed(sql`${visibilityCondition(v)}${sql.join(filters, sql``)}${types === null ? sql`` : sql` and ${typeCondition(types)}`}`)}`;
  const allWords = filter.preferred ? sql`(e.tsv @@ ${filter.preferred}::tsquery)` : sql`true`;
  const columns = sql`e.id, e.kind, e.target_id, e.verified, e.updated_at, ${exact} as exact, ${allWords} as all_words`;
  // Every match is read to be counted, up to COUNTED_MATCHES + 1: past that the counts are "at
  // least" (a common word would read a good part of the index), and as those first found are in
  // storage order, the title matches are looked up too, through their own index, to be ranked.
  // With a type filter the page's matches are read on their own (`h`) and the counts of every type
  // beside them (`hc`).
  const counted = COUNTED_MATCHES + 1;
  const statement = sql`
    with h as materialized (
      select ${columns} from search_entries e
       where ${where(sql`e.tsv`, filter.types)}
       limit ${counted}
    ),
    hc as materialized (
      ${filter.types === null ? sql`select * from h` : sql`select ${columns} from search_entries e where ${where(sql`e.tsv`, null)} limit ${counted}`}
    ),
    c as (
      select count(distinct target_id) filter (where kind = 'article')::int as article, count(*) filter (where kind = 'document')::int as document,
             count(*) filter (where kind = 'release')::int as release, count(*) filter (where kind = 'case')::int as "case",
             (count(*) >= ${counted} or (select count(*) from h) >= ${counted}) as capped,
             (select (count(distinct target_id) filter (where kind = 'article') + count(*) filter (where kind <> 'article'))::int from h) as total
        from hc
    ),
    t as materialized (
      select ${columns} from search_entries e
       where (select count(*) from h) >= ${counted}
             and ${where(sql`ts_filter(e.tsv, '{a}')`, filter.types)}
             and e.id not in (select id from h)
       limit ${candidates}
    ),
    k as (
      select u.id, u.exact, u.all_words from (
        select h.id, h.exact, h.all_words, false as title, h.verified, h.updated_at from h
        union all
        select t.id, t.exact, t.all_words, true as title, t.verified, t.updated_at from t
      ) u
       order by u.exact desc, u.all_words desc, u.title desc, u.verified desc, u.updated_at desc, u.id
       limit ${candidates}
    ),
    m as (
      select e.id, e.kind, e.target_id, e.subtype, e.language, e.product_ids, e.reference, e.verified, e.published, e.audience,
             e.updated_at, e.organization_id, k.exact, k.all_words,
             ts_rank('{0.1, 0.2, 0.4, 1.0}'::float4[], e.tsv, ${query})::float8
               * (case when e.verified then 1.3 else 1.0 end)
               * (1.0 + 0.3 * exp(-greatest(extract(epoch from (${filter.now.toISOString()}::timestamptz - e.updated_at))::float8, 0) / 31536000.0))
               * (case when e.language = ${filter.boostLanguage} then 1.2 else 1.0 end) as score
        from k join search_entries e on e.id = k.id
    ),
    d as (
      select * from m where m.kind <> 'article'
      union all
      (select distinct on (m.target_id) * from m where m.kind = 'article' order by m.target_id, m.score desc)
    ),
    p as (
      select d.* from d
       order by exact desc, all_words desc, score desc, id
       limit ${filter.limit} offset ${filter.offset}
    )
    select c.article, c.document, c.release, c."case", c.capped, c.total,
           p.kind, p.target_id as "targetId", p.subtype, s.title, s.body, p.language,
           array_to_string(p.product_ids, ',') as "productIds",
           (select coalesce(json_agg(json_build_object('id', pr.id, 'name', pr.name) order by pr.name), '[]'::json)
              from products pr where pr.id = any(p.product_ids))::text as products,
           p.reference, p.verified, p.published, p.audience, ${iso('p.updated_at')} as "updatedAt",
           p.organization_id as "organizationId", ${siteOf} as "productSiteId"
      from c
      left join p on true
      left join search_entries s on s.id = p.id
     order by p.exact desc, p.all_words desc, p.score desc, p.id`;
  const rows = await executePrepared<Record<string, unknown>>(database, 'search_page', statement);
  const first = rows[0];
  // Past the bound, "at least COUNTED_MATCHES" whatever the last read row added.
  const atMost = (n: unknown) => Math.min(Number(n ?? 0), COUNTED_MATCHES);
  const counts = { article: atMost(first?.article), document: atMost(first?.document), release: atMost(first?.release), case: atMost(first?.case) };
  return {
    total: atMost(first?.total),
    capped: Boolean(first?.capped),
    counts,
    rows: rows
      .filter((row) => row.kind !== null && row.kind !== undefined)
      .map((row) => ({
        kind: row.kind as SearchKind,
        targetId: row.targetId as string,
        subtype: (row.subtype as string | null) ?? null,
        title: row.title as string,
        body: row.body as string,
        language: (row.language as 'ko' | 'en' | null) ?? null,
        productIds: row.productIds ? (row.productIds as string).split(',') : [],
        products: JSON.parse(row.products as string) as { id: string; name: string }[],
        reference: (row.reference as string | null) ?? null,
        verified: Boolean(row.verified),
        published: Boolean(row.published),
        audience: row.audience as string,
        updatedAt: row.updatedAt as string,
        organizationId: (row.organizationId as string | null) ?? null,
        productSiteId: (row.productSiteId as string | null) ?? null,
      })),
  };
}

/** A word of the query and the vocabulary's words most like it (best first), and whether any word starts with it. */
export interface TermCandidates {
  word: string;
  hasPrefix: boolean;
  candidates: { term: string; similarity: number; entries: number }[];
}

/**
 * For each word, the vocabulary's most similar words (pg_trgm, through its GIN index) and those of
 * its `variants` it holds (looked up by the primary key: the swapped letters trigrams miss).
 */
export async function findSimilarTerms(database: Database, words: readonly { word: string; prefix: boolean; variants: readonly string[] }[]): Promise<TermCandidates[]> {
  if (words.length === 0) return [];
  // A word's variants travel as one space-separated string (the words are a-z only), so the
  // statement's text does not change with the number of words or variants. They are joined one by
  // one (the primary key, a probe each): as "term = any(…)" the planner may take the trigram index,
  // which also answers equality but reads every trigram's entries (1.6 ms a word on the bench
  // vocabulary instead of 0.02).
  const statement = sql`
    select w.word,
           (w.prefix and exists (select 1 from search_terms x where x.term like w.word || '%')) as "hasPrefix",
           (select coalesce(json_agg(json_build_array(t.term, t.sim, t.entries)), '[]'::json)
              from ((select term, similarity(term, w.word) as sim, entries
                       from search_terms
                      where term % w.word
                      order by sim desc, entries desc
                      limit 8)
                    union
                    (select s.term, similarity(s.term, w.word) as sim, s.entries
                       from unnest(string_to_array(w.variants, ' ')) as v(term)
                       join search_terms s on s.term = v.term)) t)::text as candidates
      from unnest(${textArrayLiteral(words.map((w) => w.word))}::text[], ${`{${words.map((w) => String(w.prefix)).join(',')}}`}::bool[],
                  ${textArrayLiteral(words.map((w) => w.variants.join(' ')))}::text[]) as w(word, prefix, variants)`;
  const rows = await executePrepared<{ word: string; hasPrefix: boolean; candidates: string }>(database, 'search_terms', statement);
  return rows.map((row) => ({
    word: row.word,
    hasPrefix: Boolean(row.hasPrefix),
    candidates: (JSON.parse(row.candidates) as [string, number, number][]).map(([term, similarity, entries]) => ({ term, similarity, entries })),
  }));
}

/**
 * Which of `terms` the vocabulary holds, each looked up by the primary key (joined one by one, as
 * in findSimilarTerms, so the planner never takes the trigram index for it).
 */
export async function findVocabularyTerms(database: Database, terms: readonly string[]): Promise<string[]> {
  if (terms.length === 0) return [];
  const statement = sql`
    select s.term from unnest(string_to_array(${terms.join(' ')}, ' ')) as v(term) join search_terms s on s.term = v.term`;
  const rows = await executePrepared<{ term: string }>(database, 'search_terms_exact', statement);
  return rows.map((row) => row.term);
}

/**
 * The index version a search's answer depends on (`search_generations`): the shared scope's and,
 * for a reader in an organization, that organization's; for the console, every scope's (their sum,
 * which grows whenever any of them does).
 */
export async function readSearchGeneration(database: Database, scope: { organizationId: string | null } | 'all'): Promise<string> {
  if (scope === 'all') {
    const [row] = await executePrepared<{ g: string }>(database, 'search_generation_all', sql`select coalesce(sum(generation), 0)::text as g from search_generations`);
    return `all:${row!.g}`;
  }
  const [row] = await executePrepared<{ g: string }>(
    database,
    'search_generation',
    sql`select coalesce((select generation from search_generations where scope = ''), 0)::text || '.' ||
               coalesce((select generation from search_generations where scope = ${scope.organizationId ?? ''}), 0)::text as g`,
  );
  return row!.g;
}

/** Whether an entry of this kind and target is one the reader may see. */
export async function isEntryVisible(db: Db, v: SearchVisibility, kind: SearchKind, targetId: string): Promise<boolean> {
  const result = await db.execute(sql`select 1 from search_entries e where e.kind = ${kind} and e.target_id = ${targetId}::uuid and ${visibilityCondition(v)} limit 1`);
  return (result as unknown as { rows: unknown[] }).rows.length > 0;
}
