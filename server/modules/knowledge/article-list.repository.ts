import { and, desc, eq, gt, inArray, isNotNull, isNull, lte, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { ArticleLanguage, ArticleStatus, ArticleVisibility, VerificationState } from '../../../common/knowledge';
import { articleProducts, articles, articleTranslations } from '../../db/schema/index';
import { readAll, type Db } from '../../platform/db';
import { containsPattern } from '../catalog/catalog.repository';

/**
 * The article lists of the console and the portal: filters, newest change first, keyset paging on
 * (updated_at, id) and the total with the same filters.
 */

/** What a list asks for; `publishedOnly` makes every language condition look at published translations. */
export interface ArticleListFilter {
  visibilities: readonly ArticleVisibility[];
  publishedOnly: boolean;
  q?: string | undefined;
  status?: ArticleStatus | undefined;
  visibility?: ArticleVisibility | undefined;
  language?: ArticleLanguage | undefined;
  /** A state, or `not_verified`: never verified or lapsed (what readers call unverified). */
  verification?: VerificationState | 'not_verified' | undefined;
  productId?: string | undefined;
  /** Articles left out (those a case already links). */
  excludeIds?: readonly string[] | undefined;
  now: Date;
}

/** Where the previous page ended: updated_at in exact microseconds as an ISO instant, and the id. */
export interface ArticleListPosition {
  updatedAt: string;
  id: string;
}

/** A row of a page, with its position for the next cursor. */
export interface ArticleListRow {
  id: string;
  visibility: ArticleVisibility;
  verifiedAt: Date | null;
  verificationExpiresAt: Date | null;
  helpfulCount: number;
  notHelpfulCount: number;
  viewCount: number;
  updatedAt: Date;
  micros: string;
}

/** A translation of the article in the list's sense (published only in the portal) matching `condition`. */
function translationExists(filter: ArticleListFilter, condition?: SQL): SQL {
  const published = filter.publishedOnly ? sql` and t.status = 'published'` : sql``;
  const extra = condition ? sql` and ${condition}` : sql``;
  return sql`exists (select 1 from ${articleTranslations} t where t.article_id = ${articles.id}${published}${extra})`;
}

function conditionsOf(filter: ArticleListFilter): SQL[] {
  const conditions: SQL[] = [inArray(articles.visibility, [...filter.visibilities])];
  if (filter.publishedOnly) conditions.push(sql`exists (select 1 from ${articleTranslations} t where t.article_id = ${articles.id} and t.status = 'published')`);
  if (filter.visibility) conditions.push(eq(articles.visibility, filter.visibility));
  if (filter.status === 'published') conditions.push(sql`exists (select 1 from ${articleTranslations} t where t.article_id = ${articles.id} and t.status = 'published')`);
  if (filter.status === 'draft') conditions.push(sql`not exists (select 1 from ${articleTranslations} t where t.article_id = ${articles.id} and t.status = 'published')`);
  if (filter.language) conditions.push(translationExists(filter, sql`t.language = ${filter.language}`));
  if (filter.q) conditions.push(translationExists(filter, sql`t.title ilike ${containsPattern(filter.q)}`));
  if (filter.productId) conditions.push(sql`exists (select 1 from ${articleProducts} p where p.article_id = ${articles.id} and p.product_id = ${filter.productId})`);
  if (filter.excludeIds?.length) conditions.push(notInArray(articles.id, [...filter.excludeIds]));
  const now = filter.now;
  if (filter.verification === 'unverified') conditions.push(isNull(articles.verifiedAt));
  if (filter.verification === 'not_verified') conditions.push(or(isNull(articles.verifiedAt), lte(articles.verificationExpiresAt, now))!);
  if (filter.verification === 'verified') conditions.push(and(isNotNull(articles.verifiedAt), or(isNull(articles.verificationExpiresAt), gt(articles.verificationExpiresAt, now)))!);
  if (filter.verification === 'review_due') conditions.push(and(isNotNull(articles.verifiedAt), lte(articles.verificationExpiresAt, now))!);
  return conditions;
}

/** One page of articles, newest change first, after `after` when given, and the total matching. */
export async function listArticlePage(db: Db, filter: ArticleListFilter, page: { after?: ArticleListPosition | undefined; limit: number }): Promise<{ rows: ArticleListRow[]; total: number }> {
  const conditions = conditionsOf(filter);
  const where = and(...conditions);
  const pageWhere = page.after ? and(where, sql`(${articles.updatedAt}, ${articles.id}) < (${page.after.updatedAt}::timestamptz, ${page.after.id}::uuid)`) : where;
  const [rows, [count]] = await readAll(db, [
    () =>
      db
      .select({
        id: articles.id,
        visibility: articles.visibility,
        verifiedAt: articles.verifiedAt,
        verificationExpiresAt: articles.verificationExpiresAt,
        helpfulCount: articles.helpfulCount,
        notHelpfulCount: articles.notHelpfulCount,
        viewCount: articles.viewCount,
        updatedAt: articles.updatedAt,
        micros: sql<string>`(extract(epoch from ${articles.updatedAt}) * 1000000)::bigint::text`,
      })
      .from(articles)
      .where(pageWhere)
      .orderBy(desc(articles.updatedAt), desc(articles.id))
      .limit(page.limit),
    () => db.select({ n: sql<number>`count(*)::int`.mapWith(Number) }).from(articles).where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}
