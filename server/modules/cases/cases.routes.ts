import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../platform/context';

/** The case lifecycle: wizard options, creation, the case page, description and resolution, transitions, reopen, assignment, history. */
export function registerCaseRoutes(_app: FastifyInstance, _ctx: ServiceContext): void {}
