import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CaseLink,
  CaseLinkList,
  CasePost,
  CasePostPage,
  CasePostsQuery,
  CaseRemoteSessionList,
  CreateLinkBody,
  CreatePostBody,
  LinkCandidates,
  LinkCandidatesQuery,
  MentionCandidates,
  MentionCandidatesQuery,
} from '../../../common/schemas/cases';
import type { ServiceContext } from '../../platform/context';
import { originOf } from '../../platform/http/auth-plugin';
import { ErrorResponse } from '../../platform/http/schemas';
import { requireCaseAccess } from './case-access';
import { registerCaseAttachmentRoutes } from './case-attachments.routes';
import { createPost, findMentionCandidates, listCaseRemoteSessions, listPosts } from './case-feed.service';
import { addCaseLink, findLinkCandidates, listCaseLinks, removeCaseLink } from './case-links.service';

const CaseParams = z.object({ organizationId: z.uuid(), caseId: z.uuid() });
const LinkParams = CaseParams.extend({ linkId: z.uuid() });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };
const tags = ['cases'];
const view = { access: { permission: 'case.view' as const } };
const base = '/api/v1/organizations/:organizationId/cases/:caseId';

/** A case's feed, mentions, attachments, linked content and remote sessions. */
export function registerCaseFeedRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(`${base}/posts`, {
    config: view,
    schema: { tags, summary: "The case's feed, newest first; customers never see internal notes", params: CaseParams, querystring: CasePostsQuery, response: { 200: CasePostPage, ...errors } },
    handler: async (request) => listPosts(ctx, await requireCaseAccess(ctx.db, request), request.query),
  });

  r.post(`${base}/posts`, {
    config: view,
    schema: {
      tags,
      summary: 'Write a post (Markdown), or an internal note (engineers), with @mentions and attachments uploaded before',
      description:
        '403 for a customer sending internal: true; 409 cases.closed for a public post on a closed or abandoned case; 422 cases.mention_not_allowed for someone who is not a mention candidate (an internal note: only the account team); 422 cases.attachment_not_found / 409 cases.attachment_in_use / 422 cases.attachment_removed (an engineer removed it meanwhile). A customer answering a case waiting on them sends it back to Researching.',
      params: CaseParams,
      body: CreatePostBody,
      response: { 201: CasePost, ...errors },
    },
    handler: async (request, reply) => {
      const post = await createPost(ctx, await requireCaseAccess(ctx.db, request), request.body, originOf(request));
      return reply.status(201).send(post);
    },
  });

  r.get(`${base}/mention-candidates`, {
    config: view,
    schema: {
      tags,
      summary: "People who may be @mentioned: the organization's members who see the case and its account team; q matches name or email; at most 10",
      params: CaseParams,
      querystring: MentionCandidatesQuery,
      response: { 200: MentionCandidates, ...errors },
    },
    handler: async (request) => findMentionCandidates(ctx, await requireCaseAccess(ctx.db, request), request.query.q),
  });

  r.get(`${base}/links`, {
    config: view,
    schema: { tags, summary: 'Content linked to the case (releases, documents, articles)', params: CaseParams, response: { 200: CaseLinkList, ...errors } },
    handler: async (request) => listCaseLinks(ctx, await requireCaseAccess(ctx.db, request)),
  });

  r.post(`${base}/links`, {
    config: view,
    schema: {
      tags,
      summary: 'Link a published release or a document to the case (engineers)',
      description: '422 cases.link_target_not_found when there is no such content (knowledge articles: always, until the knowledge base lands); 409 cases.link_exists.',
      params: CaseParams,
      body: CreateLinkBody,
      response: { 201: CaseLink, ...errors },
    },
    handler: async (request, reply) => {
      const link = await addCaseLink(ctx, await requireCaseAccess(ctx.db, request), request.body, originOf(request));
      return reply.status(201).send(link);
    },
  });

  r.delete(`${base}/links/:linkId`, {
    config: view,
    schema: { tags, summary: 'Remove a link from the case (engineers)', params: LinkParams, response: { 204: z.null(), ...errors } },
    handler: async (request, reply) => {
      await removeCaseLink(ctx, await requireCaseAccess(ctx.db, request), request.params.linkId, originOf(request));
      return reply.status(204).send(null);
    },
  });

  r.get(`${base}/link-candidates`, {
    config: view,
    schema: {
      tags,
      summary: 'Releases or documents an engineer may link, matching q, not yet linked (at most 20); articles: none until the knowledge base lands',
      params: CaseParams,
      querystring: LinkCandidatesQuery,
      response: { 200: LinkCandidates, ...errors },
    },
    handler: async (request) => findLinkCandidates(ctx, await requireCaseAccess(ctx.db, request), request.query),
  });

  r.get(`${base}/remote-sessions`, {
    config: view,
    schema: { tags, summary: 'Remote-support sessions linked to the case (filled by the remote-support capability)', params: CaseParams, response: { 200: CaseRemoteSessionList, ...errors } },
    handler: async (request) => listCaseRemoteSessions(ctx, await requireCaseAccess(ctx.db, request)),
  });

  registerCaseAttachmentRoutes(app, ctx);
}
