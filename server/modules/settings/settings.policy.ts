import type { Actor } from '../../platform/actor';

/** Only the vendor administrator reads and changes installation settings (seed 001's 관리자). */
export function canManageSettings(actor: Pick<Actor, 'staffRole'>): boolean {
  return actor.staffRole === 'vendor_admin';
}
