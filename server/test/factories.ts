import { randomUUID } from 'node:crypto';
import type { CustomerRole, StaffRole } from '../../common/permissions';
import type { Actor } from '../platform/actor';
import type { ServiceContext } from '../platform/context';
import type { UserRow } from '../modules/users/users.repository';
import { insertMember, insertOrganization, insertSite } from '../modules/organizations/organizations.repository';
import { createUser } from '../modules/users/users.service';

/**
 * Test and demo data builders: `build*(ctx, overrides)` makes a valid record, creating any missing
 * parent. The demo data set is built with these same functions.
 */
export const DEFAULT_PASSWORD = 'Atrium!2026';

const unique = () => randomUUID().slice(0, 8);

/** A user with a password (DEFAULT_PASSWORD unless given). */
export function buildUser(
  ctx: ServiceContext,
  overrides: { email?: string; name?: string; password?: string; passwordHash?: string; company?: string | null; staffRole?: StaffRole | null } = {},
) {
  const id = unique();
  return createUser(ctx, {
    email: overrides.email ?? `user-${id}@example.com`,
    name: overrides.name ?? `User ${id}`,
    password: overrides.password ?? DEFAULT_PASSWORD,
    ...(overrides.passwordHash ? { passwordHash: overrides.passwordHash } : {}),
    company: overrides.company ?? null,
    staffRole: overrides.staffRole ?? null,
  });
}

/** An organization. */
export function buildOrganization(ctx: ServiceContext, overrides: { name?: string; notes?: string | null } = {}) {
  return insertOrganization(ctx.db, { name: overrides.name ?? `Organization ${unique()}`, notes: overrides.notes ?? null });
}

/** A site, in a new organization unless one is given. */
export async function buildSite(ctx: ServiceContext, overrides: { organizationId?: string; name?: string; parentId?: string | null } = {}) {
  const organizationId = overrides.organizationId ?? (await buildOrganization(ctx)).id;
  return insertSite(ctx.db, organizationId, { name: overrides.name ?? `Site ${unique()}`, parentId: overrides.parentId ?? null });
}

/** A member with a role, creating the user and organization when not given. */
export async function buildMember(
  ctx: ServiceContext,
  overrides: { organizationId?: string; userId?: string; role?: CustomerRole; siteIds?: string[] } = {},
) {
  const organizationId = overrides.organizationId ?? (await buildOrganization(ctx)).id;
  const userId = overrides.userId ?? (await buildUser(ctx)).id;
  return insertMember(ctx.db, organizationId, { userId, role: overrides.role ?? 'viewer', siteIds: overrides.siteIds ?? [] });
}

/** The actor a service sees for a user signed in with a session, for calling services directly. */
export function buildActor(user: UserRow, overrides: Partial<Actor> = {}): Actor {
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    staffRole: user.staffRole,
    locale: user.locale,
    theme: user.theme,
    mustChangePassword: false,
    mfaEnrollmentRequired: false,
    via: 'session',
    sessionId: null,
    tokenId: null,
    csrfToken: null,
    ...overrides,
  };
}
