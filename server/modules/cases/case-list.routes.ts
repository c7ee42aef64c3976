import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../platform/context';

/** The portal's Cases tab and the console's queue. */
export function registerCaseListRoutes(_app: FastifyInstance, _ctx: ServiceContext): void {}
