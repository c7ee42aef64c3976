import type { NavItem } from './nav-item';

/** The console's navbar, in order; the router builds the console's pages from the same list. */
export const consoleNavItems: NavItem[] = [
  { feature: 'console.caseQueue', path: '/console', end: true },
  { feature: 'console.customers', path: '/console/customers' },
  { feature: 'console.knowledge', path: '/console/knowledge' },
  { feature: 'console.catalog', path: '/console/catalog' },
  { feature: 'console.licensing', path: '/console/licensing' },
  { feature: 'console.remote', path: '/console/remote' },
  { feature: 'console.statistics', path: '/console/statistics' },
  { feature: 'console.activity', path: '/console/activity' },
  { feature: 'console.settings', path: '/console/settings' },
];
