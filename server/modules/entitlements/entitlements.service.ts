import type { CreateEntitlementBody, Entitlement, OrganizationEntitlements, SupportContract, UpdateEntitlementBody } from '../../../common/schemas/entitlements';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import type { RequestOrigin, ServiceContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { badRequest, conflict, notFound } from '../../platform/errors';
import type { OrganizationAccess } from '../organizations/organization-access';
import { findSite, listSites } from '../organizations/organizations.repository';
import { lockOrganizationForChange } from '../organizations/organizations.service';
import { orderAsTree } from '../organizations/sites.service';
import { standingOf } from './contract-standing';
import { presentContract } from './contracts.service';
import { contractAudit } from './entitlements.audit';
import {
  deleteEntitlement,
  findContract,
  findEntitlementOfSite,
  findEntitlementWithProduct,
  findSiteScopeContract,
  insertEntitlement,
  listContractsOfOrganization,
  listEntitlementsWithProducts,
  updateEntitlement,
  type EntitlementWithProduct,
  type SupportContractRow,
} from './entitlements.repository';
import { findProduct } from '../catalog/catalog.repository';

/** An entitlement as the API shows it: covered by its own contract, else the site's, else none. */
function presentEntitlement(row: EntitlementWithProduct, own: SupportContractRow | null, site: SupportContractRow | null, now: Date): Entitlement {
  const covering = own ?? site;
  return {
    id: row.id,
    siteId: row.siteId,
    product: { id: row.productId, name: row.productName },
    quantity: row.quantity,
    contractId: row.contractId,
    coveredBy: own ? 'own' : site ? 'site' : 'none',
    standing: standingOf(covering, now),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Every site of the organization with its contract, entitlements and their standings now. */
export async function listOrganizationEntitlements(ctx: ServiceContext, access: OrganizationAccess): Promise<OrganizationEntitlements> {
  const organizationId = access.organization.id;
  const now = ctx.clock.now();
  const [siteRows, contracts, licensed] = [await listSites(ctx.db, organizationId), await listContractsOfOrganization(ctx.db, organizationId), await listEntitlementsWithProducts(ctx.db, organizationId)];
  const byId = new Map(contracts.map((c) => [c.id, c]));
  const siteContract = new Map(contracts.filter((c) => c.scope === 'site').map((c) => [c.siteId, c]));
  const items = orderAsTree(siteRows).map((site) => {
    const contract = siteContract.get(site.id) ?? null;
    const entitlementContracts: SupportContract[] = contracts.filter((c) => c.siteId === site.id && c.scope === 'entitlement').map((c) => presentContract(c, now));
    return {
      site: { id: site.id, name: site.name, parentId: site.parentId },
      contract: contract ? presentContract(contract, now) : null,
      entitlements: licensed.filter((e) => e.siteId === site.id).map((e) => presentEntitlement(e, e.contractId ? (byId.get(e.contractId) ?? null) : null, contract, now)),
      entitlementContracts,
    };
  });
  return { items, checkedAt: now.toISOString() };
}

/** The entitlement as the API shows it, read again with the contracts that cover it. */
async function loadEntitlement(db: Db, organizationId: string, entitlementId: string, now: Date): Promise<Entitlement> {
  const row = await findEntitlementWithProduct(db, organizationId, entitlementId);
  if (!row) throw notFound();
  const own = row.contractId ? ((await findContract(db, organizationId, row.contractId)) ?? null) : null;
  return presentEntitlement(row, own, (await findSiteScopeContract(db, row.siteId)) ?? null, now);
}

/** A contract an entitlement may name: the organization's (else 404) and of the same site (else 400). */
async function assertContractOfSite(db: Db, organizationId: string, siteId: string, contractId: string): Promise<void> {
  const contract = await findContract(db, organizationId, contractId);
  if (!contract) throw notFound();
  if (contract.siteId !== siteId) throw badRequest('contracts.wrong_site', { fieldErrors: { contractId: ['Must be a contract of the same site'] } });
}

/** Licenses a product to a site, with a quantity and optionally its own contract. */
export async function createEntitlement(ctx: ServiceContext, actor: Actor, access: OrganizationAccess, siteId: string, body: CreateEntitlementBody, origin: RequestOrigin): Promise<Entitlement> {
  const organizationId = access.organization.id;
  return ctx.db.transaction(async (tx) => {
    // The organization lock makes the duplicate check safe against a concurrent insert.
    await lockOrganizationForChange(tx, organizationId);
    if (!(await findSite(tx, organizationId, siteId))) throw notFound('sites.not_found');
    const product = await findProduct(tx, body.productId);
    if (!product) throw notFound('entitlements.product_not_found');
    if (await findEntitlementOfSite(tx, siteId, body.productId)) throw conflict('entitlements.product_taken');
    const contractId = body.contractId ?? null;
    if (contractId) await assertContractOfSite(tx, organizationId, siteId, contractId);
    const now = ctx.clock.now();
    const row = await insertEntitlement(tx, { organizationId, siteId, productId: product.id, quantity: body.quantity, contractId, createdAt: now, updatedAt: now });
    await recordAudit(
      tx,
      contractAudit(actor, origin, {
        action: 'entitlement.created',
        organizationId,
        targetType: 'entitlement',
        targetId: row.id,
        details: { siteId, productId: product.id, product: product.name, before: null, after: { quantity: row.quantity, contractId } },
      }),
    );
    return loadEntitlement(tx, organizationId, row.id, now);
  });
}

/** Changes the licensed quantity or the entitlement's own contract (null: the site's contract covers it). */
export async function updateEntitlementDetails(
  ctx: ServiceContext,
  actor: Actor,
  access: OrganizationAccess,
  entitlementId: string,
  body: UpdateEntitlementBody,
  origin: RequestOrigin,
): Promise<Entitlement> {
  const organizationId = access.organization.id;
  return ctx.db.transaction(async (tx) => {
    await lockOrganizationForChange(tx, organizationId);
    const current = await findEntitlementWithProduct(tx, organizationId, entitlementId);
    if (!current) throw notFound();
    const next = { quantity: body.quantity ?? current.quantity, contractId: body.contractId === undefined ? current.contractId : body.contractId };
    if (next.contractId && next.contractId !== current.contractId) await assertContractOfSite(tx, organizationId, current.siteId, next.contractId);
    const changed = (['quantity', 'contractId'] as const).filter((key) => next[key] !== current[key]);
    const now = ctx.clock.now();
    if (changed.length > 0) {
      await updateEntitlement(tx, entitlementId, { ...next, updatedAt: now });
      await recordAudit(
        tx,
        contractAudit(actor, origin, {
          action: 'entitlement.updated',
          organizationId,
          targetType: 'entitlement',
          targetId: entitlementId,
          details: {
            siteId: current.siteId,
            productId: current.productId,
            product: current.productName,
            before: Object.fromEntries(changed.map((key) => [key, current[key]])),
            after: Object.fromEntries(changed.map((key) => [key, next[key]])),
          },
        }),
      );
    }
    return loadEntitlement(tx, organizationId, entitlementId, now);
  });
}

/** Takes a product's licence away from a site. */
export async function deleteEntitlementOf(ctx: ServiceContext, actor: Actor, access: OrganizationAccess, entitlementId: string, origin: RequestOrigin): Promise<void> {
  const organizationId = access.organization.id;
  await ctx.db.transaction(async (tx) => {
    await lockOrganizationForChange(tx, organizationId);
    const current = await findEntitlementWithProduct(tx, organizationId, entitlementId);
    if (!current) throw notFound();
    await deleteEntitlement(tx, entitlementId);
    await recordAudit(
      tx,
      contractAudit(actor, origin, {
        action: 'entitlement.deleted',
        organizationId,
        targetType: 'entitlement',
        targetId: entitlementId,
        details: { siteId: current.siteId, productId: current.productId, product: current.productName, before: { quantity: current.quantity, contractId: current.contractId }, after: null },
      }),
    );
  });
}
