import { z } from 'zod';
import type { CryptoBox } from '../../platform/crypto-box';
import { AppError } from '../../platform/errors';

/**
 * Signed download links: `<payload>.<tag>`, the payload base64url JSON naming the file, the user,
 * the organization, the site and the expiry, the tag its HMAC under the box's `download-link` key.
 * A browser or curl fetches the link without the session cookie; nothing is stored per link.
 */

export const DOWNLOAD_LINK_TTL_MS = 15 * 60 * 1000;
const PURPOSE = 'download-link';
const MAX_TOKEN_LENGTH = 1024;

export interface DownloadClaims {
  fileId: string;
  userId: string;
  organizationId: string;
  siteId: string;
  /** The first instant the link no longer works. */
  expiresAt: Date;
}

const Payload = z.object({ f: z.uuid(), u: z.uuid(), o: z.uuid(), s: z.uuid(), x: z.number().int().positive() });

/** The token for these claims (the expiry is kept to the second). */
export function signDownloadToken(box: CryptoBox, claims: DownloadClaims): string {
  const payload = Buffer.from(
    JSON.stringify({ f: claims.fileId, u: claims.userId, o: claims.organizationId, s: claims.siteId, x: Math.floor(claims.expiresAt.getTime() / 1000) }),
  ).toString('base64url');
  return `${payload}.${box.mac(PURPOSE, payload)}`;
}

/** The claims of a token signed here and not expired at `now`: else 403 `downloads.link_invalid` / `downloads.link_expired`. */
export function readDownloadToken(box: CryptoBox, token: string, now: Date): DownloadClaims {
  const invalid = () => new AppError('downloads.link_invalid', 403);
  if (token.length > MAX_TOKEN_LENGTH) throw invalid();
  const parts = token.split('.');
  if (parts.length !== 2) throw invalid();
  const [payload, tag] = parts as [string, string];
  if (!payload || !tag || !box.verifyMac(PURPOSE, payload, tag)) throw invalid();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const parsed = Payload.safeParse(decoded);
  if (!parsed.success) throw invalid();
  const expiresAt = new Date(parsed.data.x * 1000);
  if (now.getTime() >= expiresAt.getTime()) throw new AppError('downloads.link_expired', 403, { expiredAt: expiresAt.toISOString() });
  return { fileId: parsed.data.f, userId: parsed.data.u, organizationId: parsed.data.o, siteId: parsed.data.s, expiresAt };
}
