import type { Locale } from '../../../common/locale';
import type { Actor } from '../../platform/actor';
import type { AuditEventInput } from '../../platform/audit';
import type { RequestOrigin } from '../../platform/context';
import { AppError, conflict } from '../../platform/errors';

/** The fields every catalog audit event shares: installation-wide (no organization), category `catalog`. */
export function catalogAudit(actor: Actor, origin: RequestOrigin, targetType: string, targetId: string): Omit<AuditEventInput, 'action'> {
  return {
    category: 'catalog',
    actorUserId: actor.userId,
    actorLabel: actor.email,
    organizationId: null,
    targetType,
    targetId,
    ip: origin.ip,
    client: origin.client,
  };
}

/** `{ before, after }` of the fields that changed, for the activity log; null when nothing did. */
export function changedFields<T extends Record<string, unknown>>(current: T, next: Partial<T>): { before: Partial<T>; after: Partial<T> } | null {
  const keys = (Object.keys(next) as (keyof T)[]).filter((key) => next[key] !== undefined && JSON.stringify(next[key]) !== JSON.stringify(current[key]));
  if (keys.length === 0) return null;
  return {
    before: Object.fromEntries(keys.map((key) => [key, current[key]])) as Partial<T>,
    after: Object.fromEntries(keys.map((key) => [key, next[key]])) as Partial<T>,
  };
}

/** True when a database error is a unique-constraint violation (PostgreSQL and PGlite, wrapped by Drizzle or not). */
export function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 4; current = (current as { cause?: unknown }).cause, depth += 1) {
    if ((current as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/** Runs `work`, turning a unique-constraint violation (a concurrent writer won) into a 409 with `code`. */
export async function mapUniqueViolation<T>(code: 'catalog.name_taken' | 'catalog.version_taken', work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AppError) && isUniqueViolation(error)) throw conflict(code);
    throw error;
  }
}

const IN_USE_TEXT: Record<'products' | 'entitlements', Record<Locale, (count: number) => string>> = {
  products: { en: (n) => `${n} ${n === 1 ? 'product' : 'products'}`, ko: (n) => `제품 ${n}개` },
  entitlements: { en: (n) => `licensed to ${n} ${n === 1 ? 'site' : 'sites'}`, ko: (n) => `사이트 ${n}곳에 라이선스 보유` },
};

/** 409 `catalog.in_use`, naming in the reader's language what still uses the item. */
export function inUseError(kind: 'products' | 'entitlements', count: number, locale: Locale): AppError {
  return conflict('catalog.in_use', { [kind]: count, messageParams: { what: IN_USE_TEXT[kind][locale](count) } });
}
