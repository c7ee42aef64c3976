import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { ArticleLanguage } from '../../../common/knowledge';
import { articleAttachments, articleProducts, articles, articleTranslations, articleViews, articleVotes, cases, products, users } from '../../db/schema/index';
import type { Db } from '../../platform/db';

/**
 * The knowledge base's tables: articles, their translations, product tags, votes and attachments.
 * Every function takes the database or transaction to run on.
 */

export type ArticleRow = typeof articles.$inferSelect;
export type TranslationRow = typeof articleTranslations.$inferSelect;
export type ArticleAttachmentRow = typeof articleAttachments.$inferSelect;

// ---- Articles ----

/** The article, if any. */
export async function findArticle(db: Db, articleId: string): Promise<ArticleRow | undefined> {
  const [row] = await db.select().from(articles).where(eq(articles.id, articleId)).limit(1);
  return row;
}

/** The article locked for a change until the transaction ends, if any. */
export async function lockArticle(db: Db, articleId: string): Promise<ArticleRow | undefined> {
  const [row] = await db.select().from(articles).where(eq(articles.id, articleId)).limit(1).for('update');
  return row;
}

/** Inserts an article. */
export async function insertArticle(db: Db, values: typeof articles.$inferInsert): Promise<ArticleRow> {
  const [row] = await db.insert(articles).values(values).returning();
  return row!;
}

/** Changes what an article's languages share (visibility, verification, updatedAt). */
export async function updateArticle(db: Db, articleId: string, patch: Partial<typeof articles.$inferInsert>): Promise<void> {
  await db.update(articles).set(patch).where(eq(articles.id, articleId));
}

/** Deletes an article; its translations, tags, votes and attachment rows go with it. */
export async function deleteArticle(db: Db, articleId: string): Promise<void> {
  await db.delete(articles).where(eq(articles.id, articleId));
}

/** The article written from this case, if any. */
export async function findArticleBySourceCase(db: Db, caseId: string): Promise<ArticleRow | undefined> {
  const [row] = await db.select().from(articles).where(eq(articles.sourceCaseId, caseId)).orderBy(asc(articles.createdAt)).limit(1);
  return row;
}

/** The number and organization of a source case, if it still exists. */
export async function findSourceCase(db: Db, caseId: string): Promise<{ id: string; number: number; organizationId: string } | undefined> {
  const [row] = await db.select({ id: cases.id, number: cases.number, organizationId: cases.organizationId }).from(cases).where(eq(cases.id, caseId)).limit(1);
  return row;
}

/** Adds one view and answers the new count (0 when the article is gone). */
/**
 * Counts a view of the article by `viewer` on `day` (UTC, `YYYY-MM-DD`) unless that reader was
 * already counted that day; the article's view count after it, or null when this view was not new.
 */
export async function countArticleView(db: Db, articleId: string, viewer: string, day: string): Promise<number | null> {
  const result = await db.execute(sql`
    with first_today as (
      insert into ${articleViews} (article_id, viewer, viewed_on) values (${articleId}, ${viewer}, ${day})
      on conflict do nothing
      returning article_id
    )
    update ${articles} set view_count = view_count + 1
    where id = ${articleId} and exists (select 1 from first_today)
    returning view_count`);
  const [row] = (result as unknown as { rows: { view_count: number }[] }).rows;
  return row ? Number(row.view_count) : null;
}

/** Forgets who read what before `day` (the counts stay); the number of rows removed. */
export async function pruneArticleViews(db: Db, day: string): Promise<number> {
  const removed = await db.delete(articleViews).where(lt(articleViews.viewedOn, day)).returning({ articleId: articleViews.articleId });
  return removed.length;
}

// ---- Translations ----

/** A translation with the name of who changed it last. */
export interface TranslationWithEditor {
  translation: TranslationRow;
  editorName: string | null;
  editorStaffRole: string | null;
}

/** The translations of these articles (any order). */
export async function listTranslations(db: Db, articleIds: readonly string[]): Promise<TranslationWithEditor[]> {
  if (articleIds.length === 0) return [];
  return db
    .select({ translation: articleTranslations, editorName: users.name, editorStaffRole: users.staffRole })
    .from(articleTranslations)
    .leftJoin(users, eq(users.id, articleTranslations.updatedBy))
    .where(inArray(articleTranslations.articleId, [...new Set(articleIds)]));
}

/** One translation of the article, if it exists. */
export async function findTranslation(db: Db, articleId: string, language: ArticleLanguage): Promise<TranslationRow | undefined> {
  const [row] = await db
    .select()
    .from(articleTranslations)
    .where(and(eq(articleTranslations.articleId, articleId), eq(articleTranslations.language, language)))
    .limit(1);
  return row;
}

/** Inserts a translation; undefined when the article has that language already. */
export async function insertTranslation(db: Db, values: typeof articleTranslations.$inferInsert): Promise<TranslationRow | undefined> {
  const [row] = await db.insert(articleTranslations).values(values).onConflictDoNothing().returning();
  return row;
}

/** Changes a translation. */
export async function updateTranslation(db: Db, translationId: string, patch: Partial<typeof articleTranslations.$inferInsert>): Promise<void> {
  await db.update(articleTranslations).set(patch).where(eq(articleTranslations.id, translationId));
}

/** Deletes a translation. */
export async function deleteTranslation(db: Db, translationId: string): Promise<void> {
  await db.delete(articleTranslations).where(eq(articleTranslations.id, translationId));
}

// ---- Product tags ----

/** The product tags of these articles, by product name. */
export async function listProductTags(db: Db, articleIds: readonly string[]): Promise<{ articleId: string; id: string; name: string }[]> {
  if (articleIds.length === 0) return [];
  return db
    .select({ articleId: articleProducts.articleId, id: products.id, name: products.name })
    .from(articleProducts)
    .innerJoin(products, eq(products.id, articleProducts.productId))
    .where(inArray(articleProducts.articleId, [...new Set(articleIds)]))
    .orderBy(asc(products.name), asc(products.id));
}

/** Which of these products exist. */
export async function findExistingProductIds(db: Db, productIds: readonly string[]): Promise<string[]> {
  if (productIds.length === 0) return [];
  const rows = await db.select({ id: products.id }).from(products).where(inArray(products.id, [...new Set(productIds)]));
  return rows.map((row) => row.id);
}

/** Sets the article's product tags to exactly these products. */
export async function replaceProductTags(db: Db, articleId: string, productIds: readonly string[]): Promise<void> {
  await db.delete(articleProducts).where(eq(articleProducts.articleId, articleId));
  const unique = [...new Set(productIds)];
  if (unique.length) await db.insert(articleProducts).values(unique.map((productId) => ({ articleId, productId })));
}

// ---- People ----

/** Names and staff roles of these users (the missing ones are left out). */
export async function listPeopleNames(db: Db, ids: readonly (string | null)[]): Promise<{ id: string; name: string; staffRole: string | null }[]> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return [];
  return db.select({ id: users.id, name: users.name, staffRole: users.staffRole }).from(users).where(inArray(users.id, unique));
}

// ---- Votes ----

/** The person's vote on the article (1 up, -1 down), if any. */
export async function findVote(db: Db, articleId: string, userId: string): Promise<number | undefined> {
  const [row] = await db
    .select({ value: articleVotes.value })
    .from(articleVotes)
    .where(and(eq(articleVotes.articleId, articleId), eq(articleVotes.userId, userId)))
    .limit(1);
  return row?.value;
}

/** Records or changes the person's vote. */
export async function upsertVote(db: Db, values: { articleId: string; userId: string; value: number; at: Date }): Promise<void> {
  await db
    .insert(articleVotes)
    .values({ articleId: values.articleId, userId: values.userId, value: values.value, createdAt: values.at, updatedAt: values.at })
    .onConflictDoUpdate({ target: [articleVotes.articleId, articleVotes.userId], set: { value: values.value, updatedAt: values.at } });
}

/** Removes the person's vote. */
export async function deleteVote(db: Db, articleId: string, userId: string): Promise<void> {
  await db.delete(articleVotes).where(and(eq(articleVotes.articleId, articleId), eq(articleVotes.userId, userId)));
}

/** Adds to the article's vote counts and answers them. */
export async function addToVoteCounts(db: Db, articleId: string, helpful: number, notHelpful: number): Promise<{ helpful: number; notHelpful: number }> {
  const [row] = await db
    .update(articles)
    .set({ helpfulCount: sql`${articles.helpfulCount} + ${helpful}`, notHelpfulCount: sql`${articles.notHelpfulCount} + ${notHelpful}` })
    .where(eq(articles.id, articleId))
    .returning({ helpful: articles.helpfulCount, notHelpful: articles.notHelpfulCount });
  return row!;
}

// ---- Attachments ----

/** Inserts an attachment row. */
export async function insertArticleAttachment(db: Db, values: typeof articleAttachments.$inferInsert): Promise<ArticleAttachmentRow> {
  const [row] = await db.insert(articleAttachments).values(values).returning();
  return row!;
}

/** The article's attachments, oldest first. */
export function listArticleAttachments(db: Db, articleId: string): Promise<ArticleAttachmentRow[]> {
  return db.select().from(articleAttachments).where(eq(articleAttachments.articleId, articleId)).orderBy(asc(articleAttachments.createdAt), asc(articleAttachments.id));
}

/** An attachment of this article, if any. */
export async function findArticleAttachment(db: Db, articleId: string, attachmentId: string): Promise<ArticleAttachmentRow | undefined> {
  const [row] = await db
    .select()
    .from(articleAttachments)
    .where(and(eq(articleAttachments.articleId, articleId), eq(articleAttachments.id, attachmentId)))
    .limit(1);
  return row;
}

/** Deletes an attachment row. */
export async function deleteArticleAttachment(db: Db, attachmentId: string): Promise<void> {
  await db.delete(articleAttachments).where(eq(articleAttachments.id, attachmentId));
}
