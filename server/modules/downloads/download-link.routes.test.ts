import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { endOfDate } from '../../../common/contracts';
import { agreementAcceptances, auditEvents, organizations, releaseFiles, supportContracts } from '../../db/schema/index';
import { buildAgreement, buildReleaseFile, isoDateFrom } from '../../test/catalog-factories';
import { buildTestApp, signInAs, signInNewUser, type SignedIn, type TestApp } from '../../test/test-app';
import { buildProductScenario, productPath, signInMember, type ProductScenario } from '../products/product-scenario';

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

const DAY_MS = 86_400_000;
const linkPath = (s: ProductScenario, fileId: string, siteId = s.siteA.id, productId = s.product.id) => productPath(s, `/files/${fileId}/download-link`, siteId, productId);
const askLink = (client: SignedIn, s: ProductScenario, fileId: string, body: object = {}) => client.inject('POST', linkPath(s, fileId), body);

async function expectError(response: Awaited<ReturnType<SignedIn['inject']>>, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.json().error.code).toBe(code);
}

describe('POST …/products/:productId/files/:fileId/download-link', () => {
  it('gives a download user a signed link valid for 15 minutes with the file’s name, size and SHA-256', async () => {
    const s = await buildProductScenario(t);
    const member = await signInMember(t, s.organizationId, 'download', [s.siteA.id]);
    const response = await askLink(member, s, s.files.software.id);
    expect(response.statusCode, response.body).toBe(201);
    const link = response.json();
    expect(link).toEqual({
      url: expect.stringMatching(/^\/api\/v1\/downloads\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/),
      expiresAt: new Date(Math.floor((start.getTime() + 15 * 60_000) / 1000) * 1000).toISOString(),
      fileName: s.files.software.fileName,
      size: s.files.software.size,
      sha256: s.files.software.sha256,
    });
    const payload = JSON.parse(Buffer.from(link.url.split('/').pop().split('.')[0], 'base64url').toString());
    expect(payload).toEqual({ f: s.files.software.id, u: member.userId, o: s.organizationId, s: s.siteA.id, x: Date.parse(link.expiresAt) / 1000 });
    // Files of older published releases too.
    expect((await askLink(member, s, s.files.oldSoftware.id)).statusCode).toBe(201);
  });

  it('lets a support user download documents but not software, and refuses a viewer both', async () => {
    const s = await buildProductScenario(t);
    const support = await signInMember(t, s.organizationId, 'support', [s.siteA.id]);
    await expectError(await askLink(support, s, s.files.software.id), 403, 'auth.forbidden');
    expect((await askLink(support, s, s.files.manual.id)).statusCode).toBe(201);
    const viewer = await signInMember(t, s.organizationId, 'viewer', [s.siteA.id]);
    await expectError(await askLink(viewer, s, s.files.manual.id), 403, 'auth.forbidden');
    await expectError(await askLink(viewer, s, s.files.software.id), 403, 'auth.forbidden');
    const onlyB = await signInMember(t, s.organizationId, 'download', [s.siteB.id]);
    await expectError(await askLink(onlyB, s, s.files.manual.id), 403, 'auth.forbidden');
    const stranger = await signInNewUser(t);
    await expectError(await askLink(stranger, s, s.files.manual.id), 404, 'organizations.not_found');
  });

  it('answers 404 for a product the site is not licensed for and for files outside the product’s published releases, 410 for a removed file', async () => {
    const s = await buildProductScenario(t);
    const other = await buildProductScenario(t);
    const owner = await signInMember(t, s.organizationId, 'owner');
    await expectError(await owner.inject('POST', linkPath(s, s.files.manual.id, s.siteB.id), {}), 404, 'products.not_found');
    await expectError(await askLink(owner, s, other.files.manual.id), 404, 'files.not_found');
    await expectError(await askLink(owner, s, s.files.draft.id), 404, 'files.not_found');
    await expectError(await askLink(owner, s, '00000000-0000-4000-8000-000000000000'), 404, 'files.not_found');
    await t.database.db.update(releaseFiles).set({ removedAt: new Date() }).where(eq(releaseFiles.id, s.files.manual.id));
    await expectError(await askLink(owner, s, s.files.manual.id), 410, 'files.gone');
  });

  it('refuses malformed input', async () => {
    const s = await buildProductScenario(t);
    const owner = await signInMember(t, s.organizationId, 'owner');
    await expectError(await askLink(owner, s, s.files.manual.id, { acceptAgreementId: 'yes' }), 400, 'validation.failed');
    await expectError(await owner.inject('POST', linkPath(s, 'not-a-file'), {}), 400, 'validation.failed');
    await expectError(await owner.inject('POST', linkPath(s, s.files.manual.id, s.siteA.id, 'not-a-product'), {}), 400, 'validation.failed');
  });

  it('refuses links on an archived organization', async () => {
    const s = await buildProductScenario(t);
    const owner = await signInMember(t, s.organizationId, 'owner');
    await t.database.db.update(organizations).set({ archivedAt: new Date() }).where(eq(organizations.id, s.organizationId));
    await expectError(await askLink(owner, s, s.files.manual.id), 409, 'organizations.archived');
  });
});

describe('contract rules for download links, with the clock moved', () => {
  it('allows software through the grace period, refuses it after with contract.expired (documents still allowed), and a renewal restores it at once', async () => {
    const s = await buildProductScenario(t, { contractEndsInDays: 10 });
    const member = await signInMember(t, s.organizationId, 'download', [s.siteA.id]);
    const [contract] = await t.database.db.select().from(supportContracts).where(eq(supportContracts.id, s.contractId!));
    const endsAt = endOfDate(contract!.endsOn).getTime();
    const at = async (instant: number) => {
      t.clock.set(new Date(instant));
      return signInAs(t.app, member.email);
    };

    expect((await askLink(await at(endsAt - 1), s, s.files.software.id)).statusCode).toBe(201);
    expect((await askLink(await at(endsAt + 29 * DAY_MS), s, s.files.software.id)).statusCode).toBe(201);
    const expired = await at(endsAt + 30 * DAY_MS);
    const refused = await askLink(expired, s, s.files.software.id);
    await expectError(refused, 403, 'contract.expired');
    expect(refused.json().error.details.contract).toMatchObject({ state: 'expired', allowsAccess: false });
    expect((await askLink(expired, s, s.files.manual.id)).statusCode).toBe(201);

    await t.database.db.update(supportContracts).set({ endsOn: isoDateFrom(new Date(endsAt + 30 * DAY_MS), 365) }).where(eq(supportContracts.id, s.contractId!));
    expect((await askLink(expired, s, s.files.software.id)).statusCode).toBe(201);
  });

  it('refuses software with contract.none when no contract covers the product', async () => {
    const s = await buildProductScenario(t, { contractEndsInDays: null });
    const member = await signInMember(t, s.organizationId, 'download', [s.siteA.id]);
    await expectError(await askLink(member, s, s.files.software.id), 403, 'contract.none');
    expect((await askLink(member, s, s.files.manual.id)).statusCode).toBe(201);
  });
});

describe('licence agreements', () => {
  it('requires accepting the agreement in force, records who accepted which version, when and from where, then no longer asks', async () => {
    const s = await buildProductScenario(t, { agreement: true });
    const member = await signInMember(t, s.organizationId, 'download', [s.siteA.id]);
    const required = await askLink(member, s, s.files.software.id);
    await expectError(required, 403, 'downloads.agreement_required');
    expect(required.json().error.details).toEqual({ agreement: { id: s.agreement!.id, version: 1, title: 'EULA', body: 'Terms of use' } });
    // Agreeing to something else is no agreement.
    await expectError(await askLink(member, s, s.files.software.id, { acceptAgreementId: '00000000-0000-4000-8000-000000000000' }), 403, 'downloads.agreement_required');
    // Documents too.
    await expectError(await askLink(member, s, s.files.manual.id), 403, 'downloads.agreement_required');

    t.clock.advance(5000);
    const accepted = await askLink(member, s, s.files.software.id, { acceptAgreementId: s.agreement!.id });
    expect(accepted.statusCode, accepted.body).toBe(201);
    const rows = await t.database.db.select().from(agreementAcceptances).where(eq(agreementAcceptances.userId, member.userId));
    expect(rows).toEqual([
      expect.objectContaining({ agreementId: s.agreement!.id, userId: member.userId, organizationId: s.organizationId, ip: '127.0.0.1', acceptedAt: t.clock.now() }),
    ]);
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, s.organizationId), eq(auditEvents.action, 'agreement.accepted')));
    expect(event).toMatchObject({ category: 'download', actorUserId: member.userId, targetType: 'agreement', targetId: s.agreement!.id, ip: '127.0.0.1', details: expect.objectContaining({ version: 1, product: s.product.name }) });

    expect((await askLink(member, s, s.files.software.id)).statusCode).toBe(201);
    expect((await askLink(member, s, s.files.manual.id)).statusCode).toBe(201);
    // Each person agrees for themselves.
    const colleague = await signInMember(t, s.organizationId, 'download', [s.siteA.id]);
    await expectError(await askLink(colleague, s, s.files.software.id), 403, 'downloads.agreement_required');
  });

  it('asks again when a new version of the agreement is published', async () => {
    const s = await buildProductScenario(t, { agreement: true });
    const member = await signInMember(t, s.organizationId, 'download', [s.siteA.id]);
    expect((await askLink(member, s, s.files.software.id, { acceptAgreementId: s.agreement!.id })).statusCode).toBe(201);
    const second = await buildAgreement(t.ctx, { productId: s.product.id, version: 2, title: 'EULA v2', body: 'New terms' });
    const again = await askLink(member, s, s.files.software.id);
    await expectError(again, 403, 'downloads.agreement_required');
    expect(again.json().error.details.agreement).toMatchObject({ id: second.id, version: 2 });
    // Accepting the old version again does not do.
    await expectError(await askLink(member, s, s.files.software.id, { acceptAgreementId: s.agreement!.id }), 403, 'downloads.agreement_required');
    expect((await askLink(member, s, s.files.software.id, { acceptAgreementId: second.id })).statusCode).toBe(201);
    const versions = await t.database.db.select({ agreementId: agreementAcceptances.agreementId }).from(agreementAcceptances).where(eq(agreementAcceptances.userId, member.userId));
    expect(versions.map((v) => v.agreementId).sort()).toEqual([s.agreement!.id, second.id].sort());
  });

  it('does not ask when the product has no agreement', async () => {
    const s = await buildProductScenario(t);
    const file = await buildReleaseFile(t.ctx, { releaseId: s.currentRelease.id, resourceType: 'other', fileName: 'checksums.txt' });
    const member = await signInMember(t, s.organizationId, 'support', [s.siteA.id]);
    expect((await askLink(member, s, file.id, { acceptAgreementId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(201);
  });
});
