import * as client from 'openid-client';
import type { z } from 'zod';
import type { ErrorCode } from '../../../common/errors';
import type { MfaMethod, SsoProviderSummary } from '../../../common/schemas/auth';
import { hasControlCharacter, type CreateIdentityProviderBody, type IdentityProvider, type UpdateIdentityProviderBody } from '../../../common/schemas/sso';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import type { RequestOrigin, ServiceContext } from '../../platform/context';
import { AppError, badRequest, notFound } from '../../platform/errors';
import { hashToken } from '../../platform/secrets';
import { continueAfterFirstFactor } from '../auth/auth.service';
import { assertIpAllowed } from '../auth/ip-allowlist';
import { listMfaMethods } from '../mfa/mfa.service';
import { isMfaRequiredForUser } from '../organizations/organizations.repository';
import { findUserByEmail, findUserById, insertUser, type UserRow } from '../users/users.repository';
import { discoverProvider, forgetProviderConfiguration, getProviderConfiguration } from './sso.discovery';
import {
  consumeSsoState,
  deleteIdentityProvider,
  findExternalIdentity,
  findIdentityProvider,
  insertExternalIdentity,
  insertIdentityProvider,
  insertSsoState,
  listEnabledIdentityProviders,
  listIdentityProviders,
  touchExternalIdentity,
  updateIdentityProvider,
  type IdentityProviderRow,
} from './sso.repository';

/** How long a started sign-on may take before its state expires. */
const STATE_TTL_MS = 10 * 60_000;
const SCOPE = 'openid email profile';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where the provider sends the browser back to; register it at the provider. */
export function redirectUriFor(ctx: ServiceContext, providerId: string): string {
  return `${ctx.baseUrl.replace(/\/+$/, '')}/api/v1/auth/sso/${providerId}/callback`;
}

/**
 * A path on this site to return to after signing in, or null: it must start with exactly one '/'
 * (not `//host` or `/\host`, which browsers treat as another site) and hold no control characters.
 */
export function safeNextPath(next: string | undefined): string | null {
  if (!next || next.length > 1000 || !next.startsWith('/') || next.startsWith('//')) return null;
  if (next.includes('\\') || hasControlCharacter(next)) return null;
  const base = 'http://atrium.invalid';
  const url = new URL(next, base);
  return url.origin === base ? next : null;
}

// ---------------------------------------------------------------------------------------------
// Sign-on

/** The enabled providers, for the sign-in page's buttons. */
export async function listSignInProviders(ctx: ServiceContext): Promise<z.infer<typeof SsoProviderSummary>[]> {
  return listEnabledIdentityProviders(ctx.db);
}

async function findEnabledProvider(ctx: ServiceContext, providerId: string): Promise<IdentityProviderRow> {
  const row = UUID.test(providerId) ? await findIdentityProvider(ctx.db, providerId) : undefined;
  if (!row?.enabled) throw notFound('sso.provider_not_found');
  return row;
}

/** Starts a sign-on: stores state, nonce and PKCE verifier, and answers the provider's authorization URL. */
export async function beginSignOn(ctx: ServiceContext, providerId: string, next: string | undefined): Promise<string> {
  const provider = await findEnabledProvider(ctx, providerId);
  let config: client.Configuration;
  try {
    config = await getProviderConfiguration(ctx, provider);
  } catch {
    throw new AppError('auth.sso_failed', 502);
  }
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const now = ctx.clock.now();
  await insertSsoState(
    ctx.db,
    { stateHash: hashToken(state), providerId: provider.id, codeVerifier, nonce, nextPath: safeNextPath(next), expiresAt: new Date(now.getTime() + STATE_TTL_MS) },
    now,
  );
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUriFor(ctx, provider.id),
    scope: SCOPE,
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return url.href;
}

/** Why a sign-on failed: the code the page shows, and a reason for the activity log. */
class SignOnFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly reason: string,
    readonly underlying?: unknown,
  ) {
    super(reason);
  }
}

/** The second step a sign-on still needs: the same challenge as a password sign-in's. */
export interface SignOnChallenge {
  challengeToken: string;
  methods: MfaMethod[];
  expiresInSeconds: number;
}

export type SignOnResult =
  | { ok: true; sessionToken: string; nextPath: string }
  | { ok: true; challenge: SignOnChallenge; nextPath: string }
  | { ok: false; code: ErrorCode; reason: string; error?: unknown };

interface VerifiedClaims {
  subject: string;
  email: string;
  name: string | null;
}

/** Exchanges the code (with the PKCE verifier, checking state and nonce) and reads the verified claims. */
async function exchangeCode(ctx: ServiceContext, provider: IdentityProviderRow, search: string, state: { raw: string; codeVerifier: string; nonce: string }): Promise<VerifiedClaims> {
  let config: client.Configuration;
  try {
    config = await getProviderConfiguration(ctx, provider);
  } catch (error) {
    throw new SignOnFailure('auth.sso_failed', 'discovery_failed', error);
  }
  const currentUrl = new URL(redirectUriFor(ctx, provider.id));
  currentUrl.search = search;
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: state.codeVerifier,
      expectedState: state.raw,
      expectedNonce: state.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    const reason = error instanceof client.AuthorizationResponseError ? `provider_error:${error.error}`.slice(0, 80) : 'token_exchange_failed';
    throw new SignOnFailure('auth.sso_failed', reason, error);
  }
  const idToken = tokens.claims();
  if (!idToken) throw new SignOnFailure('auth.sso_failed', 'id_token_missing');
  let claims: Record<string, unknown> = { ...idToken };
  // Many providers (oidc-provider among them) put email only in the UserInfo response for the code flow.
  if (typeof claims.email !== 'string' || claims.email_verified === undefined) {
    try {
      claims = { ...claims, ...(await client.fetchUserInfo(config, tokens.access_token, idToken.sub)), sub: idToken.sub };
    } catch (error) {
      throw new SignOnFailure('auth.sso_failed', 'userinfo_failed', error);
    }
  }
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  if (!email) throw new SignOnFailure('auth.sso_email_not_verified', 'email_missing');
  if (claims.email_verified !== true) throw new SignOnFailure('auth.sso_email_not_verified', 'email_not_verified');
  if (email.length > 254 || !/^[^@\s]+@[^@\s]+$/.test(email)) throw new SignOnFailure('auth.sso_failed', 'email_invalid');
  const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 100) : null;
  return { subject: idToken.sub, email, name };
}

/** Finds or creates the user for the verified claims and links the provider's subject to them. */
async function linkUser(ctx: ServiceContext, provider: IdentityProviderRow, claims: VerifiedClaims, origin: RequestOrigin): Promise<{ user: UserRow; link: 'existing' | 'linked' | 'created' }> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const identity = await findExternalIdentity(tx, provider.id, claims.subject);
    let user: UserRow | undefined;
    let link: 'existing' | 'linked' | 'created';
    if (identity) {
      user = await findUserById(tx, identity.userId);
      await touchExternalIdentity(tx, identity.id, claims.email, now);
      link = 'existing';
    } else {
      user = await findUserByEmail(tx, claims.email);
      // An account whose email Atrium never verified may have been opened by someone else in the
      // owner's name; linking it would hand them the owner's single sign-on.
      if (user && !user.emailVerifiedAt) throw new SignOnFailure('auth.sso_failed', 'local_email_not_verified');
      link = user ? 'linked' : 'created';
      if (!user) {
        user = await insertUser(tx, { email: claims.email, name: claims.name ?? claims.email, emailVerifiedAt: now, passwordHash: null });
        await recordAudit(tx, { category: 'account', action: 'user.created', actorUserId: user.id, actorLabel: user.email, targetType: 'user', targetId: user.id, ip: origin.ip, client: origin.client, details: { via: 'sso', providerId: provider.id } });
      }
      await insertExternalIdentity(tx, { userId: user.id, providerId: provider.id, subject: claims.subject, email: claims.email, createdAt: now, lastUsedAt: now });
    }
    if (!user) throw new SignOnFailure('auth.sso_failed', 'user_missing');
    if (user.status !== 'active') throw new SignOnFailure('auth.account_disabled', 'account_disabled');
    return { user, link };
  });
}

/**
 * Completes a sign-on at the callback: consumes the state, exchanges the code, checks the email,
 * links or creates the user and opens a session. Never throws: a failure answers the code to show
 * and is written to the activity log.
 */
export async function completeSignOn(ctx: ServiceContext, providerId: string, search: string, origin: RequestOrigin): Promise<SignOnResult> {
  const params = new URLSearchParams(search);
  let user: UserRow | undefined;
  let email: string | undefined;
  let provider: IdentityProviderRow | undefined;
  try {
    provider = await findEnabledProvider(ctx, providerId);
    const rawState = params.get('state');
    if (!rawState) throw new SignOnFailure('auth.sso_failed', 'state_missing');
    const state = await consumeSsoState(ctx.db, hashToken(rawState), provider.id, ctx.clock.now());
    if (!state) throw new SignOnFailure('auth.sso_failed', 'state_invalid');
    const claims = await exchangeCode(ctx, provider, search, { raw: rawState, codeVerifier: state.codeVerifier, nonce: state.nonce });
    email = claims.email;
    if (provider.allowedDomains.length > 0 && !provider.allowedDomains.includes(claims.email.slice(claims.email.lastIndexOf('@') + 1))) {
      throw new SignOnFailure('auth.sso_email_not_allowed', 'domain_not_allowed');
    }
    const linked = await linkUser(ctx, provider, claims, origin);
    user = linked.user;
    await assertIpAllowed(ctx, user, origin.ip);
    // Single sign-on is a first factor like a password: a user with a second step enrolled answers
    // it, and a member of an organization that requires one gets a session held to enrolling.
    const methods = await listMfaMethods(ctx, user.id);
    const mfaRequired = await isMfaRequiredForUser(ctx.db, user.id);
    const outcome = await continueAfterFirstFactor(ctx, user, origin, { firstFactor: 'sso', methods, mfaRequired });
    await recordAudit(ctx.db, {
      category: 'sign_in',
      action: 'sso.succeeded',
      actorUserId: user.id,
      actorLabel: user.email,
      targetType: 'identity_provider',
      targetId: provider.id,
      ip: origin.ip,
      client: origin.client,
      details: { providerId: provider.id, providerName: provider.name, link: linked.link, secondStep: outcome.status === 'mfa_required' },
    });
    const nextPath = state.nextPath ?? '/';
    if (outcome.status === 'mfa_required') {
      const { challengeToken, expiresInSeconds } = outcome;
      return { ok: true, challenge: { challengeToken, methods: outcome.methods, expiresInSeconds }, nextPath };
    }
    return { ok: true, sessionToken: outcome.session.sessionToken, nextPath };
  } catch (error) {
    const failure =
      error instanceof SignOnFailure
        ? error
        : error instanceof AppError
          ? new SignOnFailure(error.code, error.code)
          : new SignOnFailure('auth.sso_failed', 'unexpected', error);
    await recordAudit(ctx.db, {
      category: 'sign_in',
      action: 'sso.failed',
      actorUserId: user?.id ?? null,
      actorLabel: user?.email ?? email ?? null,
      targetType: 'identity_provider',
      targetId: provider?.id ?? (UUID.test(providerId) ? providerId : null),
      ip: origin.ip,
      client: origin.client,
      details: { reason: failure.reason, ...(provider ? { providerName: provider.name } : {}) },
    });
    return { ok: false, code: failure.code, reason: failure.reason, ...(failure.underlying === undefined ? {} : { error: failure.underlying }) };
  }
}

// ---------------------------------------------------------------------------------------------
// Console: identity providers

function present(ctx: ServiceContext, row: IdentityProviderRow): IdentityProvider {
  return {
    id: row.id,
    name: row.name,
    issuer: row.issuer,
    clientId: row.clientId,
    hasClientSecret: row.clientSecretCiphertext !== null,
    allowedDomains: row.allowedDomains,
    enabled: row.enabled,
    redirectUri: redirectUriFor(ctx, row.id),
    createdAt: row.createdAt.toISOString(),
  };
}

/** What the activity log keeps of a provider: everything but the secret. */
function auditView(row: IdentityProviderRow) {
  return { name: row.name, issuer: row.issuer, clientId: row.clientId, hasClientSecret: row.clientSecretCiphertext !== null, allowedDomains: row.allowedDomains, enabled: row.enabled };
}

async function assertIssuerWorks(issuer: string, clientId: string): Promise<void> {
  try {
    await discoverProvider(issuer, clientId, null);
  } catch {
    throw badRequest('sso.invalid_issuer', { fieldErrors: { issuer: ['sso.invalid_issuer'] } });
  }
}

/** Every configured provider, for the console. */
export async function listProviders(ctx: ServiceContext): Promise<IdentityProvider[]> {
  return (await listIdentityProviders(ctx.db)).map((row) => present(ctx, row));
}

/** Adds a provider after checking that its issuer answers OpenID Connect discovery. */
export async function createProvider(ctx: ServiceContext, actor: Actor, input: z.output<typeof CreateIdentityProviderBody>, origin: RequestOrigin): Promise<IdentityProvider> {
  await assertIssuerWorks(input.issuer, input.clientId);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await insertIdentityProvider(tx, {
      name: input.name,
      issuer: input.issuer,
      clientId: input.clientId,
      clientSecretCiphertext: input.clientSecret ? ctx.box.seal(input.clientSecret) : null,
      allowedDomains: input.allowedDomains,
      enabled: input.enabled,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, { category: 'settings', action: 'identity_provider.created', actorUserId: actor.userId, actorLabel: actor.email, targetType: 'identity_provider', targetId: row.id, ip: origin.ip, client: origin.client, details: { after: auditView(row) } });
    return present(ctx, row);
  });
}

/** Changes a provider; an omitted client secret is kept, null removes it. A new issuer is checked first. */
export async function updateProvider(ctx: ServiceContext, actor: Actor, id: string, input: z.output<typeof UpdateIdentityProviderBody>, origin: RequestOrigin): Promise<IdentityProvider> {
  const before = await findIdentityProvider(ctx.db, id);
  if (!before) throw notFound('sso.provider_not_found');
  if ((input.issuer !== undefined && input.issuer !== before.issuer) || (input.clientId !== undefined && input.clientId !== before.clientId)) {
    await assertIssuerWorks(input.issuer ?? before.issuer, input.clientId ?? before.clientId);
  }
  const updated = await ctx.db.transaction(async (tx) => {
    const row = await updateIdentityProvider(tx, id, {
      ...(input.name === undefined ? {} : { name: input.name }),
      ...(input.issuer === undefined ? {} : { issuer: input.issuer }),
      ...(input.clientId === undefined ? {} : { clientId: input.clientId }),
      ...(input.clientSecret === undefined ? {} : { clientSecretCiphertext: input.clientSecret === null ? null : ctx.box.seal(input.clientSecret) }),
      ...(input.allowedDomains === undefined ? {} : { allowedDomains: input.allowedDomains }),
      ...(input.enabled === undefined ? {} : { enabled: input.enabled }),
      updatedAt: ctx.clock.now(),
    });
    if (!row) throw notFound('sso.provider_not_found');
    await recordAudit(tx, {
      category: 'settings',
      action: 'identity_provider.updated',
      actorUserId: actor.userId,
      actorLabel: actor.email,
      targetType: 'identity_provider',
      targetId: id,
      ip: origin.ip,
      client: origin.client,
      details: { before: auditView(before), after: auditView(row), clientSecretChanged: input.clientSecret !== undefined },
    });
    return row;
  });
  forgetProviderConfiguration(id);
  return present(ctx, updated);
}

/** Removes a provider with the identities linked through it; the users stay. */
export async function deleteProvider(ctx: ServiceContext, actor: Actor, id: string, origin: RequestOrigin): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await findIdentityProvider(tx, id);
    if (!before || !(await deleteIdentityProvider(tx, id))) throw notFound('sso.provider_not_found');
    await recordAudit(tx, { category: 'settings', action: 'identity_provider.deleted', actorUserId: actor.userId, actorLabel: actor.email, targetType: 'identity_provider', targetId: id, ip: origin.ip, client: origin.client, details: { before: auditView(before) } });
  });
  forgetProviderConfiguration(id);
}
