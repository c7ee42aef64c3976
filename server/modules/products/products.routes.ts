import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DisplayNameBody, DisplayNameResult, FileList, FileListQuery, ProductDetail, ProductList, ProductListQuery } from '../../../common/schemas/products';
import type { ServiceContext } from '../../platform/context';
import { originOf, requireActor } from '../../platform/http/auth-plugin';
import { ErrorResponse } from '../../platform/http/schemas';
import { requireOrganizationAccess } from '../organizations/organization-access';
import { listProductsJson } from './product-list.service';
import { getProductDetail, listProductFiles, setDisplayName } from './products.service';

const Params = z.object({ organizationId: z.uuid() });
const ProductParams = Params.extend({ siteId: z.uuid(), productId: z.uuid() });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const tags = ['products'];
const access = { permission: 'product.view' } as const;

/** The portal's Products: licensed products per site, their details and files, members' display names. */
export function registerProductRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/organizations/:organizationId/products', {
    config: { access },
    schema: {
      tags,
      summary: 'The products licensed to the sites the signed-in member may act on, with contract standing and download abilities',
      params: Params,
      querystring: ProductListQuery,
      response: { 200: ProductList, ...errors },
    },
    handler: async (request, reply) => {
      const { body, release } = await listProductsJson(ctx, requireActor(request), requireOrganizationAccess(request), request.query);
      // The pooled buffer is reused once the response is done with it (sent, or the client gone).
      reply.raw.once('close', release);
      // Already JSON (UTF-8 bytes): Fastify sends a Buffer as it is.
      return reply.type('application/json; charset=utf-8').send(body as unknown as ProductList);
    },
  });

  r.get('/api/v1/organizations/:organizationId/sites/:siteId/products/:productId', {
    config: { access },
    schema: {
      tags,
      summary: 'A product licensed to the site: entitlement, components, releases, bulletins and the licence agreement in force',
      params: ProductParams,
      response: { 200: ProductDetail, ...errors },
    },
    handler: (request) => getProductDetail(ctx, requireActor(request), requireOrganizationAccess(request), request.params.siteId, request.params.productId),
  });

  r.put('/api/v1/organizations/:organizationId/sites/:siteId/products/:productId/display-name', {
    config: { access },
    schema: {
      tags,
      summary: "Sets the signed-in member's own name for a licensed product (empty clears it)",
      params: ProductParams,
      body: DisplayNameBody,
      response: { 200: DisplayNameResult, ...errors, 409: ErrorResponse },
    },
    handler: (request) =>
      setDisplayName(ctx, requireActor(request), requireOrganizationAccess(request), request.params.siteId, request.params.productId, request.body, originOf(request)),
  });

  r.get('/api/v1/organizations/:organizationId/sites/:siteId/products/:productId/files', {
    config: { access },
    schema: {
      tags,
      summary: "Files of the product's published releases: the current version's, or every version's with search",
      params: ProductParams,
      querystring: FileListQuery,
      response: { 200: FileList, ...errors },
    },
    handler: (request) => listProductFiles(ctx, requireOrganizationAccess(request), request.params.siteId, request.params.productId, request.query),
  });
}
