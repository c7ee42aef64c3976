import { and, asc, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { articleAttachments, caseAttachments, downloadEvents, licenseAgreements, productBulletins, releaseFiles, releases } from '../../db/schema/index';
import type { Db } from '../../platform/db';

export type ReleaseRow = typeof releases.$inferSelect;
export type ReleaseFileRow = typeof releaseFiles.$inferSelect;
export type BulletinRow = typeof productBulletins.$inferSelect;
export type AgreementRow = typeof licenseAgreements.$inferSelect;

// ---- Releases ----

/** The product's releases, newest first (by release date, then creation), drafts included. */
export async function listReleases(db: Db, productId: string): Promise<ReleaseRow[]> {
  return db.select().from(releases).where(eq(releases.productId, productId)).orderBy(desc(releases.releasedOn), desc(releases.createdAt));
}

/** The release, if any. */
export async function findRelease(db: Db, id: string): Promise<ReleaseRow | undefined> {
  const [row] = await db.select().from(releases).where(eq(releases.id, id)).limit(1);
  return row;
}

/** True when another release of the product already has this version, ignoring case. */
export async function isVersionTaken(db: Db, productId: string, version: string, exceptId?: string): Promise<boolean> {
  const [row] = await db
    .select({ id: releases.id })
    .from(releases)
    .where(and(eq(releases.productId, productId), sql`lower(${releases.version}) = lower(${version})`, exceptId ? ne(releases.id, exceptId) : undefined))
    .limit(1);
  return row !== undefined;
}

/** Inserts a draft release; undefined when the version is taken (a concurrent insert won). */
export async function insertRelease(db: Db, values: { productId: string; version: string; releasedOn: string; notes: string }): Promise<ReleaseRow | undefined> {
  const [row] = await db.insert(releases).values(values).onConflictDoNothing().returning();
  return row;
}

/** Changes a release's version, date, notes or publication time. */
export async function updateRelease(db: Db, id: string, values: Partial<Pick<ReleaseRow, 'version' | 'releasedOn' | 'notes' | 'publishedAt'>>, now: Date): Promise<ReleaseRow> {
  const [row] = await db.update(releases).set({ ...values, updatedAt: now }).where(eq(releases.id, id)).returning();
  return row!;
}

/** Deletes a release with its files' rows (cascade). */
export async function deleteReleaseRow(db: Db, id: string): Promise<void> {
  await db.delete(releases).where(eq(releases.id, id));
}

// ---- Files ----

/** The files of these releases, removed ones included, in upload order. */
export async function listFilesOfReleases(db: Db, releaseIds: string[]): Promise<ReleaseFileRow[]> {
  if (releaseIds.length === 0) return [];
  return db.select().from(releaseFiles).where(inArray(releaseFiles.releaseId, releaseIds)).orderBy(asc(releaseFiles.createdAt), asc(releaseFiles.fileName));
}

/** The SHA-256 of every file of the releases of a product, removed or not (for reclaiming blobs). */
export async function listFileHashesOfProduct(db: Db, productId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ sha256: releaseFiles.sha256 })
    .from(releaseFiles)
    .innerJoin(releases, eq(releases.id, releaseFiles.releaseId))
    .where(eq(releases.productId, productId));
  return rows.map((r) => r.sha256);
}

/** The file with its release, if any. */
export async function findFileWithRelease(db: Db, id: string): Promise<{ file: ReleaseFileRow; release: ReleaseRow } | undefined> {
  const [row] = await db.select({ file: releaseFiles, release: releases }).from(releaseFiles).innerJoin(releases, eq(releases.id, releaseFiles.releaseId)).where(eq(releaseFiles.id, id)).limit(1);
  return row;
}

/** Inserts a file row. */
export async function insertReleaseFile(db: Db, values: typeof releaseFiles.$inferInsert): Promise<ReleaseFileRow> {
  const [row] = await db.insert(releaseFiles).values(values).returning();
  return row!;
}

/** Marks a file removed; its row stays so downloads can answer 410. */
export async function markFileRemoved(db: Db, id: string, now: Date): Promise<void> {
  await db.update(releaseFiles).set({ removedAt: now }).where(eq(releaseFiles.id, id));
}

/** True when a file row not removed still holds these bytes, or a case or article attachment does (the store is shared). */
export async function isBlobReferenced(db: Db, sha256: string): Promise<boolean> {
  const [row] = await db
    .select({ id: releaseFiles.id })
    .from(releaseFiles)
    .where(and(eq(releaseFiles.sha256, sha256), isNull(releaseFiles.removedAt)))
    .limit(1);
  if (row !== undefined) return true;
  const [attachment] = await db.select({ id: caseAttachments.id }).from(caseAttachments).where(eq(caseAttachments.sha256, sha256)).limit(1);
  if (attachment !== undefined) return true;
  const [articleFile] = await db.select({ id: articleAttachments.id }).from(articleAttachments).where(eq(articleAttachments.sha256, sha256)).limit(1);
  return articleFile !== undefined;
}

/**
 * Serializes the changes to one blob until the transaction ends: a file stored and a file removed
 * with the same bytes cannot cross (the removal would delete bytes the new row points to).
 */
export async function lockBlob(db: Db, sha256: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`blob:${sha256}`}, 0))`);
}

// ---- Download counts ----

/** Downloads of a product's files, counted per file. */
export async function countDownloadsByFile(db: Db, productId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ fileId: downloadEvents.fileId, n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(downloadEvents)
    .where(eq(downloadEvents.productId, productId))
    .groupBy(downloadEvents.fileId);
  return new Map(rows.map((r) => [r.fileId, r.n]));
}

/** Downloads of a product's files, counted per release. */
export async function countDownloadsByRelease(db: Db, productId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ releaseId: downloadEvents.releaseId, n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(downloadEvents)
    .where(eq(downloadEvents.productId, productId))
    .groupBy(downloadEvents.releaseId);
  return new Map(rows.map((r) => [r.releaseId, r.n]));
}

// ---- Bulletins ----

/** The product's bulletins, newest first. */
export async function listBulletins(db: Db, productId: string): Promise<BulletinRow[]> {
  return db.select().from(productBulletins).where(eq(productBulletins.productId, productId)).orderBy(desc(productBulletins.publishedOn), desc(productBulletins.createdAt));
}

/** The bulletin, if any. */
export async function findBulletin(db: Db, id: string): Promise<BulletinRow | undefined> {
  const [row] = await db.select().from(productBulletins).where(eq(productBulletins.id, id)).limit(1);
  return row;
}

/** Inserts a bulletin. */
export async function insertBulletin(db: Db, values: typeof productBulletins.$inferInsert): Promise<BulletinRow> {
  const [row] = await db.insert(productBulletins).values(values).returning();
  return row!;
}

/** Changes a bulletin. */
export async function updateBulletin(
  db: Db,
  id: string,
  values: Partial<Pick<BulletinRow, 'kind' | 'title' | 'body' | 'url' | 'releaseId' | 'publishedOn'>>,
  now: Date,
): Promise<BulletinRow> {
  const [row] = await db.update(productBulletins).set({ ...values, updatedAt: now }).where(eq(productBulletins.id, id)).returning();
  return row!;
}

/** Deletes a bulletin. */
export async function deleteBulletinRow(db: Db, id: string): Promise<void> {
  await db.delete(productBulletins).where(eq(productBulletins.id, id));
}

// ---- Licence agreements ----

/** The product's agreement versions, newest first. */
export async function listAgreements(db: Db, productId: string): Promise<AgreementRow[]> {
  return db.select().from(licenseAgreements).where(eq(licenseAgreements.productId, productId)).orderBy(desc(licenseAgreements.version));
}

/** Inserts the next version of the product's agreement (the caller holds the product's lock). */
export async function insertNextAgreement(db: Db, values: { productId: string; title: string; body: string; createdBy: string | null }): Promise<AgreementRow> {
  const [row] = await db
    .insert(licenseAgreements)
    .values({
      ...values,
      version: sql`(select coalesce(max(${licenseAgreements.version}), 0) + 1 from ${licenseAgreements} where ${licenseAgreements.productId} = ${values.productId})`,
    })
    .returning();
  return row!;
}
