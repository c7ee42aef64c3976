import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { asc } from 'drizzle-orm';
import {
  entitlements,
  licenseAgreements,
  productBulletins,
  productComponents,
  productFamilies,
  products,
  releaseFiles,
  releases,
  supportContracts,
  type RESOURCE_TYPES,
  type BULLETIN_KINDS,
  type CONTRACT_TIERS,
} from '../db/schema/index';
import type { ServiceContext } from '../platform/context';
import { buildSite } from './factories';

/**
 * Builders for the catalog (issue 5): products, releases, files, agreements, and a site's
 * entitlements and support contracts. Like `factories.ts`, each makes a valid record and creates
 * any missing parent; tests, the demo data and the bench use them.
 */

const unique = () => randomUUID().slice(0, 8);
const DAY_MS = 86_400_000;

/** An ISO date `days` from `now` (negative: in the past). */
export function isoDateFrom(now: Date, days: number): string {
  return new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** The first product family (Storage, from the migration) unless one is named. */
export async function firstFamilyId(ctx: ServiceContext): Promise<string> {
  const [family] = await ctx.db.select({ id: productFamilies.id }).from(productFamilies).orderBy(asc(productFamilies.sortOrder)).limit(1);
  if (!family) throw new Error('no product family: migrations seed four');
  return family.id;
}

export async function buildProduct(ctx: ServiceContext, overrides: { name?: string; familyId?: string; description?: string } = {}) {
  const [row] = await ctx.db
    .insert(products)
    .values({ name: overrides.name ?? `Product ${unique()}`, familyId: overrides.familyId ?? (await firstFamilyId(ctx)), description: overrides.description ?? '' })
    .returning();
  return row!;
}

export async function buildComponent(ctx: ServiceContext, overrides: { productId?: string; name?: string } = {}) {
  const productId = overrides.productId ?? (await buildProduct(ctx)).id;
  const [row] = await ctx.db
    .insert(productComponents)
    .values({
      productId,
      name: overrides.name ?? `Component ${unique()}`,
      requirements: { os: 'Windows Server 2019 or later', cpu: '4 cores', memory: '16 GB', disk: '100 GB', prerequisites: '.NET Framework 4.8' },
    })
    .returning();
  return row!;
}

/** A release, published unless `published: false`. */
export async function buildRelease(
  ctx: ServiceContext,
  overrides: { productId?: string; version?: string; releasedOn?: string; notes?: string; published?: boolean } = {},
) {
  const productId = overrides.productId ?? (await buildProduct(ctx)).id;
  const [row] = await ctx.db
    .insert(releases)
    .values({
      productId,
      version: overrides.version ?? `1.${Math.floor(Math.random() * 1000)}.${unique().slice(0, 3)}`,
      releasedOn: overrides.releasedOn ?? isoDateFrom(ctx.clock.now(), -30),
      notes: overrides.notes ?? '',
      publishedAt: overrides.published === false ? null : ctx.clock.now(),
    })
    .returning();
  return row!;
}

/** A file of a release, its bytes stored in the context's blob store. */
export async function buildReleaseFile(
  ctx: ServiceContext,
  overrides: { releaseId?: string; resourceType?: (typeof RESOURCE_TYPES)[number]; fileName?: string; contentType?: string; content?: Buffer } = {},
) {
  const releaseId = overrides.releaseId ?? (await buildRelease(ctx)).id;
  const content = overrides.content ?? Buffer.from(`file ${unique()}\n`);
  const staged = await ctx.blobs.stage(Readable.from([content]), { maxBytes: Number.MAX_SAFE_INTEGER });
  await staged.commit();
  const [row] = await ctx.db
    .insert(releaseFiles)
    .values({
      releaseId,
      resourceType: overrides.resourceType ?? 'software',
      fileName: overrides.fileName ?? `setup-${unique()}.bin`,
      contentType: overrides.contentType ?? 'application/octet-stream',
      size: staged.size,
      sha256: staged.sha256,
    })
    .returning();
  return row!;
}

export async function buildBulletin(
  ctx: ServiceContext,
  overrides: { productId?: string; releaseId?: string | null; kind?: (typeof BULLETIN_KINDS)[number]; title?: string; body?: string } = {},
) {
  const productId = overrides.productId ?? (await buildProduct(ctx)).id;
  const [row] = await ctx.db
    .insert(productBulletins)
    .values({
      productId,
      releaseId: overrides.releaseId ?? null,
      kind: overrides.kind ?? 'notice',
      title: overrides.title ?? `Notice ${unique()}`,
      body: overrides.body ?? '',
      publishedOn: isoDateFrom(ctx.clock.now(), -1),
    })
    .returning();
  return row!;
}

/** The next version of a product's licence agreement. */
export async function buildAgreement(ctx: ServiceContext, overrides: { productId?: string; version?: number; title?: string; body?: string } = {}) {
  const productId = overrides.productId ?? (await buildProduct(ctx)).id;
  const [row] = await ctx.db
    .insert(licenseAgreements)
    .values({ productId, version: overrides.version ?? 1, title: overrides.title ?? 'End user licence agreement', body: overrides.body ?? 'You may use the software under these terms.' })
    .returning();
  return row!;
}

/**
 * A support contract of a site; by default the site's own contract ending `endsInDays` days from
 * the context's clock (default 365).
 */
export async function buildContract(
  ctx: ServiceContext,
  overrides: { siteId?: string; organizationId?: string; scope?: 'site' | 'entitlement'; tier?: (typeof CONTRACT_TIERS)[number]; startsOn?: string; endsOn?: string; endsInDays?: number } = {},
) {
  const site = overrides.siteId && overrides.organizationId ? { id: overrides.siteId, organizationId: overrides.organizationId } : await buildSite(ctx, overrides.organizationId ? { organizationId: overrides.organizationId } : {});
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .insert(supportContracts)
    .values({
      organizationId: site.organizationId,
      siteId: site.id,
      scope: overrides.scope ?? 'site',
      tier: overrides.tier ?? 'standard',
      startsOn: overrides.startsOn ?? isoDateFrom(now, -365),
      endsOn: overrides.endsOn ?? isoDateFrom(now, overrides.endsInDays ?? 365),
    })
    .returning();
  return row!;
}

/** A product licensed to a site (a new product unless given). */
export async function buildEntitlement(
  ctx: ServiceContext,
  overrides: { organizationId: string; siteId: string; productId?: string; quantity?: number; contractId?: string | null },
) {
  const productId = overrides.productId ?? (await buildProduct(ctx)).id;
  const [row] = await ctx.db
    .insert(entitlements)
    .values({ organizationId: overrides.organizationId, siteId: overrides.siteId, productId, quantity: overrides.quantity ?? 1, contractId: overrides.contractId ?? null })
    .returning();
  return row!;
}
