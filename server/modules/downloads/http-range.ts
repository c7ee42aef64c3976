import type { ByteRange } from '../../platform/storage';

/**
 * The HTTP pieces of a download (RFC 9110 ranges and conditionals, RFC 6266 / 5987 file names),
 * pure so they are tested without a server.
 */

export type RangeRequest = { kind: 'whole' } | { kind: 'partial'; range: ByteRange } | { kind: 'unsatisfiable' };

const SINGLE_RANGE = /^bytes=(\d*)-(\d*)$/;

/**
 * What a `Range` header asks of a file of `size` bytes. One range (`a-b`, `a-`, `-n`) gives part of
 * it; no header, several ranges, another unit or a malformed value give the whole file (a server
 * may ignore a Range it does not support); a range starting at or past the end is unsatisfiable.
 */
export function parseRange(header: string | undefined, size: number): RangeRequest {
  if (header === undefined) return { kind: 'whole' };
  const match = SINGLE_RANGE.exec(header.trim());
  if (!match) return { kind: 'whole' };
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return { kind: 'whole' };
  if (first === '') {
    // The last n bytes.
    const suffix = Number(last);
    if (!Number.isSafeInteger(suffix)) return { kind: 'whole' };
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', range: { start: Math.max(0, size - suffix), end: size - 1 } };
  }
  const start = Number(first);
  const end = last === '' ? Number.MAX_SAFE_INTEGER : Number(last);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || end < start) return { kind: 'whole' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', range: { start, end: Math.min(end, size - 1) } };
}

/** The strong entity tag of a file: its SHA-256, quoted. */
export function etagOf(sha256: string): string {
  return `"${sha256}"`;
}

/** True when an `If-None-Match` header names this entity tag (weak comparison, as RFC 9110 asks) or is `*`. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const value = candidate.trim();
    return value === '*' || value.replace(/^W\//, '') === etag;
  });
}

/** True when an `If-Range` header lets the range apply: it names this entity tag (strongly) or the same last-modified date. */
export function ifRangeHolds(header: string | undefined, etag: string, lastModified: string): boolean {
  if (header === undefined) return true;
  const value = header.trim();
  return value === etag || value === lastModified;
}

/**
 * `Content-Disposition: attachment` with an ASCII fallback (non-ASCII as `_`, quotes and
 * backslashes escaped) and the exact name in `filename*` (RFC 5987 UTF-8 percent-encoding).
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, (c) => `\\${c}`);
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
