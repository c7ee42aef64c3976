export * from './users';
export * from './organizations';
export * from './audit';
export * from './sso';
export * from './platform';
export * from './catalog';
export * from './entitlements';
export * from './cases';
