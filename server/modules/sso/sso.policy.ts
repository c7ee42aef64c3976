import type { Actor } from '../../platform/actor';

/** Only the vendor administrator configures identity providers: they decide who can sign in at all. */
export function canManageIdentityProviders(actor: Pick<Actor, 'staffRole'> | null): boolean {
  return actor?.staffRole === 'vendor_admin';
}
