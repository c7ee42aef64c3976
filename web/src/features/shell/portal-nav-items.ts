import type { NavItem } from './nav-item';

/** The portal's navbar, in order; the router builds the portal's pages from the same list. */
export const portalNavItems: NavItem[] = [
  { feature: 'portal.home', path: '/portal', end: true },
  { feature: 'portal.products', path: '/portal/products' },
  { feature: 'portal.cases', path: '/portal/cases', requires: 'case.view' },
  { feature: 'portal.knowledge', path: '/portal/knowledge' },
  { feature: 'portal.licenses', path: '/portal/licenses' },
  { feature: 'portal.devices', path: '/portal/devices' },
  { feature: 'portal.remote', path: '/portal/remote' },
  { feature: 'portal.team', path: '/portal/team' },
  { feature: 'portal.sites', path: '/portal/sites' },
  { feature: 'portal.organization', path: '/portal/organization' },
  { feature: 'portal.activity', path: '/portal/activity', requires: 'audit.view' },
  { feature: 'portal.contact', path: '/portal/contact' },
];
