import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { errorMessage, type ErrorCode, type ErrorEnvelope } from '../../../common/errors';
import { AppError } from '../errors';

/** Sends the error envelope in the request's language. */
export function sendError(request: FastifyRequest, reply: FastifyReply, status: number, code: ErrorCode, details?: unknown) {
  const params = details && typeof details === 'object' ? (details as { messageParams?: Record<string, string | number> }).messageParams : undefined;
  const body: ErrorEnvelope = { error: { code, message: errorMessage(code, request.locale, params), ...(details === undefined ? {} : { details }) } };
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

/** Fastify's own error codes that are the client's fault, mapped to our stable codes. */
const FASTIFY_CODES: Record<string, [number, ErrorCode]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'request.malformed_json'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'request.malformed_json'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'request.too_large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'request.unsupported_media_type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'request.malformed_json'],
};

/** Installs the one error handler and the API 404 handler. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return sendError(request, reply, error.statusCode, error.code, error.details);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of error.validation) {
        const field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || String(error.validationContext ?? 'body');
        (fieldErrors[field] ??= []).push(issue.message ?? 'invalid');
      }
      return sendError(request, reply, 400, 'validation.failed', { in: error.validationContext, fieldErrors });
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) return sendError(request, reply, mapped[0], mapped[1]);
    if (error instanceof SyntaxError && error.statusCode === 400) return sendError(request, reply, 400, 'request.malformed_json');
    if (error.statusCode === 429) return sendError(request, reply, 429, 'rate_limited');
    if (error.statusCode === 503) return sendError(request, reply, 503, 'service.shutting_down');
    request.log.error({ err: error }, 'unhandled error');
    return sendError(request, reply, 500, 'internal');
  });
}
