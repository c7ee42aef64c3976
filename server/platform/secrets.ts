import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import { createLimiter } from './concurrency';

/** `Algorithm.Argon2id` of @node-rs/argon2; its enum is const and cannot be imported as a value. */
const ARGON2ID = 2;

/** OWASP's argon2id baseline: m=19 MiB, t=2, p=1. */
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * Password hashing runs in libuv's thread pool (4 threads unless UV_THREADPOOL_SIZE says
 * otherwise), which file reads share. At most one hash per CPU runs at once, and never more than
 * the pool holds: more would only slow every hash down (each takes a whole CPU and 19 MiB), and a
 * burst of sign-ins would hold up downloads. The rest wait their turn in order of arrival. With the
 * embedded database, which runs on the server's own thread, one CPU is left to it.
 */
function hashingSlots(reserveCpus: number): number {
  return Math.max(1, Math.min(availableParallelism() - reserveCpus, Number(process.env.UV_THREADPOOL_SIZE) || 4));
}
let argon2Turn = createLimiter(hashingSlots(0));

/** Leaves one CPU to a database that runs on the server's own thread (PGlite); call it at start. */
export function reserveCpuForEmbeddedDatabase(): void {
  argon2Turn = createLimiter(hashingSlots(1));
}

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return argon2Turn(() => hash(password, ARGON2_OPTIONS));
}

/** Checks a password against an argon2id hash; false for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await argon2Turn(() => verify(passwordHash, password));
  } catch {
    return false;
  }
}

/** A random secret of the given number of bytes, base64url. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * Hash of a high-entropy token (session cookie, API token). SHA-256 suffices here because the
 * input is 256 random bits; passwords use argon2id instead.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Constant-time string comparison. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A one-time password that meets the default policy, easy to type from a terminal. */
export function generateOneTimePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(14);
  const body = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
  // Guarantee each class once, whatever the random draw gave.
  return `${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8, 12)}-Aa7`;
}
