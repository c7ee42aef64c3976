import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ArticlePage, ArticleView, ArticleViewQuery, PortalArticleListQuery, VoteBody, VoteResult } from '../../../common/schemas/knowledge';
import type { ServiceContext } from '../../platform/context';
import { originOf, requireActor } from '../../platform/http/auth-plugin';
import { ErrorResponse } from '../../platform/http/schemas';
import { requireOrganizationAccess } from '../organizations/organization-access';
import { listReaderArticles, readArticle, setVote, type ArticleReaderContext } from './article-reader.service';

const OrganizationParams = z.object({ organizationId: z.uuid() });
const ArticleParams = OrganizationParams.extend({ articleId: z.uuid() });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const tags = ['knowledge'];
const config = { access: { permission: 'organization.view' } } as const;
const portalBase = '/api/v1/organizations/:organizationId/articles';
export const PUBLIC_ARTICLES_BASE = '/api/v1/public/articles';

/** The portal reader: a member of the path's organization (their vote, their language). */
function portalReader(request: FastifyRequest): ArticleReaderContext {
  const { organization } = requireOrganizationAccess(request);
  return { kind: 'customer', userId: requireActor(request).userId, locale: request.locale, base: `/api/v1/organizations/${organization.id}/articles` };
}

/** Reading articles: the portal's list, article page and votes, and the public page anyone may open. */
export function registerArticleReaderRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(portalBase, {
    config,
    schema: {
      tags,
      summary: 'Published articles for customers (and public ones), newest change first, titles in the reader’s language',
      params: OrganizationParams,
      querystring: PortalArticleListQuery,
      response: { 200: ArticlePage, ...errors },
    },
    handler: (request) => listReaderArticles(ctx, request.locale, request.query),
  });

  r.get(`${portalBase}/:articleId`, {
    config,
    schema: {
      tags,
      summary: 'An article in one published language (lang, else the reader’s, else the first), with the reader’s vote; counts a view (once per reader a day). Internal or unpublished: 404 articles.not_found',
      params: ArticleParams,
      querystring: ArticleViewQuery,
      response: { 200: ArticleView, ...errors },
    },
    handler: (request) => readArticle(ctx, portalReader(request), request.params.articleId, request.query.lang),
  });

  r.put(`${portalBase}/:articleId/vote`, {
    config,
    schema: { tags, summary: '"Was this helpful?": one vote per person; voting the other way moves the vote', params: ArticleParams, body: VoteBody, response: { 200: VoteResult, ...errors, 409: ErrorResponse } },
    handler: (request) => setVote(ctx, requireActor(request), requireOrganizationAccess(request).organization.id, request.params.articleId, request.body.value, originOf(request)),
  });

  r.delete(`${portalBase}/:articleId/vote`, {
    config,
    schema: { tags, summary: 'Withdraws the reader’s vote', params: ArticleParams, response: { 200: VoteResult, ...errors, 409: ErrorResponse } },
    handler: (request) => setVote(ctx, requireActor(request), requireOrganizationAccess(request).organization.id, request.params.articleId, null, originOf(request)),
  });

  r.get(`${PUBLIC_ARTICLES_BASE}/:articleId`, {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'A public article, for anyone, signed in or not (no vote); counts a view once per reader a day. Not public or unpublished: 404 articles.not_found',
      params: z.object({ articleId: z.uuid() }),
      querystring: ArticleViewQuery,
      response: { 200: ArticleView, 400: ErrorResponse, 404: ErrorResponse },
    },
    handler: (request) => readArticle(ctx, { kind: 'anyone', userId: request.actor?.userId ?? null, origin: originOf(request), locale: request.locale, base: PUBLIC_ARTICLES_BASE }, request.params.articleId, request.query.lang),
  });
}
