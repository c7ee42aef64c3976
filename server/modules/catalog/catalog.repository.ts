import { and, asc, count, desc, eq, ilike, isNotNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { downloadEvents, entitlements, productComponents, productFamilies, products, releases } from '../../db/schema/index';
import type { Db } from '../../platform/db';

export type FamilyRow = typeof productFamilies.$inferSelect;
export type ProductRow = typeof products.$inferSelect;
export type ComponentRow = typeof productComponents.$inferSelect;

/** `%text%` for ILIKE, with the pattern characters of the text taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// ---- Families ----

/** Every product family in display order, with how many products each holds. */
export async function listFamiliesWithCounts(db: Db) {
  const counts = db
    .select({ familyId: products.familyId, productCount: sql<number>`count(*)::int`.as('product_count') })
    .from(products)
    .groupBy(products.familyId)
    .as('family_counts');
  return db
    .select({ family: productFamilies, productCount: sql<number>`coalesce(${counts.productCount}, 0)`.mapWith(Number) })
    .from(productFamilies)
    .leftJoin(counts, eq(counts.familyId, productFamilies.id))
    .orderBy(asc(productFamilies.sortOrder), asc(productFamilies.createdAt));
}

/** The family, if any. */
export async function findFamily(db: Db, id: string): Promise<FamilyRow | undefined> {
  const [row] = await db.select().from(productFamilies).where(eq(productFamilies.id, id)).limit(1);
  return row;
}

/** The display position after every family. */
export async function nextFamilySortOrder(db: Db): Promise<number> {
  const [row] = await db.select({ max: sql<number | null>`max(${productFamilies.sortOrder})` }).from(productFamilies);
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

/** Inserts a family. */
export async function insertFamily(db: Db, values: typeof productFamilies.$inferInsert): Promise<FamilyRow> {
  const [row] = await db.insert(productFamilies).values(values).returning();
  return row!;
}

/** Changes a family's names, descriptions or position. */
export async function updateFamily(db: Db, id: string, values: Partial<Pick<FamilyRow, 'name' | 'description' | 'sortOrder'>>, now: Date): Promise<FamilyRow> {
  const [row] = await db.update(productFamilies).set({ ...values, updatedAt: now }).where(eq(productFamilies.id, id)).returning();
  return row!;
}

/** Deletes a family (the caller checked it holds no products). */
export async function deleteFamilyRow(db: Db, id: string): Promise<void> {
  await db.delete(productFamilies).where(eq(productFamilies.id, id));
}

/** How many products the family holds. */
export async function countProductsOfFamily(db: Db, familyId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(products).where(eq(products.familyId, familyId));
  return Number(row?.n ?? 0);
}

// ---- Products ----

/** One product row of the console's list: the product, its family, and its release and download figures. */
export interface ProductListRow {
  product: ProductRow;
  family: Pick<FamilyRow, 'id' | 'name'>;
  releaseCount: number;
  latestVersion: string | null;
  downloadCount: number;
}

/**
 * Products with their family, release count, newest published version and download count, in a
 * fixed number of queries whatever the catalog's size: each figure is aggregated once per product.
 */
export async function listProductRows(db: Db, filters: { q?: string; familyId?: string; productId?: string }): Promise<ProductListRow[]> {
  const releaseStats = db
    .select({ productId: releases.productId, releaseCount: sql<number>`count(*)::int`.as('release_count') })
    .from(releases)
    .groupBy(releases.productId)
    .as('release_stats');
  const latest = db
    .selectDistinctOn([releases.productId], { productId: releases.productId, version: sql<string>`${releases.version}`.as('latest_version') })
    .from(releases)
    .where(isNotNull(releases.publishedAt))
    .orderBy(releases.productId, desc(releases.releasedOn), desc(releases.createdAt))
    .as('latest');
  const downloadStats = db
    .select({ productId: downloadEvents.productId, downloadCount: sql<number>`count(*)::int`.as('download_count') })
    .from(downloadEvents)
    .groupBy(downloadEvents.productId)
    .as('download_stats');

  const conditions: SQL[] = [];
  if (filters.productId) conditions.push(eq(products.id, filters.productId));
  if (filters.familyId) conditions.push(eq(products.familyId, filters.familyId));
  if (filters.q) {
    const pattern = containsPattern(filters.q);
    conditions.push(or(ilike(products.name, pattern), ilike(products.description, pattern))!);
  }
  const rows = await db
    .select({
      product: products,
      family: { id: productFamilies.id, name: productFamilies.name },
      releaseCount: sql<number>`coalesce(${releaseStats.releaseCount}, 0)`.mapWith(Number),
      latestVersion: latest.version,
      downloadCount: sql<number>`coalesce(${downloadStats.downloadCount}, 0)`.mapWith(Number),
    })
    .from(products)
    .innerJoin(productFamilies, eq(productFamilies.id, products.familyId))
    .leftJoin(releaseStats, eq(releaseStats.productId, products.id))
    .leftJoin(latest, eq(latest.productId, products.id))
    .leftJoin(downloadStats, eq(downloadStats.productId, products.id))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(sql`lower(${products.name})`, asc(products.id));
  return rows.map((row) => ({ ...row, latestVersion: row.latestVersion ?? null }));
}

/** The product, if any. */
export async function findProduct(db: Db, id: string): Promise<ProductRow | undefined> {
  const [row] = await db.select().from(products).where(eq(products.id, id)).limit(1);
  return row;
}

/** The product, locked against concurrent changes (agreement versions, deletion) until the transaction ends. */
export async function lockProduct(db: Db, id: string): Promise<ProductRow | undefined> {
  const [row] = await db.select().from(products).where(eq(products.id, id)).for('update').limit(1);
  return row;
}

/** True when another product already has this name, ignoring case. */
export async function isProductNameTaken(db: Db, name: string, exceptId?: string): Promise<boolean> {
  const [row] = await db
    .select({ id: products.id })
    .from(products)
    .where(and(sql`lower(${products.name}) = lower(${name})`, exceptId ? ne(products.id, exceptId) : undefined))
    .limit(1);
  return row !== undefined;
}

/** Inserts a product; undefined when the name is taken (a concurrent insert won). */
export async function insertProduct(db: Db, values: { familyId: string; name: string; description: string }): Promise<ProductRow | undefined> {
  const [row] = await db.insert(products).values(values).onConflictDoNothing().returning();
  return row;
}

/** Changes a product's family, name or description. */
export async function updateProduct(db: Db, id: string, values: Partial<Pick<ProductRow, 'familyId' | 'name' | 'description'>>, now: Date): Promise<ProductRow> {
  const [row] = await db.update(products).set({ ...values, updatedAt: now }).where(eq(products.id, id)).returning();
  return row!;
}

/** Deletes a product with its components, releases, files, bulletins and agreements (cascade). */
export async function deleteProductRow(db: Db, id: string): Promise<void> {
  await db.delete(products).where(eq(products.id, id));
}

/**
 * How many entitlements (sites licensed for it) name the product. A read of the entitlements
 * module's table, for the one check that a product still licensed cannot be deleted.
 */
export async function countEntitlementsOfProduct(db: Db, productId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(entitlements).where(eq(entitlements.productId, productId));
  return Number(row?.n ?? 0);
}

// ---- Components ----

/** The product's components in display order. */
export async function listComponents(db: Db, productId: string): Promise<ComponentRow[]> {
  return db.select().from(productComponents).where(eq(productComponents.productId, productId)).orderBy(asc(productComponents.sortOrder), asc(productComponents.createdAt));
}

/** The component, if any. */
export async function findComponent(db: Db, id: string): Promise<ComponentRow | undefined> {
  const [row] = await db.select().from(productComponents).where(eq(productComponents.id, id)).limit(1);
  return row;
}

/** Inserts a component after the product's others. */
export async function insertComponent(db: Db, values: Omit<typeof productComponents.$inferInsert, 'sortOrder'>): Promise<ComponentRow> {
  const [row] = await db
    .insert(productComponents)
    .values({
      ...values,
      sortOrder: sql`(select coalesce(max(${productComponents.sortOrder}) + 1, 0) from ${productComponents} where ${productComponents.productId} = ${values.productId})`,
    })
    .returning();
  return row!;
}

/** Changes a component's name, description or requirements. */
export async function updateComponent(db: Db, id: string, values: Partial<Pick<ComponentRow, 'name' | 'description' | 'requirements'>>): Promise<ComponentRow> {
  const [row] = await db.update(productComponents).set(values).where(eq(productComponents.id, id)).returning();
  return row!;
}

/** Deletes a component. */
export async function deleteComponentRow(db: Db, id: string): Promise<void> {
  await db.delete(productComponents).where(eq(productComponents.id, id));
}
