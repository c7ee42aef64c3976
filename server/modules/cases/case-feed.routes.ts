import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../platform/context';

/** A case's feed, mentions, attachments, linked content and remote sessions. */
export function registerCaseFeedRoutes(_app: FastifyInstance, _ctx: ServiceContext): void {}
