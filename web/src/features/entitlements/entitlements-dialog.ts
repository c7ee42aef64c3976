import type { Entitlement, SiteEntitlements, SupportContract } from './entitlements.api';

/** The site a dialog is about, with its path for titles. */
export interface DialogSite {
  id: string;
  path: string;
}

/** Which dialog of the products and contracts tab is open, and what it is about. */
export type EntitlementsDialog =
  | { kind: 'add-contract'; site: DialogSite; scope: 'site' | 'entitlement' }
  | { kind: 'edit-contract'; site: DialogSite; contract: SupportContract }
  | { kind: 'renew-contract'; site: DialogSite; contract: SupportContract }
  | { kind: 'delete-contract'; site: DialogSite; contract: SupportContract }
  | { kind: 'add-entitlement'; site: DialogSite; holdings: SiteEntitlements }
  | { kind: 'edit-entitlement'; site: DialogSite; holdings: SiteEntitlements; entitlement: Entitlement }
  | { kind: 'remove-entitlement'; site: DialogSite; entitlement: Entitlement };
