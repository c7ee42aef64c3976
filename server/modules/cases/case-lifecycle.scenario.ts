import { randomUUID } from 'node:crypto';
import type { CustomerRole, StaffRole } from '../../../common/permissions';
import { productFamilies } from '../../db/schema/index';
import { buildContract, buildEntitlement, buildProduct, buildRelease, isoDateFrom } from '../../test/catalog-factories';
import { buildMember, buildOrganization, buildSite, buildUser } from '../../test/factories';
import { signInAs, type SignedIn, type TestApp } from '../../test/test-app';
import { updateUser } from '../users/users.repository';

/**
 * Test data for the case lifecycle tests: an organization with two sites, the first under a
 * support contract and licensed a product of its own family with two published versions and a
 * draft; the second without contract or products.
 */
export interface CaseScenario {
  organizationId: string;
  siteA: { id: string; name: string };
  siteB: { id: string; name: string };
  family: { id: string; name: { en: string; ko: string } };
  product: { id: string; name: string };
  oldRelease: { id: string; version: string };
  newRelease: { id: string; version: string };
  draftRelease: { id: string; version: string };
  base: string;
}

/** Builds the scenario; the contract of site A ends `contractEndsInDays` from the clock (365), or is absent with null. */
export async function buildCaseScenario(t: TestApp, options: { contractEndsInDays?: number | null } = {}): Promise<CaseScenario> {
  const { ctx } = t;
  const id = randomUUID().slice(0, 8);
  const organization = await buildOrganization(ctx, { name: `Hanbit Energy ${id}` });
  const siteA = await buildSite(ctx, { organizationId: organization.id, name: 'Yeosu plant' });
  const siteB = await buildSite(ctx, { organizationId: organization.id, name: 'Ulsan plant' });
  if (options.contractEndsInDays !== null) await buildContract(ctx, { organizationId: organization.id, siteId: siteA.id, endsInDays: options.contractEndsInDays ?? 365 });
  const familyName = { en: `Visualization ${id}`, ko: `시각화 ${id}` };
  const [family] = await ctx.db.insert(productFamilies).values({ name: familyName, description: { en: 'Screens', ko: '화면' }, sortOrder: 100 }).returning();
  const product = await buildProduct(ctx, { name: `PI Vision ${id}`, familyId: family!.id });
  await buildEntitlement(ctx, { organizationId: organization.id, siteId: siteA.id, productId: product.id });
  const now = ctx.clock.now();
  const oldRelease = await buildRelease(ctx, { productId: product.id, version: '2023.1', releasedOn: isoDateFrom(now, -400) });
  const newRelease = await buildRelease(ctx, { productId: product.id, version: '2024.2', releasedOn: isoDateFrom(now, -20) });
  const draftRelease = await buildRelease(ctx, { productId: product.id, version: '2025.0', releasedOn: isoDateFrom(now, -1), published: false });
  const pick = (r: { id: string; version: string }) => ({ id: r.id, version: r.version });
  return {
    organizationId: organization.id,
    siteA: { id: siteA.id, name: siteA.name },
    siteB: { id: siteB.id, name: siteB.name },
    family: { id: family!.id, name: familyName },
    product: { id: product.id, name: product.name },
    oldRelease: pick(oldRelease),
    newRelease: pick(newRelease),
    draftRelease: pick(draftRelease),
    base: `/api/v1/organizations/${organization.id}`,
  };
}

/** A new member of the organization with a role (and sites below admin), signed in; `locale` sets their language. */
export async function signInCaseMember(
  t: TestApp,
  organizationId: string,
  role: CustomerRole,
  options: { siteIds?: string[]; locale?: 'ko' | 'en'; name?: string } = {},
): Promise<SignedIn> {
  const user = await buildUser(t.ctx, options.name ? { name: options.name } : {});
  if (options.locale) await updateUser(t.ctx.db, user.id, { locale: options.locale });
  await buildMember(t.ctx, { organizationId, userId: user.id, role, siteIds: options.siteIds ?? [] });
  return signInAs(t.app, user.email);
}

/** A new vendor staff user, signed in (a support engineer unless told). */
export async function signInStaff(t: TestApp, staffRole: StaffRole = 'support_engineer', options: { locale?: 'ko' | 'en'; name?: string } = {}): Promise<SignedIn> {
  const user = await buildUser(t.ctx, { staffRole, ...(options.name ? { name: options.name } : {}) });
  if (options.locale) await updateUser(t.ctx.db, user.id, { locale: options.locale });
  return signInAs(t.app, user.email);
}

/** A valid body for POST /cases on site A about the product's newest version. */
export function caseBody(s: CaseScenario, overrides: Record<string, unknown> = {}) {
  return {
    siteId: s.siteA.id,
    category: 'technical_support',
    productFamilyId: s.family.id,
    productId: s.product.id,
    releaseId: s.newRelease.id,
    subject: 'Trend display freezes',
    description: 'The trend stops updating after **10 minutes**.',
    language: 'en',
    ...overrides,
  };
}
