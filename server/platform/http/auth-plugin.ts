import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pickLocale, type Locale } from '../../../common/locale';
import type { Permission } from '../../../common/permissions';
import { resolveSession } from '../../modules/auth/auth.service';
import { resolveApiToken } from '../../modules/tokens/tokens.service';
import type { Actor, ActorReadOptions } from '../actor';
import { describeClient } from '../client-label';
import type { RequestOrigin, ServiceContext } from '../context';
import { AppError, unauthenticated } from '../errors';
import { safeEqual } from '../secrets';

/**
 * What a route requires of its caller, declared on every API route:
 * - `public`: anyone;
 * - `signed-in`: any signed-in user who has no pending forced password change;
 * - `account-setup`: any signed-in user, even before the forced password change or the
 *   second-step enrolment an organization requires (the routes that complete them);
 * - a permission: signed in, and the handler authorizes the permission on its resource.
 */
export type RouteAccess = 'public' | 'signed-in' | 'account-setup' | { permission: Permission };

/** An API route with the access it declares, for the authorization matrix test. */
export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

declare module 'fastify' {
  interface FastifyInstance {
    declaredRoutes: DeclaredRoute[];
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** The actor is read with the user's active memberships, in the same statement (GET /me). */
    actorMemberships?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
    /** Set when the request's session was just ended for inactivity. */
    sessionEndedIdle: boolean;
    /** Set when the request's session was ended from elsewhere (another session, a password change or reset). */
    sessionEndedElsewhere: boolean;
  }
}

export const SESSION_COOKIE = 'atrium_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where the request came from, for the activity log. */
export function originOf(request: FastifyRequest): RequestOrigin {
  const userAgent = request.headers['user-agent'] ?? null;
  return { ip: request.ip, userAgent, client: describeClient(userAgent ?? undefined) };
}

/** The signed-in actor; throws 401 when there is none (auth.session_idle after idle sign-out, auth.session_ended when ended elsewhere). */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) {
    if (request.sessionEndedIdle) throw new AppError('auth.session_idle', 401);
    if (request.sessionEndedElsewhere) throw new AppError('auth.session_ended', 401);
    throw unauthenticated();
  }
  return request.actor;
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure when the request came over HTTPS. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, sessionToken: string, ttlHours: number): void {
  reply.setCookie(SESSION_COOKIE, sessionToken, { path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https', maxAge: ttlHours * 3600 });
}

/**
 * Resolves the actor from the session cookie or a bearer token, picks the language, enforces each
 * route's declared access and CSRF protection, and refuses to register an API route without access.
 */
export function registerAuth(app: FastifyInstance, ctx: ServiceContext): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('locale', 'en');
  app.decorateRequest('sessionEndedIdle', false);
  app.decorateRequest('sessionEndedElsewhere', false);

  const declared: DeclaredRoute[] = [];
  app.decorate('declaredRoutes', declared);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    if (!route.config?.access) throw new Error(`Route ${String(route.method)} ${route.url} declares no access; every API route must.`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') declared.push({ method, url: route.url, access: route.config.access });
  });

  app.addHook('onRequest', async (request) => {
    request.locale = pickLocale(request.headers['accept-language'], 'en');
    if (!request.url.startsWith('/api/')) return;
    const authorization = request.headers.authorization;
    // A route about one organization: the organization and the membership come with the actor.
    const access = request.routeOptions.config.access;
    const organizationId = typeof access === 'object' ? (request.params as Record<string, string | undefined> | undefined)?.organizationId : undefined;
    const options: ActorReadOptions = {
      withMemberships: request.routeOptions.config.actorMemberships === true,
      ...(organizationId !== undefined && UUID.test(organizationId) ? { organizationId } : {}),
    };
    if (authorization?.startsWith('Bearer ')) {
      request.actor = await resolveApiToken(ctx, authorization.slice(7).trim(), request.ip, options);
      if (!request.actor) throw unauthenticated();
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) {
        const resolved = await resolveSession(ctx, cookie, request.ip, options);
        if (resolved && 'actor' in resolved) request.actor = resolved.actor;
        else if (resolved?.ended === 'idle') request.sessionEndedIdle = true;
        else if (resolved?.ended === 'elsewhere') request.sessionEndedElsewhere = true;
      }
    }
    if (request.actor?.locale) request.locale = request.actor.locale;
  });

  // Before validation, so that an unauthenticated or forged request learns nothing from input errors.
  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access || access === 'public') return;
    const actor = requireActor(request);
    if (actor.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !actor.csrfToken || !safeEqual(sent, actor.csrfToken)) throw new AppError('auth.csrf_failed', 403);
    }
    if (actor.mustChangePassword && access !== 'account-setup') throw new AppError('auth.password_change_required', 403);
    if (actor.mfaEnrollmentRequired && access !== 'account-setup') throw new AppError('auth.mfa_enrollment_required', 403);
  });
}
