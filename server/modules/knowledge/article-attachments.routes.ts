import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ArticleAttachment, UploadArticleAttachmentQuery } from '../../../common/schemas/knowledge';
import type { ServiceContext } from '../../platform/context';
import { originOf, requireActor } from '../../platform/http/auth-plugin';
import { ErrorResponse } from '../../platform/http/schemas';
import { declaredLength, isReadable, settleUnreadBody } from '../catalog/files.routes';
import { attachmentDisposition } from '../downloads/http-range';
import { openArticleAttachment, removeArticleAttachment, uploadArticleAttachment, type OpenedArticleFile } from './article-attachments.service';
import { openReadableAttachment } from './article-reader.service';
import { PUBLIC_ARTICLES_BASE } from './article-reader.routes';

const ArticleParams = z.object({ articleId: z.uuid() });
const AttachmentParams = ArticleParams.extend({ attachmentId: z.uuid() });
const PortalAttachmentParams = AttachmentParams.extend({ organizationId: z.uuid() });
const FileBytes = z.string().meta({ format: 'binary' }).describe('The file: images inline, anything else as an attachment');
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const tags = ['knowledge'];
const write = { access: { permission: 'article.write' } } as const;
const consoleBase = '/api/v1/console/articles/:articleId/attachments';
const download = { tags, produces: ['application/octet-stream'] };

/**
 * Streams a file: an image inline with its own type, anything else as a download (anything a
 * browser could run is already opaque bytes); never sniffed, never run as a page.
 */
function sendArticleFile(ctx: ServiceContext, reply: FastifyReply, file: OpenedArticleFile, cache: string) {
  const disposition = attachmentDisposition(file.name);
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', file.inline ? disposition.replace(/^attachment/, 'inline') : disposition)
    .header('content-length', String(file.size))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', cache)
    .send(ctx.blobs.read(file.sha256));
}

/** Article files: the console's upload, download and removal; the portal's and the public page's downloads. */
export function registerArticleAttachmentRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  // Encapsulated: only the upload route hands its body through as a stream, whatever its type.
  void app.register(async (instance) => {
    instance.removeAllContentTypeParsers();
    instance.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    instance.addHook('onSend', async (request, reply) => {
      settleUnreadBody(request, reply);
    });
    instance.withTypeProvider<ZodTypeProvider>().post(consoleBase, {
      config: write,
      schema: {
        tags,
        summary: 'Adds a file or image to the article: the raw bytes as the body (any Content-Type; the type is read from the bytes), the name in ?name=',
        description: 'Send the file itself as the request body (not multipart). 413 articles.attachment_too_large over the case attachment limit, nothing stored; 400 files.empty; 400 files.invalid_name.',
        params: ArticleParams,
        querystring: UploadArticleAttachmentQuery,
        response: { 201: ArticleAttachment, ...errors, 413: ErrorResponse },
      },
      handler: async (request, reply) => {
        const stream = isReadable(request.body) ? request.body : request.raw;
        const attachment = await uploadArticleAttachment(ctx, requireActor(request), request.params.articleId, request.query.name, { stream, contentLength: declaredLength(request) }, originOf(request));
        return reply.status(201).send(attachment);
      },
    });
  });

  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(`${consoleBase}/:attachmentId`, {
    config: write,
    schema: { ...download, summary: 'Downloads a file of the article (any article, drafts included)', params: AttachmentParams, response: { 200: FileBytes, ...errors } },
    handler: async (request, reply) => sendArticleFile(ctx, reply as FastifyReply, await openArticleAttachment(ctx, request.params.articleId, request.params.attachmentId), 'private, no-store'),
  });

  r.delete(`${consoleBase}/:attachmentId`, {
    config: write,
    schema: { tags, summary: 'Removes a file of the article; its bytes go when nothing else holds them', params: AttachmentParams, response: { 204: z.null(), ...errors } },
    handler: async (request, reply) => {
      await removeArticleAttachment(ctx, requireActor(request), request.params.articleId, request.params.attachmentId, originOf(request));
      return reply.status(204).send(null);
    },
  });

  r.get('/api/v1/organizations/:organizationId/articles/:articleId/attachments/:attachmentId', {
    config: { access: { permission: 'organization.view' } },
    schema: { ...download, summary: 'Downloads a file of an article the member may read', params: PortalAttachmentParams, response: { 200: FileBytes, ...errors } },
    handler: async (request, reply) => sendArticleFile(ctx, reply as FastifyReply, await openReadableAttachment(ctx, 'customer', request.params.articleId, request.params.attachmentId), 'private, no-store'),
  });

  r.get(`${PUBLIC_ARTICLES_BASE}/:articleId/attachments/:attachmentId`, {
    config: { access: 'public' },
    schema: { ...download, summary: 'Downloads a file of a public article, for anyone', params: AttachmentParams, response: { 200: FileBytes, 400: ErrorResponse, 404: ErrorResponse } },
    handler: async (request, reply) => sendArticleFile(ctx, reply as FastifyReply, await openReadableAttachment(ctx, 'anyone', request.params.articleId, request.params.attachmentId), 'no-cache'),
  });
}
