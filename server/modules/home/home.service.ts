import { DEFAULT_FEED_KINDS, DEFAULT_HOME_HIGHLIGHTS, FEED_KINDS, HOME_HIGHLIGHT_KINDS, NEW_RELEASE_DAYS, type HomeHighlightKind } from '../../../common/cases';
import { contractStanding } from '../../../common/contracts';
import type { HomeHighlights, HomePreferences } from '../../../common/schemas/cases';
import type { Actor } from '../../platform/actor';
import type { ServiceContext } from '../../platform/context';
import { badRequest } from '../../platform/errors';
import { visibleCaseSiteIds } from '../cases/case-list.service';
import type { OrganizationAccess } from '../organizations/organization-access';
import { canOnOrganization, type OrganizationStanding } from '../organizations/organizations.policy';
import { accessibleSiteIds } from '../products/products.service';
import { countHighlights, findHomePreferences, listSiteContracts, upsertHomePreferences, type CountedHighlight } from './home.repository';

/** The sites whose products (releases, contracts) the actor sees: null for all, none without `product.view`. */
export function visibleProductSiteIds(standing: OrganizationStanding): readonly string[] | null {
  return canOnOrganization(standing, 'product.view') ? accessibleSiteIds(standing) : [];
}

const known = <T extends string>(values: readonly string[] | null | undefined, allowed: readonly T[], defaults: readonly T[]): T[] =>
  values ? values.filter((value): value is T => (allowed as readonly string[]).includes(value)) : [...defaults];

/** The person's home choices, with the defaults for what they never chose. */
export async function getHomePreferences(ctx: ServiceContext, actor: Actor): Promise<HomePreferences> {
  const row = await findHomePreferences(ctx.db, actor.userId);
  return {
    highlights: known(row?.homeHighlights, HOME_HIGHLIGHT_KINDS, DEFAULT_HOME_HIGHLIGHTS),
    feedKinds: known(row?.homeFeedKinds, FEED_KINDS, DEFAULT_FEED_KINDS),
  };
}

const duplicates = (values: readonly string[]) => values.filter((value, index) => values.indexOf(value) !== index);

/** Saves which highlights (in order) and feed kinds the person wants; a kind named twice answers 400. */
export async function updateHomePreferences(ctx: ServiceContext, actor: Actor, body: HomePreferences): Promise<HomePreferences> {
  const fieldErrors: Record<string, string[]> = {};
  if (duplicates(body.highlights).length > 0) fieldErrors.highlights = [`named twice: ${[...new Set(duplicates(body.highlights))].join(', ')}`];
  if (duplicates(body.feedKinds).length > 0) fieldErrors.feedKinds = [`named twice: ${[...new Set(duplicates(body.feedKinds))].join(', ')}`];
  if (Object.keys(fieldErrors).length > 0) throw badRequest('validation.failed', { in: 'body', fieldErrors });
  await upsertHomePreferences(ctx.db, actor.userId, { homeHighlights: [...body.highlights], homeFeedKinds: [...body.feedKinds] }, ctx.clock.now());
  return { highlights: [...body.highlights], feedKinds: [...body.feedKinds] };
}

/**
 * The highlights panel: the figures the person chose, in their order. Case figures count the cases
 * of the sites the person sees (0 without `case.view`); contracts ending are the site contracts of
 * their sites that are expiring or in grace; new releases are those published in the last
 * NEW_RELEASE_DAYS days for products licensed to their sites.
 */
export async function getHomeHighlights(ctx: ServiceContext, actor: Actor, access: OrganizationAccess): Promise<HomeHighlights> {
  const { highlights } = await getHomePreferences(ctx, actor);
  const now = ctx.clock.now();
  const productSiteIds = visibleProductSiteIds(access.standing);
  const counted = highlights.filter((kind): kind is CountedHighlight => kind !== 'contracts_ending');
  const counts = await countHighlights(
    ctx.db,
    { organizationId: access.organization.id, userId: actor.userId, caseSiteIds: visibleCaseSiteIds(access.standing), productSiteIds, now, newReleaseDays: NEW_RELEASE_DAYS },
    counted,
  );
  let contractsEnding = 0;
  if (highlights.includes('contracts_ending')) {
    const contracts = await listSiteContracts(ctx.db, access.organization.id, productSiteIds);
    contractsEnding = contracts.filter((contract) => ['expiring', 'grace'].includes(contractStanding(contract, now).state)).length;
  }
  const valueOf = (kind: HomeHighlightKind) => (kind === 'contracts_ending' ? contractsEnding : counts[kind]);
  return { items: highlights.map((kind) => ({ kind, value: valueOf(kind) })) };
}

