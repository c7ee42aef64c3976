import { and, asc, desc, inArray, isNotNull, eq } from 'drizzle-orm';
import { productFamilies, products, releases, type LocalizedText } from '../../db/schema/index';
import type { Db } from '../../platform/db';

/** A product with its family, as the wizard offers it. */
export interface WizardProductRow {
  productId: string;
  productName: string;
  familyId: string;
  familyName: LocalizedText;
  familySortOrder: number;
}

/** These products with their families, in family order then by name. */
export function listProductsWithFamilies(db: Db, productIds: readonly string[]): Promise<WizardProductRow[]> {
  if (productIds.length === 0) return Promise.resolve([]);
  return db
    .select({ productId: products.id, productName: products.name, familyId: productFamilies.id, familyName: productFamilies.name, familySortOrder: productFamilies.sortOrder })
    .from(products)
    .innerJoin(productFamilies, eq(productFamilies.id, products.familyId))
    .where(inArray(products.id, [...new Set(productIds)]))
    .orderBy(asc(productFamilies.sortOrder), asc(productFamilies.id), asc(products.name), asc(products.id));
}

/** The published releases of these products, newest first. */
export function listPublishedVersions(db: Db, productIds: readonly string[]): Promise<{ id: string; productId: string; version: string }[]> {
  if (productIds.length === 0) return Promise.resolve([]);
  return db
    .select({ id: releases.id, productId: releases.productId, version: releases.version })
    .from(releases)
    .where(and(inArray(releases.productId, [...new Set(productIds)]), isNotNull(releases.publishedAt)))
    .orderBy(desc(releases.releasedOn), desc(releases.createdAt), desc(releases.id));
}
