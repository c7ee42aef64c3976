import type { Me } from '../auth/me';
import { staffCan } from '../auth/use-staff-can';
import type { NavItem } from './nav-item';

/**
 * The console's navbar, in order; the router builds the console's pages from the same list. An entry
 * that `requires` a permission shows only to staff whose role has it: the case queue, the console's
 * home, only to staff who answer cases; the others land on their first entry instead.
 */
export const consoleNavItems: NavItem[] = [
  { feature: 'console.caseQueue', path: '/console', end: true, requires: 'case.answer' },
  { feature: 'console.customers', path: '/console/customers', requires: 'customer.view' },
  { feature: 'console.knowledge', path: '/console/knowledge', requires: 'article.write' },
  { feature: 'console.catalog', path: '/console/catalog', requires: 'product.view' },
  { feature: 'console.licensing', path: '/console/licensing' },
  { feature: 'console.remote', path: '/console/remote' },
  { feature: 'console.statistics', path: '/console/statistics' },
  { feature: 'console.activity', path: '/console/activity', requires: 'audit.view' },
  { feature: 'console.settings', path: '/console/settings', requires: 'settings.manage' },
];

/** The console's navbar entries a staff member's role lets them use, in order. */
export function listConsoleNavItems(me: Pick<Me, 'staffRole'> | null | undefined, items: readonly NavItem[] = consoleNavItems): NavItem[] {
  return items.filter((item) => !item.requires || staffCan(me, item.requires));
}

/** Where `/console` takes a staff member: the case queue when they may use it, else their first console page. */
export function getConsoleLandingPath(me: Pick<Me, 'staffRole'> | null | undefined): string {
  return listConsoleNavItems(me)[0]?.path ?? '/console/account';
}
