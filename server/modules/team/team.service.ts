import type { BulkMemberBody, BulkMemberResult, Directory, DirectoryQuery, MemberList, MemberListQuery, MemberSummary, UpdateMemberBody } from '../../../common/schemas/team';
import type { Actor } from '../../platform/actor';
import { recordAudit, type AuditEventInput } from '../../platform/audit';
import type { RequestOrigin, ServiceContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/errors';
import type { OrganizationAccess } from '../organizations/organization-access';
import { ALL_SITES_ROLES, canOnOrganization, type OrganizationStanding } from '../organizations/organizations.policy';
import {
  deactivateMembers,
  deleteMembers,
  listMemberDetails,
  listMembers,
  listOrganizationSiteIds,
  lockActiveOwnerIds,
  reactivateMembers,
  replaceMemberSites,
  updateMemberRole,
  type MemberDetail,
  type MemberListRow,
} from './team.repository';

/** Who changes the team, from where: what every change needs for its checks and the activity log. */
export interface TeamChange {
  access: OrganizationAccess;
  actor: Actor;
  origin: RequestOrigin;
}

/**
 * True when the actor stands as an owner (an owner, or vendor staff with the owner-only permission):
 * only they may grant or take away the owner role, or change an owner's membership at all.
 */
export function actsAsOwner(standing: OrganizationStanding): boolean {
  return canOnOrganization(standing, 'organization.archive');
}

/** A member-category activity log entry for a change made by the actor. */
export function memberAudit(change: TeamChange, event: Omit<AuditEventInput, 'category' | 'actorUserId' | 'actorLabel' | 'organizationId' | 'ip' | 'client'>): AuditEventInput {
  return {
    category: 'member',
    actorUserId: change.actor.userId,
    actorLabel: change.actor.email,
    organizationId: change.access.organization.id,
    ip: change.origin.ip,
    client: change.origin.client,
    ...event,
  };
}

/** The site ids, without repeats, after checking each is a site of the organization (400 otherwise). */
export async function assertSitesOfOrganization(db: Db, organizationId: string, siteIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(siteIds)];
  const found = new Set(await listOrganizationSiteIds(db, organizationId, unique));
  const foreign = unique.filter((id) => !found.has(id));
  if (foreign.length > 0) throw badRequest('validation.failed', { fieldErrors: { siteIds: ['sites.not_found'] }, siteIds: foreign });
  return unique.sort();
}

const toSummary = (row: MemberListRow): MemberSummary => ({
  id: row.id,
  userId: row.userId,
  name: row.name,
  email: row.email,
  company: row.company,
  role: row.role,
  status: row.status,
  allSites: ALL_SITES_ROLES.includes(row.role),
  sites: row.sites,
  lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
});

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id) => b.includes(id));
const pageOf = (query: { page: number; pageSize: number }) => ({ limit: query.pageSize, offset: (query.page - 1) * query.pageSize });

/** My Team: the organization's members, searched and filtered, one page ordered by name. */
export async function listTeamMembers(ctx: ServiceContext, organizationId: string, query: MemberListQuery): Promise<MemberList> {
  const { items, total } = await listMembers(ctx.db, organizationId, { q: query.q || undefined, role: query.role, status: query.status, siteId: query.siteId, ...pageOf(query) }, ctx.database);
  return { items: items.map(toSummary), total };
}

/** Every contact of the organization across all sites: its active members ("Don't see who you're looking for?"). */
export async function listDirectory(ctx: ServiceContext, organizationId: string, query: DirectoryQuery): Promise<Directory> {
  const { items, total } = await listMembers(ctx.db, organizationId, { q: query.q || undefined, status: 'active', ...pageOf(query) }, ctx.database);
  return {
    items: items.map((r) => ({ name: r.name, email: r.email, company: r.company, phone: r.phone, role: r.role, allSites: ALL_SITES_ROLES.includes(r.role), sites: r.sites })),
    total,
  };
}

/** The member as My Team lists them. */
async function getMemberSummary(db: Db, organizationId: string, memberId: string): Promise<MemberSummary> {
  const { items } = await listMembers(db, organizationId, { memberId, limit: 1, offset: 0 });
  if (!items[0]) throw notFound('members.not_found');
  return toSummary(items[0]);
}

/** Refuses, before anything changes, a change to owners by someone who does not stand as an owner. */
function assertMayChangeOwners(change: TeamChange, targets: readonly MemberDetail[], newRole?: string): void {
  if (actsAsOwner(change.access.standing)) return;
  if (newRole === 'owner' || targets.some((t) => t.role === 'owner')) throw forbidden();
}

/**
 * Changes a member's role and/or replaces their sites. Effective at once: the standing is read on
 * every request. Demoting the last active owner is refused.
 */
export async function updateTeamMember(ctx: ServiceContext, change: TeamChange, memberId: string, body: UpdateMemberBody): Promise<MemberSummary> {
  const organizationId = change.access.organization.id;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const ownerIds = body.role !== undefined ? await lockActiveOwnerIds(tx, organizationId) : [];
    const [before] = await listMemberDetails(tx, organizationId, [memberId]);
    if (!before) throw notFound('members.not_found');
    assertMayChangeOwners(change, [before], body.role);
    const role = body.role ?? before.role;
    const roleChanges = role !== before.role;
    if (roleChanges && ownerIds.includes(before.id) && ownerIds.length === 1) throw conflict('organizations.last_owner');
    const siteIds = body.siteIds ? await assertSitesOfOrganization(tx, organizationId, body.siteIds) : before.siteIds;
    const sitesChange = !sameSet(siteIds, before.siteIds);
    if (roleChanges) await updateMemberRole(tx, memberId, role, now);
    if (sitesChange) await replaceMemberSites(tx, memberId, siteIds, now);
    if (roleChanges || sitesChange) {
      await recordAudit(
        tx,
        memberAudit(change, {
          action: 'member.updated',
          targetType: 'member',
          targetId: memberId,
          details: { email: before.email, before: { role: before.role, siteIds: before.siteIds }, after: { role, siteIds } },
        }),
      );
    }
    return getMemberSummary(tx, organizationId, memberId);
  });
}

const BULK_ACTIONS = {
  deactivate: { run: deactivateMembers, audit: 'member.deactivated', after: { status: 'inactive' } },
  reactivate: { run: reactivateMembers, audit: 'member.reactivated', after: { status: 'active' } },
  remove: { run: (db: Db, organizationId: string, ids: readonly string[], _now: Date) => deleteMembers(db, organizationId, ids), audit: 'member.removed', after: null },
} as const;

/**
 * Deactivates (history kept, access ends at once), reactivates or removes members, all or nothing in
 * one transaction. Refused when it would leave the organization with no active owner.
 */
export async function bulkUpdateMembers(ctx: ServiceContext, change: TeamChange, body: BulkMemberBody): Promise<BulkMemberResult> {
  const organizationId = change.access.organization.id;
  const ids = [...new Set(body.memberIds)];
  const action = BULK_ACTIONS[body.action];
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const ownerIds = await lockActiveOwnerIds(tx, organizationId);
    const targets = await listMemberDetails(tx, organizationId, ids);
    if (targets.length !== ids.length) {
      const found = new Set(targets.map((t) => t.id));
      throw new AppError('members.not_found', 404, { memberIds: ids.filter((id) => !found.has(id)) });
    }
    assertMayChangeOwners(change, targets);
    if (body.action !== 'reactivate' && ownerIds.length > 0 && ownerIds.every((id) => ids.includes(id))) throw conflict('organizations.last_owner');
    const changed = new Set(await action.run(tx, organizationId, ids, now));
    for (const target of targets) {
      if (!changed.has(target.id)) continue;
      await recordAudit(
        tx,
        memberAudit(change, {
          action: action.audit,
          targetType: 'member',
          targetId: target.id,
          details: { email: target.email, before: { role: target.role, status: target.status, siteIds: target.siteIds }, after: action.after },
        }),
      );
    }
    return { updated: changed.size };
  });
}
