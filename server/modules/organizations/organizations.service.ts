import { PERMISSIONS, type Permission } from '../../../common/permissions';
import type {
  ArchiveOrganizationBody,
  ConsoleOrganizationList,
  ConsoleOrganizationQuery,
  CreateOrganizationBody,
  Organization,
  OrganizationContact,
  OrganizationList,
  StaffContact,
  UpdateAccountTeamBody,
  UpdateOrganizationBody,
} from '../../../common/schemas/organizations';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import type { RequestOrigin, ServiceContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError, badRequest, conflict, fieldError, notFound } from '../../platform/errors';
import { getSetting } from '../settings/settings.service';
import { findUserById, listActiveMemberships, updateUser } from '../users/users.repository';
import type { OrganizationAccess } from './organization-access';
import {
  insertMember,
  insertOrganization,
  listOrganizationsForConsole,
  lockOrganization,
  updateOrganization,
  type OrganizationRow,
} from './organizations.repository';
import { canOnOrganization, type OrganizationStanding } from './organizations.policy';

/**
 * What stays possible on an archived organization: reading, and restoring it (vendor staff with
 * customer.manage). Every other change answers 409 organizations.archived, so the UI hides it.
 */
const ARCHIVED_ABILITIES: readonly Permission[] = ['organization.view', 'product.view', 'download.document', 'download.software', 'device.view', 'audit.view', 'customer.view', 'customer.manage'];

/** What the actor may do on the organization, in the order of the permission vocabulary. */
export function abilitiesOf(organization: OrganizationRow, standing: OrganizationStanding): Permission[] {
  return PERMISSIONS.filter((p) => canOnOrganization(standing, p) && (!organization.archivedAt || ARCHIVED_ABILITIES.includes(p)));
}

async function findStaffContact(db: Db, userId: string | null): Promise<StaffContact | null> {
  if (!userId) return null;
  const user = await findUserById(db, userId);
  return user ? { id: user.id, name: user.name, email: user.email } : null;
}

async function present(db: Db, organization: OrganizationRow, standing: OrganizationStanding): Promise<Organization> {
  return {
    id: organization.id,
    name: organization.name,
    notes: organization.notes,
    createdAt: organization.createdAt.toISOString(),
    archivedAt: organization.archivedAt?.toISOString() ?? null,
    requireMfa: organization.requireMfa,
    allowInviteRoles: organization.allowInviteRoles,
    accountTeam: {
      accountManager: await findStaffContact(db, organization.accountManagerId),
      successManager: await findStaffContact(db, organization.successManagerId),
    },
    abilities: abilitiesOf(organization, standing),
  };
}

/** The organization locked for a change; 409 when it was archived since the access check. */
export async function lockOrganizationForChange(db: Db, organizationId: string, options: { allowArchived?: boolean } = {}): Promise<OrganizationRow> {
  const organization = await lockOrganization(db, organizationId);
  if (!organization) throw notFound('organizations.not_found');
  if (organization.archivedAt && !options.allowArchived) throw new AppError('organizations.archived', 409);
  return organization;
}

function auditBase(actor: Actor, organizationId: string, origin: RequestOrigin) {
  return {
    category: 'organization' as const,
    actorUserId: actor.userId,
    actorLabel: actor.email,
    organizationId,
    targetType: 'organization',
    targetId: organizationId,
    ip: origin.ip,
    client: origin.client,
  };
}

/** Creates an organization; its creator becomes its owner. */
export async function createOrganization(ctx: ServiceContext, actor: Actor, input: CreateOrganizationBody, origin: RequestOrigin): Promise<Organization> {
  const now = ctx.clock.now();
  const organization = await ctx.db.transaction(async (tx) => {
    const row = await insertOrganization(tx, { name: input.name, notes: input.notes || null, createdAt: now, updatedAt: now });
    await insertMember(tx, row.id, { userId: actor.userId, role: 'owner' });
    await recordAudit(tx, {
      ...auditBase(actor, row.id, origin),
      action: 'organization.created',
      details: { before: null, after: { name: row.name, notes: row.notes, owner: actor.userId } },
    });
    return row;
  });
  return present(ctx.db, organization, { staffRole: actor.staffRole, memberRole: 'owner', siteIds: [] });
}

/** The switcher: the user's active memberships in organizations that are not archived, and the last one chosen. */
export async function listMyOrganizations(ctx: ServiceContext, actor: Actor): Promise<OrganizationList> {
  const memberships = await listActiveMemberships(ctx.db, actor.userId);
  const items = memberships.map((m) => ({ id: m.organizationId, name: m.organizationName, role: m.role, archived: false }));
  const last = (await findUserById(ctx.db, actor.userId))?.lastOrganizationId ?? null;
  // A remembered organization that was archived or left since is no longer offered.
  return { items, lastOrganizationId: items.some((i) => i.id === last) ? last : null };
}

/** Remembers the organization chosen in the switcher; it must be one of the user's. */
export async function rememberLastOrganization(ctx: ServiceContext, actor: Actor, organizationId: string): Promise<void> {
  const memberships = await listActiveMemberships(ctx.db, actor.userId);
  if (!memberships.some((m) => m.organizationId === organizationId)) throw notFound('organizations.not_found');
  await updateUser(ctx.db, actor.userId, { lastOrganizationId: organizationId });
}

/** The organization as the actor sees it. */
export async function getOrganization(ctx: ServiceContext, access: OrganizationAccess): Promise<Organization> {
  return present(ctx.db, access.organization, access.standing);
}

/** Renames the organization, changes its notes or whether admins may invite with other roles. */
export async function updateOrganizationDetails(
  ctx: ServiceContext,
  actor: Actor,
  access: OrganizationAccess,
  input: UpdateOrganizationBody,
  origin: RequestOrigin,
): Promise<Organization> {
  const organization = await ctx.db.transaction(async (tx) => {
    const current = await lockOrganizationForChange(tx, access.organization.id);
    const next = {
      name: input.name ?? current.name,
      notes: input.notes === undefined ? current.notes : input.notes || null,
      allowInviteRoles: input.allowInviteRoles ?? current.allowInviteRoles,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((key) => next[key] !== current[key]);
    if (changed.length === 0) return current;
    const row = await updateOrganization(tx, current.id, { ...next, updatedAt: ctx.clock.now() });
    await recordAudit(tx, {
      ...auditBase(actor, current.id, origin),
      action: 'organization.updated',
      details: {
        before: Object.fromEntries(changed.map((key) => [key, current[key]])),
        after: Object.fromEntries(changed.map((key) => [key, next[key]])),
      },
    });
    return row;
  });
  return present(ctx.db, organization, access.standing);
}

/** Archives the organization once the user typed its ID exactly and confirmed; it becomes read-only. */
export async function archiveOrganization(
  ctx: ServiceContext,
  actor: Actor,
  access: OrganizationAccess,
  input: ArchiveOrganizationBody,
  origin: RequestOrigin,
): Promise<Organization> {
  if (input.confirmId !== access.organization.id || input.understood !== true) throw badRequest('organizations.archive_confirmation');
  const organization = await ctx.db.transaction(async (tx) => {
    const current = await lockOrganizationForChange(tx, access.organization.id);
    const now = ctx.clock.now();
    const row = await updateOrganization(tx, current.id, { archivedAt: now, archivedBy: actor.userId, updatedAt: now });
    await recordAudit(tx, {
      ...auditBase(actor, current.id, origin),
      action: 'organization.archived',
      details: { before: { archivedAt: null }, after: { archivedAt: now.toISOString(), archivedBy: actor.userId } },
    });
    return row;
  });
  return present(ctx.db, organization, access.standing);
}

/** Restores an archived organization (vendor administrators). */
export async function restoreOrganization(ctx: ServiceContext, actor: Actor, access: OrganizationAccess, origin: RequestOrigin): Promise<Organization> {
  const organization = await ctx.db.transaction(async (tx) => {
    const current = await lockOrganizationForChange(tx, access.organization.id, { allowArchived: true });
    if (!current.archivedAt) throw conflict('organizations.not_archived');
    const row = await updateOrganization(tx, current.id, { archivedAt: null, archivedBy: null, updatedAt: ctx.clock.now() });
    await recordAudit(tx, {
      ...auditBase(actor, current.id, origin),
      action: 'organization.restored',
      details: { before: { archivedAt: current.archivedAt.toISOString(), archivedBy: current.archivedBy }, after: { archivedAt: null } },
    });
    return row;
  });
  return present(ctx.db, organization, access.standing);
}

/** Names the account manager and customer success manager; each must be an active vendor staff user. */
export async function updateAccountTeam(
  ctx: ServiceContext,
  actor: Actor,
  access: OrganizationAccess,
  input: UpdateAccountTeamBody,
  origin: RequestOrigin,
): Promise<Organization> {
  for (const field of ['accountManagerId', 'successManagerId'] as const) {
    const id = input[field];
    if (id === null) continue;
    const user = await findUserById(ctx.db, id);
    if (!user || !user.staffRole || user.status !== 'active') throw fieldError(field, 'validation.failed', 'Must be an active vendor staff user');
  }
  const organization = await ctx.db.transaction(async (tx) => {
    const current = await lockOrganizationForChange(tx, access.organization.id);
    const row = await updateOrganization(tx, current.id, { ...input, updatedAt: ctx.clock.now() });
    await recordAudit(tx, {
      ...auditBase(actor, current.id, origin),
      action: 'organization.account_team.updated',
      details: {
        before: { accountManagerId: current.accountManagerId, successManagerId: current.successManagerId },
        after: { accountManagerId: input.accountManagerId, successManagerId: input.successManagerId },
      },
    });
    return row;
  });
  return present(ctx.db, organization, access.standing);
}

/** The Contact us page: the account team and the vendor's support phone and email. */
export async function getOrganizationContact(ctx: ServiceContext, access: OrganizationAccess): Promise<OrganizationContact> {
  const profile = await getSetting(ctx, 'vendorProfile');
  const person = async (userId: string | null) => {
    const contact = await findStaffContact(ctx.db, userId);
    return contact ? { name: contact.name, email: contact.email } : null;
  };
  return {
    accountManager: await person(access.organization.accountManagerId),
    successManager: await person(access.organization.successManagerId),
    supportPhone: profile.phone,
    supportEmail: profile.email,
    serviceName: profile.serviceName,
  };
}

/** The console's list of organizations: search by name or ID, filter archived, one page. */
export async function listConsoleOrganizations(ctx: ServiceContext, query: ConsoleOrganizationQuery): Promise<ConsoleOrganizationList> {
  const { rows, total } = await listOrganizationsForConsole(ctx.db, {
    ...(query.q ? { q: query.q } : {}),
    ...(query.archived ? { archived: query.archived === 'true' } : {}),
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    total,
    items: rows.map((row) => ({
      id: row.id,
      name: row.name,
      memberCount: row.memberCount,
      siteCount: row.siteCount,
      archivedAt: row.archivedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      accountManager: row.accountManagerId ? { id: row.accountManagerId, name: row.accountManagerName!, email: row.accountManagerEmail! } : null,
    })),
  };
}
