import { readAll } from '../../platform/db';
import type {
  CreateComponentBody,
  CreateFamilyBody,
  CreateProductBody,
  ProductComponent,
  ProductDetail,
  ProductFamily,
  ProductList,
  ProductListQuery,
  ProductSummary,
  UpdateComponentBody,
  UpdateFamilyBody,
  UpdateProductBody,
} from '../../../common/schemas/catalog';
import type { Locale } from '../../../common/locale';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import type { RequestOrigin, ServiceContext } from '../../platform/context';
import { conflict, notFound } from '../../platform/errors';
import { queueProductSearchIndex } from '../search/search-index';
import { catalogAudit, changedFields, inUseError, mapUniqueViolation } from './catalog-support';
import {
  countEntitlementsOfProduct,
  countProductsOfFamily,
  deleteComponentRow,
  deleteFamilyRow,
  deleteProductRow,
  findComponent,
  findFamily,
  insertComponent,
  insertFamily,
  insertProduct,
  isProductNameTaken,
  listComponents,
  listFamiliesWithCounts,
  listProductRows,
  lockProduct,
  nextFamilySortOrder,
  updateComponent,
  updateFamily,
  updateProduct,
  type ComponentRow,
  type FamilyRow,
  type ProductListRow,
} from './catalog.repository';
import { reclaimBlobs } from './files.service';
import { getProductReleases, presentAgreement, presentBulletin } from './releases.service';
import { listAgreements, listBulletins, listFileHashesOfProduct } from './releases.repository';

function presentFamily(row: FamilyRow, productCount: number): ProductFamily {
  return { id: row.id, name: row.name, description: row.description, sortOrder: row.sortOrder, productCount };
}

function presentProduct(row: ProductListRow): ProductSummary {
  const { product } = row;
  return {
    id: product.id,
    name: product.name,
    description: product.description,
    family: { id: row.family.id, name: row.family.name },
    releaseCount: row.releaseCount,
    latestVersion: row.latestVersion,
    downloadCount: row.downloadCount,
    createdAt: product.createdAt.toISOString(),
    updatedAt: product.updatedAt.toISOString(),
  };
}

function presentComponent(row: ComponentRow): ProductComponent {
  return {
    id: row.id,
    productId: row.productId,
    name: row.name,
    description: row.description,
    requirements: row.requirements,
    sortOrder: row.sortOrder,
    createdAt: row.createdAt.toISOString(),
  };
}

// ---- Families ----

/** Every product family in display order, with its product count. */
export async function listFamilies(ctx: ServiceContext): Promise<{ items: ProductFamily[] }> {
  const rows = await listFamiliesWithCounts(ctx.db);
  return { items: rows.map((r) => presentFamily(r.family, r.productCount)) };
}

/** Adds a product family, after the others unless a position is given. */
export async function createFamily(ctx: ServiceContext, actor: Actor, body: CreateFamilyBody, origin: RequestOrigin): Promise<ProductFamily> {
  return ctx.db.transaction(async (tx) => {
    const sortOrder = body.sortOrder ?? (await nextFamilySortOrder(tx));
    const row = await insertFamily(tx, { name: body.name, description: body.description, sortOrder });
    await recordAudit(tx, {
      ...catalogAudit(actor, origin, 'product_family', row.id),
      action: 'catalog.family.created',
      details: { before: null, after: { name: row.name, description: row.description, sortOrder } },
    });
    return presentFamily(row, 0);
  });
}

/** Changes a family's names, descriptions (both languages) or position. */
export async function changeFamily(ctx: ServiceContext, actor: Actor, familyId: string, input: UpdateFamilyBody, origin: RequestOrigin): Promise<ProductFamily> {
  return ctx.db.transaction(async (tx) => {
    const current = await findFamily(tx, familyId);
    if (!current) throw notFound('catalog.not_found');
    const changes = changedFields(current, input);
    const productCount = await countProductsOfFamily(tx, familyId);
    if (!changes) return presentFamily(current, productCount);
    const row = await updateFamily(tx, familyId, changes.after, ctx.clock.now());
    await recordAudit(tx, { ...catalogAudit(actor, origin, 'product_family', familyId), action: 'catalog.family.updated', details: changes });
    return presentFamily(row, productCount);
  });
}

/** Deletes a family that holds no products (409 `catalog.in_use` otherwise). */
export async function deleteFamily(ctx: ServiceContext, actor: Actor, familyId: string, origin: RequestOrigin, locale: Locale): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const current = await findFamily(tx, familyId);
    if (!current) throw notFound('catalog.not_found');
    const productCount = await countProductsOfFamily(tx, familyId);
    if (productCount > 0) throw inUseError('products', productCount, locale);
    await deleteFamilyRow(tx, familyId);
    await recordAudit(tx, {
      ...catalogAudit(actor, origin, 'product_family', familyId),
      action: 'catalog.family.deleted',
      details: { before: { name: current.name, description: current.description }, after: null },
    });
  });
}

// ---- Products ----

/** The catalog's products, searched by text and filtered by family, with release and download figures. */
export async function listProducts(ctx: ServiceContext, query: ProductListQuery): Promise<ProductList> {
  const rows = await listProductRows(ctx.db, { ...(query.q ? { q: query.q } : {}), ...(query.familyId ? { familyId: query.familyId } : {}) });
  return { items: rows.map(presentProduct) };
}

/** One product with everything the console shows: components, releases with files, bulletins, agreements, counts. */
export async function getProductDetail(ctx: ServiceContext, productId: string): Promise<ProductDetail> {
  const [row] = await listProductRows(ctx.db, { productId });
  if (!row) throw notFound('catalog.not_found');
  const [components, releases, bulletins, agreements] = await readAll(ctx.db, [
    () => listComponents(ctx.db, productId),
    () => getProductReleases(ctx, productId),
    () => listBulletins(ctx.db, productId),
    () => listAgreements(ctx.db, productId),
  ]);
  return {
    ...presentProduct(row),
    components: components.map(presentComponent),
    releases,
    bulletins: bulletins.map(presentBulletin),
    agreements: agreements.map((a, index) => presentAgreement(a, index === 0)),
    uploadMaxBytes: ctx.config.uploadMaxBytes,
  };
}

async function requireFamily(ctx: ServiceContext, familyId: string): Promise<void> {
  if (!(await findFamily(ctx.db, familyId))) throw notFound('catalog.not_found');
}

/** Adds a product to a family; names are unique ignoring case (409 `catalog.name_taken`). */
export async function createProduct(ctx: ServiceContext, actor: Actor, body: CreateProductBody, origin: RequestOrigin): Promise<ProductDetail> {
  await requireFamily(ctx, body.familyId);
  const id = await mapUniqueViolation('catalog.name_taken', () =>
    ctx.db.transaction(async (tx) => {
      if (await isProductNameTaken(tx, body.name)) throw conflict('catalog.name_taken');
      const row = await insertProduct(tx, { familyId: body.familyId, name: body.name, description: body.description });
      if (!row) throw conflict('catalog.name_taken');
      await recordAudit(tx, {
        ...catalogAudit(actor, origin, 'product', row.id),
        action: 'catalog.product.created',
        details: { before: null, after: { name: row.name, familyId: row.familyId, description: row.description } },
      });
      return row.id;
    }),
  );
  return getProductDetail(ctx, id);
}

/** Changes a product's family, name or description. */
export async function changeProduct(ctx: ServiceContext, actor: Actor, productId: string, input: UpdateProductBody, origin: RequestOrigin): Promise<ProductDetail> {
  if (input.familyId) await requireFamily(ctx, input.familyId);
  await mapUniqueViolation('catalog.name_taken', () =>
    ctx.db.transaction(async (tx) => {
      const current = await lockProduct(tx, productId);
      if (!current) throw notFound('catalog.not_found');
      const changes = changedFields(current, input);
      if (!changes) return;
      if (changes.after.name !== undefined && (await isProductNameTaken(tx, changes.after.name, productId))) throw conflict('catalog.name_taken');
      await updateProduct(tx, productId, changes.after, ctx.clock.now());
      await recordAudit(tx, { ...catalogAudit(actor, origin, 'product', productId), action: 'catalog.product.updated', details: changes });
      // Release and document titles carry the product's name.
      if (changes.after.name !== undefined) await queueProductSearchIndex(tx, productId);
    }),
  );
  return getProductDetail(ctx, productId);
}

/**
 * Deletes a product with its components, releases, files, bulletins and agreements; refused with
 * 409 `catalog.in_use` while any site is licensed for it. Bytes no other file holds are reclaimed.
 */
export async function deleteProduct(ctx: ServiceContext, actor: Actor, productId: string, origin: RequestOrigin, locale: Locale): Promise<void> {
  const hashes = await ctx.db.transaction(async (tx) => {
    const current = await lockProduct(tx, productId);
    if (!current) throw notFound('catalog.not_found');
    const licensed = await countEntitlementsOfProduct(tx, productId);
    if (licensed > 0) throw inUseError('entitlements', licensed, locale);
    const fileHashes = await listFileHashesOfProduct(tx, productId);
    // Queued while the rows still exist; the jobs find them gone and remove their entries.
    await queueProductSearchIndex(tx, productId);
    await deleteProductRow(tx, productId);
    await recordAudit(tx, {
      ...catalogAudit(actor, origin, 'product', productId),
      action: 'catalog.product.deleted',
      details: { before: { name: current.name, familyId: current.familyId }, after: null },
    });
    return fileHashes;
  });
  await reclaimBlobs(ctx, hashes);
}

// ---- Components ----

/** Adds a component with its system requirements to a product. */
export async function createComponent(ctx: ServiceContext, actor: Actor, productId: string, body: CreateComponentBody, origin: RequestOrigin): Promise<ProductComponent> {
  return ctx.db.transaction(async (tx) => {
    if (!(await lockProduct(tx, productId))) throw notFound('catalog.not_found');
    const row = await insertComponent(tx, { productId, name: body.name, description: body.description, requirements: body.requirements });
    await recordAudit(tx, {
      ...catalogAudit(actor, origin, 'product_component', row.id),
      action: 'catalog.component.created',
      details: { productId, before: null, after: { name: row.name, description: row.description, requirements: row.requirements } },
    });
    return presentComponent(row);
  });
}

/** Changes a component's name, description or system requirements. */
export async function changeComponent(ctx: ServiceContext, actor: Actor, componentId: string, input: UpdateComponentBody, origin: RequestOrigin): Promise<ProductComponent> {
  return ctx.db.transaction(async (tx) => {
    const current = await findComponent(tx, componentId);
    if (!current) throw notFound('catalog.not_found');
    const given = Object.fromEntries(Object.entries(input.requirements ?? {}).filter(([, value]) => value !== undefined));
    const next = { name: input.name, description: input.description, requirements: input.requirements ? { ...current.requirements, ...given } : undefined };
    const changes = changedFields(current, next);
    if (!changes) return presentComponent(current);
    const row = await updateComponent(tx, componentId, changes.after);
    await recordAudit(tx, { ...catalogAudit(actor, origin, 'product_component', componentId), action: 'catalog.component.updated', details: { productId: current.productId, ...changes } });
    return presentComponent(row);
  });
}

/** Deletes a component. */
export async function deleteComponent(ctx: ServiceContext, actor: Actor, componentId: string, origin: RequestOrigin): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const current = await findComponent(tx, componentId);
    if (!current) throw notFound('catalog.not_found');
    await deleteComponentRow(tx, componentId);
    await recordAudit(tx, {
      ...catalogAudit(actor, origin, 'product_component', componentId),
      action: 'catalog.component.deleted',
      details: { productId: current.productId, before: { name: current.name }, after: null },
    });
  });
}
