import { and, asc, eq, gt, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import { auditEvents, contractReminders, entitlements, members, organizations, products, sites, supportContracts, users } from '../../db/schema/index';
import type { Db } from '../../platform/db';

export type SupportContractRow = typeof supportContracts.$inferSelect;
export type EntitlementRow = typeof entitlements.$inferSelect;

/** An entitlement with its product's name. */
export interface EntitlementWithProduct extends EntitlementRow {
  productName: string;
}

const entitlementColumns = {
  id: entitlements.id,
  organizationId: entitlements.organizationId,
  siteId: entitlements.siteId,
  productId: entitlements.productId,
  quantity: entitlements.quantity,
  contractId: entitlements.contractId,
  createdAt: entitlements.createdAt,
  updatedAt: entitlements.updatedAt,
  productName: products.name,
};

// ---- Contracts ----

/** Every support contract of the organization, oldest first. */
export async function listContractsOfOrganization(db: Db, organizationId: string): Promise<SupportContractRow[]> {
  return db.select().from(supportContracts).where(eq(supportContracts.organizationId, organizationId)).orderBy(asc(supportContracts.createdAt), asc(supportContracts.id));
}

/** The organization's contract, if any. */
export async function findContract(db: Db, organizationId: string, contractId: string): Promise<SupportContractRow | undefined> {
  const [row] = await db
    .select()
    .from(supportContracts)
    .where(and(eq(supportContracts.id, contractId), eq(supportContracts.organizationId, organizationId)))
    .limit(1);
  return row;
}

/** The site's own contract (scope `site`), if any. */
export async function findSiteScopeContract(db: Db, siteId: string): Promise<SupportContractRow | undefined> {
  const [row] = await db
    .select()
    .from(supportContracts)
    .where(and(eq(supportContracts.siteId, siteId), eq(supportContracts.scope, 'site')))
    .limit(1);
  return row;
}

/** Inserts a support contract. */
export async function insertContract(db: Db, values: typeof supportContracts.$inferInsert): Promise<SupportContractRow> {
  const [row] = await db.insert(supportContracts).values(values).returning();
  return row!;
}

/** Changes a contract's tier, reference or dates. */
export async function updateContract(
  db: Db,
  contractId: string,
  values: Partial<Pick<SupportContractRow, 'tier' | 'reference' | 'startsOn' | 'endsOn' | 'updatedAt'>>,
): Promise<SupportContractRow> {
  const [row] = await db.update(supportContracts).set(values).where(eq(supportContracts.id, contractId)).returning();
  return row!;
}

/** Deletes a contract; entitlements that named it fall back to the site's contract (ON DELETE SET NULL). */
export async function deleteContract(db: Db, contractId: string): Promise<void> {
  await db.delete(supportContracts).where(eq(supportContracts.id, contractId));
}

// ---- Entitlements ----

/** Every entitlement of the organization with its product's name, by product name. */
export async function listEntitlementsWithProducts(db: Db, organizationId: string): Promise<EntitlementWithProduct[]> {
  return db
    .select(entitlementColumns)
    .from(entitlements)
    .innerJoin(products, eq(products.id, entitlements.productId))
    .where(eq(entitlements.organizationId, organizationId))
    .orderBy(asc(products.name), asc(entitlements.id));
}

/** The organization's entitlement with its product's name, if any. */
export async function findEntitlementWithProduct(db: Db, organizationId: string, entitlementId: string): Promise<EntitlementWithProduct | undefined> {
  const [row] = await db
    .select(entitlementColumns)
    .from(entitlements)
    .innerJoin(products, eq(products.id, entitlements.productId))
    .where(and(eq(entitlements.id, entitlementId), eq(entitlements.organizationId, organizationId)))
    .limit(1);
  return row;
}

/** The site's entitlement to a product, if any. */
export async function findEntitlementOfSite(db: Db, siteId: string, productId: string): Promise<EntitlementRow | undefined> {
  const [row] = await db
    .select()
    .from(entitlements)
    .where(and(eq(entitlements.siteId, siteId), eq(entitlements.productId, productId)))
    .limit(1);
  return row;
}

/** Inserts an entitlement. */
export async function insertEntitlement(db: Db, values: typeof entitlements.$inferInsert): Promise<EntitlementRow> {
  const [row] = await db.insert(entitlements).values(values).returning();
  return row!;
}

/** Changes an entitlement's quantity or own contract. */
export async function updateEntitlement(db: Db, entitlementId: string, values: Partial<Pick<EntitlementRow, 'quantity' | 'contractId' | 'updatedAt'>>): Promise<void> {
  await db.update(entitlements).set(values).where(eq(entitlements.id, entitlementId));
}

/** Deletes an entitlement (members' display names for it go with it). */
export async function deleteEntitlement(db: Db, entitlementId: string): Promise<void> {
  await db.delete(entitlements).where(eq(entitlements.id, entitlementId));
}

/** What a site deletion would have to take away: the sites' contracts and entitlements, named for people. */
export async function listSiteHoldings(db: Db, siteIds: readonly string[]): Promise<{ kind: 'contract' | 'entitlement'; id: string; name: string }[]> {
  if (siteIds.length === 0) return [];
  const contracts = await db
    .select({ id: supportContracts.id, siteName: sites.name, tier: supportContracts.tier, reference: supportContracts.reference, startsOn: supportContracts.startsOn, endsOn: supportContracts.endsOn })
    .from(supportContracts)
    .innerJoin(sites, eq(sites.id, supportContracts.siteId))
    .where(inArray(supportContracts.siteId, [...siteIds]))
    .orderBy(asc(sites.name), asc(supportContracts.endsOn));
  const licensed = await db
    .select({ id: entitlements.id, siteName: sites.name, productName: products.name, quantity: entitlements.quantity })
    .from(entitlements)
    .innerJoin(sites, eq(sites.id, entitlements.siteId))
    .innerJoin(products, eq(products.id, entitlements.productId))
    .where(inArray(entitlements.siteId, [...siteIds]))
    .orderBy(asc(sites.name), asc(products.name));
  return [
    ...contracts.map((c) => ({ kind: 'contract' as const, id: c.id, name: `${c.siteName} · SRP ${c.reference || c.tier} (${c.startsOn} – ${c.endsOn})` })),
    ...licensed.map((e) => ({ kind: 'entitlement' as const, id: e.id, name: `${e.siteName} · ${e.productName} × ${e.quantity}` })),
  ];
}

// ---- Reminders ----

/** A contract ending within a window, with its site and organization, for the daily reminders. */
export async function listContractsEndingBetween(db: Db, fromIsoDate: string, toIsoDate: string) {
  return db
    .select({
      contract: supportContracts,
      siteName: sites.name,
      organizationName: organizations.name,
      accountManagerId: organizations.accountManagerId,
    })
    .from(supportContracts)
    .innerJoin(sites, eq(sites.id, supportContracts.siteId))
    .innerJoin(organizations, eq(organizations.id, supportContracts.organizationId))
    .where(and(gte(supportContracts.endsOn, fromIsoDate), lte(supportContracts.endsOn, toIsoDate), isNull(organizations.archivedAt)))
    .orderBy(asc(supportContracts.endsOn), asc(supportContracts.id));
}

/** Records that a reminder was sent; false when it already was (another run, another server). */
export async function insertContractReminder(db: Db, values: { contractId: string; endsOn: string; daysBefore: number; sentAt: Date }): Promise<boolean> {
  const inserted = await db.insert(contractReminders).values(values).onConflictDoNothing().returning({ contractId: contractReminders.contractId });
  return inserted.length > 0;
}

/** The names of the products a contract covers: its own entitlements, or the site's without their own contract. */
export async function listProductNamesCoveredBy(db: Db, contract: Pick<SupportContractRow, 'id' | 'siteId' | 'scope'>): Promise<string[]> {
  const covers = contract.scope === 'site' ? and(eq(entitlements.siteId, contract.siteId), isNull(entitlements.contractId)) : eq(entitlements.contractId, contract.id);
  const rows = await db.select({ name: products.name }).from(entitlements).innerJoin(products, eq(products.id, entitlements.productId)).where(covers).orderBy(asc(products.name));
  return rows.map((r) => r.name);
}

export interface Recipient {
  userId: string;
  email: string;
  name: string;
  locale: 'ko' | 'en' | null;
}

/** The organization's active owners and admins whose accounts are active. */
export async function listOrganizationAdmins(db: Db, organizationId: string): Promise<Recipient[]> {
  return db
    .select({ userId: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(and(eq(members.organizationId, organizationId), eq(members.status, 'active'), inArray(members.role, ['owner', 'admin']), eq(users.status, 'active')))
    .orderBy(asc(users.email));
}

/** An active user as a mail recipient, if any. */
export async function findActiveRecipient(db: Db, userId: string): Promise<Recipient | undefined> {
  const [row] = await db
    .select({ userId: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.status, 'active')))
    .limit(1);
  return row;
}

/** True when the user asked their account manager about this site after `since` (read from the activity log). */
export async function hasNotifiedSince(db: Db, userId: string, siteId: string, since: Date): Promise<boolean> {
  const [row] = await db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.actorUserId, userId),
        gt(auditEvents.occurredAt, since),
        eq(auditEvents.action, 'contract.account_manager.notified'),
        eq(auditEvents.targetType, 'site'),
        eq(auditEvents.targetId, siteId),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Serializes notifications of one user about one site, so two at once cannot both pass the hourly limit. */
export async function lockNotification(db: Db, userId: string, siteId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`notify:${userId}:${siteId}`}, 0))`);
}
