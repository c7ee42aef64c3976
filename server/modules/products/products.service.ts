import { readAll } from '../../platform/db';
import type { ContractStanding } from '../../../common/contracts';
import {
  SOFTWARE_RESOURCE_TYPES,
  type Bulletin,
  type DisplayNameBody,
  type DisplayNameResult,
  type DownloadAbilities,
  type DownloadAbility,
  type FileList,
  type ProductDetail,
  type ResourceType,
} from '../../../common/schemas/products';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import type { RequestOrigin, ServiceContext } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { findEntitlement, standingOf, type EntitlementWithContract } from '../entitlements/contract-standing';
import type { OrganizationAccess } from '../organizations/organization-access';
import { ALL_SITES_ROLES, canOnSite, type OrganizationStanding } from '../organizations/organizations.policy';
import {
  deleteDisplayName,
  findCurrentAgreement,
  findCurrentRelease,
  findLicensedProduct,
  hasAcceptedAgreement,
  listBulletins,
  listComponents,
  listPublishedReleases,
  listReleaseFiles,
  upsertDisplayName,
} from './products.repository';

/** The sites the actor may act on: null for all of them (owners, admins, vendor staff). */
export function accessibleSiteIds(standing: OrganizationStanding): readonly string[] | null {
  if (standing.staffRole !== null || (standing.memberRole !== null && ALL_SITES_ROLES.includes(standing.memberRole))) return null;
  return standing.siteIds;
}

/** True for resource types that are software: they need `download.software` and a contract in force. */
export function isSoftware(resourceType: ResourceType): boolean {
  return SOFTWARE_RESOURCE_TYPES.includes(resourceType);
}

/** What the actor may download on a site under a contract standing, and why not. */
export function downloadAbilities(standing: OrganizationStanding, siteId: string, contract: ContractStanding): DownloadAbilities {
  const software: DownloadAbility = !canOnSite(standing, 'download.software', siteId)
    ? { allowed: false, reason: 'permission' }
    : contract.allowsAccess
      ? { allowed: true, reason: null }
      : { allowed: false, reason: contract.state === 'none' ? 'contract.none' : 'contract.expired' };
  const documents: DownloadAbility = canOnSite(standing, 'download.document', siteId) ? { allowed: true, reason: null } : { allowed: false, reason: 'permission' };
  return { software, documents };
}

/** The download ability for a file of this resource type. */
export function abilityFor(abilities: DownloadAbilities, resourceType: ResourceType): DownloadAbility {
  return isSoftware(resourceType) ? abilities.software : abilities.documents;
}

/** The site's entitlement to the product, or 404 `products.not_found`. */
async function requireEntitlement(ctx: ServiceContext, siteId: string, productId: string): Promise<EntitlementWithContract> {
  const entitlement = await findEntitlement(ctx.db, siteId, productId);
  if (!entitlement) throw notFound('products.not_found');
  return entitlement;
}

/** One licensed product of a site: entitlement, components, releases, bulletins, agreement in force. */
export async function getProductDetail(ctx: ServiceContext, actor: Actor, access: OrganizationAccess, siteId: string, productId: string): Promise<ProductDetail> {
  const entitlement = await requireEntitlement(ctx, siteId, productId);
  const [licensed, components, releaseRows, bulletinRows, agreement] = await readAll(ctx.db, [
    () => findLicensedProduct(ctx.db, siteId, productId, actor.userId),
    () => listComponents(ctx.db, productId),
    () => listPublishedReleases(ctx.db, productId),
    () => listBulletins(ctx.db, productId),
    () => findCurrentAgreement(ctx.db, productId),
  ]);
  if (!licensed) throw notFound('products.not_found');
  const standing = standingOf(entitlement.contract, ctx.clock.now());
  const bulletins = (kind: 'notice' | 'known_issue' | 'document'): Bulletin[] =>
    bulletinRows
      .filter((b) => b.kind === kind)
      .map((b) => ({ id: b.id, title: b.title, body: b.body, url: b.url, publishedOn: b.publishedOn, release: b.releaseId ? { id: b.releaseId, version: b.releaseVersion! } : null }));
  const contract = entitlement.contract;
  return {
    site: licensed.site,
    product: { ...licensed.product, family: licensed.family },
    entitlementId: entitlement.entitlementId,
    displayName: licensed.displayName,
    quantity: entitlement.quantity,
    contract: contract ? { tier: contract.tier, startsOn: contract.startsOn, endsOn: contract.endsOn } : null,
    standing,
    downloads: downloadAbilities(access.standing, siteId, standing),
    components,
    releases: releaseRows,
    notices: bulletins('notice'),
    knownIssues: bulletins('known_issue'),
    documents: bulletins('document'),
    agreement: agreement ?? null,
    agreementAccepted: agreement ? await hasAcceptedAgreement(ctx.db, actor.userId, agreement.id) : false,
    // Filled by the licensing capability once licences are issued.
    activations: [],
  };
}

/** Sets (or, with an empty name, clears) the actor's own name for a product licensed to the site. */
export async function setDisplayName(
  ctx: ServiceContext,
  actor: Actor,
  access: OrganizationAccess,
  siteId: string,
  productId: string,
  body: DisplayNameBody,
  origin: RequestOrigin,
): Promise<DisplayNameResult> {
  const entitlement = await requireEntitlement(ctx, siteId, productId);
  const displayName = body.displayName === '' ? null : body.displayName;
  await ctx.db.transaction(async (tx) => {
    if (displayName === null) await deleteDisplayName(tx, actor.userId, entitlement.entitlementId);
    else await upsertDisplayName(tx, { userId: actor.userId, entitlementId: entitlement.entitlementId, displayName, updatedAt: ctx.clock.now() });
    await recordAudit(tx, {
      category: 'catalog',
      action: 'product.display_name.updated',
      actorUserId: actor.userId,
      actorLabel: actor.email,
      organizationId: access.organization.id,
      targetType: 'entitlement',
      targetId: entitlement.entitlementId,
      ip: origin.ip,
      client: origin.client,
      details: { siteId, productId, displayName },
    });
  });
  return { displayName };
}

/** The live files of the product's published releases: the newest release's, or every release's with search and filter. */
export async function listProductFiles(
  ctx: ServiceContext,
  access: OrganizationAccess,
  siteId: string,
  productId: string,
  query: { resourceType?: ResourceType | undefined; version: 'current' | 'all'; q?: string | undefined; releaseId?: string | undefined },
): Promise<FileList> {
  const entitlement = await requireEntitlement(ctx, siteId, productId);
  let releaseId = query.releaseId;
  if (query.version === 'current') {
    const current = await findCurrentRelease(ctx.db, productId);
    if (!current || (releaseId && releaseId !== current.id)) return { items: [] };
    releaseId = current.id;
  }
  const rows = await listReleaseFiles(ctx.db, productId, { releaseId, resourceType: query.resourceType, q: query.q || undefined });
  const abilities = downloadAbilities(access.standing, siteId, standingOf(entitlement.contract, ctx.clock.now()));
  return {
    items: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString(), download: abilityFor(abilities, row.resourceType) })),
  };
}
