import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../platform/context';

/** The portal's home page (highlights, My feed, preferences), live event streams and article suggestions. */
export function registerHomeRoutes(_app: FastifyInstance, _ctx: ServiceContext): void {}
