import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CodeBody, MfaConfirmResult, MfaStatus, PasswordConfirmBody, RecoveryCodes, TotpSetup } from '../../../common/schemas/auth';
import type { ServiceContext } from '../../platform/context';
import { originOf, requireActor } from '../../platform/http/auth-plugin';
import { ErrorResponse } from '../../platform/http/schemas';
import { confirmEmail, confirmTotp, disableFactor, getMfaStatus, regenerateRecoveryCodes, startEmailSetup, startTotpSetup } from './mfa.service';

const Accepted = z.object({ status: z.literal('accepted') });

/**
 * /api/v1/me/mfa/*: enrolment of TOTP and email codes, recovery codes. Every route is
 * `account-setup`: it must work while an organization's required enrolment is pending.
 */
export function registerMfaRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['mfa'];

  r.get('/api/v1/me/mfa', {
    config: { access: 'account-setup' },
    schema: { tags, summary: 'My two-step sign-in methods and recovery codes left', response: { 200: MfaStatus, 401: ErrorResponse } },
    handler: async (request) => getMfaStatus(ctx, requireActor(request).userId),
  });

  r.post('/api/v1/me/mfa/totp/setup', {
    config: { access: 'account-setup' },
    schema: {
      tags,
      summary: 'Start authenticator-app setup: a new secret and its QR code (pending until confirmed)',
      response: { 200: TotpSetup, 401: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse },
    },
    handler: async (request) => startTotpSetup(ctx, requireActor(request)),
  });

  r.post('/api/v1/me/mfa/totp/confirm', {
    config: { access: 'account-setup' },
    schema: {
      tags,
      summary: 'Turn on the authenticator app with a code from it; the first second step returns recovery codes once',
      body: CodeBody,
      response: { 200: MfaConfirmResult, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse },
    },
    handler: async (request) => confirmTotp(ctx, requireActor(request), request.body.code, originOf(request)),
  });

  r.post('/api/v1/me/mfa/totp/disable', {
    config: { access: 'account-setup' },
    schema: { tags, summary: 'Turn off the authenticator app (current password required)', body: PasswordConfirmBody, response: { 204: z.null(), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse } },
    handler: async (request, reply) => {
      await disableFactor(ctx, requireActor(request), 'totp', request.body.password, originOf(request));
      return reply.status(204).send(null);
    },
  });

  r.post('/api/v1/me/mfa/email/setup', {
    config: { access: 'account-setup' },
    schema: { tags, summary: 'Email a code that turns on email as a second step (valid 10 minutes)', response: { 202: Accepted, 401: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse } },
    handler: async (request, reply) => {
      await startEmailSetup(ctx, requireActor(request), request.locale);
      return reply.status(202).send({ status: 'accepted' as const });
    },
  });

  r.post('/api/v1/me/mfa/email/confirm', {
    config: { access: 'account-setup' },
    schema: {
      tags,
      summary: 'Turn on email codes with the code sent; the first second step returns recovery codes once',
      body: CodeBody,
      response: { 200: MfaConfirmResult, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse },
    },
    handler: async (request) => confirmEmail(ctx, requireActor(request), request.body.code, originOf(request)),
  });

  r.post('/api/v1/me/mfa/email/disable', {
    config: { access: 'account-setup' },
    schema: { tags, summary: 'Turn off email codes (current password required)', body: PasswordConfirmBody, response: { 204: z.null(), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse } },
    handler: async (request, reply) => {
      await disableFactor(ctx, requireActor(request), 'email', request.body.password, originOf(request));
      return reply.status(204).send(null);
    },
  });

  r.post('/api/v1/me/mfa/recovery-codes', {
    config: { access: 'account-setup' },
    schema: {
      tags,
      summary: 'Replace my recovery codes (current password required); the old ones stop working',
      body: PasswordConfirmBody,
      response: { 200: RecoveryCodes, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
    },
    handler: async (request) => regenerateRecoveryCodes(ctx, requireActor(request), request.body.password, originOf(request)),
  });
}
