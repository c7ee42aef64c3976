import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EmailBody, MfaEmailCodeBody, MfaSignInBody, RegisterBody, RegisterResult, ResetPasswordBody, SignInResult, TokenBody } from '../../../common/schemas/auth';
import { SignInBody } from '../../../common/schemas/me';
import { PasswordPolicy } from '../../../common/schemas/settings';
import type { ServiceContext } from '../../platform/context';
import { originOf, requireActor, SESSION_COOKIE, setSessionCookie } from '../../platform/http/auth-plugin';
import { ErrorResponse } from '../../platform/http/schemas';
import { getMe } from '../me/me.service';
import { getSetting } from '../settings/settings.service';
import { completeMfaSignIn, endReplacedSession, sendMfaEmailCode, signIn, signOut, type OpenedSession } from './auth.service';
import { checkPasswordResetToken, confirmPasswordReset, register, requestPasswordReset, resendVerification, verifyEmail } from './registration.service';

const Accepted = z.object({ status: z.literal('accepted') });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 429: ErrorResponse };

/** Sign-in (password, second step), sign-out, registration, email verification and password reset. */
export function registerAuthRoutes(app: FastifyInstance, ctx: ServiceContext, options: { signInRateLimit: number }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const limited = { rateLimit: { max: options.signInRateLimit, timeWindow: '1 minute' } };

  const signedIn = async (request: FastifyRequest, reply: FastifyReply, session: OpenedSession) => {
    await endReplacedSession(ctx, request.actor, originOf(request));
    setSessionCookie(request, reply, session.sessionToken, ctx.config.sessionTtlHours);
    return { status: 'signed_in' as const, me: await getMe(ctx, session.actor) };
  };

  r.post('/api/v1/auth/sign-in', {
    config: { access: 'public', ...limited },
    schema: { tags: ['auth'], summary: 'Sign in with email and password; sets the session cookie or asks for the second step', body: SignInBody, response: { 200: SignInResult, ...errors } },
    handler: async (request, reply) => {
      const outcome = await signIn(ctx, request.body.email, request.body.password, originOf(request));
      if (outcome.status === 'mfa_required') return outcome;
      return signedIn(request, reply, outcome.session);
    },
  });

  r.post('/api/v1/auth/sign-in/mfa', {
    config: { access: 'public', ...limited },
    schema: { tags: ['auth'], summary: 'Complete a sign-in with a TOTP, email or recovery code', body: MfaSignInBody, response: { 200: SignInResult, ...errors } },
    handler: async (request, reply) => signedIn(request, reply, await completeMfaSignIn(ctx, request.body, originOf(request))),
  });

  r.post('/api/v1/auth/sign-in/mfa/email-code', {
    config: { access: 'public', ...limited },
    schema: { tags: ['auth'], summary: 'Email a sign-in code for a pending second step', body: MfaEmailCodeBody, response: { 202: Accepted, ...errors } },
    handler: async (request, reply) => {
      await sendMfaEmailCode(ctx, request.body.challengeToken, request.locale);
      return reply.status(202).send({ status: 'accepted' });
    },
  });

  r.post('/api/v1/auth/sign-out', {
    config: { access: 'account-setup' },
    schema: { tags: ['auth'], summary: 'End the current session', response: { 204: z.null(), 401: ErrorResponse } },
    handler: async (request, reply) => {
      await signOut(ctx, requireActor(request), originOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  });

  r.get('/api/v1/auth/registration-info', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'What registration asks: the current terms and privacy versions and the password policy',
      response: { 200: z.object({ termsVersion: z.string(), privacyVersion: z.string(), passwordPolicy: PasswordPolicy }) },
    },
    handler: async () => {
      const [legal, security] = await Promise.all([getSetting(ctx, 'legal'), getSetting(ctx, 'security')]);
      return { ...legal, passwordPolicy: security.passwordPolicy };
    },
  });

  r.post('/api/v1/auth/register', {
    config: { access: 'public', ...limited },
    schema: { tags: ['auth'], summary: 'Create a portal account; a verification link is emailed', body: RegisterBody, response: { 202: RegisterResult, ...errors } },
    handler: async (request, reply) => {
      await register(ctx, request.body, originOf(request), request.locale);
      return reply.status(202).send({ status: 'verification_sent' as const });
    },
  });

  r.post('/api/v1/auth/verify-email', {
    config: { access: 'public', ...limited },
    schema: { tags: ['auth'], summary: 'Verify an email address with the emailed link', body: TokenBody, response: { 200: z.object({ status: z.literal('verified') }), ...errors } },
    handler: async (request) => {
      await verifyEmail(ctx, request.body.token, originOf(request));
      return { status: 'verified' as const };
    },
  });

  r.post('/api/v1/auth/resend-verification', {
    config: { access: 'public', ...limited },
    schema: { tags: ['auth'], summary: 'Send a new verification link (answers the same for any email)', body: EmailBody, response: { 202: Accepted, ...errors } },
    handler: async (request, reply) => {
      await resendVerification(ctx, request.body.email, originOf(request), request.locale);
      return reply.status(202).send({ status: 'accepted' });
    },
  });

  r.post('/api/v1/auth/password-reset/request', {
    config: { access: 'public', ...limited },
    schema: { tags: ['auth'], summary: 'Email a password reset link (answers the same for any email)', body: EmailBody, response: { 202: Accepted, ...errors } },
    handler: async (request, reply) => {
      await requestPasswordReset(ctx, request.body.email, originOf(request), request.locale);
      return reply.status(202).send({ status: 'accepted' });
    },
  });

  r.post('/api/v1/auth/password-reset/check', {
    config: { access: 'public', ...limited },
    schema: {
      tags: ['auth'],
      summary: 'Whether a reset link can still be used (it is not used up): 204, else 400 auth.token_invalid, auth.token_used or auth.token_expired',
      body: TokenBody,
      response: { 204: z.null().describe('The link can be used'), ...errors },
    },
    handler: async (request, reply) => {
      await checkPasswordResetToken(ctx, request.body.token);
      return reply.status(204).send(null);
    },
  });

  r.post('/api/v1/auth/password-reset/confirm', {
    config: { access: 'public', ...limited },
    schema: { tags: ['auth'], summary: 'Set a new password with a reset link; every session ends', body: ResetPasswordBody, response: { 200: z.object({ status: z.literal('reset') }), ...errors } },
    handler: async (request) => {
      await confirmPasswordReset(ctx, request.body.token, request.body.newPassword, originOf(request));
      return { status: 'reset' as const };
    },
  });
}
