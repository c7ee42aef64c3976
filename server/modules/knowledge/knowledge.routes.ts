import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../platform/context';
import { registerArticleAttachmentRoutes } from './article-attachments.routes';
import { registerArticleConsoleRoutes } from './article-console.routes';
import { registerArticleReaderRoutes } from './article-reader.routes';

/** Knowledge articles: written in the console, read in the portal and (when public) by anyone. */
export function registerKnowledgeRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  registerArticleConsoleRoutes(app, ctx);
  registerArticleReaderRoutes(app, ctx);
  registerArticleAttachmentRoutes(app, ctx);
}
