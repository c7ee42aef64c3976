import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AddTranslationBody, Article, ArticleFromCase, ArticleLanguage, ArticleListQuery, ArticlePage, CreateArticleBody, PublishBody, UpdateArticleBody } from '../../../common/schemas/knowledge';
import type { ServiceContext } from '../../platform/context';
import { originOf, requireActor } from '../../platform/http/auth-plugin';
import { ErrorResponse } from '../../platform/http/schemas';
import { createArticleFromCase } from './article-from-case.service';
import {
  addTranslation,
  createArticle,
  getArticle,
  listConsoleArticles,
  removeArticle,
  removeTranslation,
  setTranslationPublished,
  updateArticleContent,
  verifyArticle,
  withdrawVerification,
} from './articles.service';

const ArticleParams = z.object({ articleId: z.uuid() });
const TranslationParams = ArticleParams.extend({ language: ArticleLanguage });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const changeErrors = { ...errors, 409: ErrorResponse, 422: ErrorResponse };
const tags = ['knowledge'];
const config = { access: { permission: 'article.write' } } as const;
const base = '/api/v1/console/articles';

/** The console's knowledge base: engineers list, write, translate, publish, verify and delete articles, and turn a closed case into one. */
export function registerArticleConsoleRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(base, {
    config,
    schema: { tags, summary: 'Every article, newest change first, with filters (status, visibility, language, verification, product, words of the title)', querystring: ArticleListQuery, response: { 200: ArticlePage, ...errors } },
    handler: (request) => listConsoleArticles(ctx, request.locale, request.query),
  });

  r.post(base, {
    config,
    schema: { tags, summary: 'Writes a new article: its first language, a draft', body: CreateArticleBody, response: { 201: Article, ...changeErrors } },
    handler: async (request, reply) => reply.status(201).send(await createArticle(ctx, requireActor(request), request.body, originOf(request))),
  });

  r.get(`${base}/:articleId`, {
    config,
    schema: { tags, summary: 'The article with every translation, drafts included', params: ArticleParams, response: { 200: Article, ...errors } },
    handler: (request) => getArticle(ctx, request.params.articleId),
  });

  r.patch(`${base}/:articleId`, {
    config,
    schema: {
      tags,
      summary: 'Changes the words of one language and/or the visibility and product tags (409 articles.changed when saved by someone since expectedUpdatedAt)',
      params: ArticleParams,
      body: UpdateArticleBody,
      response: { 200: Article, ...changeErrors },
    },
    handler: (request) => updateArticleContent(ctx, requireActor(request), request.params.articleId, request.body, originOf(request)),
  });

  r.delete(`${base}/:articleId`, {
    config,
    schema: { tags, summary: 'Deletes the article with its translations, votes and files', params: ArticleParams, response: { 204: z.null(), ...errors } },
    handler: async (request, reply) => {
      await removeArticle(ctx, requireActor(request), request.params.articleId, originOf(request));
      return reply.status(204).send(null);
    },
  });

  r.post(`${base}/:articleId/translations`, {
    config,
    schema: { tags, summary: 'Adds a language, a draft (409 articles.translation_exists)', params: ArticleParams, body: AddTranslationBody, response: { 201: Article, ...changeErrors } },
    handler: async (request, reply) => reply.status(201).send(await addTranslation(ctx, requireActor(request), request.params.articleId, request.body, originOf(request))),
  });

  r.delete(`${base}/:articleId/translations/:language`, {
    config,
    schema: { tags, summary: 'Removes a language (409 articles.last_translation for the only one)', params: TranslationParams, response: { 200: Article, ...changeErrors } },
    handler: (request) => removeTranslation(ctx, requireActor(request), request.params.articleId, request.params.language, originOf(request)),
  });

  for (const [action, published] of [['publish', true], ['unpublish', false]] as const) {
    r.post(`${base}/:articleId/${action}`, {
      config,
      schema: { tags, summary: published ? 'Publishes one language' : 'Takes one language back to draft', params: ArticleParams, body: PublishBody, response: { 200: Article, ...changeErrors } },
      handler: (request) => setTranslationPublished(ctx, requireActor(request), request.params.articleId, request.body.language, published, originOf(request)),
    });
  }

  r.post(`${base}/:articleId/verify`, {
    config,
    schema: {
      tags,
      summary: 'Marks the article verified now; it asks for review after ARTICLE_VERIFICATION_DAYS (409 articles.not_published while no language is published)',
      params: ArticleParams,
      response: { 200: Article, ...changeErrors },
    },
    handler: (request) => verifyArticle(ctx, requireActor(request), request.params.articleId, originOf(request)),
  });

  r.delete(`${base}/:articleId/verify`, {
    config,
    schema: { tags, summary: 'Withdraws the verification', params: ArticleParams, response: { 200: Article, ...errors } },
    handler: (request) => withdrawVerification(ctx, requireActor(request), request.params.articleId, originOf(request)),
  });

  r.post('/api/v1/console/cases/:caseId/article', {
    config,
    schema: {
      tags,
      summary: "Publishes a closed case's resolution as an internal draft article linked to the case (201); the case's article when it has one (200, created false)",
      description: '409 articles.case_not_closed unless the case is closed; 422 articles.case_without_resolution; 404 cases.not_found.',
      params: z.object({ caseId: z.uuid() }),
      response: { 200: ArticleFromCase, 201: ArticleFromCase, ...changeErrors },
    },
    handler: async (request, reply) => {
      const result = await createArticleFromCase(ctx, requireActor(request), request.params.caseId, originOf(request));
      return reply.status(result.created ? 201 : 200).send(result);
    },
  });
}
