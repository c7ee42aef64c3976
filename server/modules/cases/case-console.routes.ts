import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../platform/context';

/** The console's case actions: bulk status and assignment, the engineers, a case by number. */
export function registerCaseConsoleRoutes(_app: FastifyInstance, _ctx: ServiceContext): void {}
