import type { NavItem } from './nav-item';

/**
 * The console's navbar, in order; the router builds the console's pages from the same list. An entry
 * that `requires` a permission shows only to staff whose role has it; the queue, the console's home,
 * always shows (and tells other roles what it is for).
 */
export const consoleNavItems: NavItem[] = [
  { feature: 'console.caseQueue', path: '/console', end: true },
  { feature: 'console.customers', path: '/console/customers', requires: 'customer.view' },
  { feature: 'console.knowledge', path: '/console/knowledge', requires: 'article.write' },
  { feature: 'console.catalog', path: '/console/catalog', requires: 'product.view' },
  { feature: 'console.licensing', path: '/console/licensing' },
  { feature: 'console.remote', path: '/console/remote' },
  { feature: 'console.statistics', path: '/console/statistics' },
  { feature: 'console.activity', path: '/console/activity', requires: 'audit.view' },
  { feature: 'console.settings', path: '/console/settings', requires: 'settings.manage' },
];
