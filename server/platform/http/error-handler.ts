import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Socket } from 'node:net';
import { errorMessage, type ErrorCode, type ErrorEnvelope } from '../../../common/errors';
import { fieldIssueMessage, type FieldIssue } from '../../../common/field-messages';
import { pickLocale } from '../../../common/locale';
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
        (fieldErrors[field] ??= []).push(fieldIssueMessage({ ...(issue.params as Omit<FieldIssue, 'code' | 'message'>), code: issue.keyword, message: issue.message ?? 'invalid' }, request.locale));
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

/** Node's parser errors that reach the client before any route, mapped to our stable codes. */
const CLIENT_ERRORS: Record<string, [number, string, ErrorCode]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'request.header_too_large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'request.timeout'],
};
const ACCEPT_LANGUAGE = /\r\naccept-language:([^\r\n]*)/i;

/**
 * Fastify's `clientErrorHandler`: a request Node cannot parse (an address and headers over
 * `MAX_HEADER_BYTES`, a broken request line, one that arrives too slowly) gets the same error
 * envelope as every other error, instead of Fastify's own `{ error, message, statusCode }`, in the
 * language its Accept-Language asks for when that is in the bytes read last (`rawPacket`; of a
 * request over the limit, only its last 64 KB are, so it is answered in English).
 */
export function clientErrorHandler(error: Error & { code?: string; rawPacket?: unknown }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, code] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'Bad Request', 'request.malformed' as const];
  const language = Buffer.isBuffer(error.rawPacket) ? ACCEPT_LANGUAGE.exec(error.rawPacket.toString('latin1'))?.[1] : undefined;
  const body = JSON.stringify({ error: { code, message: errorMessage(code, pickLocale(language, 'en')) } } satisfies ErrorEnvelope);
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${reason}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy();
}
