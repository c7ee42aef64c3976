import type { CreateSiteBody, Site, SiteImpact, SiteTree, UpdateSiteBody } from '../../../common/schemas/organizations';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import type { RequestOrigin, ServiceContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { badRequest, conflict, notFound } from '../../platform/errors';
import { listSiteHoldings } from '../entitlements/entitlements.repository';
import type { OrganizationAccess } from './organization-access';
import {
  deleteMemberSitesOfSites,
  deleteSites,
  findSite,
  insertSite,
  listMembersWithSiteAccess,
  listSites,
  listSubSites,
  updateSite,
  type SiteRow,
} from './organizations.repository';
import { lockOrganizationForChange } from './organizations.service';
import { ALL_SITES_ROLES, type OrganizationStanding } from './organizations.policy';

function present(row: SiteRow): Site {
  return { id: row.id, name: row.name, parentId: row.parentId, createdAt: row.createdAt.toISOString() };
}

function auditBase(actor: Actor, organizationId: string, siteId: string, origin: RequestOrigin) {
  return {
    category: 'site' as const,
    actorUserId: actor.userId,
    actorLabel: actor.email,
    organizationId,
    targetType: 'site',
    targetId: siteId,
    ip: origin.ip,
    client: origin.client,
  };
}

/** True when the actor acts on every site: owners, admins and vendor staff. */
function actsOnAllSites(standing: OrganizationStanding): boolean {
  return standing.staffRole !== null || (standing.memberRole !== null && ALL_SITES_ROLES.includes(standing.memberRole));
}

/** Orders sites as a tree: each parent before its sub-sites, siblings in the order given (by name). */
export function orderAsTree<T extends { id: string; parentId: string | null }>(rows: readonly T[]): T[] {
  const children = new Map<string | null, T[]>();
  for (const row of rows) {
    const siblings = children.get(row.parentId) ?? [];
    siblings.push(row);
    children.set(row.parentId, siblings);
  }
  const ordered: T[] = [];
  const seen = new Set<string>();
  const visit = (parentId: string | null) => {
    for (const row of children.get(parentId) ?? []) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      ordered.push(row);
      visit(row.id);
    }
  };
  visit(null);
  // Nothing should be left over (parents are in the same organization); keep it visible if it is.
  for (const row of rows) if (!seen.has(row.id)) ordered.push(row);
  return ordered;
}

/** Every site of the organization in tree order, marked with whether the actor may act on it. */
export async function listSiteTree(ctx: ServiceContext, access: OrganizationAccess): Promise<SiteTree> {
  const rows = orderAsTree(await listSites(ctx.db, access.organization.id));
  const all = actsOnAllSites(access.standing);
  const mine = new Set(access.standing.siteIds);
  return { items: rows.map((row) => ({ id: row.id, name: row.name, parentId: row.parentId, accessible: all || mine.has(row.id) })) };
}

/** Creates a site, at the top level or under another site of the organization. */
export async function createSite(ctx: ServiceContext, actor: Actor, access: OrganizationAccess, input: CreateSiteBody, origin: RequestOrigin): Promise<Site> {
  const organizationId = access.organization.id;
  return ctx.db.transaction(async (tx) => {
    await lockOrganizationForChange(tx, organizationId);
    const parentId = input.parentId ?? null;
    if (parentId && !(await findSite(tx, organizationId, parentId))) throw notFound('sites.not_found');
    const row = await insertSite(tx, organizationId, { name: input.name, parentId });
    await recordAudit(tx, {
      ...auditBase(actor, organizationId, row.id, origin),
      action: 'site.created',
      details: { before: null, after: { name: row.name, parentId: row.parentId } },
    });
    return present(row);
  });
}

/** Renames a site or moves it; never under itself or one of its sub-sites. */
export async function updateSiteDetails(
  ctx: ServiceContext,
  actor: Actor,
  access: OrganizationAccess,
  siteId: string,
  input: UpdateSiteBody,
  origin: RequestOrigin,
): Promise<Site> {
  const organizationId = access.organization.id;
  return ctx.db.transaction(async (tx) => {
    // The lock serializes moves within the organization: two crossing moves cannot make a cycle.
    await lockOrganizationForChange(tx, organizationId);
    const current = await findSite(tx, organizationId, siteId);
    if (!current) throw notFound('sites.not_found');
    const next = { name: input.name ?? current.name, parentId: input.parentId === undefined ? current.parentId : input.parentId };
    if (next.parentId !== current.parentId && next.parentId !== null) {
      if (next.parentId === siteId) throw badRequest('sites.invalid_parent');
      if (!(await findSite(tx, organizationId, next.parentId))) throw notFound('sites.not_found');
      const below = await listSubSites(tx, siteId);
      if (below.some((s) => s.id === next.parentId)) throw badRequest('sites.invalid_parent');
    }
    const changed = (['name', 'parentId'] as const).filter((key) => next[key] !== current[key]);
    if (changed.length === 0) return present(current);
    const row = await updateSite(tx, siteId, next);
    await recordAudit(tx, {
      ...auditBase(actor, organizationId, siteId, origin),
      action: 'site.updated',
      details: {
        before: Object.fromEntries(changed.map((key) => [key, current[key]])),
        after: Object.fromEntries(changed.map((key) => [key, next[key]])),
      },
    });
    return present(row);
  });
}

async function computeImpact(db: Db, siteId: string) {
  const subSites = await listSubSites(db, siteId);
  const memberAccess = await listMembersWithSiteAccess(db, [siteId, ...subSites.map((s) => s.id)]);
  // Licensed products and support contracts of the site or its sub-sites block the deletion until removed.
  const activeHoldings = await listSiteHoldings(db, [siteId, ...subSites.map((s) => s.id)]);
  const impact: SiteImpact = { subSites: subSites.map(({ id, name }) => ({ id, name })), memberAccess, activeHoldings, other: [] };
  return { impact, subSites };
}

/** What deleting the site would take with it: sub-sites, members' access, holdings. */
export async function getSiteImpact(ctx: ServiceContext, siteId: string): Promise<SiteImpact> {
  return (await computeImpact(ctx.db, siteId)).impact;
}

/**
 * Deletes a site with its sub-sites and the members' access to them. Anything it would take with it
 * needs `confirm`; licensed products or support contracts (of the site or a sub-site) always refuse.
 */
export async function deleteSite(ctx: ServiceContext, actor: Actor, access: OrganizationAccess, siteId: string, confirm: boolean, origin: RequestOrigin): Promise<void> {
  const organizationId = access.organization.id;
  await ctx.db.transaction(async (tx) => {
    await lockOrganizationForChange(tx, organizationId);
    const site = await findSite(tx, organizationId, siteId);
    if (!site) throw notFound('sites.not_found');
    const { impact, subSites } = await computeImpact(tx, siteId);
    if (impact.activeHoldings.length > 0) throw conflict('sites.has_active_holdings', impact);
    const hasContents = impact.subSites.length > 0 || impact.memberAccess.length > 0 || impact.other.length > 0;
    if (hasContents && !confirm) throw conflict('sites.has_contents', impact);
    await deleteMemberSitesOfSites(tx, [siteId, ...subSites.map((s) => s.id)]);
    // parent_id is ON DELETE RESTRICT: delete the deepest sub-sites first, one level at a time.
    const depths = [...new Set(subSites.map((s) => s.depth))].sort((a, b) => b - a);
    for (const depth of depths) await deleteSites(tx, subSites.filter((s) => s.depth === depth).map((s) => s.id));
    await deleteSites(tx, [siteId]);
    await recordAudit(tx, {
      ...auditBase(actor, organizationId, siteId, origin),
      action: 'site.deleted',
      details: { before: { name: site.name, parentId: site.parentId, subSites: impact.subSites, memberAccess: impact.memberAccess }, after: null },
    });
  });
}
