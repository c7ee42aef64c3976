import { CASE_CATEGORIES, type CaseLanguage } from '../../../common/cases';
import { pickLocale, type Locale } from '../../../common/locale';
import type { CaseFamilyOption, CaseWizardOptions, CreateCaseBody } from '../../../common/schemas/cases';
import type { z } from 'zod';
import type { Actor } from '../../platform/actor';
import type { ServiceContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { findProduct } from '../catalog/catalog.repository';
import { findRelease } from '../catalog/releases.repository';
import { findSiteContract, listEntitlements, standingOf } from '../entitlements/contract-standing';
import type { OrganizationAccess } from '../organizations/organization-access';
import { listSites } from '../organizations/organizations.repository';
import { canOnSite, type OrganizationStanding } from '../organizations/organizations.policy';
import { listPeople } from './cases.repository';
import { listProductsWithFamilies, listPublishedVersions } from './case-wizard.repository';

/**
 * The case creation wizard (myOSIsoft, seed 000 pp. 23–25): which sites a member may open cases
 * for, the products of each site's entitlements, the contract standing that decides whether the
 * renewal message shows, and the account team it names.
 */

type FamilyOption = z.infer<typeof CaseFamilyOption>;

/** True when the standing may open cases on the site (owners and admins: every site; others: their sites). */
export function canCreateCaseOn(standing: OrganizationStanding, siteId: string): boolean {
  return canOnSite(standing, 'case.create', siteId);
}

/** The language a new case starts in: the member's own, else the browser's, else Korean (as the manual asks). */
export function defaultCaseLanguage(actor: Actor, acceptLanguage: string | undefined): CaseLanguage {
  return actor.locale ?? pickLocale(acceptLanguage, 'ko');
}

/** Everything the wizard offers the actor in this organization. */
export async function getCaseWizardOptions(
  ctx: ServiceContext,
  actor: Actor,
  access: OrganizationAccess,
  request: { locale: Locale; acceptLanguage: string | undefined },
): Promise<CaseWizardOptions> {
  const organization = access.organization;
  const now = ctx.clock.now();
  const siteRows = (await listSites(ctx.db, organization.id)).filter((site) => canCreateCaseOn(access.standing, site.id));
  const siteIds = siteRows.map((site) => site.id);
  const entitled = await listEntitlements(ctx.db, organization.id, siteIds);
  const productIds = entitled.map((e) => e.productId);
  const [productRows, versionRows] = [await listProductsWithFamilies(ctx.db, productIds), await listPublishedVersions(ctx.db, productIds)];

  const versionsOf = new Map<string, { id: string; version: string }[]>();
  for (const v of versionRows) {
    const list = versionsOf.get(v.productId) ?? [];
    list.push({ id: v.id, version: v.version });
    versionsOf.set(v.productId, list);
  }
  const familiesOf = (siteId: string): FamilyOption[] => {
    const onSite = new Set(entitled.filter((e) => e.siteId === siteId).map((e) => e.productId));
    const families: FamilyOption[] = [];
    for (const row of productRows) {
      if (!onSite.has(row.productId)) continue;
      let family = families.find((f) => f.id === row.familyId);
      if (!family) {
        family = { id: row.familyId, name: row.familyName[request.locale], products: [] };
        families.push(family);
      }
      family.products.push({ id: row.productId, name: row.productName, versions: versionsOf.get(row.productId) ?? [] });
    }
    return families;
  };

  const sites = [];
  for (const site of siteRows) {
    const contract = await findSiteContract(ctx.db, site.id);
    sites.push({ id: site.id, name: site.name, contract: standingOf(contract, now), families: familiesOf(site.id) });
  }

  const team = await listPeople(ctx.db, [organization.accountManagerId, organization.successManagerId].filter((id): id is string => id !== null));
  const person = (id: string | null) => {
    const found = id ? team.find((p) => p.id === id) : undefined;
    return found ? { id: found.id, name: found.name, email: found.email } : null;
  };
  return {
    sites,
    categories: [...CASE_CATEGORIES],
    accountTeam: { accountManager: person(organization.accountManagerId), successManager: person(organization.successManagerId) },
    defaultLanguage: defaultCaseLanguage(actor, request.acceptLanguage),
    attachmentMaxBytes: ctx.config.caseAttachmentMaxBytes,
  };
}

const notEntitled = () => new AppError('cases.product_not_entitled', 422);

/**
 * Checks the product family, product and release chosen for a new case against the site's
 * entitlements and each other (null means Not sure; no product means no release); else 422
 * `cases.product_not_entitled`.
 */
export async function assertProductChoice(db: Db, organizationId: string, siteId: string, choice: Pick<CreateCaseBody, 'productFamilyId' | 'productId' | 'releaseId'>): Promise<void> {
  const { productFamilyId, productId, releaseId } = choice;
  if (productFamilyId === null && productId === null && releaseId === null) return;
  if (productId === null && releaseId !== null) throw notEntitled();
  const entitledIds = (await listEntitlements(db, organizationId, [siteId])).map((e) => e.productId);
  if (productId !== null) {
    if (!entitledIds.includes(productId)) throw notEntitled();
    const product = await findProduct(db, productId);
    // A product chosen means its family was chosen first: the wizard asks family → product → version.
    if (!product || product.familyId !== productFamilyId) throw notEntitled();
  } else {
    const families = await listProductsWithFamilies(db, entitledIds);
    if (!families.some((row) => row.familyId === productFamilyId)) throw notEntitled();
  }
  if (releaseId !== null) {
    const release = await findRelease(db, releaseId);
    if (!release || release.productId !== productId || !release.publishedAt) throw notEntitled();
  }
}
