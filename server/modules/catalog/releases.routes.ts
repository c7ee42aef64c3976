import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Agreement,
  AgreementList,
  Bulletin,
  CreateAgreementBody,
  CreateBulletinBody,
  CreateReleaseBody,
  Release,
  UpdateBulletinBody,
  UpdateReleaseBody,
} from '../../../common/schemas/catalog';
import type { ServiceContext } from '../../platform/context';
import { originOf, requireActor } from '../../platform/http/auth-plugin';
import { ErrorResponse } from '../../platform/http/schemas';
import {
  changeBulletin,
  changeRelease,
  createBulletin,
  createRelease,
  deleteBulletin,
  deleteRelease,
  listProductAgreements,
  publishAgreement,
  publishRelease,
} from './releases.service';

const ProductParams = z.object({ productId: z.uuid() });
const ReleaseParams = z.object({ releaseId: z.uuid() });
const BulletinParams = z.object({ bulletinId: z.uuid() });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const read = { access: { permission: 'product.view' as const } };
const write = { access: { permission: 'catalog.manage' as const } };
const tags = ['catalog'];

/** Releases (drafts, publication), bulletins and licence agreement versions of the catalog's products. */
export function registerReleaseRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/catalog/products/:productId/releases', {
    config: write,
    schema: { tags, summary: 'Add a draft release (versions unique per product: 409 catalog.version_taken)', params: ProductParams, body: CreateReleaseBody, response: { 201: Release, ...errors } },
    handler: async (request, reply) => reply.status(201).send(await createRelease(ctx, requireActor(request), request.params.productId, request.body, originOf(request))),
  });

  r.patch('/api/v1/catalog/releases/:releaseId', {
    config: write,
    schema: { tags, summary: "Change a release's version, date or notes", params: ReleaseParams, body: UpdateReleaseBody, response: { 200: Release, ...errors } },
    handler: (request) => changeRelease(ctx, requireActor(request), request.params.releaseId, request.body, originOf(request)),
  });

  r.post('/api/v1/catalog/releases/:releaseId/publish', {
    config: write,
    schema: { tags, summary: 'Publish a draft: entitled customers see it from now on', params: ReleaseParams, response: { 200: Release, ...errors } },
    handler: (request) => publishRelease(ctx, requireActor(request), request.params.releaseId, originOf(request)),
  });

  r.delete('/api/v1/catalog/releases/:releaseId', {
    config: write,
    schema: { tags, summary: 'Delete a draft release with its files (409 catalog.release_published once published)', params: ReleaseParams, response: { 204: z.null(), ...errors } },
    handler: async (request, reply) => {
      await deleteRelease(ctx, requireActor(request), request.params.releaseId, originOf(request));
      return reply.status(204).send(null);
    },
  });

  r.post('/api/v1/catalog/products/:productId/bulletins', {
    config: write,
    schema: { tags, summary: 'Add a notice, known issue or related document, optionally about one release', params: ProductParams, body: CreateBulletinBody, response: { 201: Bulletin, ...errors } },
    handler: async (request, reply) => reply.status(201).send(await createBulletin(ctx, requireActor(request), request.params.productId, request.body, originOf(request))),
  });

  r.patch('/api/v1/catalog/bulletins/:bulletinId', {
    config: write,
    schema: { tags, summary: 'Change a bulletin', params: BulletinParams, body: UpdateBulletinBody, response: { 200: Bulletin, ...errors } },
    handler: (request) => changeBulletin(ctx, requireActor(request), request.params.bulletinId, request.body, originOf(request)),
  });

  r.delete('/api/v1/catalog/bulletins/:bulletinId', {
    config: write,
    schema: { tags, summary: 'Delete a bulletin', params: BulletinParams, response: { 204: z.null(), ...errors } },
    handler: async (request, reply) => {
      await deleteBulletin(ctx, requireActor(request), request.params.bulletinId, originOf(request));
      return reply.status(204).send(null);
    },
  });

  r.get('/api/v1/catalog/products/:productId/agreements', {
    config: read,
    schema: { tags, summary: "The versions of a product's licence agreement, newest (in force) first", params: ProductParams, response: { 200: AgreementList, ...errors } },
    handler: (request) => listProductAgreements(ctx, request.params.productId),
  });

  r.post('/api/v1/catalog/products/:productId/agreements', {
    config: write,
    schema: { tags, summary: "Publish the next version of a product's licence agreement (in force at once)", params: ProductParams, body: CreateAgreementBody, response: { 201: Agreement, ...errors } },
    handler: async (request, reply) => reply.status(201).send(await publishAgreement(ctx, requireActor(request), request.params.productId, request.body, originOf(request))),
  });
}
