import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { searchEntries, searchTerms } from '../../db/schema/index';
import type { Db } from '../../platform/db';

/** The rows of the search index (`search_entries`) and its vocabulary (`search_terms`). */

export type SearchEntryInsert = Omit<typeof searchEntries.$inferInsert, 'id'>;
export interface ExistingEntry {
  id: number;
  kind: string;
  sourceId: string;
  title: string;
  body: string;
  keywords: string;
}

/** A text[] literal, each element quoted, bound as one parameter. */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
}

/** Serializes re-indexing of one source until the transaction ends (two jobs for it cannot interleave). */
export async function lockIndexTarget(tx: Db, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`search:${key}`}))`);
}

/** Takes the locks of several index targets at once, in a fixed order (no deadlock between two batches). */
export async function lockIndexTargets(tx: Db, keys: readonly string[]): Promise<void> {
  const sorted = [...new Set(keys)].sort().map((key) => `search:${key}`);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(k)) from (select k from unnest(${textArrayLiteral(sorted)}::text[]) k order by k) ordered`);
}

/** Entries of these kinds and sources, or of this target. */
export function listEntries(db: Db, scope: { sources?: { kind: string; ids: readonly string[] }[]; target?: { kind: string; id: string } }): Promise<ExistingEntry[]> {
  const conditions: SQL[] = [];
  for (const { kind, ids } of scope.sources ?? []) {
    if (ids.length) conditions.push(and(eq(searchEntries.kind, kind as never), inArray(searchEntries.sourceId, [...ids]))!);
  }
  if (scope.target) conditions.push(and(eq(searchEntries.kind, scope.target.kind as never), eq(searchEntries.targetId, scope.target.id))!);
  if (conditions.length === 0) return Promise.resolve([]);
  return db
    .select({ id: searchEntries.id, kind: searchEntries.kind, sourceId: searchEntries.sourceId, title: searchEntries.title, body: searchEntries.body, keywords: searchEntries.keywords })
    .from(searchEntries)
    .where(or(...conditions));
}

/** Inserts or rewrites entries by (kind, source). */
export async function upsertEntries(db: Db, rows: readonly SearchEntryInsert[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(searchEntries)
    .values([...rows])
    .onConflictDoUpdate({
      target: [searchEntries.kind, searchEntries.sourceId],
      set: {
        targetId: sql`excluded.target_id`,
        subtype: sql`excluded.subtype`,
        organizationId: sql`excluded.organization_id`,
        siteId: sql`excluded.site_id`,
        audience: sql`excluded.audience`,
        published: sql`excluded.published`,
        verified: sql`excluded.verified`,
        language: sql`excluded.language`,
        productIds: sql`excluded.product_ids`,
        reference: sql`excluded.reference`,
        title: sql`excluded.title`,
        body: sql`excluded.body`,
        keywords: sql`excluded.keywords`,
        tsv: sql`excluded.tsv`,
        updatedAt: sql`excluded.updated_at`,
      },
    });
}

/** Inserts new entries (the index was emptied first). */
export async function insertEntries(db: Db, rows: readonly SearchEntryInsert[]): Promise<void> {
  if (rows.length) await db.insert(searchEntries).values([...rows]);
}

export async function deleteEntries(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length) await db.delete(searchEntries).where(inArray(searchEntries.id, [...ids]));
}

/** Empties the index and its vocabulary. */
export async function deleteAllEntries(db: Db): Promise<void> {
  await db.delete(searchEntries);
  await db.delete(searchTerms);
}

/**
 * Adds each delta to its word's entry count (new words start at 0); words no entry holds any more
 * are removed. In word order, so two transactions touching the same words take their locks alike.
 */
export async function adjustTerms(db: Db, deltas: ReadonlyMap<string, number>): Promise<void> {
  const changed = [...deltas].filter(([, delta]) => delta !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (changed.length === 0) return;
  const terms = textArrayLiteral(changed.map(([term]) => term));
  const counts = `{${changed.map(([, delta]) => delta).join(',')}}`;
  await db.execute(sql`
    insert into search_terms (term, entries)
    select term, delta from unnest(${terms}::text[], ${counts}::int[]) as u(term, delta)
    on conflict (term) do update set entries = search_terms.entries + excluded.entries`);
  if (changed.some(([, delta]) => delta < 0)) await db.execute(sql`delete from search_terms where term = any(${terms}::text[]) and entries <= 0`);
}

/** How many entries the index holds. */
export async function countEntries(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(searchEntries);
  return row?.n ?? 0;
}
