import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../platform/context';

/** The one search box (portal and console), quick view and the case wizard's suggestions. */
export function registerSearchRoutes(_app: FastifyInstance, _ctx: ServiceContext): void {}
