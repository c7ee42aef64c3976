import { and, asc, desc, eq, ilike, isNotNull, isNull, or, type SQL } from 'drizzle-orm';
import type { ResourceType } from '../../../common/schemas/products';
import {
  agreementAcceptances,
  entitlements,
  licenseAgreements,
  productBulletins,
  productComponents,
  productDisplayNames,
  productFamilies,
  products,
  releaseFiles,
  releases,
  sites,
  type SystemRequirements,
} from '../../db/schema/index';
import type { Db } from '../../platform/db';

/** `%text%` for ILIKE, with the pattern characters of the text taken literally. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface ComponentRow {
  id: string;
  name: string;
  description: string;
  requirements: SystemRequirements;
}

/** A product with its family, and the site's entitlement to it, or undefined when not licensed. */
export async function findLicensedProduct(db: Db, siteId: string, productId: string, userId: string) {
  const [row] = await db
    .select({
      entitlementId: entitlements.id,
      quantity: entitlements.quantity,
      site: { id: sites.id, name: sites.name },
      product: { id: products.id, name: products.name, description: products.description },
      family: { id: productFamilies.id, name: productFamilies.name },
      displayName: productDisplayNames.displayName,
    })
    .from(entitlements)
    .innerJoin(sites, eq(sites.id, entitlements.siteId))
    .innerJoin(products, eq(products.id, entitlements.productId))
    .innerJoin(productFamilies, eq(productFamilies.id, products.familyId))
    .leftJoin(productDisplayNames, and(eq(productDisplayNames.entitlementId, entitlements.id), eq(productDisplayNames.userId, userId)))
    .where(and(eq(entitlements.siteId, siteId), eq(entitlements.productId, productId)))
    .limit(1);
  return row;
}

/** A product's components in their order. */
export function listComponents(db: Db, productId: string): Promise<ComponentRow[]> {
  return db
    .select({ id: productComponents.id, name: productComponents.name, description: productComponents.description, requirements: productComponents.requirements })
    .from(productComponents)
    .where(eq(productComponents.productId, productId))
    .orderBy(asc(productComponents.sortOrder), asc(productComponents.name));
}

const newestFirst = [desc(releases.releasedOn), desc(releases.createdAt)] as const;

/** A product's published releases, newest first. */
export function listPublishedReleases(db: Db, productId: string) {
  return db
    .select({ id: releases.id, version: releases.version, releasedOn: releases.releasedOn, notes: releases.notes })
    .from(releases)
    .where(and(eq(releases.productId, productId), isNotNull(releases.publishedAt)))
    .orderBy(...newestFirst);
}

/** A product's bulletins, newest first: those of the product and those of its published releases. */
export function listBulletins(db: Db, productId: string) {
  return db
    .select({
      id: productBulletins.id,
      kind: productBulletins.kind,
      title: productBulletins.title,
      body: productBulletins.body,
      url: productBulletins.url,
      publishedOn: productBulletins.publishedOn,
      releaseId: releases.id,
      releaseVersion: releases.version,
    })
    .from(productBulletins)
    .leftJoin(releases, eq(releases.id, productBulletins.releaseId))
    .where(and(eq(productBulletins.productId, productId), or(isNull(productBulletins.releaseId), isNotNull(releases.publishedAt))))
    .orderBy(desc(productBulletins.publishedOn), desc(productBulletins.createdAt));
}

/** The version of the product's licence agreement in force (the newest), if it has one. */
export async function findCurrentAgreement(db: Db, productId: string) {
  const [row] = await db
    .select({ id: licenseAgreements.id, version: licenseAgreements.version, title: licenseAgreements.title, body: licenseAgreements.body })
    .from(licenseAgreements)
    .where(eq(licenseAgreements.productId, productId))
    .orderBy(desc(licenseAgreements.version))
    .limit(1);
  return row;
}

/** True when the user has accepted this agreement version. */
export async function hasAcceptedAgreement(db: Db, userId: string, agreementId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: agreementAcceptances.id })
    .from(agreementAcceptances)
    .where(and(eq(agreementAcceptances.userId, userId), eq(agreementAcceptances.agreementId, agreementId)))
    .limit(1);
  return row !== undefined;
}

/** Records "I agree": who, which version, for which organization, from where; the time is the clock's. */
export async function insertAgreementAcceptance(db: Db, values: { agreementId: string; userId: string; organizationId: string; ip: string | null; acceptedAt: Date }) {
  const [row] = await db.insert(agreementAcceptances).values(values).returning();
  return row!;
}

/** Sets the member's own name for a licensed product. */
export async function upsertDisplayName(db: Db, values: { userId: string; entitlementId: string; displayName: string; updatedAt: Date }): Promise<void> {
  await db
    .insert(productDisplayNames)
    .values(values)
    .onConflictDoUpdate({ target: [productDisplayNames.userId, productDisplayNames.entitlementId], set: { displayName: values.displayName, updatedAt: values.updatedAt } });
}

/** Clears the member's own name for a licensed product. */
export async function deleteDisplayName(db: Db, userId: string, entitlementId: string): Promise<void> {
  await db.delete(productDisplayNames).where(and(eq(productDisplayNames.userId, userId), eq(productDisplayNames.entitlementId, entitlementId)));
}

/** The newest published release of a product, if any. */
export async function findCurrentRelease(db: Db, productId: string) {
  const [row] = await db
    .select({ id: releases.id })
    .from(releases)
    .where(and(eq(releases.productId, productId), isNotNull(releases.publishedAt)))
    .orderBy(...newestFirst)
    .limit(1);
  return row;
}

/** The live files of a product's published releases (or of one release), filtered, newest release first. */
export function listReleaseFiles(db: Db, productId: string, filter: { releaseId?: string | undefined; resourceType?: ResourceType | undefined; q?: string | undefined }) {
  const conditions: SQL[] = [eq(releases.productId, productId), isNotNull(releases.publishedAt), isNull(releaseFiles.removedAt)];
  if (filter.releaseId) conditions.push(eq(releases.id, filter.releaseId));
  if (filter.resourceType) conditions.push(eq(releaseFiles.resourceType, filter.resourceType));
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    conditions.push(or(ilike(releaseFiles.fileName, pattern), ilike(releases.version, pattern))!);
  }
  return db
    .select({
      id: releaseFiles.id,
      fileName: releaseFiles.fileName,
      contentType: releaseFiles.contentType,
      resourceType: releaseFiles.resourceType,
      size: releaseFiles.size,
      sha256: releaseFiles.sha256,
      createdAt: releaseFiles.createdAt,
      release: { id: releases.id, version: releases.version, releasedOn: releases.releasedOn },
    })
    .from(releaseFiles)
    .innerJoin(releases, eq(releases.id, releaseFiles.releaseId))
    .where(and(...conditions))
    .orderBy(...newestFirst, asc(releaseFiles.resourceType), asc(releaseFiles.fileName));
}
