import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import {
  articleProducts,
  articles,
  articleTranslations,
  cases,
  productBulletins,
  products,
  releaseFiles,
  releases,
  searchEntries,
} from '../../db/schema/index';
import { readAll, type Db } from '../../platform/db';

/**
 * What the search index is made from. The index is a read model over several modules' tables
 * (articles, cases, the catalog), so this repository reads them directly, read-only: going through
 * each module's services would load far more than the index needs, a row at a time, when the whole
 * index is rebuilt.
 */

export type ArticleSourceRow = Awaited<ReturnType<typeof listArticleSources>>[number];
export type CaseSourceRow = Awaited<ReturnType<typeof listCaseSources>>[number];
export type ReleaseSourceRow = Awaited<ReturnType<typeof listReleaseSources>>[number];
export type FileSourceRow = Awaited<ReturnType<typeof listDocumentFilesOfReleases>>[number];
export type BulletinSourceRow = Awaited<ReturnType<typeof listBulletinSources>>[number];

/** The translations of these articles with what the article shares. */
export function listArticleSources(db: Db, articleIds: readonly string[]) {
  if (articleIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      articleId: articles.id,
      visibility: articles.visibility,
      verifiedAt: articles.verifiedAt,
      verificationExpiresAt: articles.verificationExpiresAt,
      translationId: articleTranslations.id,
      language: articleTranslations.language,
      title: articleTranslations.title,
      summary: articleTranslations.summary,
      issue: articleTranslations.issue,
      environment: articleTranslations.environment,
      resolution: articleTranslations.resolution,
      status: articleTranslations.status,
      updatedAt: articleTranslations.updatedAt,
    })
    .from(articleTranslations)
    .innerJoin(articles, eq(articles.id, articleTranslations.articleId))
    .where(inArray(articles.id, [...articleIds]));
}

/** The product tags of these articles. */
export function listArticleProductIds(db: Db, articleIds: readonly string[]) {
  if (articleIds.length === 0) return Promise.resolve([]);
  return db.select({ articleId: articleProducts.articleId, productId: articleProducts.productId }).from(articleProducts).where(inArray(articleProducts.articleId, [...articleIds]));
}

/** These cases, as the index needs them. */
export function listCaseSources(db: Db, caseIds: readonly string[]) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: cases.id,
      organizationId: cases.organizationId,
      siteId: cases.siteId,
      number: cases.number,
      legacyNumber: cases.legacyNumber,
      subject: cases.subject,
      description: cases.description,
      resolution: cases.resolution,
      language: cases.language,
      productId: cases.productId,
      updatedAt: cases.updatedAt,
    })
    .from(cases)
    .where(inArray(cases.id, [...caseIds]));
}

/** These releases with their product's name. */
export function listReleaseSources(db: Db, releaseIds: readonly string[]) {
  if (releaseIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: releases.id,
      productId: releases.productId,
      productName: products.name,
      version: releases.version,
      notes: releases.notes,
      releasedOn: releases.releasedOn,
      publishedAt: releases.publishedAt,
      updatedAt: releases.updatedAt,
    })
    .from(releases)
    .innerJoin(products, eq(products.id, releases.productId))
    .where(inArray(releases.id, [...releaseIds]));
}

/** The manuals and release notes (files not removed) of these releases. */
export function listDocumentFilesOfReleases(db: Db, releaseIds: readonly string[]) {
  if (releaseIds.length === 0) return Promise.resolve([]);
  return db
    .select({ id: releaseFiles.id, releaseId: releaseFiles.releaseId, resourceType: releaseFiles.resourceType, fileName: releaseFiles.fileName, createdAt: releaseFiles.createdAt })
    .from(releaseFiles)
    .where(and(inArray(releaseFiles.releaseId, [...releaseIds]), isNull(releaseFiles.removedAt), inArray(releaseFiles.resourceType, ['manual', 'release_notes'])));
}

const bulletinColumns = {
  id: productBulletins.id,
  productId: productBulletins.productId,
  productName: products.name,
  releaseId: productBulletins.releaseId,
  releaseVersion: releases.version,
  releasePublishedAt: releases.publishedAt,
  kind: productBulletins.kind,
  title: productBulletins.title,
  body: productBulletins.body,
  publishedOn: productBulletins.publishedOn,
  updatedAt: productBulletins.updatedAt,
};

/** These bulletins with their product and release. */
export function listBulletinSources(db: Db, bulletinIds: readonly string[]) {
  if (bulletinIds.length === 0) return Promise.resolve([]);
  return db
    .select(bulletinColumns)
    .from(productBulletins)
    .innerJoin(products, eq(products.id, productBulletins.productId))
    .leftJoin(releases, eq(releases.id, productBulletins.releaseId))
    .where(inArray(productBulletins.id, [...bulletinIds]));
}

/** The bulletins about these releases. */
export function listBulletinsOfReleases(db: Db, releaseIds: readonly string[]) {
  if (releaseIds.length === 0) return Promise.resolve([]);
  return db
    .select(bulletinColumns)
    .from(productBulletins)
    .innerJoin(products, eq(products.id, productBulletins.productId))
    .leftJoin(releases, eq(releases.id, productBulletins.releaseId))
    .where(inArray(productBulletins.releaseId, [...releaseIds]));
}

/** The releases and bulletins of a product, to re-index when the product is renamed or deleted. */
export async function listCatalogTargetsOfProduct(db: Db, productId: string): Promise<{ releaseIds: string[]; bulletinIds: string[] }> {
  const [releaseRows, bulletinRows] = await readAll(db, [
    () => db.select({ id: releases.id }).from(releases).where(eq(releases.productId, productId)),
    () => db.select({ id: productBulletins.id }).from(productBulletins).where(eq(productBulletins.productId, productId)),
  ]);
  return { releaseIds: releaseRows.map((r) => r.id), bulletinIds: bulletinRows.map((r) => r.id) };
}

type SourceTable = 'articles' | 'cases' | 'releases' | 'bulletins';
const ID_COLUMNS = { articles: articles.id, cases: cases.id, releases: releases.id, bulletins: productBulletins.id } as const;
const TABLES = { articles, cases, releases, bulletins: productBulletins } as const;

/** A page of source ids after `after`, in id order, for rebuilding the index in batches. */
export async function listSourceIdPage(db: Db, table: SourceTable, after: string | null, limit: number): Promise<string[]> {
  const id = ID_COLUMNS[table];
  const rows = await db
    .select({ id })
    .from(TABLES[table])
    .where(after === null ? undefined : gt(id, after))
    .orderBy(asc(id))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Removes entries made from release files and bulletins that no longer exist (their release or product was deleted). */
export async function deleteOrphanedDocumentEntries(db: Db): Promise<{ title: string; body: string; keywords: string }[]> {
  const result = await db.execute(sql`
    delete from ${searchEntries} e
     where e.kind = 'document'
       and not exists (select 1 from release_files f where f.id = e.source_id)
       and not exists (select 1 from product_bulletins b where b.id = e.source_id)
    returning e.title, e.body, e.keywords`);
  return (result as unknown as { rows: { title: string; body: string; keywords: string }[] }).rows;
}

// ---- Quick view ----

/** A release file with its release and product, for the quick view. */
export async function findFileForPreview(db: Db, fileId: string) {
  const [row] = await db
    .select({
      id: releaseFiles.id,
      fileName: releaseFiles.fileName,
      resourceType: releaseFiles.resourceType,
      size: releaseFiles.size,
      createdAt: releaseFiles.createdAt,
      removedAt: releaseFiles.removedAt,
      releaseId: releases.id,
      version: releases.version,
      releasedOn: releases.releasedOn,
      notes: releases.notes,
      publishedAt: releases.publishedAt,
      productId: products.id,
      productName: products.name,
    })
    .from(releaseFiles)
    .innerJoin(releases, eq(releases.id, releaseFiles.releaseId))
    .innerJoin(products, eq(products.id, releases.productId))
    .where(eq(releaseFiles.id, fileId));
  return row;
}

/** A release with its product, for the quick view. */
export async function findReleaseForPreview(db: Db, releaseId: string) {
  const [row] = await db
    .select({ id: releases.id, version: releases.version, releasedOn: releases.releasedOn, notes: releases.notes, publishedAt: releases.publishedAt, updatedAt: releases.updatedAt, productId: products.id, productName: products.name })
    .from(releases)
    .innerJoin(products, eq(products.id, releases.productId))
    .where(eq(releases.id, releaseId));
  return row;
}

/** A bulletin with its product and release, for the quick view. */
export async function findBulletinForPreview(db: Db, bulletinId: string) {
  const [row] = await db
    .select({ ...bulletinColumns, publishedOn: productBulletins.publishedOn })
    .from(productBulletins)
    .innerJoin(products, eq(products.id, productBulletins.productId))
    .leftJoin(releases, eq(releases.id, productBulletins.releaseId))
    .where(eq(productBulletins.id, bulletinId));
  return row;
}

/** A case with its site and product names, for the quick view. */
export async function findCaseForPreview(db: Db, caseId: string) {
  const result = await db.execute(sql`
    select c.id, c.organization_id as "organizationId", c.number, c.legacy_number as "legacyNumber", c.subject, c.description,
           c.resolution, c.language, c.status, c.updated_at as "updatedAt", c.created_at as "createdAt",
           s.name as "siteName", p.id as "productId", p.name as "productName"
      from cases c
      join sites s on s.id = c.site_id
      left join products p on p.id = c.product_id
     where c.id = ${caseId}::uuid`);
  return (result as unknown as { rows: CasePreviewRow[] }).rows[0];
}

export interface CasePreviewRow {
  id: string;
  organizationId: string;
  number: number;
  legacyNumber: string | null;
  subject: string;
  description: string;
  resolution: string | null;
  language: 'ko' | 'en';
  status: string;
  updatedAt: Date | string;
  createdAt: Date | string;
  siteName: string;
  productId: string | null;
  productName: string | null;
}

/** An article's product tags with their names. */
export function listArticleProducts(db: Db, articleId: string) {
  return db
    .select({ id: products.id, name: products.name })
    .from(articleProducts)
    .innerJoin(products, eq(products.id, articleProducts.productId))
    .where(eq(articleProducts.articleId, articleId))
    .orderBy(asc(products.name));
}

/** A site of the organization (among `siteIds`, null for any) where the product is licensed. */
export async function findLicensedSite(db: Db, organizationId: string, productId: string, siteIds: readonly string[] | null): Promise<string | null> {
  const sites = siteIds === null ? sql`` : sql` and site_id = any(${`{${siteIds.join(',')}}`}::uuid[])`;
  const result = await db.execute(sql`select site_id as "siteId" from entitlements where organization_id = ${organizationId}::uuid and product_id = ${productId}::uuid${sites} order by site_id limit 1`);
  return (result as unknown as { rows: { siteId: string }[] }).rows[0]?.siteId ?? null;
}
