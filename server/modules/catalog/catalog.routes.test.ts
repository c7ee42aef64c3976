import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductDetail, ProductFamily, ProductSummary } from '../../../common/schemas/catalog';
import { auditEvents, downloadEvents, productComponents, products, releaseFiles, releases } from '../../db/schema/index';
import { buildAgreement, buildBulletin, buildComponent, buildEntitlement, buildProduct, buildRelease, buildReleaseFile, firstFamilyId } from '../../test/catalog-factories';
import { buildMember, buildOrganization, buildSite, buildUser } from '../../test/factories';
import { buildTestApp, signInAs, signInNewUser, type SignedIn, type TestApp } from '../../test/test-app';
import { isUniqueViolation } from './catalog-support';

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await signInNewUser(t, { staffRole: 'vendor_admin' });
});
afterAll(async () => {
  await t.close();
});

const unique = () => randomUUID().slice(0, 8);

const auditOf = (action: string, targetId: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.targetId, targetId)));

async function createProduct(name = `Product ${unique()}`, familyId?: string): Promise<ProductDetail> {
  const response = await admin.inject('POST', '/api/v1/catalog/products', { familyId: familyId ?? (await firstFamilyId(t.ctx)), name, description: 'Historian' });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function recordDownload(fileId: string, releaseId: string, productId: string) {
  await t.database.db.insert(downloadEvents).values({ fileId, releaseId, productId, userId: randomUUID(), organizationId: randomUUID(), siteId: randomUUID() });
}

describe('product families', () => {
  it('lists the four default families with their product counts', async () => {
    const response = await admin.inject('GET', '/api/v1/catalog/families');
    expect(response.statusCode).toBe(200);
    const items = response.json().items as ProductFamily[];
    expect(items.slice(0, 4).map((f) => f.name.en)).toEqual(['Storage', 'Collection', 'Visualization', 'Development']);
    expect(items[0]!.name.ko).toBeTruthy();
    expect(items[0]!.description.en).toBeTruthy();
    const storage = items[0]!;
    await buildProduct(t.ctx, { familyId: storage.id });
    const again = (await admin.inject('GET', '/api/v1/catalog/families')).json().items as ProductFamily[];
    expect(again.find((f) => f.id === storage.id)!.productCount).toBe(storage.productCount + 1);
  });

  it('adds a family after the others, edits both languages and deletes it, logging each', async () => {
    const created = await admin.inject('POST', '/api/v1/catalog/families', { name: { en: 'Analytics', ko: '분석' }, description: { en: 'Asset analytics', ko: '자산 분석' } });
    expect(created.statusCode, created.body).toBe(201);
    const family = created.json() as ProductFamily;
    expect(family).toMatchObject({ name: { en: 'Analytics', ko: '분석' }, productCount: 0 });
    const list = (await admin.inject('GET', '/api/v1/catalog/families')).json().items as ProductFamily[];
    expect(list.at(-1)!.id).toBe(family.id);

    const changed = await admin.inject('PATCH', `/api/v1/catalog/families/${family.id}`, { name: { en: 'Advanced analytics', ko: '고급 분석' } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ name: { en: 'Advanced analytics', ko: '고급 분석' }, description: { en: 'Asset analytics', ko: '자산 분석' } });
    const [updated] = await auditOf('catalog.family.updated', family.id);
    expect(updated).toMatchObject({ category: 'catalog', actorUserId: admin.userId, organizationId: null, details: { before: { name: { en: 'Analytics', ko: '분석' } }, after: { name: { en: 'Advanced analytics', ko: '고급 분석' } } } });

    expect((await admin.inject('DELETE', `/api/v1/catalog/families/${family.id}`)).statusCode).toBe(204);
    expect(await auditOf('catalog.family.created', family.id)).toHaveLength(1);
    expect(await auditOf('catalog.family.deleted', family.id)).toHaveLength(1);
    expect((await admin.inject('PATCH', `/api/v1/catalog/families/${family.id}`, { sortOrder: 3 })).json().error.code).toBe('catalog.not_found');
  });

  it('refuses to delete a family that holds products, saying so in the reader’s language', async () => {
    const family = (await admin.inject('POST', '/api/v1/catalog/families', { name: { en: 'Busy', ko: '사용 중' } })).json() as ProductFamily;
    await buildProduct(t.ctx, { familyId: family.id });
    await buildProduct(t.ctx, { familyId: family.id });
    const response = await admin.inject('DELETE', `/api/v1/catalog/families/${family.id}`);
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'catalog.in_use', details: { products: 2 } });
    expect(response.json().error.message).toContain('2 products');
    const korean = await t.app.inject({ method: 'DELETE', url: `/api/v1/catalog/families/${family.id}`, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'accept-language': 'ko' } });
    expect(korean.json().error.message).toContain('제품 2개');
  });

  it('refuses bad names and descriptions', async () => {
    const long = 'x'.repeat(101);
    for (const body of [
      {},
      { name: { en: 'Only English' } },
      { name: { en: '', ko: '빈' } },
      { name: { en: '   ', ko: '공백' } },
      { name: { en: long, ko: '긴' } },
      { name: { en: 'Bell\u0007', ko: '벨' } },
      { name: { en: 'Ok', ko: '좋음' }, description: { en: 'd'.repeat(501), ko: '' } },
      { name: { en: 'Ok', ko: '좋음' }, extra: true },
    ]) {
      const response = await admin.inject('POST', '/api/v1/catalog/families', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.code).toBe('validation.failed');
    }
    expect((await admin.inject('PATCH', '/api/v1/catalog/families/not-a-uuid', { sortOrder: 1 })).statusCode).toBe(400);
    expect((await admin.inject('DELETE', `/api/v1/catalog/families/${randomUUID()}`)).statusCode).toBe(404);
  });
});

describe('products', () => {
  it('creates a product, refusing a name taken in any case, and an unknown family', async () => {
    const name = `PI Server ${unique()}`;
    const product = await createProduct(name);
    expect(product).toMatchObject({ name, description: 'Historian', releaseCount: 0, latestVersion: null, downloadCount: 0, components: [], releases: [], bulletins: [], agreements: [] });
    expect(product.family.name.en).toBe('Storage');
    expect(await auditOf('catalog.product.created', product.id)).toHaveLength(1);

    const taken = await admin.inject('POST', '/api/v1/catalog/products', { familyId: product.family.id, name: `  ${name.toUpperCase()} ` });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('catalog.name_taken');
    const unknownFamily = await admin.inject('POST', '/api/v1/catalog/products', { familyId: randomUUID(), name: `Other ${unique()}` });
    expect(unknownFamily.statusCode).toBe(404);
    expect(unknownFamily.json().error.code).toBe('catalog.not_found');
    for (const body of [{ familyId: product.family.id }, { familyId: product.family.id, name: '' }, { familyId: 'x', name: 'Y' }, { familyId: product.family.id, name: 'n'.repeat(101) }, { familyId: product.family.id, name: 'Tab\tname' }]) {
      expect((await admin.inject('POST', '/api/v1/catalog/products', body)).statusCode, JSON.stringify(body)).toBe(400);
    }
  });

  it('renames and moves a product, refusing another product’s name', async () => {
    const first = await createProduct();
    const second = await createProduct();
    const families = (await admin.inject('GET', '/api/v1/catalog/families')).json().items as ProductFamily[];
    const visualization = families.find((f) => f.name.en === 'Visualization')!;
    const changed = await admin.inject('PATCH', `/api/v1/catalog/products/${first.id}`, { name: `PI Vision ${unique()}`, familyId: visualization.id, description: 'Displays' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ family: { id: visualization.id }, description: 'Displays' });
    const [event] = await auditOf('catalog.product.updated', first.id);
    expect(event!.details).toMatchObject({ before: { familyId: first.family.id, description: 'Historian' }, after: { familyId: visualization.id, description: 'Displays' } });

    const clash = await admin.inject('PATCH', `/api/v1/catalog/products/${first.id}`, { name: second.name.toLowerCase() });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('catalog.name_taken');
    // Its own name in another case is not a clash.
    const own = await admin.inject('PATCH', `/api/v1/catalog/products/${second.id}`, { name: second.name.toUpperCase() });
    expect(own.statusCode).toBe(200);
    expect((await admin.inject('PATCH', `/api/v1/catalog/products/${first.id}`, { familyId: randomUUID() })).statusCode).toBe(404);
    expect((await admin.inject('PATCH', `/api/v1/catalog/products/${randomUUID()}`, { name: 'Ghost' })).statusCode).toBe(404);
  });

  it('lists products with search (Korean too), family filter, release count, newest published version and downloads', async () => {
    const tag = unique();
    const families = (await admin.inject('GET', '/api/v1/catalog/families')).json().items as ProductFamily[];
    const collection = families.find((f) => f.name.en === 'Collection')!;
    const server = await buildProduct(t.ctx, { name: `Server ${tag}` });
    const interfaces = await buildProduct(t.ctx, { name: `인터페이스 ${tag}`, familyId: collection.id });
    await buildRelease(t.ctx, { productId: server.id, version: '2023', releasedOn: '2023-05-01' });
    const newest = await buildRelease(t.ctx, { productId: server.id, version: '2024 SP1', releasedOn: '2024-10-01' });
    await buildRelease(t.ctx, { productId: server.id, version: '2025 draft', releasedOn: '2025-01-01', published: false });
    const file = await buildReleaseFile(t.ctx, { releaseId: newest.id });
    await recordDownload(file.id, newest.id, server.id);
    await recordDownload(file.id, newest.id, server.id);

    const all = (await admin.inject('GET', `/api/v1/catalog/products?q=${encodeURIComponent(tag)}`)).json().items as ProductSummary[];
    expect(all.map((p) => p.id)).toEqual([server.id, interfaces.id]);
    expect(all[0]).toMatchObject({ releaseCount: 3, latestVersion: '2024 SP1', downloadCount: 2, family: { name: { en: 'Storage' } } });
    expect(all[1]).toMatchObject({ releaseCount: 0, latestVersion: null, downloadCount: 0, family: { id: collection.id } });

    const korean = (await admin.inject('GET', `/api/v1/catalog/products?q=${encodeURIComponent('인터페이스')}`)).json().items as ProductSummary[];
    expect(korean.map((p) => p.id)).toContain(interfaces.id);
    expect(korean.map((p) => p.id)).not.toContain(server.id);
    const byFamily = (await admin.inject('GET', `/api/v1/catalog/products?familyId=${collection.id}&q=${tag}`)).json().items as ProductSummary[];
    expect(byFamily.map((p) => p.id)).toEqual([interfaces.id]);
    // Pattern characters are taken literally.
    expect((await admin.inject('GET', '/api/v1/catalog/products?q=%25%25%25')).json().items).toEqual([]);
    expect((await admin.inject('GET', '/api/v1/catalog/products?familyId=nope')).statusCode).toBe(400);
    expect((await admin.inject('GET', `/api/v1/catalog/products?q=${'q'.repeat(101)}`)).statusCode).toBe(400);
  });

  it('shows a product in detail: components, releases newest first with files and counts, bulletins and agreements', async () => {
    const product = await buildProduct(t.ctx);
    const component = await buildComponent(t.ctx, { productId: product.id, name: 'Data Archive' });
    const older = await buildRelease(t.ctx, { productId: product.id, version: '1.0', releasedOn: '2024-01-01' });
    const draft = await buildRelease(t.ctx, { productId: product.id, version: '2.0', releasedOn: '2025-01-01', published: false });
    const kept = await buildReleaseFile(t.ctx, { releaseId: older.id, fileName: 'setup.exe' });
    const removed = await buildReleaseFile(t.ctx, { releaseId: older.id, fileName: 'old.pdf', resourceType: 'manual' });
    await t.database.db.update(releaseFiles).set({ removedAt: t.clock.now() }).where(eq(releaseFiles.id, removed.id));
    await recordDownload(kept.id, older.id, product.id);
    await recordDownload(removed.id, older.id, product.id);
    await recordDownload(kept.id, older.id, product.id);
    const notice = await buildBulletin(t.ctx, { productId: product.id, kind: 'known_issue', releaseId: older.id });
    await buildAgreement(t.ctx, { productId: product.id, version: 1 });
    await buildAgreement(t.ctx, { productId: product.id, version: 2, title: 'EULA v2' });

    const response = await admin.inject('GET', `/api/v1/catalog/products/${product.id}`);
    expect(response.statusCode).toBe(200);
    const detail = response.json() as ProductDetail;
    expect(detail.components).toEqual([expect.objectContaining({ id: component.id, name: 'Data Archive', requirements: expect.objectContaining({ memory: '16 GB' }) })]);
    expect(detail.releases.map((r) => r.version)).toEqual(['2.0', '1.0']);
    expect(detail.releases[0]).toMatchObject({ id: draft.id, publishedAt: null, files: [], downloadCount: 0 });
    expect(detail.releases[1]!.downloadCount).toBe(3);
    expect(detail.releases[1]!.files).toEqual([
      expect.objectContaining({ id: kept.id, fileName: 'setup.exe', removedAt: null, downloadCount: 2, sha256: kept.sha256, size: kept.size }),
      expect.objectContaining({ id: removed.id, resourceType: 'manual', removedAt: expect.any(String), downloadCount: 1 }),
    ]);
    expect(detail.bulletins).toEqual([expect.objectContaining({ id: notice.id, kind: 'known_issue', releaseId: older.id })]);
    expect(detail.agreements.map((a) => [a.version, a.inForce])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(detail).toMatchObject({ releaseCount: 2, latestVersion: '1.0', downloadCount: 3 });
    expect((await admin.inject('GET', `/api/v1/catalog/products/${randomUUID()}`)).json().error.code).toBe('catalog.not_found');
  });

  it('refuses to delete a product a site is licensed for, and otherwise deletes it with everything under it', async () => {
    const site = await buildSite(t.ctx);
    const licensed = await buildProduct(t.ctx);
    await buildEntitlement(t.ctx, { organizationId: site.organizationId, siteId: site.id, productId: licensed.id });
    const refused = await admin.inject('DELETE', `/api/v1/catalog/products/${licensed.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'catalog.in_use', details: { entitlements: 1 } });
    expect(refused.json().error.message).toContain('licensed to 1 site');

    const product = await buildProduct(t.ctx);
    const other = await buildProduct(t.ctx);
    const release = await buildRelease(t.ctx, { productId: product.id });
    await buildComponent(t.ctx, { productId: product.id });
    const own = await buildReleaseFile(t.ctx, { releaseId: release.id, content: Buffer.from(`only here ${unique()}`) });
    const sharedBytes = Buffer.from(`shared ${unique()}`);
    const shared = await buildReleaseFile(t.ctx, { releaseId: release.id, content: sharedBytes });
    await buildReleaseFile(t.ctx, { releaseId: (await buildRelease(t.ctx, { productId: other.id })).id, content: sharedBytes });

    expect((await admin.inject('DELETE', `/api/v1/catalog/products/${product.id}`)).statusCode).toBe(204);
    expect(await t.database.db.select().from(products).where(eq(products.id, product.id))).toEqual([]);
    expect(await t.database.db.select().from(releases).where(eq(releases.productId, product.id))).toEqual([]);
    expect(await t.database.db.select().from(productComponents).where(eq(productComponents.productId, product.id))).toEqual([]);
    expect(await t.ctx.blobs.size(own.sha256)).toBeNull();
    expect(await t.ctx.blobs.size(shared.sha256)).toBe(sharedBytes.length);
    expect(await auditOf('catalog.product.deleted', product.id)).toHaveLength(1);
    expect((await admin.inject('DELETE', `/api/v1/catalog/products/${product.id}`)).statusCode).toBe(404);
  });
});

describe('components', () => {
  it('adds a component with system requirements, changes some of them and deletes it', async () => {
    const product = await buildProduct(t.ctx);
    const requirements = { os: 'Windows Server 2022', cpu: '8 cores', memory: '32 GB', disk: '500 GB SSD', prerequisites: '.NET 4.8\nSQL Server 2019' };
    const created = await admin.inject('POST', `/api/v1/catalog/products/${product.id}/components`, { name: 'PI Data Archive', description: 'Time-series store', requirements });
    expect(created.statusCode, created.body).toBe(201);
    const component = created.json();
    expect(component).toMatchObject({ productId: product.id, name: 'PI Data Archive', requirements, sortOrder: 0 });
    const second = (await admin.inject('POST', `/api/v1/catalog/products/${product.id}/components`, { name: 'PI AF Server' })).json();
    expect(second).toMatchObject({ sortOrder: 1, requirements: { os: '', cpu: '', memory: '', disk: '', prerequisites: '' } });

    const changed = await admin.inject('PATCH', `/api/v1/catalog/components/${component.id}`, { requirements: { memory: '64 GB' } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().requirements).toEqual({ ...requirements, memory: '64 GB' });
    const [event] = await auditOf('catalog.component.updated', component.id);
    expect(event!.details).toMatchObject({ productId: product.id, before: { requirements: { memory: '32 GB' } }, after: { requirements: { memory: '64 GB' } } });

    expect((await admin.inject('DELETE', `/api/v1/catalog/components/${component.id}`)).statusCode).toBe(204);
    expect(await auditOf('catalog.component.created', component.id)).toHaveLength(1);
    expect(await auditOf('catalog.component.deleted', component.id)).toHaveLength(1);
    const detail = (await admin.inject('GET', `/api/v1/catalog/products/${product.id}`)).json() as ProductDetail;
    expect(detail.components.map((c) => c.name)).toEqual(['PI AF Server']);
  });

  it('refuses bad input and unknown products or components', async () => {
    const product = await buildProduct(t.ctx);
    for (const body of [{}, { name: '' }, { name: 'X', requirements: { os: 'o'.repeat(501) } }, { name: 'X', requirements: { gpu: 'yes' } }, { name: 'X', requirements: { os: 'bad\u0000' } }]) {
      expect((await admin.inject('POST', `/api/v1/catalog/products/${product.id}/components`, body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await admin.inject('POST', `/api/v1/catalog/products/${randomUUID()}/components`, { name: 'X' })).statusCode).toBe(404);
    expect((await admin.inject('PATCH', `/api/v1/catalog/components/${randomUUID()}`, { name: 'X' })).statusCode).toBe(404);
    expect((await admin.inject('DELETE', `/api/v1/catalog/components/${randomUUID()}`)).statusCode).toBe(404);
  });
});

describe('who may use the catalog routes', () => {
  it('lets support engineers and account managers read but not write, and refuses agents, customers and strangers', async () => {
    const product = await buildProduct(t.ctx);
    const engineer = await signInNewUser(t, { staffRole: 'support_engineer' });
    const accountManager = await signInNewUser(t, { staffRole: 'account_manager' });
    const agent = await signInNewUser(t, { staffRole: 'agent' });
    const organization = await buildOrganization(t.ctx);
    const ownerUser = await buildUser(t.ctx);
    await buildMember(t.ctx, { organizationId: organization.id, userId: ownerUser.id, role: 'owner' });
    const owner = await signInAs(t.app, ownerUser.email);

    for (const reader of [engineer, accountManager]) {
      expect((await reader.inject('GET', '/api/v1/catalog/families')).statusCode).toBe(200);
      expect((await reader.inject('GET', '/api/v1/catalog/products')).statusCode).toBe(200);
      expect((await reader.inject('GET', `/api/v1/catalog/products/${product.id}`)).statusCode).toBe(200);
      expect((await reader.inject('GET', `/api/v1/catalog/products/${product.id}/agreements`)).statusCode).toBe(200);
      expect((await reader.inject('POST', '/api/v1/catalog/products', { familyId: product.familyId, name: 'Nope' })).statusCode).toBe(403);
      expect((await reader.inject('PATCH', `/api/v1/catalog/products/${product.id}`, { name: 'Nope' })).statusCode).toBe(403);
      expect((await reader.inject('DELETE', `/api/v1/catalog/products/${product.id}`)).statusCode).toBe(403);
    }
    for (const outsider of [agent, owner]) {
      expect((await outsider.inject('GET', '/api/v1/catalog/products')).statusCode).toBe(403);
      expect((await outsider.inject('POST', '/api/v1/catalog/families', { name: { en: 'No', ko: '아니오' } })).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/catalog/products' })).statusCode).toBe(401);
    // A cookie write without the CSRF token is refused.
    const noCsrf = await t.app.inject({ method: 'DELETE', url: `/api/v1/catalog/products/${product.id}`, headers: { cookie: admin.cookie } });
    expect(noCsrf.json().error.code).toBe('auth.csrf_failed');
    expect(await t.database.db.select().from(products).where(eq(products.id, product.id))).toHaveLength(1);
  });
});

describe('isUniqueViolation', () => {
  it('recognizes the database’s unique-constraint error, which maps a lost race to 409', async () => {
    const product = await buildProduct(t.ctx);
    const error = await t.database.db
      .insert(products)
      .values({ familyId: product.familyId, name: product.name.toUpperCase() })
      .then(() => null, (failure: unknown) => failure);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error('other'))).toBe(false);
  });
});
