import { Stream } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors';

/**
 * Whether a parsed query, path or JSON body holds a NUL character anywhere (keys included). Streams
 * and bytes are not read: an upload route's body is the request stream itself, whose bytes are the
 * file's and whose fields are the server's.
 */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  // Deeper than any request Atrium takes; JSON bodies are bounded by the body limit anyway.
  if (value === null || typeof value !== 'object' || depth > 32) return false;
  if (Array.isArray(value)) return value.some((item) => containsNul(item, depth + 1));
  if (value instanceof Stream || ArrayBuffer.isView(value)) return false;
  return Object.entries(value).some(([key, item]) => key.includes('\u0000') || containsNul(item, depth + 1));
}

/**
 * Refuses a NUL character in the query string, the path or a JSON body with 400
 * `request.nul_character`: PostgreSQL text cannot hold one, so it would otherwise fail as a 500 in
 * whatever statement first read it (a search, a filter). Registered after the access hooks, so
 * that a request without access learns nothing from it.
 */
export function registerNulGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    if (containsNul(request.query) || containsNul(request.params) || containsNul(request.body)) throw new AppError('request.nul_character', 400);
  });
}
