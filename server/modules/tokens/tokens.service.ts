import type { ApiToken, CreatedApiToken } from '../../../common/schemas/me';
import { organizationLookupOf, type Actor, type ActorReadOptions } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import type { RequestOrigin, ServiceContext } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { hashToken, randomToken } from '../../platform/secrets';
import { findUserByEmail } from '../users/users.repository';
import { assertIpAllowed } from '../auth/ip-allowlist';
import { findLiveApiTokenByHash, findLiveApiTokenWithOrganization, insertApiToken, listApiTokens, revokeApiToken, touchApiToken, type ApiTokenRow } from './tokens.repository';

const TOKEN_PREFIX = 'atr_';
const TOUCH_INTERVAL_MS = 60_000;

function present(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

/** Issues a personal API token for a user; the secret is returned once and only its hash is kept. */
export async function createApiToken(ctx: ServiceContext, userId: string, name: string, origin: RequestOrigin): Promise<CreatedApiToken> {
  const token = `${TOKEN_PREFIX}${randomToken()}`;
  return ctx.db.transaction(async (tx) => {
    const row = await insertApiToken(tx, { userId, name, prefix: token.slice(0, 10), tokenHash: hashToken(token), createdAt: ctx.clock.now() });
    await recordAudit(tx, { category: 'token', action: 'token.created', actorUserId: userId, targetType: 'api_token', targetId: row.id, ip: origin.ip, client: origin.client, details: { name } });
    return { ...present(row), token };
  });
}

/** Issues a token for the user with this email (the CLI's `token create`). */
export async function createApiTokenForEmail(ctx: ServiceContext, email: string, name: string, origin: RequestOrigin): Promise<CreatedApiToken> {
  const user = await findUserByEmail(ctx.db, email);
  if (!user) throw notFound('users.not_found');
  return createApiToken(ctx, user.id, name, origin);
}

/** The actor's live tokens. */
export async function listTokens(ctx: ServiceContext, actor: Actor): Promise<ApiToken[]> {
  return (await listApiTokens(ctx.db, actor.userId)).map(present);
}

/** Revokes one of the actor's tokens; another user's token answers not found. */
export async function revokeToken(ctx: ServiceContext, actor: Actor, tokenId: string, origin: RequestOrigin): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (!(await revokeApiToken(tx, actor.userId, tokenId, ctx.clock.now()))) throw notFound('tokens.not_found');
    await recordAudit(tx, { category: 'token', action: 'token.revoked', actorUserId: actor.userId, targetType: 'api_token', targetId: tokenId, ip: origin.ip, client: origin.client });
  });
}

/**
 * The actor behind a bearer token, or null; with `withMemberships`, carrying the user's active
 * memberships; with `organizationId`, the organization's lookup (see `Actor.organizationLookup`).
 */
export async function resolveApiToken(ctx: ServiceContext, token: string, ip: string | null, options: ActorReadOptions = {}): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const tokenHash = hashToken(token);
  const found = options.organizationId
    ? await findLiveApiTokenWithOrganization(ctx.db, tokenHash, options.organizationId)
    : await findLiveApiTokenByHash(ctx.db, tokenHash, options);
  if (!found || found.user.status !== 'active') return null;
  // A staff member's token is held to the same allowed IPs as their sign-in.
  await assertIpAllowed(ctx, found.user, ip);
  const now = ctx.clock.now();
  if (!found.token.lastUsedAt || now.getTime() - found.token.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await touchApiToken(ctx.db, found.token.id, now);
  }
  const { user } = found;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    staffRole: user.staffRole,
    locale: user.locale,
    theme: user.theme,
    // A token is for automation: it cannot change a password, so it is not held back by one.
    mustChangePassword: false,
    mfaEnrollmentRequired: false,
    via: 'token',
    sessionId: null,
    tokenId: found.token.id,
    csrfToken: null,
    ...('memberships' in found && found.memberships !== undefined ? { memberships: JSON.parse(found.memberships) as NonNullable<Actor['memberships']> } : {}),
    ...(options.organizationId && 'organization' in found ? { organizationLookup: organizationLookupOf(options.organizationId, found) } : {}),
  };
}
