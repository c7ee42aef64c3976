import { z } from 'zod';
import { queryText } from './query-text';

/**
 * The portal's Products and downloads (myOSIsoft, seed 000 pp. 15–20): the products licensed to the
 * member's sites, their releases, bulletins and files, and short-lived signed download links.
 */

const CONTROL_CHARACTERS = /\p{Cc}/u;

export const RESOURCE_TYPE_VALUES = ['software', 'update', 'manual', 'release_notes', 'other'] as const;
export const ResourceType = z.enum(RESOURCE_TYPE_VALUES).describe('software and update need download.software and a contract in force; the rest download.document');
export type ResourceType = z.infer<typeof ResourceType>;

/** Resource types that are software (contract and `download.software` required). */
export const SOFTWARE_RESOURCE_TYPES: readonly ResourceType[] = ['software', 'update'];

export const LocalizedText = z.object({ en: z.string(), ko: z.string() });
export type LocalizedText = z.infer<typeof LocalizedText>;

export const SiteRef = z.object({ id: z.uuid(), name: z.string() });
export type SiteRef = z.infer<typeof SiteRef>;

export const ContractStanding = z.object({
  state: z.enum(['active', 'expiring', 'grace', 'expired', 'none']),
  endsAt: z.string().datetime().nullable().describe('The first instant the contract no longer covers'),
  graceEndsAt: z.string().datetime().nullable().describe('The first instant after the 30-day grace period'),
  daysLeft: z.number().int().nullable().describe('Whole days until endsAt, rounded up; negative once ended'),
  allowsAccess: z.boolean().describe('Software downloads and case creation are allowed'),
  warning: z.boolean(),
});
export type ContractStanding = z.infer<typeof ContractStanding>;

export const ContractSummary = z.object({
  tier: z.enum(['standard', 'enhanced', 'premium']),
  startsOn: z.string().describe('YYYY-MM-DD'),
  endsOn: z.string().describe('YYYY-MM-DD; covered through the end of this day (UTC)'),
});
export type ContractSummary = z.infer<typeof ContractSummary>;

export const SystemRequirements = z.object({ os: z.string(), cpu: z.string(), memory: z.string(), disk: z.string(), prerequisites: z.string() });
export type SystemRequirements = z.infer<typeof SystemRequirements>;

export const ProductComponent = z.object({ id: z.uuid(), name: z.string(), description: z.string(), requirements: SystemRequirements });
export type ProductComponent = z.infer<typeof ProductComponent>;

export const DownloadRefusal = z.enum(['permission', 'contract.expired', 'contract.none']);
export type DownloadRefusal = z.infer<typeof DownloadRefusal>;

/** Whether a kind of file may be downloaded, and why not. */
export const DownloadAbility = z.object({ allowed: z.boolean(), reason: DownloadRefusal.nullable() });
export type DownloadAbility = z.infer<typeof DownloadAbility>;

export const DownloadAbilities = z.object({
  software: DownloadAbility.describe('software and update files'),
  documents: DownloadAbility.describe('manuals, release notes and other files'),
});
export type DownloadAbilities = z.infer<typeof DownloadAbilities>;

export const ReleaseRef = z.object({ id: z.uuid(), version: z.string(), releasedOn: z.string() });
export type ReleaseRef = z.infer<typeof ReleaseRef>;

export const ProductRef = z.object({
  id: z.uuid(),
  name: z.string(),
  family: z.object({ id: z.uuid(), name: LocalizedText }),
});
export type ProductRef = z.infer<typeof ProductRef>;

/** A product licensed to a site, as the member sees it. */
export const LicensedProduct = z.object({
  entitlementId: z.uuid(),
  site: SiteRef,
  product: ProductRef,
  displayName: z.string().nullable().describe("The signed-in member's own name for it"),
  quantity: z.number().int(),
  contract: ContractSummary.nullable(),
  standing: ContractStanding,
  components: z.array(ProductComponent),
  currentVersion: ReleaseRef.nullable().describe('The newest published release'),
  downloads: DownloadAbilities,
});
export type LicensedProduct = z.infer<typeof LicensedProduct>;

/** A site whose contract warns (expiring, in grace, expired or none), for the pop-up. */
export const ContractWarning = z.object({
  site: SiteRef,
  contract: ContractSummary.nullable(),
  standing: ContractStanding,
  products: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type ContractWarning = z.infer<typeof ContractWarning>;

export const ProductListQuery = z.object({
  siteId: z.uuid().optional().describe('Only this site (one the member may act on)'),
  q: queryText().trim().max(100).optional().describe('Case-insensitive search over product, display and component names'),
  limit: z.coerce.number().int().min(1).max(100).default(50).describe('Products per page'),
  cursor: z.uuid().optional().describe('nextCursor of the previous page'),
});
export type ProductListQuery = z.infer<typeof ProductListQuery>;

export const ProductList = z.object({
  items: z.array(LicensedProduct).describe('One page, by site then by the name the member sees'),
  total: z.number().int().describe('Products matching, over every page'),
  nextCursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last'),
  sites: z.array(SiteRef).describe('The sites the member may act on, for the filter'),
  warnings: z.array(ContractWarning).describe('Contracts that warn, per site (of the chosen site when filtered)'),
});
export type ProductList = z.infer<typeof ProductList>;

export const DisplayNameBody = z.object({
  displayName: z
    .string()
    .trim()
    .max(80)
    .refine((value) => !CONTROL_CHARACTERS.test(value), 'Must not contain control characters')
    .describe('1 to 80 characters; empty clears it'),
});
export type DisplayNameBody = z.infer<typeof DisplayNameBody>;

export const DisplayNameResult = z.object({ displayName: z.string().nullable() });
export type DisplayNameResult = z.infer<typeof DisplayNameResult>;

export const Bulletin = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  url: z.string().nullable(),
  publishedOn: z.string(),
  release: z.object({ id: z.uuid(), version: z.string() }).nullable(),
});
export type Bulletin = z.infer<typeof Bulletin>;

export const Release = z.object({ id: z.uuid(), version: z.string(), releasedOn: z.string(), notes: z.string() });
export type Release = z.infer<typeof Release>;

export const Agreement = z.object({ id: z.uuid(), version: z.number().int(), title: z.string(), body: z.string() });
export type Agreement = z.infer<typeof Agreement>;

/** A licence activation (filled by the licensing capability). */
export const LicenseActivation = z.object({ id: z.string(), activatedAt: z.string().datetime(), description: z.string() });
export type LicenseActivation = z.infer<typeof LicenseActivation>;

export const ProductDetail = z.object({
  site: SiteRef,
  product: ProductRef.extend({ description: z.string() }),
  entitlementId: z.uuid(),
  displayName: z.string().nullable(),
  quantity: z.number().int(),
  contract: ContractSummary.nullable(),
  standing: ContractStanding,
  downloads: DownloadAbilities,
  components: z.array(ProductComponent),
  releases: z.array(Release).describe('Published releases, newest first'),
  notices: z.array(Bulletin),
  knownIssues: z.array(Bulletin),
  documents: z.array(Bulletin),
  agreement: Agreement.nullable().describe('The licence agreement in force'),
  agreementAccepted: z.boolean().describe('The signed-in user accepted the version in force'),
  activations: z.array(LicenseActivation),
});
export type ProductDetail = z.infer<typeof ProductDetail>;

export const FileListQuery = z.object({
  resourceType: ResourceType.optional(),
  version: z.enum(['current', 'all']).default('current').describe('current: the newest published release; all: every published release'),
  q: queryText().trim().max(100).optional().describe('Search over file name and version'),
  releaseId: z.uuid().optional(),
});
export type FileListQuery = z.input<typeof FileListQuery>;

export const ProductFile = z.object({
  id: z.uuid(),
  release: ReleaseRef,
  fileName: z.string(),
  contentType: z.string(),
  resourceType: ResourceType,
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.string().datetime(),
  download: DownloadAbility,
});
export type ProductFile = z.infer<typeof ProductFile>;

export const FileList = z.object({ items: z.array(ProductFile) });
export type FileList = z.infer<typeof FileList>;

export const DownloadLinkBody = z.object({
  acceptAgreementId: z.uuid().optional().describe('"I agree": the id of the agreement version in force'),
});
export type DownloadLinkBody = z.infer<typeof DownloadLinkBody>;

export const DownloadLink = z.object({
  url: z.string().describe('Same-origin path; works without the session cookie until expiresAt'),
  expiresAt: z.string().datetime(),
  fileName: z.string(),
  size: z.number().int(),
  sha256: z.string(),
});
export type DownloadLink = z.infer<typeof DownloadLink>;
