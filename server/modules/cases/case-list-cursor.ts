import { CASE_STATUSES } from '../../../common/cases';
import type { CaseListQuery } from '../../../common/schemas/cases';
import { badRequest } from '../../platform/errors';

/**
 * Opaque keyset cursors of the case lists: base64url of a small JSON array naming the last row of
 * a page. A cursor is checked strictly (shape, sort, order, value type): anything else, including
 * a cursor of another sort or order, answers 400 `validation.failed`.
 *
 * Time sorts (opened, updated) and the status sort carry the last row's sort value, as the
 * timestamp in exact microseconds (a JavaScript Date keeps only milliseconds) or the status
 * ordinal. Text sorts (subject, site name) carry the id alone and the query reads the value back
 * from that row: a 200-character Korean subject would not fit the 500 characters a cursor may
 * have, and a subject never changes once the case is open.
 */

export type CaseSortKey = CaseListQuery['sort'];
export type SortDirection = CaseListQuery['order'];

/** Where the previous page of the Cases tab ended. */
export interface CaseListPosition {
  sort: CaseSortKey;
  order: SortDirection;
  /** Microseconds since 1970 (time sorts), the status ordinal (status), or null (text sorts). */
  value: string | number | null;
  id: string;
}

/** Where the previous page of the queue ended (updated_at ascending, then id). */
export interface QueuePosition {
  micros: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MICROS = /^\d{1,17}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const TIME_SORTS: readonly CaseSortKey[] = ['opened', 'updated'];
const TEXT_SORTS: readonly CaseSortKey[] = ['subject', 'site'];
const SORTS: readonly CaseSortKey[] = ['status', 'subject', 'site', 'opened', 'updated'];

/** The 400 answer for a cursor this server did not write for this request. */
export const malformedCursor = (field = 'cursor') => badRequest('validation.failed', { in: 'querystring', fieldErrors: { [field]: ['malformed cursor'] } });

const encode = (parts: unknown[]): string => Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');

function decode(cursor: string, field = 'cursor'): unknown[] {
  if (!BASE64URL.test(cursor)) throw malformedCursor(field);
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parts)) return parts;
  } catch {
    // Falls through to the 400 below.
  }
  throw malformedCursor(field);
}

/** The cursor of a Cases tab page that ended on this row. */
export function encodeCaseListCursor(position: CaseListPosition): string {
  return encode([position.sort, position.order, position.value, position.id]);
}

/** Reads a Cases tab cursor for this sort and order; throws 400 when it is not one. */
export function decodeCaseListCursor(cursor: string, sort: CaseSortKey, order: SortDirection): CaseListPosition {
  const parts = decode(cursor);
  const [cursorSort, cursorOrder, value, id] = parts;
  if (parts.length !== 4 || cursorSort !== sort || cursorOrder !== order || typeof id !== 'string' || !UUID.test(id)) throw malformedCursor();
  if (!SORTS.includes(sort)) throw malformedCursor();
  const valid = TIME_SORTS.includes(sort)
    ? typeof value === 'string' && MICROS.test(value)
    : TEXT_SORTS.includes(sort)
      ? value === null
      : typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= CASE_STATUSES.length;
  if (!valid) throw malformedCursor();
  return { sort, order, value: value as string | number | null, id: id.toLowerCase() };
}

/** The cursor of a queue page that ended on this row. */
export function encodeQueueCursor(position: QueuePosition): string {
  return encode(['queue', position.micros, position.id]);
}

/** Reads a queue cursor; throws 400 when it is not one. */
export function decodeQueueCursor(cursor: string): QueuePosition {
  const parts = decode(cursor);
  const [tag, micros, id] = parts;
  if (parts.length !== 3 || tag !== 'queue' || typeof micros !== 'string' || !MICROS.test(micros) || typeof id !== 'string' || !UUID.test(id)) throw malformedCursor();
  return { micros, id: id.toLowerCase() };
}

/** Microseconds since 1970 as an ISO instant that PostgreSQL reads back exactly. */
export function microsToIso(micros: string): string {
  const value = BigInt(micros);
  const iso = new Date(Number(value / 1000n)).toISOString();
  return `${iso.slice(0, -1)}${String(value % 1000n).padStart(3, '0')}Z`;
}
