import type { SupportContract } from '@common/schemas/entitlements';

/** The support contract tiers, lowest first (kept here so the web bundle does not load the schemas). */
export const CONTRACT_TIERS = ['standard', 'enhanced', 'premium'] as const satisfies readonly SupportContract['tier'][];
export type ContractTier = (typeof CONTRACT_TIERS)[number];
