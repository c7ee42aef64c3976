import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ErrorCode } from '../../../common/errors';
import { SsoProviderSummary } from '../../../common/schemas/auth';
import { CreateIdentityProviderBody, IdentityProvider, UpdateIdentityProviderBody } from '../../../common/schemas/sso';
import type { Actor } from '../../platform/actor';
import type { ServiceContext } from '../../platform/context';
import { AppError, forbidden } from '../../platform/errors';
import { originOf, requireActor, setSessionCookie } from '../../platform/http/auth-plugin';
import { ErrorResponse } from '../../platform/http/schemas';
import { endReplacedSession } from '../auth/auth.service';
import { canManageIdentityProviders } from './sso.policy';
import { beginSignOn, completeSignOn, type SignOnChallenge, createProvider, deleteProvider, listProviders, listSignInProviders, updateProvider } from './sso.service';

const ADMIN_ACCESS = { permission: 'settings.manage' } as const;
const Redirect = z.null().describe('Redirect (Location header)');
const ProviderParams = z.object({ providerId: z.string().max(64) });
const CallbackQuery = z.object({
  code: z.string().max(4096).optional(),
  state: z.string().max(512).optional(),
  iss: z.string().max(2048).optional(),
  error: z.string().max(256).optional(),
  error_description: z.string().max(2048).optional(),
});

/** The sign-in page, showing why single sign-on did not complete; only the error code travels. */
const signInPageWith = (code: ErrorCode) => `/sign-in?sso_error=${encodeURIComponent(code)}`;

/**
 * The sign-in page at its second step, as after a password: the challenge travels in the fragment,
 * which browsers send to no server (not in logs, not in Referer), and the page opens `next` after.
 */
export function signInPageWithChallenge(challenge: SignOnChallenge, nextPath: string): string {
  const fragment = new URLSearchParams({ mfa_challenge: challenge.challengeToken, methods: challenge.methods.join(','), expires_in: String(challenge.expiresInSeconds) });
  const query = nextPath === '/' ? '' : `?next=${encodeURIComponent(nextPath)}`;
  return `/sign-in${query}#${fragment.toString()}`;
}

function redirect(reply: FastifyReply, location: string) {
  // The URLs carry one-time values (state, code): keep them out of caches.
  return reply.header('cache-control', 'no-store').redirect(location, 302);
}

/** The actor, when they may manage identity providers (the vendor administrator); 403 otherwise. */
function requireProviderManager(request: FastifyRequest): Actor {
  const actor = requireActor(request);
  if (!canManageIdentityProviders(actor)) throw forbidden();
  return actor;
}

/** /api/v1/auth/sso/* (sign-in through OpenID Connect) and /api/v1/admin/identity-providers (console). */
export function registerSsoRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/auth/sso/providers', {
    config: { access: 'public' },
    schema: { tags: ['auth'], summary: 'Identity providers offered on the sign-in page', response: { 200: z.object({ items: z.array(SsoProviderSummary) }) } },
    handler: async () => ({ items: await listSignInProviders(ctx) }),
  });

  r.get('/api/v1/auth/sso/:providerId/start', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'],
      summary: "Start single sign-on: redirects to the identity provider (or back to /sign-in?sso_error=<code>)",
      params: ProviderParams,
      querystring: z.object({ next: z.string().max(2000).optional().describe('A path on this site to open after signing in') }),
      response: { 302: Redirect },
    },
    handler: async (request, reply) => {
      try {
        return redirect(reply, await beginSignOn(ctx, request.params.providerId, request.query.next));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return redirect(reply, signInPageWith(error.code));
      }
    },
  });

  r.get('/api/v1/auth/sso/:providerId/callback', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'Where the identity provider returns; signs in and redirects to the page asked for, or to /sign-in?sso_error=<code>',
      params: ProviderParams,
      querystring: CallbackQuery,
      response: { 302: Redirect },
    },
    handler: async (request, reply) => {
      const search = new URL(request.url, 'http://callback.invalid').search;
      const result = await completeSignOn(ctx, request.params.providerId, search, originOf(request));
      if (!result.ok) {
        if (result.error !== undefined) request.log.warn({ err: result.error, reason: result.reason }, 'single sign-on failed');
        return redirect(reply, signInPageWith(result.code));
      }
      if ('challenge' in result) return redirect(reply, signInPageWithChallenge(result.challenge, result.nextPath));
      await endReplacedSession(ctx, request.actor, originOf(request));
      setSessionCookie(request, reply, result.sessionToken, ctx.config.sessionTtlHours);
      return redirect(reply, result.nextPath);
    },
  });

  r.get('/api/v1/admin/identity-providers', {
    config: { access: ADMIN_ACCESS },
    schema: { tags: ['admin'], summary: 'List identity providers', response: { 200: z.object({ items: z.array(IdentityProvider) }), 401: ErrorResponse, 403: ErrorResponse } },
    handler: async (request) => {
      requireProviderManager(request);
      return { items: await listProviders(ctx) };
    },
  });

  r.post('/api/v1/admin/identity-providers', {
    config: { access: ADMIN_ACCESS },
    schema: {
      tags: ['admin'],
      summary: 'Add an identity provider (its issuer must answer OpenID Connect discovery)',
      body: CreateIdentityProviderBody,
      response: { 201: IdentityProvider, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
    },
    handler: async (request, reply) => {
      const actor = requireProviderManager(request);
      return reply.status(201).send(await createProvider(ctx, actor, request.body, originOf(request)));
    },
  });

  r.patch('/api/v1/admin/identity-providers/:providerId', {
    config: { access: ADMIN_ACCESS },
    schema: {
      tags: ['admin'],
      summary: 'Change an identity provider (an omitted client secret is kept)',
      params: z.object({ providerId: z.string().uuid() }),
      body: UpdateIdentityProviderBody,
      response: { 200: IdentityProvider, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    },
    handler: async (request) => {
      const actor = requireProviderManager(request);
      return updateProvider(ctx, actor, request.params.providerId, request.body, originOf(request));
    },
  });

  r.delete('/api/v1/admin/identity-providers/:providerId', {
    config: { access: ADMIN_ACCESS },
    schema: {
      tags: ['admin'],
      summary: 'Remove an identity provider and the accounts linked through it (the users stay)',
      params: z.object({ providerId: z.string().uuid() }),
      response: { 204: z.null(), 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    },
    handler: async (request, reply) => {
      const actor = requireProviderManager(request);
      await deleteProvider(ctx, actor, request.params.providerId, originOf(request));
      return reply.status(204).send(null);
    },
  });
}
