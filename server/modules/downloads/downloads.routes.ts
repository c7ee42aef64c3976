import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DownloadLink, DownloadLinkBody } from '../../../common/schemas/products';
import type { ServiceContext } from '../../platform/context';
import { originOf, requireActor } from '../../platform/http/auth-plugin';
import { sendError } from '../../platform/http/error-handler';
import { ErrorResponse } from '../../platform/http/schemas';
import { requireOrganizationAccess } from '../organizations/organization-access';
import { createDownloadLink, openDownload, recordDownload } from './downloads.service';
import { attachmentDisposition, etagOf, ifNoneMatchHits, ifRangeHolds, parseRange, type RangeRequest } from './http-range';

const LinkParams = z.object({ organizationId: z.uuid(), siteId: z.uuid(), productId: z.uuid(), fileId: z.uuid() });
const TokenParams = z.object({ token: z.string().min(1).max(2048) });
const FileBytes = z.string().meta({ format: 'binary' }).describe('The file, or the requested range of it, streamed');
const tags = ['downloads'];

/** A request header given once; a repeated one counts as absent. */
const headerOf = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/**
 * Downloads: a member asks for a signed link (after the licence agreement), then the link streams
 * the file from storage with ranges (resume), conditionals and its SHA-256, without the session
 * cookie so a browser or curl can fetch it.
 */
export function registerDownloadRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/organizations/:organizationId/sites/:siteId/products/:productId/files/:fileId/download-link', {
    config: { access: { permission: 'download.document' } },
    schema: {
      tags,
      summary: 'A signed download link valid for 15 minutes; software also needs download.software and a contract in force or in grace',
      description:
        "403 downloads.agreement_required (details.agreement) until the user accepts the product's licence agreement in force: send its id as acceptAgreementId.",
      params: LinkParams,
      body: DownloadLinkBody,
      response: { 201: DownloadLink, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 410: ErrorResponse },
    },
    handler: async (request, reply) => {
      const { siteId, productId, fileId } = request.params;
      const link = await createDownloadLink(ctx, requireActor(request), requireOrganizationAccess(request), { siteId, productId, fileId }, request.body, originOf(request));
      return reply.status(201).send(link);
    },
  });

  const download = async (request: FastifyRequest<{ Params: { token: string } }>, reply: FastifyReply) => {
    const opened = await openDownload(ctx, request.params.token);
    const { file } = opened;
    const etag = etagOf(file.sha256);
    const lastModified = file.createdAt.toUTCString();
    reply
      .header('etag', etag)
      .header('last-modified', lastModified)
      .header('accept-ranges', 'bytes')
      .header('cache-control', 'private, no-store')
      .header('x-content-sha256', file.sha256);
    if (ifNoneMatchHits(headerOf(request, 'if-none-match'), etag)) return reply.status(304).send();

    let range: RangeRequest = parseRange(request.headers.range, file.size);
    if (range.kind !== 'whole' && !ifRangeHolds(headerOf(request, 'if-range'), etag, lastModified)) range = { kind: 'whole' };
    if (range.kind === 'unsatisfiable') {
      reply.header('content-range', `bytes */${file.size}`);
      return sendError(request, reply, 416, 'files.range_not_satisfiable', { size: file.size });
    }
    const part = range.kind === 'partial' ? range.range : null;
    // A resume (a range not starting at the first byte) is the same download: counted once.
    if (request.method === 'GET' && (part === null || part.start === 0)) await recordDownload(ctx, opened, originOf(request));

    reply
      .header('content-type', file.contentType)
      .header('content-disposition', attachmentDisposition(file.fileName))
      .header('content-length', String(part ? part.end - part.start + 1 : file.size));
    if (part) reply.status(206).header('content-range', `bytes ${part.start}-${part.end}/${file.size}`);
    if (request.method === 'HEAD') return reply.send();
    return reply.send(ctx.blobs.read(file.sha256, part ?? undefined));
  };

  const responses = { 200: FileBytes, 206: FileBytes, 304: z.null(), 400: ErrorResponse, 403: ErrorResponse, 410: ErrorResponse, 416: ErrorResponse };

  r.get('/api/v1/downloads/:token', {
    config: { access: 'public' },
    exposeHeadRoute: false,
    schema: {
      tags,
      summary: 'Streams the file a signed link names (no session needed); Range for resume, If-None-Match / If-Range, ETag = SHA-256',
      security: [],
      params: TokenParams,
      produces: ['application/octet-stream'],
      response: responses,
    },
    handler: download,
  });

  r.head('/api/v1/downloads/:token', {
    config: { access: 'public' },
    schema: { hide: true, params: TokenParams },
    handler: download,
  });
}
