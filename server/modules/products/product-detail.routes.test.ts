import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FileList, ProductDetail } from '../../../common/schemas/products';
import { agreementAcceptances, releaseFiles, supportContracts } from '../../db/schema/index';
import { buildAgreement, buildBulletin, buildReleaseFile, isoDateFrom } from '../../test/catalog-factories';
import { buildTestApp, type SignedIn, type TestApp } from '../../test/test-app';
import { buildProductScenario, productPath, signInMember, type ProductScenario } from './product-scenario';

let t: TestApp;
let start: Date;
beforeAll(async () => {
  t = await buildTestApp();
  start = t.clock.now();
});
afterEach(() => {
  t.clock.set(start);
});
afterAll(async () => {
  await t.close();
});

async function files(client: SignedIn, s: ProductScenario, query = ''): Promise<FileList> {
  const response = await client.inject('GET', productPath(s, `/files${query}`));
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const names = (list: FileList) => list.items.map((item) => item.fileName).sort();

describe('GET /api/v1/organizations/:organizationId/sites/:siteId/products/:productId', () => {
  it('shows the entitlement, components, published releases newest first, bulletins by kind and the agreement in force', async () => {
    const s = await buildProductScenario(t, { agreement: true });
    await buildBulletin(t.ctx, { productId: s.product.id, kind: 'notice', title: 'Security advisory' });
    await buildBulletin(t.ctx, { productId: s.product.id, kind: 'known_issue', title: 'Archive may stall', releaseId: s.currentRelease.id });
    await buildBulletin(t.ctx, { productId: s.product.id, kind: 'document', title: 'Install guide' });
    await buildBulletin(t.ctx, { productId: s.product.id, kind: 'notice', title: 'About the draft', releaseId: s.draftRelease.id });
    const member = await signInMember(t, s.organizationId, 'download', [s.siteA.id]);
    const response = await member.inject('GET', productPath(s));
    expect(response.statusCode, response.body).toBe(200);
    const detail: ProductDetail = response.json();
    expect(detail).toMatchObject({
      site: s.siteA,
      product: { id: s.product.id, name: s.product.name, family: { name: { en: 'Storage' } } },
      entitlementId: s.entitlementId,
      quantity: 5,
      contract: { tier: 'standard' },
      standing: { state: 'active' },
      downloads: { software: { allowed: true }, documents: { allowed: true } },
      agreement: { id: s.agreement!.id, version: 1, title: 'EULA', body: 'Terms of use' },
      agreementAccepted: false,
      activations: [],
    });
    expect(detail.components.map((c) => c.name).sort()).toEqual(['Asset Framework', 'Data Archive']);
    expect(detail.releases.map((r) => r.version)).toEqual(['2024.2', '2023.1']);
    expect(detail.releases[0]).toMatchObject({ notes: 'Faster archive', releasedOn: isoDateFrom(start, -20) });
    expect(detail.notices.map((b) => b.title)).toEqual(['Security advisory']);
    expect(detail.knownIssues).toEqual([expect.objectContaining({ title: 'Archive may stall', release: { id: s.currentRelease.id, version: '2024.2' } })]);
    expect(detail.documents.map((b) => b.title)).toEqual(['Install guide']);

    await t.database.db.insert(agreementAcceptances).values({ agreementId: s.agreement!.id, userId: member.userId, organizationId: s.organizationId });
    expect((await member.inject('GET', productPath(s))).json().agreementAccepted).toBe(true);
    // A new version is not accepted yet.
    const second = await buildAgreement(t.ctx, { productId: s.product.id, version: 2, title: 'EULA 2' });
    expect((await member.inject('GET', productPath(s))).json()).toMatchObject({ agreement: { id: second.id, version: 2 }, agreementAccepted: false });
  });

  it('answers without an agreement and without a contract', async () => {
    const s = await buildProductScenario(t, { contractEndsInDays: null });
    const owner = await signInMember(t, s.organizationId, 'owner');
    expect((await owner.inject('GET', productPath(s))).json()).toMatchObject({ agreement: null, agreementAccepted: false, contract: null, standing: { state: 'none' }, downloads: { software: { allowed: false, reason: 'contract.none' } } });
  });

  it('answers 404 when the site is not licensed for the product, and for another organization', async () => {
    const s = await buildProductScenario(t);
    const owner = await signInMember(t, s.organizationId, 'owner');
    const unlicensed = await owner.inject('GET', productPath(s, '', s.siteB.id));
    expect(unlicensed.statusCode).toBe(404);
    expect(unlicensed.json().error.code).toBe('products.not_found');
    expect((await owner.inject('GET', productPath(s, '', s.siteA.id, '00000000-0000-4000-8000-000000000000'))).statusCode).toBe(404);
    const other = await buildProductScenario(t);
    expect((await owner.inject('GET', productPath(other))).statusCode).toBe(404);
    expect((await owner.inject('GET', productPath(s, '', s.siteA.id, 'nope'))).statusCode).toBe(400);
  });
});

describe('GET /api/v1/organizations/:organizationId/sites/:siteId/products/:productId/files', () => {
  it('lists the current version’s live files by default, and every published version’s with version=all', async () => {
    const s = await buildProductScenario(t);
    const member = await signInMember(t, s.organizationId, 'download', [s.siteA.id]);
    const current = await files(member, s);
    expect(names(current)).toEqual(['PI Server guide.pdf', 'PI-Server_2024.2_setup.exe']);
    expect(current.items.find((f) => f.id === s.files.software.id)).toMatchObject({
      release: { id: s.currentRelease.id, version: '2024.2', releasedOn: isoDateFrom(start, -20) },
      resourceType: 'software',
      contentType: 'application/octet-stream',
      size: s.files.software.size,
      sha256: s.files.software.sha256,
      download: { allowed: true, reason: null },
    });
    const all = await files(member, s, '?version=all');
    // The draft's file never shows.
    expect(names(all)).toEqual(['PI Server guide.pdf', 'PI-Server_2023.1_setup.exe', 'PI-Server_2024.2_setup.exe']);
    expect(all.items[0]!.release.version).toBe('2024.2');
    expect(all.items.at(-1)!.release.version).toBe('2023.1');
  });

  it('filters by resource type, release and search, and leaves out removed files', async () => {
    const s = await buildProductScenario(t);
    await buildReleaseFile(t.ctx, { releaseId: s.oldRelease.id, resourceType: 'release_notes', fileName: '릴리스 노트 2023.txt' });
    const owner = await signInMember(t, s.organizationId, 'owner');
    expect(names(await files(owner, s, '?resourceType=manual'))).toEqual(['PI Server guide.pdf']);
    expect(names(await files(owner, s, '?version=all&resourceType=software'))).toEqual(['PI-Server_2023.1_setup.exe', 'PI-Server_2024.2_setup.exe']);
    expect(names(await files(owner, s, `?version=all&releaseId=${s.oldRelease.id}`))).toEqual(['PI-Server_2023.1_setup.exe', '릴리스 노트 2023.txt']);
    expect(names(await files(owner, s, '?version=all&q=2023.1'))).toEqual(['PI-Server_2023.1_setup.exe', '릴리스 노트 2023.txt']);
    expect(names(await files(owner, s, '?version=all&q=guide'))).toEqual(['PI Server guide.pdf']);
    expect(names(await files(owner, s, '?version=all&q=노트'))).toEqual(['릴리스 노트 2023.txt']);
    // The current version with another release asked for: nothing.
    expect(names(await files(owner, s, `?releaseId=${s.oldRelease.id}`))).toEqual([]);
    expect(names(await files(owner, s, `?version=all&releaseId=${s.draftRelease.id}`))).toEqual([]);
    await t.database.db.update(releaseFiles).set({ removedAt: new Date() }).where(eq(releaseFiles.id, s.files.manual.id));
    expect(names(await files(owner, s))).toEqual(['PI-Server_2024.2_setup.exe']);
  });

  it('marks each file with whether the member may download it: permission and contract', async () => {
    const s = await buildProductScenario(t);
    const support = await signInMember(t, s.organizationId, 'support', [s.siteA.id]);
    const bySupport = await files(support, s);
    expect(bySupport.items.find((f) => f.id === s.files.software.id)?.download).toEqual({ allowed: false, reason: 'permission' });
    expect(bySupport.items.find((f) => f.id === s.files.manual.id)?.download).toEqual({ allowed: true, reason: null });
    const viewer = await signInMember(t, s.organizationId, 'viewer', [s.siteA.id]);
    expect((await files(viewer, s)).items.map((f) => f.download.reason)).toEqual(['permission', 'permission']);
    await t.database.db.update(supportContracts).set({ endsOn: isoDateFrom(start, -31) }).where(eq(supportContracts.id, s.contractId!));
    const download = await signInMember(t, s.organizationId, 'download', [s.siteA.id]);
    const expired = await files(download, s);
    expect(expired.items.find((f) => f.id === s.files.software.id)?.download).toEqual({ allowed: false, reason: 'contract.expired' });
    expect(expired.items.find((f) => f.id === s.files.manual.id)?.download).toEqual({ allowed: true, reason: null });
  });

  it('refuses bad filters, an unlicensed product and a site the member was not given', async () => {
    const s = await buildProductScenario(t);
    const support = await signInMember(t, s.organizationId, 'support', [s.siteA.id]);
    for (const query of ['?resourceType=firmware', '?version=latest', '?releaseId=x', `?q=${'y'.repeat(101)}`]) {
      const response = await support.inject('GET', productPath(s, `/files${query}`));
      expect(response.statusCode, query).toBe(400);
    }
    expect((await support.inject('GET', productPath(s, '/files', s.siteB.id))).statusCode).toBe(403);
    const owner = await signInMember(t, s.organizationId, 'owner');
    const unlicensed = await owner.inject('GET', productPath(s, '/files', s.siteB.id));
    expect(unlicensed.statusCode).toBe(404);
    expect(unlicensed.json().error.code).toBe('products.not_found');
  });
});
