import type { CustomerRole } from '../../../common/permissions';
import { buildAgreement, buildComponent, buildContract, buildEntitlement, buildProduct, buildRelease, buildReleaseFile, isoDateFrom } from '../../test/catalog-factories';
import { buildMember, buildOrganization, buildSite, buildUser } from '../../test/factories';
import { signInAs, type SignedIn, type TestApp } from '../../test/test-app';

/**
 * Test data for the Products and downloads tests: an organization with two sites, a product
 * licensed to the first under the site's contract, with an older and a current published release,
 * a draft, and files of each kind.
 */
export interface ProductScenario {
  organizationId: string;
  siteA: { id: string; name: string };
  siteB: { id: string; name: string };
  product: { id: string; name: string };
  entitlementId: string;
  contractId: string | null;
  oldRelease: { id: string; version: string };
  currentRelease: { id: string; version: string };
  draftRelease: { id: string; version: string };
  files: {
    software: { id: string; fileName: string; sha256: string; size: number };
    manual: { id: string; fileName: string; sha256: string; size: number };
    oldSoftware: { id: string; fileName: string; sha256: string; size: number };
    draft: { id: string; fileName: string; sha256: string; size: number };
  };
  agreement: { id: string; version: number } | null;
  base: string;
}

export async function buildProductScenario(
  t: TestApp,
  options: { contractEndsInDays?: number | null; agreement?: boolean; productName?: string; softwareContent?: Buffer; softwareName?: string } = {},
): Promise<ProductScenario> {
  const { ctx } = t;
  const organization = await buildOrganization(ctx);
  const siteA = await buildSite(ctx, { organizationId: organization.id, name: 'Yeosu plant' });
  const siteB = await buildSite(ctx, { organizationId: organization.id, name: 'Ulsan plant' });
  const contract =
    options.contractEndsInDays === null ? null : await buildContract(ctx, { organizationId: organization.id, siteId: siteA.id, endsInDays: options.contractEndsInDays ?? 365 });
  const product = await buildProduct(ctx, options.productName ? { name: options.productName } : {});
  await buildComponent(ctx, { productId: product.id, name: 'Data Archive' });
  await buildComponent(ctx, { productId: product.id, name: 'Asset Framework' });
  const entitlement = await buildEntitlement(ctx, { organizationId: organization.id, siteId: siteA.id, productId: product.id, quantity: 5 });
  const now = ctx.clock.now();
  const oldRelease = await buildRelease(ctx, { productId: product.id, version: '2023.1', releasedOn: isoDateFrom(now, -400), notes: 'The old one' });
  const currentRelease = await buildRelease(ctx, { productId: product.id, version: '2024.2', releasedOn: isoDateFrom(now, -20), notes: 'Faster archive' });
  const draftRelease = await buildRelease(ctx, { productId: product.id, version: '2025.0', releasedOn: isoDateFrom(now, -1), published: false });
  const software = await buildReleaseFile(ctx, {
    releaseId: currentRelease.id,
    resourceType: 'software',
    fileName: options.softwareName ?? 'PI-Server_2024.2_setup.exe',
    content: options.softwareContent ?? Buffer.from('MZ current installer bytes'),
  });
  const manual = await buildReleaseFile(ctx, { releaseId: currentRelease.id, resourceType: 'manual', fileName: 'PI Server guide.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.7 guide') });
  const oldSoftware = await buildReleaseFile(ctx, { releaseId: oldRelease.id, resourceType: 'software', fileName: 'PI-Server_2023.1_setup.exe', content: Buffer.from('MZ old installer') });
  const draft = await buildReleaseFile(ctx, { releaseId: draftRelease.id, resourceType: 'software', fileName: 'PI-Server_2025.0_setup.exe', content: Buffer.from('MZ draft') });
  const agreement = options.agreement ? await buildAgreement(ctx, { productId: product.id, title: 'EULA', body: 'Terms of use' }) : null;
  const pick = (f: { id: string; fileName: string; sha256: string; size: number }) => ({ id: f.id, fileName: f.fileName, sha256: f.sha256, size: f.size });
  return {
    organizationId: organization.id,
    siteA: { id: siteA.id, name: siteA.name },
    siteB: { id: siteB.id, name: siteB.name },
    product: { id: product.id, name: product.name },
    entitlementId: entitlement.id,
    contractId: contract?.id ?? null,
    oldRelease: { id: oldRelease.id, version: oldRelease.version },
    currentRelease: { id: currentRelease.id, version: currentRelease.version },
    draftRelease: { id: draftRelease.id, version: draftRelease.version },
    files: { software: pick(software), manual: pick(manual), oldSoftware: pick(oldSoftware), draft: pick(draft) },
    agreement: agreement ? { id: agreement.id, version: agreement.version } : null,
    base: `/api/v1/organizations/${organization.id}`,
  };
}

/** A new user, member of the organization with a role (and sites below admin), signed in. */
export async function signInMember(t: TestApp, organizationId: string, role: CustomerRole, siteIds: string[] = []): Promise<SignedIn> {
  const user = await buildUser(t.ctx);
  await buildMember(t.ctx, { organizationId, userId: user.id, role, siteIds });
  return signInAs(t.app, user.email);
}

/** The path of a product of a site, under the organization. */
export function productPath(scenario: ProductScenario, rest = '', siteId = scenario.siteA.id, productId = scenario.product.id): string {
  return `${scenario.base}/sites/${siteId}/products/${productId}${rest}`;
}
