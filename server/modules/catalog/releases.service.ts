import type {
  Agreement,
  AgreementList,
  Bulletin,
  CreateAgreementBody,
  CreateBulletinBody,
  CreateReleaseBody,
  Release,
  ReleaseFile,
  ReleaseWithFiles,
  UpdateBulletinBody,
  UpdateReleaseBody,
} from '../../../common/schemas/catalog';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import type { RequestOrigin, ServiceContext } from '../../platform/context';
import { readAll, type Db } from '../../platform/db';
import { badRequest, conflict, notFound } from '../../platform/errors';
import { queueSearchIndex } from '../search/search-index';
import { catalogAudit, changedFields, mapUniqueViolation } from './catalog-support';
import { findProduct, lockProduct } from './catalog.repository';
import { reclaimBlobs } from './files.service';
import {
  countDownloadsByFile,
  countDownloadsByRelease,
  deleteBulletinRow,
  deleteReleaseRow,
  findBulletin,
  findRelease,
  insertBulletin,
  insertNextAgreement,
  insertRelease,
  isVersionTaken,
  listAgreements,
  listFilesOfReleases,
  listReleases,
  updateBulletin,
  updateRelease,
  type AgreementRow,
  type BulletinRow,
  type ReleaseFileRow,
  type ReleaseRow,
} from './releases.repository';

function presentRelease(row: ReleaseRow): Release {
  return {
    id: row.id,
    productId: row.productId,
    version: row.version,
    releasedOn: row.releasedOn,
    notes: row.notes,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function presentFile(row: ReleaseFileRow, downloadCount: number): ReleaseFile {
  return {
    id: row.id,
    fileName: row.fileName,
    resourceType: row.resourceType,
    contentType: row.contentType,
    size: row.size,
    sha256: row.sha256,
    createdAt: row.createdAt.toISOString(),
    removedAt: row.removedAt?.toISOString() ?? null,
    downloadCount,
  };
}

/** A bulletin as the API shows it. */
export function presentBulletin(row: BulletinRow): Bulletin {
  return {
    id: row.id,
    productId: row.productId,
    releaseId: row.releaseId,
    kind: row.kind,
    title: row.title,
    body: row.body,
    url: row.url,
    publishedOn: row.publishedOn,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** An agreement version as the API shows it; `inForce` for the newest. */
export function presentAgreement(row: AgreementRow, inForce: boolean): Agreement {
  return { id: row.id, productId: row.productId, version: row.version, title: row.title, body: row.body, createdAt: row.createdAt.toISOString(), inForce };
}

/** A product's releases, newest first and drafts included, each with its files and download counts. */
export async function getProductReleases(ctx: ServiceContext, productId: string): Promise<ReleaseWithFiles[]> {
  const releases = await listReleases(ctx.db, productId);
  const [files, byFile, byRelease] = await readAll(ctx.db, [
    () => listFilesOfReleases(ctx.db, releases.map((r) => r.id)),
    () => countDownloadsByFile(ctx.db, productId),
    () => countDownloadsByRelease(ctx.db, productId),
  ]);
  return releases.map((release) => ({
    ...presentRelease(release),
    downloadCount: byRelease.get(release.id) ?? 0,
    files: files.filter((f) => f.releaseId === release.id).map((f) => presentFile(f, byFile.get(f.id) ?? 0)),
  }));
}

async function getRelease(db: Db, releaseId: string): Promise<ReleaseRow> {
  const row = await findRelease(db, releaseId);
  if (!row) throw notFound('catalog.not_found');
  return row;
}

// ---- Releases ----

/** Adds a draft release to a product; versions are unique per product ignoring case (409 `catalog.version_taken`). */
export async function createRelease(ctx: ServiceContext, actor: Actor, productId: string, body: CreateReleaseBody, origin: RequestOrigin): Promise<Release> {
  return mapUniqueViolation('catalog.version_taken', () =>
    ctx.db.transaction(async (tx) => {
      if (!(await lockProduct(tx, productId))) throw notFound('catalog.not_found');
      if (await isVersionTaken(tx, productId, body.version)) throw conflict('catalog.version_taken');
      const row = await insertRelease(tx, { productId, version: body.version, releasedOn: body.releasedOn, notes: body.notes });
      if (!row) throw conflict('catalog.version_taken');
      await recordAudit(tx, {
        ...catalogAudit(actor, origin, 'release', row.id),
        action: 'catalog.release.created',
        details: { productId, before: null, after: { version: row.version, releasedOn: row.releasedOn } },
      });
      await queueSearchIndex(tx, { kind: 'release', id: row.id });
      return presentRelease(row);
    }),
  );
}

/** Changes a release's version, date or notes (drafts and published ones alike). */
export async function changeRelease(ctx: ServiceContext, actor: Actor, releaseId: string, input: UpdateReleaseBody, origin: RequestOrigin): Promise<Release> {
  return mapUniqueViolation('catalog.version_taken', () =>
    ctx.db.transaction(async (tx) => {
      const current = await getRelease(tx, releaseId);
      const changes = changedFields(current, input);
      if (!changes) return presentRelease(current);
      if (changes.after.version !== undefined && (await isVersionTaken(tx, current.productId, changes.after.version, releaseId))) throw conflict('catalog.version_taken');
      const row = await updateRelease(tx, releaseId, changes.after, ctx.clock.now());
      await recordAudit(tx, { ...catalogAudit(actor, origin, 'release', releaseId), action: 'catalog.release.updated', details: { productId: current.productId, ...changes } });
      await queueSearchIndex(tx, { kind: 'release', id: releaseId });
      return presentRelease(row);
    }),
  );
}

/** Publishes a draft: customers entitled to the product see it from now on. Publishing again changes nothing. */
export async function publishRelease(ctx: ServiceContext, actor: Actor, releaseId: string, origin: RequestOrigin): Promise<Release> {
  return ctx.db.transaction(async (tx) => {
    const current = await getRelease(tx, releaseId);
    if (current.publishedAt) return presentRelease(current);
    const now = ctx.clock.now();
    const row = await updateRelease(tx, releaseId, { publishedAt: now }, now);
    await recordAudit(tx, {
      ...catalogAudit(actor, origin, 'release', releaseId),
      action: 'catalog.release.published',
      details: { productId: current.productId, version: current.version, publishedAt: now.toISOString() },
    });
    await queueSearchIndex(tx, { kind: 'release', id: releaseId });
    return presentRelease(row);
  });
}

/** Deletes a draft release with its files (409 `catalog.release_published` once published); bytes no other file holds are reclaimed. */
export async function deleteRelease(ctx: ServiceContext, actor: Actor, releaseId: string, origin: RequestOrigin): Promise<void> {
  const hashes = await ctx.db.transaction(async (tx) => {
    const current = await getRelease(tx, releaseId);
    if (current.publishedAt) throw conflict('catalog.release_published');
    const files = await listFilesOfReleases(tx, [releaseId]);
    await deleteReleaseRow(tx, releaseId);
    await recordAudit(tx, {
      ...catalogAudit(actor, origin, 'release', releaseId),
      action: 'catalog.release.deleted',
      details: { productId: current.productId, before: { version: current.version, files: files.map((f) => f.fileName) }, after: null },
    });
    await queueSearchIndex(tx, { kind: 'release', id: releaseId });
    return [...new Set(files.map((f) => f.sha256))];
  });
  await reclaimBlobs(ctx, hashes);
}

// ---- Bulletins ----

/** A release given for a bulletin must be one of the product's (400 `catalog.wrong_product`). */
async function checkBulletinRelease(db: Db, productId: string, releaseId: string | null | undefined): Promise<void> {
  if (!releaseId) return;
  const release = await findRelease(db, releaseId);
  if (!release || release.productId !== productId) throw badRequest('catalog.wrong_product', { fieldErrors: { releaseId: ['catalog.wrong_product'] } });
}

/** Adds a notice, known issue or related document to a product, optionally about one release. */
export async function createBulletin(ctx: ServiceContext, actor: Actor, productId: string, body: CreateBulletinBody, origin: RequestOrigin): Promise<Bulletin> {
  return ctx.db.transaction(async (tx) => {
    if (!(await findProduct(tx, productId))) throw notFound('catalog.not_found');
    await checkBulletinRelease(tx, productId, body.releaseId);
    const row = await insertBulletin(tx, {
      productId,
      kind: body.kind,
      title: body.title,
      body: body.body,
      url: body.url ?? null,
      releaseId: body.releaseId ?? null,
      publishedOn: body.publishedOn,
    });
    await recordAudit(tx, {
      ...catalogAudit(actor, origin, 'bulletin', row.id),
      action: 'catalog.bulletin.created',
      details: { productId, before: null, after: { kind: row.kind, title: row.title, releaseId: row.releaseId, publishedOn: row.publishedOn } },
    });
    await queueSearchIndex(tx, { kind: 'bulletin', id: row.id });
    return presentBulletin(row);
  });
}

/** Changes a bulletin. */
export async function changeBulletin(ctx: ServiceContext, actor: Actor, bulletinId: string, input: UpdateBulletinBody, origin: RequestOrigin): Promise<Bulletin> {
  return ctx.db.transaction(async (tx) => {
    const current = await findBulletin(tx, bulletinId);
    if (!current) throw notFound('catalog.not_found');
    await checkBulletinRelease(tx, current.productId, input.releaseId);
    const changes = changedFields(current, input);
    if (!changes) return presentBulletin(current);
    const row = await updateBulletin(tx, bulletinId, changes.after, ctx.clock.now());
    await recordAudit(tx, { ...catalogAudit(actor, origin, 'bulletin', bulletinId), action: 'catalog.bulletin.updated', details: { productId: current.productId, ...changes } });
    await queueSearchIndex(tx, { kind: 'bulletin', id: bulletinId });
    return presentBulletin(row);
  });
}

/** Deletes a bulletin. */
export async function deleteBulletin(ctx: ServiceContext, actor: Actor, bulletinId: string, origin: RequestOrigin): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const current = await findBulletin(tx, bulletinId);
    if (!current) throw notFound('catalog.not_found');
    await deleteBulletinRow(tx, bulletinId);
    await recordAudit(tx, {
      ...catalogAudit(actor, origin, 'bulletin', bulletinId),
      action: 'catalog.bulletin.deleted',
      details: { productId: current.productId, before: { kind: current.kind, title: current.title }, after: null },
    });
    await queueSearchIndex(tx, { kind: 'bulletin', id: bulletinId });
  });
}

// ---- Licence agreements ----

/** The versions of a product's licence agreement, newest (in force) first. */
export async function listProductAgreements(ctx: ServiceContext, productId: string): Promise<AgreementList> {
  if (!(await findProduct(ctx.db, productId))) throw notFound('catalog.not_found');
  const rows = await listAgreements(ctx.db, productId);
  return { items: rows.map((row, index) => presentAgreement(row, index === 0)) };
}

/** Publishes the next version of a product's licence agreement; it is in force at once (customers agree again). */
export async function publishAgreement(ctx: ServiceContext, actor: Actor, productId: string, body: CreateAgreementBody, origin: RequestOrigin): Promise<Agreement> {
  return ctx.db.transaction(async (tx) => {
    // The product's lock serializes versions: two publications cannot both take the next number.
    if (!(await lockProduct(tx, productId))) throw notFound('catalog.not_found');
    const row = await insertNextAgreement(tx, { productId, title: body.title, body: body.body, createdBy: actor.userId });
    await recordAudit(tx, {
      ...catalogAudit(actor, origin, 'license_agreement', row.id),
      action: 'catalog.agreement.published',
      details: { productId, version: row.version, title: row.title },
    });
    return presentAgreement(row, true);
  });
}
