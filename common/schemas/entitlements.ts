import { z } from 'zod';

/**
 * Customers' entitlements (licensed products per site) and support contracts, as the console reads
 * and changes them. Contract rules (warning, grace, expiry) are in `common/contracts.ts`.
 */

export const CONTRACT_TIER_VALUES = ['standard', 'enhanced', 'premium'] as const;
export const ContractTier = z.enum(CONTRACT_TIER_VALUES);
export type ContractTier = z.infer<typeof ContractTier>;

export const ContractScope = z.enum(['site', 'entitlement']).describe('site: covers every entitlement of the site without its own contract');
export type ContractScope = z.infer<typeof ContractScope>;

/** Control characters other than tab and line breaks. */
const CONTROL_CHARACTERS_BUT_LINES = /[^\P{Cc}\t\n\r]/u;
const CONTROL_CHARACTERS = /\p{Cc}/u;

/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-30). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Must be a date like 2026-12-31')
  .refine((value) => {
    const parsed = new Date(`${value}T00:00:00.000Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
  }, 'Must be a date that exists');

/** The contract's reference (order or SRP number): up to 100 characters, one line. */
export const ContractReference = z
  .string()
  .trim()
  .max(100)
  .refine((value) => !CONTROL_CHARACTERS.test(value), 'Must not contain control characters');

export const ContractStandingSchema = z.object({
  state: z.enum(['active', 'expiring', 'grace', 'expired', 'none']),
  endsAt: z.string().datetime().nullable().describe('The first instant the contract no longer covers'),
  graceEndsAt: z.string().datetime().nullable().describe('The first instant after the 30-day grace period'),
  daysLeft: z.number().int().nullable().describe('Whole days until endsAt, rounded up; negative once ended'),
  allowsAccess: z.boolean().describe('Software downloads and case creation are allowed'),
  warning: z.boolean(),
});
export type ContractStandingSchema = z.infer<typeof ContractStandingSchema>;

export const SupportContract = z.object({
  id: z.string().uuid(),
  siteId: z.string().uuid(),
  scope: ContractScope,
  tier: ContractTier,
  reference: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  standing: ContractStandingSchema.describe('Where it stands now'),
  updatedAt: z.string().datetime(),
});
export type SupportContract = z.infer<typeof SupportContract>;

export const Entitlement = z.object({
  id: z.string().uuid(),
  siteId: z.string().uuid(),
  product: z.object({ id: z.string().uuid(), name: z.string() }),
  quantity: z.number().int(),
  contractId: z.string().uuid().nullable().describe("The entitlement's own contract; null: the site's contract covers it"),
  coveredBy: z.enum(['own', 'site', 'none']).describe('Which contract covers it now'),
  standing: ContractStandingSchema.describe('The standing of the contract that covers it'),
  updatedAt: z.string().datetime(),
});
export type Entitlement = z.infer<typeof Entitlement>;

/** One site with its contract, its licensed products and the contracts entitlements name. */
export const SiteEntitlements = z.object({
  site: z.object({ id: z.string().uuid(), name: z.string(), parentId: z.string().uuid().nullable() }),
  contract: SupportContract.nullable().describe("The site's own contract"),
  entitlements: z.array(Entitlement),
  entitlementContracts: z.array(SupportContract).describe('Contracts of scope entitlement at this site'),
});
export type SiteEntitlements = z.infer<typeof SiteEntitlements>;

export const OrganizationEntitlements = z.object({
  items: z.array(SiteEntitlements).describe('Every site, in tree order'),
  checkedAt: z.string().datetime().describe('The instant the standings were computed at'),
});
export type OrganizationEntitlements = z.infer<typeof OrganizationEntitlements>;

export const CreateContractBody = z
  .object({
    scope: ContractScope,
    tier: ContractTier,
    reference: ContractReference.default(''),
    startsOn: IsoDate,
    endsOn: IsoDate.describe('The contract covers this whole day (UTC); not before startsOn'),
  })
  .strict();
export type CreateContractBody = z.infer<typeof CreateContractBody>;

export const UpdateContractBody = z
  .object({ tier: ContractTier.optional(), reference: ContractReference.optional(), startsOn: IsoDate.optional(), endsOn: IsoDate.optional() })
  .strict();
export type UpdateContractBody = z.infer<typeof UpdateContractBody>;

export const RenewContractBody = z
  .object({
    endsOn: IsoDate.describe('The new end date; later than the current one'),
    startsOn: IsoDate.optional().describe('A new start date, if the renewal starts a new term'),
  })
  .strict();
export type RenewContractBody = z.infer<typeof RenewContractBody>;

export const Quantity = z.number().int().min(1).max(1_000_000);

export const CreateEntitlementBody = z
  .object({
    productId: z.string().uuid(),
    quantity: Quantity,
    contractId: z.string().uuid().nullable().optional().describe("A contract of the same site; omitted or null: the site's contract covers it"),
  })
  .strict();
export type CreateEntitlementBody = z.infer<typeof CreateEntitlementBody>;

export const UpdateEntitlementBody = z
  .object({ quantity: Quantity.optional(), contractId: z.string().uuid().nullable().optional().describe("null: covered by the site's contract") })
  .strict();
export type UpdateEntitlementBody = z.infer<typeof UpdateEntitlementBody>;

export const NotifyAccountManagerBody = z
  .object({
    productId: z.string().uuid().optional().describe('The licensed product the request is about'),
    message: z
      .string()
      .trim()
      .max(1000)
      .refine((value) => !CONTROL_CHARACTERS_BUT_LINES.test(value), 'Must not contain control characters')
      .optional(),
  })
  .strict();
export type NotifyAccountManagerBody = z.infer<typeof NotifyAccountManagerBody>;

export const NotifyAccountManagerResult = z.object({ notifiedAt: z.string().datetime() });
export type NotifyAccountManagerResult = z.infer<typeof NotifyAccountManagerResult>;
