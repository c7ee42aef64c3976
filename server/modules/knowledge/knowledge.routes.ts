import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../platform/context';

/** Knowledge articles: written in the console, read in the portal and (when public) by anyone. */
export function registerKnowledgeRoutes(_app: FastifyInstance, _ctx: ServiceContext): void {}
