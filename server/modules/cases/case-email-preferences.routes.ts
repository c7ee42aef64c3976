import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../platform/context';

/** Which case emails a person gets. */
export function registerCaseEmailPreferenceRoutes(_app: FastifyInstance, _ctx: ServiceContext): void {}
