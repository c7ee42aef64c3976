import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ARTICLE_LANGUAGES } from '../../../common/knowledge';
import { ArticleSuggestions, ArticleSuggestionsQuery } from '../../../common/schemas/cases';
import { SuggestionOpenedBody } from '../../../common/schemas/knowledge';
import { SearchPreview, SearchPreviewParams, SearchQuery, SearchResults } from '../../../common/schemas/search';
import type { ServiceContext } from '../../platform/context';
import { requireActor } from '../../platform/http/auth-plugin';
import { ErrorResponse } from '../../platform/http/schemas';
import { requireOrganizationAccess } from '../organizations/organization-access';
import { previewForMember, previewForStaff } from './search-preview.service';
import { searchForMember, searchForStaff, suggestArticles } from './search.service';
import { recordSuggestionOpened } from './suggestions.service';

const Params = z.object({ organizationId: z.uuid() });
/** The language of the result being previewed: an article found in one language is previewed in it. */
const PreviewQuery = z.object({ language: z.enum(ARTICLE_LANGUAGES).optional() });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const tags = ['search'];
/** Every staff role holds it: the console's search shows each one what its permissions allow. */
const staff = { permission: 'organization.view' } as const;

/** The one search box (portal and console), quick view and the case wizard's suggestions. */
export function registerSearchRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/organizations/:organizationId/search', {
    config: { access: { permission: 'organization.view' } },
    schema: {
      tags,
      summary: 'Searches the articles, documents, releases and (with case.view) cases the member may see, best first, with counts by type',
      params: Params,
      querystring: SearchQuery,
      response: { 200: SearchResults, ...errors },
    },
    handler: (request) => searchForMember(ctx, requireActor(request), requireOrganizationAccess(request), request.query, request.locale),
  });

  r.get('/api/v1/organizations/:organizationId/search/preview/:kind/:id', {
    config: { access: { permission: 'organization.view' } },
    schema: { tags, summary: "A result's quick view; 404 search.not_found for anything the member's search would not show", params: Params.extend(SearchPreviewParams.shape), querystring: PreviewQuery, response: { 200: SearchPreview, ...errors } },
    handler: (request) => previewForMember(ctx, requireActor(request), requireOrganizationAccess(request), request.params.kind, request.params.id, request.locale, request.query.language),
  });

  r.get('/api/v1/console/search', {
    config: { access: staff },
    schema: {
      tags,
      summary: 'Searches every article (drafts for writers), document and release (with product.view) and case (with case.view), best first, with counts by type',
      querystring: SearchQuery,
      response: { 200: SearchResults, ...errors },
    },
    handler: (request) => searchForStaff(ctx, requireActor(request), request.query, request.locale),
  });

  r.get('/api/v1/console/search/preview/:kind/:id', {
    config: { access: staff },
    schema: { tags, summary: "A result's quick view in the console", params: SearchPreviewParams, querystring: PreviewQuery, response: { 200: SearchPreview, ...errors } },
    handler: (request) => previewForStaff(ctx, requireActor(request), request.params.kind, request.params.id, request.locale, request.query.language),
  });

  r.get('/api/v1/organizations/:organizationId/articles/suggestions', {
    config: { access: { permission: 'case.view' } },
    schema: {
      tags: ['cases'],
      summary: "Knowledge articles matching a case's subject and description (the wizard's side panel), best first, at most five",
      params: Params,
      querystring: ArticleSuggestionsQuery,
      response: { 200: ArticleSuggestions, ...errors },
    },
    handler: (request) => suggestArticles(ctx, requireActor(request), requireOrganizationAccess(request), request.query.q, request.locale),
  });

  r.post('/api/v1/organizations/:organizationId/articles/suggestions/opened', {
    config: { access: { permission: 'case.create' } },
    schema: {
      tags: ['cases'],
      summary: 'Records that the member opened a suggested article in a case wizard (for deflection statistics)',
      params: Params,
      body: SuggestionOpenedBody,
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      await recordSuggestionOpened(ctx, requireActor(request), requireOrganizationAccess(request), request.body);
      return reply.status(204).send(null);
    },
  });
}
