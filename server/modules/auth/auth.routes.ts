import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Me, SignInBody } from '../../../common/schemas/me';
import type { ServiceContext } from '../../platform/context';
import { originOf, requireActor, SESSION_COOKIE } from '../../platform/http/auth-plugin';
import { ErrorResponse } from '../../platform/http/schemas';
import { getMe } from '../me/me.service';
import { signIn, signOut } from './auth.service';

/** Sign-in and sign-out with a session cookie. */
export function registerAuthRoutes(app: FastifyInstance, ctx: ServiceContext, options: { signInRateLimit: number }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/auth/sign-in', {
    config: { access: 'public', rateLimit: { max: options.signInRateLimit, timeWindow: '1 minute' } },
    schema: {
      tags: ['auth'],
      summary: 'Sign in with email and password; sets the session cookie',
      body: SignInBody,
      response: { 200: Me, 400: ErrorResponse, 401: ErrorResponse, 429: ErrorResponse },
    },
    handler: async (request, reply) => {
      const result = await signIn(ctx, request.body.email, request.body.password, originOf(request));
      reply.setCookie(SESSION_COOKIE, result.sessionToken, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        maxAge: ctx.config.sessionTtlHours * 3600,
      });
      const actor = {
        userId: result.user.id,
        email: result.user.email,
        name: result.user.name,
        staffRole: result.user.staffRole,
        locale: result.user.locale,
        theme: result.user.theme,
        mustChangePassword: result.user.mustChangePassword,
        via: 'session' as const,
        sessionId: result.sessionId,
        tokenId: null,
        csrfToken: result.csrfToken,
      };
      return getMe(ctx, actor);
    },
  });

  r.post('/api/v1/auth/sign-out', {
    config: { access: 'password-change' },
    schema: { tags: ['auth'], summary: 'End the current session', response: { 204: z.null(), 401: ErrorResponse } },
    handler: async (request, reply) => {
      await signOut(ctx, requireActor(request), originOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  });
}
