// Loads the search corpus into a database: its products (the demo catalog's names and the remote
// support and device products) and its articles, a few thousand rows a statement (set-based, from
// arrays), so the quality harness and the 100,000-article speed bench share one loader.
import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../server/platform/context';
import type { Database } from '../server/platform/db';
import { buildProduct } from '../server/test/catalog-factories';
import { CORPUS_PRODUCTS, type CorpusArticle } from './search-corpus';

const BATCH = 2_000;
const DAY_MS = 86_400_000;

/** The corpus's products by name: existing ones (the demo's PI Server, PI Vision, PI Interfaces) are reused. */
export async function ensureCorpusProducts(ctx: ServiceContext): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const product of CORPUS_PRODUCTS) {
    const [existing] = await ctx.database.raw<{ id: string }>('select id from products where name = $1 limit 1', [product.name]);
    ids.set(product.name, existing?.id ?? (await buildProduct(ctx, { name: product.name })).id);
  }
  return ids;
}

/**
 * Inserts the articles published, each with one translation and its product tag; a verified
 * article is verified at its update date and expires `verificationDays` after `now`. Returns the
 * article id of each key.
 */
export async function insertCorpusArticles(
  database: Database,
  articles: readonly CorpusArticle[],
  options: { productIds: ReadonlyMap<string, string>; now: Date; verificationDays: number },
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const expiresAt = new Date(options.now.getTime() + options.verificationDays * DAY_MS).toISOString();
  for (let start = 0; start < articles.length; start += BATCH) {
    const batch = articles.slice(start, start + BATCH);
    const columns = {
      id: [] as string[],
      visibility: [] as string[],
      verified: [] as boolean[],
      updatedAt: [] as string[],
      language: [] as string[],
      title: [] as string[],
      summary: [] as string[],
      issue: [] as string[],
      environment: [] as string[],
      resolution: [] as string[],
      productId: [] as (string | null)[],
    };
    for (const article of batch) {
      const id = randomUUID();
      ids.set(article.key, id);
      columns.id.push(id);
      columns.visibility.push(article.visibility);
      columns.verified.push(article.verified);
      columns.updatedAt.push(article.updatedAt.toISOString());
      columns.language.push(article.language);
      columns.title.push(article.title);
      columns.summary.push(article.summary);
      columns.issue.push(article.issue);
      columns.environment.push(article.environment);
      columns.resolution.push(article.resolution);
      columns.productId.push(article.product ? (options.productIds.get(article.product) ?? null) : null);
    }
    // Parent and children in one statement: foreign keys are checked at its end.
    await database.raw(
      `with input as (
         select * from unnest($1::uuid[], $2::text[], $3::boolean[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::uuid[])
           as t(id, visibility, verified, updated_at, language, title, summary, issue, environment, resolution, product_id)),
       inserted_articles as (
         insert into articles (id, visibility, verified_at, verification_expires_at, created_at, updated_at)
         select id, visibility, case when verified then updated_at end, case when verified then $12::timestamptz end, updated_at - interval '30 days', updated_at from input),
       inserted_products as (
         insert into article_products (article_id, product_id) select id, product_id from input where product_id is not null)
       insert into article_translations (article_id, language, title, summary, issue, environment, resolution, status, published_at, created_at, updated_at)
       select id, language, title, summary, issue, environment, resolution, 'published', updated_at, updated_at - interval '30 days', updated_at from input`,
      [columns.id, columns.visibility, columns.verified, columns.updatedAt, columns.language, columns.title, columns.summary, columns.issue, columns.environment, columns.resolution, columns.productId, expiresAt],
    );
  }
  return ids;
}
