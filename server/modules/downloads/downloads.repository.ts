import { eq } from 'drizzle-orm';
import { downloadEvents, products, releaseFiles, releases } from '../../db/schema/index';
import type { Db } from '../../platform/db';

/** A file with its release and product, removed or not, whatever the release's state; undefined when unknown. */
export async function findReleaseFile(db: Db, fileId: string) {
  const [row] = await db
    .select({
      id: releaseFiles.id,
      fileName: releaseFiles.fileName,
      contentType: releaseFiles.contentType,
      resourceType: releaseFiles.resourceType,
      size: releaseFiles.size,
      sha256: releaseFiles.sha256,
      createdAt: releaseFiles.createdAt,
      removedAt: releaseFiles.removedAt,
      release: { id: releases.id, version: releases.version, publishedAt: releases.publishedAt },
      product: { id: products.id, name: products.name },
    })
    .from(releaseFiles)
    .innerJoin(releases, eq(releases.id, releaseFiles.releaseId))
    .innerJoin(products, eq(products.id, releases.productId))
    .where(eq(releaseFiles.id, fileId))
    .limit(1);
  return row;
}
export type ReleaseFileRow = NonNullable<Awaited<ReturnType<typeof findReleaseFile>>>;

/** Records one download: who, which file of which release and product, for which site, when and from where. */
export async function insertDownloadEvent(db: Db, values: typeof downloadEvents.$inferInsert): Promise<void> {
  await db.insert(downloadEvents).values(values);
}
