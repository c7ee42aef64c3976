import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CaseAttachment, CaseAttachmentList, UploadAttachmentQuery } from '../../../common/schemas/cases';
import type { ServiceContext } from '../../platform/context';
import { originOf } from '../../platform/http/auth-plugin';
import { ErrorResponse } from '../../platform/http/schemas';
import { declaredLength, isReadable, settleUnreadBody } from '../catalog/files.routes';
import { attachmentDisposition } from '../downloads/http-range';
import { requireCaseAccess } from './case-access';
import { listCaseAttachments, openAttachment, removeAttachment, uploadAttachment } from './case-attachments.service';

const CaseParams = z.object({ organizationId: z.uuid(), caseId: z.uuid() });
const AttachmentParams = CaseParams.extend({ attachmentId: z.uuid() });
const FileBytes = z.string().meta({ format: 'binary' }).describe('The file, as an attachment');
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 410: ErrorResponse, 413: ErrorResponse };
const tags = ['cases'];
const view = { access: { permission: 'case.view' as const } };
const base = '/api/v1/organizations/:organizationId/cases/:caseId/attachments';

/** Case attachments: upload (the raw body, streamed up to the limit), the list, the download and the removal. */
export function registerCaseAttachmentRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  // Encapsulated: only the upload route hands its body through as a stream, whatever its type.
  void app.register(async (instance) => {
    instance.removeAllContentTypeParsers();
    instance.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    instance.addHook('onSend', async (request, reply) => {
      settleUnreadBody(request, reply);
    });
    const r = instance.withTypeProvider<ZodTypeProvider>();

    r.post(base, {
      config: view,
      schema: {
        tags,
        summary: 'Attach a file to the case: the raw bytes as the body (any Content-Type; the type is read from the bytes), the name in ?name=',
        description:
          'Send the file itself as the request body (not multipart). 413 cases.attachment_too_large over the limit (by Content-Length at once, or while streaming), nothing stored; 400 files.empty; 400 files.invalid_name; 409 cases.closed. Put it on a post by sending its id in attachmentIds. With draft=true (a file for a post being written) only its uploader sees it, and the case\'s history and notices name it when a post takes it; a draft no post takes within a day is deleted.',
        params: CaseParams,
        querystring: UploadAttachmentQuery,
        response: { 201: CaseAttachment, ...errors },
      },
      handler: async (request, reply) => {
        const access = await requireCaseAccess(ctx.db, request);
        const stream = isReadable(request.body) ? request.body : request.raw;
        const attachment = await uploadAttachment(ctx, access, request.query.name, { stream, contentLength: declaredLength(request) }, originOf(request), { postId: request.query.postId, draft: request.query.draft === 'true' });
        return reply.status(201).send(attachment);
      },
    });
  });

  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(base, {
    config: view,
    schema: { tags, summary: "The case's attachments and its posts' (customers: not those of internal notes), oldest first", params: CaseParams, response: { 200: CaseAttachmentList, ...errors } },
    handler: async (request) => listCaseAttachments(ctx, await requireCaseAccess(ctx.db, request)),
  });

  r.get(`${base}/:attachmentId/content`, {
    config: view,
    schema: {
      tags,
      summary: 'Download an attachment (Content-Disposition: attachment; anything a browser could run is sent as application/octet-stream)',
      description: '404 cases.attachment_not_found (another case, or for a customer a file of an internal note); 410 cases.attachment_removed once the file was removed.',
      params: AttachmentParams,
      produces: ['application/octet-stream'],
      response: { 200: FileBytes, ...errors },
    },
    handler: async (request, reply) => {
      const file = await openAttachment(ctx, await requireCaseAccess(ctx.db, request), request.params.attachmentId);
      // The stream bypasses the response schema, which only documents the bytes.
      return (reply as FastifyReply)
        .header('content-type', file.contentType)
        .header('content-disposition', attachmentDisposition(file.name))
        .header('content-length', String(file.size))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(ctx.blobs.read(file.sha256));
    },
  });

  r.delete(`${base}/:attachmentId`, {
    config: view,
    schema: {
      tags,
      summary: 'Remove an attachment: its bytes are deleted, the post keeps a "removed by … on …" line (engineers at any time; its uploader while the case is open)',
      description:
        'A file on a post (or removed by someone else than its uploader) stays listed with `removed` set and downloads answer 410; a file its uploader withdraws before it is on a post is deleted outright. 403 cases.attachment_remove_forbidden; 404 cases.attachment_not_found (another case, or for a customer a file of an internal note); 410 cases.attachment_removed when it already was.',
      params: AttachmentParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      await removeAttachment(ctx, await requireCaseAccess(ctx.db, request), request.params.attachmentId, originOf(request));
      return reply.status(204).send(null);
    },
  });
}
