import { CUSTOMER_ROLE_PERMISSIONS, STAFF_ROLE_PERMISSIONS } from '../../../common/permissions';
import { formatCaseNumber, isWaitingOnCustomer } from '../../../common/cases';
import type { CaseListItem, CaseListPage, CaseListQuery, PersonRef } from '../../../common/schemas/cases';
import type { ServiceContext } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { resourceBelongsToOrganization } from '../organizations/organizations.repository';
import { ALL_SITES_ROLES, type OrganizationStanding } from '../organizations/organizations.policy';
import type { OrganizationAccess } from '../organizations/organization-access';
import { decodeCaseListCursor, encodeCaseListCursor } from './case-list-cursor';
import { listCasePage, type CaseListRow } from './case-list.repository';

/**
 * The sites whose cases the actor may see in an organization, as `requireCaseAccess` decides for
 * one case: null for every site (engineers, owners and admins), the member's sites (with their
 * sub-sites) below admin, none without `case.view`.
 */
export function visibleCaseSiteIds(standing: OrganizationStanding): readonly string[] | null {
  if (standing.staffRole !== null && STAFF_ROLE_PERMISSIONS[standing.staffRole].includes('case.answer')) return null;
  if (standing.memberRole === null || !CUSTOMER_ROLE_PERMISSIONS[standing.memberRole].includes('case.view')) return [];
  return ALL_SITES_ROLES.includes(standing.memberRole) ? null : standing.siteIds;
}

/** A person on a case as the API names them; null when the user is gone. */
export function personRef(id: string | null, name: string | null, isStaff: boolean | null): PersonRef | null {
  return id !== null && name !== null ? { id, name, side: isStaff ? 'engineer' : 'customer' } : null;
}

/** A list row as the API presents it. */
export function toCaseListItem(row: CaseListRow): CaseListItem {
  return {
    id: row.id,
    number: formatCaseNumber(row.number),
    legacyNumber: row.legacyNumber,
    subject: row.subject,
    status: row.status,
    waitingOnCustomer: isWaitingOnCustomer(row.status),
    site: { id: row.siteId, name: row.siteName },
    category: row.category,
    productName: row.productName,
    requester: personRef(row.requesterId, row.requesterName, row.requesterIsStaff),
    assignee: personRef(row.assigneeId, row.assigneeName, row.assigneeIsStaff),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** A keyword as searched: trimmed, nothing when blank. */
export const keywordOf = (q: string | undefined): string | undefined => {
  const trimmed = q?.trim();
  return trimmed ? trimmed : undefined;
};

/**
 * One page of the Cases tab: a view (my open cases, open or closed cases of the sites the actor
 * may see), searched, filtered by site and sorted, with the count of each view under the same
 * keyword and site. A site the actor may not see answers 404 `sites.not_found`.
 */
export async function listCases(ctx: ServiceContext, access: OrganizationAccess & { userId: string }, query: CaseListQuery): Promise<CaseListPage> {
  const organizationId = access.organization.id;
  const siteIds = visibleCaseSiteIds(access.standing);
  if (query.siteId !== undefined) {
    const visible = siteIds === null ? await resourceBelongsToOrganization(ctx.db, 'siteId', query.siteId, organizationId) : siteIds.includes(query.siteId);
    if (!visible) throw notFound('sites.not_found');
  }
  // The cursor is checked even when there is nothing to list: a malformed one is always a 400.
  const after = query.cursor === undefined ? null : decodeCaseListCursor(query.cursor, query.sort, query.order);
  if (siteIds !== null && siteIds.length === 0) return { items: [], nextCursor: null, counts: { my_open: 0, open: 0, closed: 0 } };
  const { counts, rows } = await listCasePage(ctx.database, {
    organizationId,
    userId: access.userId,
    siteIds,
    siteId: query.siteId,
    q: keywordOf(query.q),
    view: query.view,
    sort: query.sort,
    order: query.order,
    after,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > query.limit && last ? encodeCaseListCursor({ sort: query.sort, order: query.order, value: last.sortValue, id: last.id }) : null;
  return { items: page.map(toCaseListItem), nextCursor, counts };
}
