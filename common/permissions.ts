/**
 * One vocabulary of permissions, `<resource>.<action>`, shared by server and web.
 * A role is a set of permissions. Customer roles act within one organization;
 * vendor staff roles act across organizations.
 */
export const PERMISSIONS = [
  'organization.view',
  'organization.manage',
  'organization.archive',
  'member.manage',
  'product.view',
  'case.view',
  'case.create',
  'download.document',
  'download.software',
  'license.generate',
  'service_request.create',
  'device.view',
  'device.control',
  'audit.view',
  'settings.manage',
  'catalog.manage',
  'customer.view',
  'customer.manage',
  'entitlement.manage',
  'case.answer',
  'article.write',
  'remote.support',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const CUSTOMER_ROLES = ['owner', 'admin', 'super', 'support', 'download', 'operator', 'viewer'] as const;
export type CustomerRole = (typeof CUSTOMER_ROLES)[number];

export const STAFF_ROLES = ['vendor_admin', 'support_engineer', 'agent', 'account_manager'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The customer role table of issue 4 (seed 000 and 002 capabilities). */
export const CUSTOMER_ROLE_PERMISSIONS: Record<CustomerRole, readonly Permission[]> = {
  owner: ['organization.view', 'product.view', 'case.view', 'case.create', 'download.document', 'download.software', 'license.generate', 'service_request.create', 'device.view', 'device.control', 'member.manage', 'organization.manage', 'organization.archive', 'audit.view'],
  admin: ['organization.view', 'product.view', 'case.view', 'case.create', 'download.document', 'download.software', 'license.generate', 'service_request.create', 'device.view', 'device.control', 'member.manage', 'organization.manage', 'audit.view'],
  super: ['organization.view', 'product.view', 'case.view', 'case.create', 'download.document', 'download.software', 'license.generate', 'service_request.create', 'device.view'],
  support: ['organization.view', 'product.view', 'case.view', 'case.create', 'download.document'],
  download: ['organization.view', 'product.view', 'download.document', 'download.software'],
  operator: ['organization.view', 'product.view', 'device.view', 'device.control'],
  viewer: ['organization.view', 'product.view', 'device.view'],
};

/** What each vendor staff role may do across organizations. */
export const STAFF_ROLE_PERMISSIONS: Record<StaffRole, readonly Permission[]> = {
  vendor_admin: PERMISSIONS,
  support_engineer: ['organization.view', 'product.view', 'customer.view', 'case.view', 'case.answer', 'article.write', 'audit.view'],
  agent: ['organization.view', 'customer.view', 'remote.support'],
  account_manager: ['organization.view', 'product.view', 'customer.view', 'case.view', 'case.answer', 'entitlement.manage'],
};
