import { malformedCursor, microsToIso } from '../cases/case-list-cursor';
import type { ArticleListPosition } from './article-list.repository';

/**
 * Opaque cursors of the article lists: base64url of `["article", micros, id]` naming the last row
 * of a page (updated_at in exact microseconds, as a JavaScript Date keeps only milliseconds).
 * Anything else answers 400 `validation.failed`.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MICROS = /^\d{1,17}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** The cursor of a page that ended on this row. */
export function encodeArticleCursor(micros: string, id: string): string {
  return Buffer.from(JSON.stringify(['article', micros, id]), 'utf8').toString('base64url');
}

/** Reads a cursor; throws 400 when this server did not write it. */
export function decodeArticleCursor(cursor: string): ArticleListPosition {
  if (!BASE64URL.test(cursor)) throw malformedCursor();
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw malformedCursor();
  }
  if (!Array.isArray(parts) || parts.length !== 3) throw malformedCursor();
  const [tag, micros, id] = parts as unknown[];
  if (tag !== 'article' || typeof micros !== 'string' || !MICROS.test(micros) || typeof id !== 'string' || !UUID.test(id)) throw malformedCursor();
  return { updatedAt: microsToIso(micros), id: id.toLowerCase() };
}
