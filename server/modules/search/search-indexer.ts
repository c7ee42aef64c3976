import { formatCaseNumber } from '../../../common/cases';
import { verificationState, type DocumentSubtype } from '../../../common/knowledge';
import type { ServiceContext } from '../../platform/context';
import { readAll, type Db } from '../../platform/db';
import type { BatchJobHandler } from '../../platform/jobs';
import { collapseWhitespace, markdownToPlainText } from './highlight';
import { queueSearchIndex, type SearchIndexTarget } from './search-index';
import {
  adjustTerms,
  countEntries,
  deleteAllEntries,
  deleteEntries,
  insertEntries,
  listEntries,
  lockIndexTarget,
  lockIndexTargets,
  upsertEntries,
  type ExistingEntry,
  type SearchEntryInsert,
} from './search-index.repository';
import {
  deleteOrphanedDocumentEntries,
  listArticleProductIds,
  listArticleSources,
  listBulletinSources,
  listBulletinsOfReleases,
  listCaseSources,
  listDocumentFilesOfReleases,
  listReleaseSources,
  listSourceIdPage,
  type BulletinSourceRow,
} from './search-sources.repository';
import { buildTsvector, normalizeText, scanRuns } from './tokenize';

/**
 * Keeps the search index in step with its sources: `indexSearchTarget` re-reads one article, case,
 * release (with its manuals, release notes and bulletins) or bulletin and writes, rewrites or
 * removes its entries; `rebuildSearchIndex` makes the whole index again. Both keep `search_terms`,
 * the vocabulary typos are corrected against, counting the entries that hold each Latin word.
 */

/** The plain text an entry keeps for snippets; its tokens are what the entry is found by. */
const MAX_BODY_LENGTH = 20_000;

/** Words a document is also found by (never shown in its snippet), in both languages, so that "매뉴얼" finds manuals. */
const SUBTYPE_WORDS: Record<DocumentSubtype, string> = {
  manual: 'manual guide 매뉴얼 설명서',
  release_notes: 'release notes 릴리스 노트',
  notice: 'notice 공지',
  known_issue: 'known issue 알려진 문제',
  document: 'document 문서',
};

/** An entry's Latin words of at least four letters (title, body and keywords): the vocabulary of typo correction. */
export function vocabularyOf(entry: { title: string; body: string; keywords?: string | null }): Set<string> {
  const words = new Set<string>();
  for (const run of scanRuns(normalizeText(`${entry.title} ${entry.body} ${entry.keywords ?? ''}`))) {
    if (run.kind === 'latin' && run.text.length >= 4 && run.text.length <= 40 && /^[a-z]+$/.test(run.text)) words.add(run.text);
  }
  return words;
}

/** An entry's stored text and tokens from its title, summary (weight B), body and reference. */
function entryText(parts: { title: string; summary?: string; body: string; keywords?: string; reference?: string | null }) {
  const summary = parts.summary ? collapseWhitespace(parts.summary) : '';
  const body = collapseWhitespace(`${summary} ${parts.body}`).slice(0, MAX_BODY_LENGTH);
  const rest = summary ? body.slice(summary.length) : body;
  // Keywords are found like the body but never shown: the snippet is cut from `body` alone.
  const keywords = parts.keywords ?? '';
  const indexed = keywords ? `${rest} ${keywords}` : rest;
  return { title: parts.title, body, keywords, tsv: buildTsvector({ title: parts.title, summary, body: indexed, reference: parts.reference ?? null }) };
}

const plain = (markdown: string | null | undefined) => (markdown ? markdownToPlainText(markdown) : '');
/**
 * The date a release, its documents and a bulletin are shown and ranked by: the day the release came
 * out or the bulletin was published (as its first instant, UTC), not when the row was last saved.
 */
const dayStart = (day: string) => new Date(`${day}T00:00:00.000Z`);

// ---- Entries from sources ----

async function articleEntries(db: Db, articleIds: readonly string[], now: Date): Promise<SearchEntryInsert[]> {
  const [rows, tags] = await readAll(db, [() => listArticleSources(db, articleIds), () => listArticleProductIds(db, articleIds)]);
  const productsOf = new Map<string, string[]>();
  for (const tag of tags) productsOf.set(tag.articleId, [...(productsOf.get(tag.articleId) ?? []), tag.productId]);
  return rows.map((row) => ({
    kind: 'article',
    sourceId: row.translationId,
    targetId: row.articleId,
    subtype: null,
    organizationId: null,
    siteId: null,
    audience: row.visibility,
    published: row.status === 'published',
    verified: verificationState(row.verifiedAt, row.verificationExpiresAt, now) === 'verified',
    language: row.language,
    productIds: productsOf.get(row.articleId) ?? [],
    reference: null,
    ...entryText({ title: row.title, summary: plain(row.summary), body: [row.issue, row.environment, row.resolution].map(plain).join('\n') }),
    updatedAt: row.updatedAt,
  }));
}

async function caseEntries(db: Db, caseIds: readonly string[]): Promise<SearchEntryInsert[]> {
  const rows = await listCaseSources(db, caseIds);
  return rows.map((row) => {
    const reference = [formatCaseNumber(row.number), row.legacyNumber].filter(Boolean).join(' ');
    return {
      kind: 'case',
      sourceId: row.id,
      targetId: row.id,
      subtype: null,
      organizationId: row.organizationId,
      siteId: row.siteId,
      audience: 'organization',
      published: true,
      verified: false,
      language: row.language,
      productIds: row.productId ? [row.productId] : [],
      reference,
      ...entryText({ title: row.subject, body: `${plain(row.description)}\n${plain(row.resolution)}`, reference }),
      updatedAt: row.updatedAt,
    };
  });
}

/**
 * The language a document is written in, read from its text (documents carry none of their own):
 * Korean where the title has Hangul, or the body more Hangul than Latin letters; English where
 * there are Latin letters; none for a text of neither (a file named `2022.pdf`), which every
 * language filter keeps, as it keeps releases.
 */
export function writtenLanguage(title: string, body = ''): 'ko' | 'en' | null {
  const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;
  const hangul = /[\uAC00-\uD7A3]/g;
  const latin = /[A-Za-z]/g;
  if (count(title, hangul) > 0) return 'ko';
  const bodyHangul = count(body, hangul);
  if (bodyHangul > 0 && bodyHangul >= count(body, latin)) return 'ko';
  return count(title, latin) + count(body, latin) > 0 ? 'en' : null;
}

function bulletinEntry(row: BulletinSourceRow): SearchEntryInsert {
  const reference = row.releaseVersion ?? null;
  return {
    kind: 'document',
    sourceId: row.id,
    targetId: row.id,
    subtype: row.kind,
    organizationId: null,
    siteId: null,
    audience: 'customers',
    // A bulletin about a release shows once the release is published, as on the product page.
    published: row.releaseId === null || row.releasePublishedAt !== null,
    verified: false,
    language: writtenLanguage(row.title, plain(row.body)),
    productIds: [row.productId],
    reference,
    ...entryText({ title: row.title, body: plain(row.body), keywords: `${row.productName} ${SUBTYPE_WORDS[row.kind]}`, reference }),
    updatedAt: dayStart(row.publishedOn),
  };
}

async function releaseEntries(db: Db, releaseIds: readonly string[]): Promise<SearchEntryInsert[]> {
  const [rows, files, bulletins] = await readAll(db, [() => listReleaseSources(db, releaseIds), () => listDocumentFilesOfReleases(db, releaseIds), () => listBulletinsOfReleases(db, releaseIds)]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const entries: SearchEntryInsert[] = rows.map((row) => ({
    kind: 'release',
    sourceId: row.id,
    targetId: row.id,
    subtype: null,
    organizationId: null,
    siteId: null,
    audience: 'customers',
    published: row.publishedAt !== null,
    verified: false,
    language: null,
    productIds: [row.productId],
    reference: row.version,
    ...entryText({ title: `${row.productName} ${row.version}`, body: plain(row.notes), reference: row.version }),
    updatedAt: dayStart(row.releasedOn),
  }));
  for (const file of files) {
    const release = byId.get(file.releaseId);
    if (!release) continue;
    const subtype = file.resourceType as 'manual' | 'release_notes';
    entries.push({
      kind: 'document',
      sourceId: file.id,
      targetId: file.id,
      subtype,
      organizationId: null,
      siteId: null,
      audience: 'customers',
      published: release.publishedAt !== null,
      verified: false,
      // The file's name says it (설치 가이드.pdf, Installation Guide.pdf), not its product's.
      language: writtenLanguage(file.fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '')),
      productIds: [release.productId],
      reference: release.version,
      ...entryText({ title: `${file.fileName} (${release.productName} ${release.version})`, body: '', keywords: SUBTYPE_WORDS[subtype], reference: release.version }),
      updatedAt: dayStart(release.releasedOn),
    });
  }
  for (const bulletin of bulletins) entries.push(bulletinEntry(bulletin));
  return entries;
}

// ---- Writing ----

/** Replaces the existing entries of a source with the new ones, and moves the vocabulary counts with them. */
async function replaceEntries(tx: Db, existing: readonly ExistingEntry[], entries: readonly SearchEntryInsert[]): Promise<void> {
  const key = (kind: string, sourceId: string) => `${kind}:${sourceId}`;
  const kept = new Set(entries.map((e) => key(e.kind, e.sourceId)));
  const deltas = new Map<string, number>();
  const count = (words: Set<string>, delta: number) => {
    for (const word of words) deltas.set(word, (deltas.get(word) ?? 0) + delta);
  };
  for (const entry of existing) count(vocabularyOf(entry), -1);
  for (const entry of entries) count(vocabularyOf(entry), 1);
  await deleteEntries(
    tx,
    existing.filter((e) => !kept.has(key(e.kind, e.sourceId))).map((e) => e.id),
  );
  await upsertEntries(tx, entries);
  await adjustTerms(tx, deltas);
}

/**
 * Brings the index up to date with one source: re-reads it and writes its entries, or removes them
 * when it is gone. Runs in its own transaction, serialized per source.
 */
export async function indexSearchTarget(ctx: ServiceContext, target: SearchIndexTarget): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await lockIndexTarget(tx, `${target.kind}:${target.id}`);
    if (target.kind === 'article') {
      const entries = await articleEntries(tx, [target.id], now);
      await replaceEntries(tx, await listEntries(tx, { target: { kind: 'article', id: target.id } }), entries);
    } else if (target.kind === 'case') {
      const entries = await caseEntries(tx, [target.id]);
      await replaceEntries(tx, await listEntries(tx, { sources: [{ kind: 'case', ids: [target.id] }] }), entries);
    } else if (target.kind === 'release') {
      const entries = await releaseEntries(tx, [target.id]);
      const documents = entries.filter((e) => e.kind === 'document').map((e) => e.sourceId);
      const existing = await listEntries(tx, { sources: [{ kind: 'release', ids: [target.id] }, { kind: 'document', ids: documents }] });
      await replaceEntries(tx, existing, entries);
      // A deleted release took its files and bulletins with it: their entries go too.
      if (entries.length === 0) await removeOrphans(tx);
    } else {
      const entries = (await listBulletinSources(tx, [target.id])).map(bulletinEntry);
      await replaceEntries(tx, await listEntries(tx, { sources: [{ kind: 'document', ids: [target.id] }] }), entries);
    }
  });
}

/**
 * Brings the index up to date with several sources (the search.index jobs due together): the
 * cases among them in one transaction (a burst of new cases costs a few statements, not a few per
 * case), the others one at a time.
 */
export async function indexSearchTargets(ctx: ServiceContext, targets: readonly SearchIndexTarget[]): Promise<void> {
  const caseIds = [...new Set(targets.filter((t) => t.kind === 'case').map((t) => t.id))];
  if (caseIds.length === 1) await indexSearchTarget(ctx, { kind: 'case', id: caseIds[0]! });
  else if (caseIds.length > 1) {
    await ctx.db.transaction(async (tx) => {
      await lockIndexTargets(tx, caseIds.map((id) => `case:${id}`));
      const entries = await caseEntries(tx, caseIds);
      await replaceEntries(tx, await listEntries(tx, { sources: [{ kind: 'case', ids: caseIds }] }), entries);
    });
  }
  const others = new Map(targets.filter((t) => t.kind !== 'case').map((t) => [`${t.kind}:${t.id}`, t]));
  for (const target of others.values()) await indexSearchTarget(ctx, target);
}

/** Removes the entries of release files and bulletins whose rows are gone, with their vocabulary. */
async function removeOrphans(tx: Db): Promise<void> {
  const orphans = await deleteOrphanedDocumentEntries(tx);
  const deltas = new Map<string, number>();
  for (const orphan of orphans) for (const word of vocabularyOf(orphan)) deltas.set(word, (deltas.get(word) ?? 0) - 1);
  await adjustTerms(tx, deltas);
}

const isTarget = (payload: unknown): payload is SearchIndexTarget =>
  typeof payload === 'object' &&
  payload !== null &&
  ['article', 'case', 'release', 'bulletin'].includes((payload as SearchIndexTarget).kind) &&
  typeof (payload as SearchIndexTarget).id === 'string' &&
  /^[0-9a-f-]{36}$/i.test((payload as SearchIndexTarget).id);

/** The `search.index` job: re-indexes the source the payload names. */
export function createSearchIndexJobHandler(ctx: ServiceContext): BatchJobHandler {
  return {
    batch: async (payloads) => {
      if (!payloads.every(isTarget)) throw new Error('search.index: the payload is not a search target');
      await indexSearchTargets(ctx, payloads);
    },
  };
}

/**
 * Makes the whole index again from its sources, a batch of sources at a time (no one huge
 * transaction on a large installation): articles, releases with their documents, bulletins of no
 * release, cases; then the vocabulary. Searches meanwhile see a partial index; run it when the index
 * is new or broken (demo data, benches, `atrium search reindex`), not beside a busy job queue.
 * Returns how many entries the index holds.
 */
export async function rebuildSearchIndex(ctx: ServiceContext, options: { batchSize?: number } = {}): Promise<{ entries: number }> {
  const batchSize = options.batchSize ?? 500;
  const now = ctx.clock.now();
  await deleteAllEntries(ctx.db);
  const vocabulary = new Map<string, number>();
  const tables = [
    { table: 'articles', build: (db: Db, ids: string[]) => articleEntries(db, ids, now) },
    { table: 'releases', build: (db: Db, ids: string[]) => releaseEntries(db, ids) },
    { table: 'bulletins', build: async (db: Db, ids: string[]) => (await listBulletinSources(db, ids)).filter((b) => b.releaseId === null).map(bulletinEntry) },
    { table: 'cases', build: (db: Db, ids: string[]) => caseEntries(db, ids) },
  ] as const;
  for (const { table, build } of tables) {
    let after: string | null = null;
    for (;;) {
      const ids = await listSourceIdPage(ctx.db, table, after, batchSize);
      if (ids.length === 0) break;
      after = ids.at(-1)!;
      const entries = await build(ctx.db, ids);
      for (const entry of entries) for (const word of vocabularyOf(entry)) vocabulary.set(word, (vocabulary.get(word) ?? 0) + 1);
      // Parameters per statement are limited (65,535): entries go in slices.
      for (let i = 0; i < entries.length; i += 1000) await insertEntries(ctx.db, entries.slice(i, i + 1000));
    }
  }
  const words = [...vocabulary];
  for (let i = 0; i < words.length; i += 5000) await adjustTerms(ctx.db, new Map(words.slice(i, i + 5000)));
  return { entries: await countEntries(ctx.db) };
}

/**
 * Articles whose verification lapsed while their index entries still say verified (nothing changed
 * the article, so nothing re-indexed it): queues them, so ranking stops favouring them. Run hourly.
 */
export async function queueLapsedVerifications(ctx: ServiceContext): Promise<number> {
  const rows = await ctx.database.raw<{ id: string }>(
    `select distinct a.id from articles a
       join search_entries e on e.kind = 'article' and e.target_id = a.id and e.verified
      where a.verification_expires_at <= $1::timestamptz`,
    [ctx.clock.now().toISOString()],
  );
  for (const row of rows) await queueSearchIndex(ctx.db, { kind: 'article', id: row.id });
  return rows.length;
}
