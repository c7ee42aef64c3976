import { and, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { contractStanding, type ContractStanding } from '../../../common/contracts';
import { entitlements, sites, supportContracts } from '../../db/schema/index';
import type { Db } from '../../platform/db';
import { prepared } from '../../platform/prepared';
import { AppError } from '../../platform/errors';

/**
 * Where a site's licensed products stand with their support contracts. Other modules (downloads,
 * cases) ask here whether a site may download software or open a case; the rules themselves are
 * in `common/contracts.ts`.
 */

export interface ContractRow {
  id: string;
  scope: 'site' | 'entitlement';
  tier: 'standard' | 'enhanced' | 'premium';
  startsOn: string;
  endsOn: string;
}

export interface EntitlementWithContract {
  entitlementId: string;
  organizationId: string;
  siteId: string;
  productId: string;
  quantity: number;
  /** The entitlement's own contract, else the site's; null when neither exists. */
  contract: ContractRow | null;
}

const own = alias(supportContracts, 'own_contract');
const siteWide = alias(supportContracts, 'site_contract');

function selectEntitlements(db: Db) {
  return db
    .select({
      entitlementId: entitlements.id,
      organizationId: entitlements.organizationId,
      siteId: entitlements.siteId,
      productId: entitlements.productId,
      quantity: entitlements.quantity,
      ownId: own.id,
      ownScope: own.scope,
      ownTier: own.tier,
      ownStartsOn: own.startsOn,
      ownEndsOn: own.endsOn,
      siteContractId: siteWide.id,
      siteTier: siteWide.tier,
      siteStartsOn: siteWide.startsOn,
      siteEndsOn: siteWide.endsOn,
    })
    .from(entitlements)
    .leftJoin(own, eq(own.id, entitlements.contractId))
    .leftJoin(siteWide, and(eq(siteWide.siteId, entitlements.siteId), eq(siteWide.scope, 'site')));
}

type Joined = Awaited<ReturnType<ReturnType<typeof selectEntitlements>['execute']>>[number];

function toEntitlement(row: Joined): EntitlementWithContract {
  const contract: ContractRow | null = row.ownId
    ? { id: row.ownId, scope: row.ownScope!, tier: row.ownTier!, startsOn: row.ownStartsOn!, endsOn: row.ownEndsOn! }
    : row.siteContractId
      ? { id: row.siteContractId, scope: 'site', tier: row.siteTier!, startsOn: row.siteStartsOn!, endsOn: row.siteEndsOn! }
      : null;
  return { entitlementId: row.entitlementId, organizationId: row.organizationId, siteId: row.siteId, productId: row.productId, quantity: row.quantity, contract };
}

/** The entitlement of a site to a product, with the contract that covers it; null when not licensed. */
export async function findEntitlement(db: Db, siteId: string, productId: string): Promise<EntitlementWithContract | null> {
  const [row] = await selectEntitlements(db).where(and(eq(entitlements.siteId, siteId), eq(entitlements.productId, productId)));
  return row ? toEntitlement(row) : null;
}

/** Every entitlement of an organization, or of some of its sites. */
export async function listEntitlements(db: Db, organizationId: string, siteIds?: readonly string[]): Promise<EntitlementWithContract[]> {
  if (siteIds && siteIds.length === 0) return [];
  const where = siteIds ? and(eq(entitlements.organizationId, organizationId), inArray(entitlements.siteId, [...siteIds])) : eq(entitlements.organizationId, organizationId);
  const rows = await selectEntitlements(db).where(where).orderBy(sql`${entitlements.createdAt}`);
  return rows.map(toEntitlement);
}

/** The site's own contract (scope `site`), or null. */
export async function findSiteContract(db: Db, siteId: string): Promise<ContractRow | null> {
  const [row] = await db
    .select({ id: supportContracts.id, scope: supportContracts.scope, tier: supportContracts.tier, startsOn: supportContracts.startsOn, endsOn: supportContracts.endsOn })
    .from(supportContracts)
    .where(and(eq(supportContracts.siteId, siteId), eq(supportContracts.scope, 'site')));
  return row ?? null;
}

/**
 * The organization's site and its site contract (or null) in one prepared statement: what creating
 * a case checks first. Undefined when the site is not the organization's.
 */
export async function findSiteWithContract(db: Db, organizationId: string, siteId: string): Promise<{ site: typeof sites.$inferSelect; contract: ContractRow | null } | undefined> {
  const statement = prepared(db, 'find_site_with_contract', (d) =>
    d
      .select({ site: sites, contractId: supportContracts.id, scope: supportContracts.scope, tier: supportContracts.tier, startsOn: supportContracts.startsOn, endsOn: supportContracts.endsOn })
      .from(sites)
      .leftJoin(supportContracts, and(eq(supportContracts.siteId, sites.id), eq(supportContracts.scope, 'site')))
      .where(and(eq(sites.id, sql.placeholder('siteId')), eq(sites.organizationId, sql.placeholder('organizationId'))))
      .limit(1)
      .prepare('find_site_with_contract'),
  );
  const [row] = await statement.execute({ siteId, organizationId });
  if (!row) return undefined;
  const { site, contractId, scope, tier, startsOn, endsOn } = row;
  return { site, contract: contractId && scope && tier && startsOn && endsOn ? { id: contractId, scope, tier, startsOn, endsOn } : null };
}

/** Where a contract (or its absence) stands now. */
export function standingOf(contract: ContractRow | null, now: Date): ContractStanding {
  return contractStanding(contract ? { startsOn: contract.startsOn, endsOn: contract.endsOn } : null, now);
}

/**
 * Throws 403 `contract.expired` (past the grace period) or `contract.none` (no contract) when the
 * standing does not allow software downloads or case creation; details carry the standing so the
 * client can offer "notify my account manager".
 */
export function assertContractAllowsAccess(standing: ContractStanding): void {
  if (standing.allowsAccess) return;
  throw new AppError(standing.state === 'none' ? 'contract.none' : 'contract.expired', 403, { contract: standing });
}
