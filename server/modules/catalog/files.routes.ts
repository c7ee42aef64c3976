import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CatalogFile, UploadFileQuery } from '../../../common/schemas/catalog';
import type { ServiceContext } from '../../platform/context';
import { originOf, requireActor } from '../../platform/http/auth-plugin';
import { ErrorResponse } from '../../platform/http/schemas';
import { removeReleaseFile, uploadReleaseFile } from './files.service';

const ReleaseParams = z.object({ releaseId: z.uuid() });
const FileParams = z.object({ fileId: z.uuid() });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 410: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse };
const tags = ['catalog'];

/** True for a stream (the pass-through parser hands the raw body over as one). */
export function isReadable(value: unknown): value is Readable {
  return typeof value === 'object' && value !== null && typeof (value as Readable).pipe === 'function';
}

/** The Content-Length the client declared, when it is a plain number. */
export function declaredLength(request: FastifyRequest): number | undefined {
  const header = request.headers['content-length'];
  return header !== undefined && /^\d+$/.test(header) ? Number(header) : undefined;
}

/** How much of a refused upload is read and thrown away so that the client gets the answer on a live connection. */
const DRAIN_BYTES = 64 * 1024 * 1024;

/**
 * An answer sent before the whole body arrived (refused, over the limit). Closing at once would
 * reset a connection the client is still writing to, and it may never read the answer; so the rest
 * is read and thrown away, up to a point. A body declared larger than that, never started, closes
 * the connection instead of reading gigabytes.
 */
export function settleUnreadBody(request: FastifyRequest, reply: FastifyReply): void {
  const raw = request.raw;
  if (raw.readableEnded || raw.destroyed) return;
  const declared = declaredLength(request);
  if (!raw.readableDidRead && (declared === undefined || declared > DRAIN_BYTES)) {
    reply.header('connection', 'close');
    return;
  }
  let drained = 0;
  raw.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_BYTES) raw.socket?.destroy();
  });
  raw.resume();
}

/** Uploading (streamed, any size up to the limit) and removing the files of a release. */
export function registerFileRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  // Encapsulated: only the upload route hands its body through as a stream, whatever its type.
  void app.register(async (instance) => {
    instance.removeAllContentTypeParsers();
    instance.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    instance.addHook('onSend', async (request, reply) => {
      settleUnreadBody(request, reply);
    });
    const r = instance.withTypeProvider<ZodTypeProvider>();

    r.post('/api/v1/catalog/releases/:releaseId/files', {
      config: { access: { permission: 'catalog.manage' } },
      schema: {
        tags,
        summary: 'Upload a file of a release: the raw bytes as the body, its type as Content-Type; streamed to storage up to the upload limit',
        description:
          'Send the file itself as the request body (not multipart). 413 files.too_large over the limit (by Content-Length at once, or while streaming); 415 files.type_mismatch when the declared type does not match the bytes (application/octet-stream accepts anything); 400 files.invalid_name for names with folders, control characters or a leading dot. Nothing is stored on any failure.',
        params: ReleaseParams,
        querystring: UploadFileQuery,
        response: { 201: CatalogFile, ...errors },
      },
      handler: async (request, reply) => {
        const stream = isReadable(request.body) ? request.body : request.raw;
        const source = { stream, contentType: request.headers['content-type'], contentLength: declaredLength(request) };
        const file = await uploadReleaseFile(ctx, requireActor(request), request.params.releaseId, request.query, source, originOf(request));
        return reply.status(201).send(file);
      },
    });
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.delete('/api/v1/catalog/files/:fileId', {
    config: { access: { permission: 'catalog.manage' } },
    schema: { tags, summary: 'Remove a file: its row stays (downloads answer 410), its bytes go when no other file holds them', params: FileParams, response: { 204: z.null(), ...errors } },
    handler: async (request, reply) => {
      await removeReleaseFile(ctx, requireActor(request), request.params.fileId, originOf(request));
      return reply.status(204).send(null);
    },
  });
}
