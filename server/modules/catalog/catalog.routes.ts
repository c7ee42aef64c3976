import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateComponentBody,
  CreateFamilyBody,
  CreateProductBody,
  ProductComponent,
  ProductDetail,
  ProductFamily,
  ProductFamilyList,
  ProductList,
  ProductListQuery,
  UpdateComponentBody,
  UpdateFamilyBody,
  UpdateProductBody,
} from '../../../common/schemas/catalog';
import { forgetProductSummaries } from '../products/product-list.service';
import type { ServiceContext } from '../../platform/context';
import { originOf, requireActor } from '../../platform/http/auth-plugin';
import { ErrorResponse } from '../../platform/http/schemas';
import {
  changeComponent,
  changeFamily,
  changeProduct,
  createComponent,
  createFamily,
  createProduct,
  deleteComponent,
  deleteFamily,
  deleteProduct,
  getProductDetail,
  listFamilies,
  listProducts,
} from './catalog.service';
import { registerFileRoutes } from './files.routes';
import { registerReleaseRoutes } from './releases.routes';

const FamilyParams = z.object({ familyId: z.uuid() });
const ProductParams = z.object({ productId: z.uuid() });
const ComponentParams = z.object({ componentId: z.uuid() });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const read = { access: { permission: 'product.view' as const } };
const write = { access: { permission: 'catalog.manage' as const } };
const tags = ['catalog'];

/** The vendor's catalog in the console: families, products and components, then releases, files, bulletins and agreements. */
export function registerCatalogRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // The portal's products list caches catalog summaries for a few seconds; a change made here shows at once.
  app.addHook('onResponse', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400 && request.routeOptions.url?.startsWith('/api/v1/catalog/')) forgetProductSummaries(ctx);
  });

  r.get('/api/v1/catalog/families', {
    config: read,
    schema: { tags, summary: 'Product families in display order, with product counts', response: { 200: ProductFamilyList, ...errors } },
    handler: () => listFamilies(ctx),
  });

  r.post('/api/v1/catalog/families', {
    config: write,
    schema: { tags, summary: 'Add a product family (names and descriptions in English and Korean)', body: CreateFamilyBody, response: { 201: ProductFamily, ...errors } },
    handler: async (request, reply) => reply.status(201).send(await createFamily(ctx, requireActor(request), request.body, originOf(request))),
  });

  r.patch('/api/v1/catalog/families/:familyId', {
    config: write,
    schema: { tags, summary: "Change a family's names, descriptions or position", params: FamilyParams, body: UpdateFamilyBody, response: { 200: ProductFamily, ...errors } },
    handler: (request) => changeFamily(ctx, requireActor(request), request.params.familyId, request.body, originOf(request)),
  });

  r.delete('/api/v1/catalog/families/:familyId', {
    config: write,
    schema: { tags, summary: 'Delete a family without products (409 catalog.in_use otherwise)', params: FamilyParams, response: { 204: z.null(), ...errors } },
    handler: async (request, reply) => {
      await deleteFamily(ctx, requireActor(request), request.params.familyId, originOf(request), request.locale);
      return reply.status(204).send(null);
    },
  });

  r.get('/api/v1/catalog/products', {
    config: read,
    schema: { tags, summary: 'Products with family, release count, newest published version and downloads', querystring: ProductListQuery, response: { 200: ProductList, ...errors } },
    handler: (request) => listProducts(ctx, request.query),
  });

  r.post('/api/v1/catalog/products', {
    config: write,
    schema: { tags, summary: 'Add a product (names are unique ignoring case: 409 catalog.name_taken)', body: CreateProductBody, response: { 201: ProductDetail, ...errors } },
    handler: async (request, reply) => reply.status(201).send(await createProduct(ctx, requireActor(request), request.body, originOf(request))),
  });

  r.get('/api/v1/catalog/products/:productId', {
    config: read,
    schema: {
      tags,
      summary: 'A product with components, releases (drafts too) with files and download counts, bulletins and agreement versions',
      params: ProductParams,
      response: { 200: ProductDetail, ...errors },
    },
    handler: (request) => getProductDetail(ctx, request.params.productId),
  });

  r.patch('/api/v1/catalog/products/:productId', {
    config: write,
    schema: { tags, summary: "Change a product's family, name or description", params: ProductParams, body: UpdateProductBody, response: { 200: ProductDetail, ...errors } },
    handler: (request) => changeProduct(ctx, requireActor(request), request.params.productId, request.body, originOf(request)),
  });

  r.delete('/api/v1/catalog/products/:productId', {
    config: write,
    schema: { tags, summary: 'Delete a product and everything under it; 409 catalog.in_use while a site is licensed for it', params: ProductParams, response: { 204: z.null(), ...errors } },
    handler: async (request, reply) => {
      await deleteProduct(ctx, requireActor(request), request.params.productId, originOf(request), request.locale);
      return reply.status(204).send(null);
    },
  });

  r.post('/api/v1/catalog/products/:productId/components', {
    config: write,
    schema: { tags, summary: 'Add a component with its system requirements', params: ProductParams, body: CreateComponentBody, response: { 201: ProductComponent, ...errors } },
    handler: async (request, reply) => reply.status(201).send(await createComponent(ctx, requireActor(request), request.params.productId, request.body, originOf(request))),
  });

  r.patch('/api/v1/catalog/components/:componentId', {
    config: write,
    schema: { tags, summary: "Change a component's name, description or system requirements", params: ComponentParams, body: UpdateComponentBody, response: { 200: ProductComponent, ...errors } },
    handler: (request) => changeComponent(ctx, requireActor(request), request.params.componentId, request.body, originOf(request)),
  });

  r.delete('/api/v1/catalog/components/:componentId', {
    config: write,
    schema: { tags, summary: 'Delete a component', params: ComponentParams, response: { 204: z.null(), ...errors } },
    handler: async (request, reply) => {
      await deleteComponent(ctx, requireActor(request), request.params.componentId, originOf(request));
      return reply.status(204).send(null);
    },
  });

  registerReleaseRoutes(app, ctx);
  registerFileRoutes(app, ctx);
}
