import { z } from 'zod';
import { queryText } from './query-text';
import { Line } from './text';

/**
 * The vendor's catalog as the console reads and changes it: product families, products, their
 * components (with system requirements), releases and their files, bulletins (notices, known
 * issues, documents) and licence agreements.
 */

export const RESOURCE_TYPE_VALUES = ['software', 'update', 'manual', 'release_notes', 'other'] as const;
export const ResourceType = z.enum(RESOURCE_TYPE_VALUES);
export type ResourceType = z.infer<typeof ResourceType>;

export const BULLETIN_KIND_VALUES = ['notice', 'known_issue', 'document'] as const;
export const BulletinKind = z.enum(BULLETIN_KIND_VALUES);
export type BulletinKind = z.infer<typeof BulletinKind>;

/** Control characters other than tab and line breaks, which longer text may hold. */
const CONTROL_CHARACTERS_BUT_LINES = /[^\P{Cc}\t\n\r]/u;

/** Free text with line breaks, trimmed, up to `max` characters. */
const Text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((value) => !CONTROL_CHARACTERS_BUT_LINES.test(value), 'validation.control_characters');

/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-30). */
export const CatalogDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Must be a date like 2026-12-31')
  .refine((value) => {
    const parsed = new Date(`${value}T00:00:00.000Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
  }, 'Must be a date that exists');

/** Text the vendor writes in both UI languages. */
export const LocalizedText = z.object({ en: z.string(), ko: z.string() });
export type LocalizedText = z.infer<typeof LocalizedText>;

const LocalizedName = z.object({ en: Line(1, 100), ko: Line(1, 100) }).strict();
const LocalizedDescription = z.object({ en: Text(500), ko: Text(500) }).strict();

// ---- Families ----

export const ProductFamily = z.object({
  id: z.uuid(),
  name: LocalizedText,
  description: LocalizedText,
  sortOrder: z.number().int(),
  productCount: z.number().int(),
});
export type ProductFamily = z.infer<typeof ProductFamily>;

export const ProductFamilyList = z.object({ items: z.array(ProductFamily).describe('In display order') });
export type ProductFamilyList = z.infer<typeof ProductFamilyList>;

export const CreateFamilyBody = z
  .object({
    name: LocalizedName,
    description: LocalizedDescription.default({ en: '', ko: '' }),
    sortOrder: z.number().int().min(0).max(10_000).optional().describe('Display position; after the others when left out'),
  })
  .strict();
export type CreateFamilyBody = z.infer<typeof CreateFamilyBody>;

export const UpdateFamilyBody = z
  .object({ name: LocalizedName.optional(), description: LocalizedDescription.optional(), sortOrder: z.number().int().min(0).max(10_000).optional() })
  .strict();
export type UpdateFamilyBody = z.infer<typeof UpdateFamilyBody>;

// ---- Products ----

export const FamilyRef = z.object({ id: z.uuid(), name: LocalizedText });
export type FamilyRef = z.infer<typeof FamilyRef>;

export const ProductSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  family: FamilyRef,
  releaseCount: z.number().int().describe('Releases, drafts included'),
  latestVersion: z.string().nullable().describe('The newest published release by release date'),
  downloadCount: z.number().int().describe('Downloads of any file of the product'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ProductSummary = z.infer<typeof ProductSummary>;

export const ProductList = z.object({ items: z.array(ProductSummary).describe('By name') });
export type ProductList = z.infer<typeof ProductList>;

export const ProductListQuery = z.object({
  q: queryText().trim().max(100).optional().describe('Case-insensitive text in the name or description'),
  familyId: z.uuid().optional(),
});
export type ProductListQuery = z.infer<typeof ProductListQuery>;

export const CreateProductBody = z.object({ familyId: z.uuid(), name: Line(1, 100), description: Text(2000).default('') }).strict();
export type CreateProductBody = z.infer<typeof CreateProductBody>;

export const UpdateProductBody = z.object({ familyId: z.uuid().optional(), name: Line(1, 100).optional(), description: Text(2000).optional() }).strict();
export type UpdateProductBody = z.infer<typeof UpdateProductBody>;

// ---- Components ----

export const SystemRequirements = z.object({ os: z.string(), cpu: z.string(), memory: z.string(), disk: z.string(), prerequisites: z.string() });
export type SystemRequirements = z.infer<typeof SystemRequirements>;

const RequirementsInput = z
  .object({ os: Text(500).default(''), cpu: Text(500).default(''), memory: Text(500).default(''), disk: Text(500).default(''), prerequisites: Text(2000).default('') })
  .strict();

export const ProductComponent = z.object({
  id: z.uuid(),
  productId: z.uuid(),
  name: z.string(),
  description: z.string(),
  requirements: SystemRequirements,
  sortOrder: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type ProductComponent = z.infer<typeof ProductComponent>;

export const CreateComponentBody = z
  .object({ name: Line(1, 100), description: Text(2000).default(''), requirements: RequirementsInput.default({ os: '', cpu: '', memory: '', disk: '', prerequisites: '' }) })
  .strict();
export type CreateComponentBody = z.infer<typeof CreateComponentBody>;

const RequirementsPatch = z
  .object({ os: Text(500).optional(), cpu: Text(500).optional(), memory: Text(500).optional(), disk: Text(500).optional(), prerequisites: Text(2000).optional() })
  .strict();

export const UpdateComponentBody = z
  .object({ name: Line(1, 100).optional(), description: Text(2000).optional(), requirements: RequirementsPatch.optional().describe('Only the fields given change') })
  .strict();
export type UpdateComponentBody = z.infer<typeof UpdateComponentBody>;

// ---- Releases and files ----

export const CatalogFile = z.object({
  id: z.uuid(),
  fileName: z.string(),
  resourceType: ResourceType,
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.iso.datetime(),
});
export type CatalogFile = z.infer<typeof CatalogFile>;

export const ReleaseFile = CatalogFile.extend({
  removedAt: z.iso.datetime().nullable().describe('Set once removed: the row stays, downloads answer 410'),
  downloadCount: z.number().int(),
});
export type ReleaseFile = z.infer<typeof ReleaseFile>;

export const Release = z.object({
  id: z.uuid(),
  productId: z.uuid(),
  version: z.string(),
  releasedOn: z.string().describe('YYYY-MM-DD'),
  notes: z.string(),
  publishedAt: z.iso.datetime().nullable().describe('Null while a draft: customers do not see it'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Release = z.infer<typeof Release>;

export const ReleaseWithFiles = Release.extend({ downloadCount: z.number().int(), files: z.array(ReleaseFile) });
export type ReleaseWithFiles = z.infer<typeof ReleaseWithFiles>;

/** A version: 1 to 50 characters, one line. */
const Version = Line(1, 50);

export const CreateReleaseBody = z.object({ version: Version, releasedOn: CatalogDate, notes: Text(20_000).default('') }).strict();
export type CreateReleaseBody = z.infer<typeof CreateReleaseBody>;

export const UpdateReleaseBody = z.object({ version: Version.optional(), releasedOn: CatalogDate.optional(), notes: Text(20_000).optional() }).strict();
export type UpdateReleaseBody = z.infer<typeof UpdateReleaseBody>;

export const UploadFileQuery = z.object({
  resourceType: ResourceType,
  fileName: z.string().max(1000).describe('The name people download it under: no folders, control characters or leading dot (files.invalid_name)'),
});
export type UploadFileQuery = z.infer<typeof UploadFileQuery>;

// ---- Bulletins ----

export const Bulletin = z.object({
  id: z.uuid(),
  productId: z.uuid(),
  releaseId: z.uuid().nullable(),
  kind: BulletinKind,
  title: z.string(),
  body: z.string(),
  url: z.string().nullable(),
  publishedOn: z.string().describe('YYYY-MM-DD'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Bulletin = z.infer<typeof Bulletin>;

const BulletinUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => /^https?:\/\/[^\s]+$/i.test(value) && URL.canParse(value), 'Must be an http or https address');

export const CreateBulletinBody = z
  .object({
    kind: BulletinKind,
    title: Line(1, 200),
    body: Text(20_000).default(''),
    url: BulletinUrl.nullable().optional(),
    releaseId: z.uuid().nullable().optional().describe('A release of the same product, or none for the whole product'),
    publishedOn: CatalogDate,
  })
  .strict();
export type CreateBulletinBody = z.infer<typeof CreateBulletinBody>;

export const UpdateBulletinBody = z
  .object({
    kind: BulletinKind.optional(),
    title: Line(1, 200).optional(),
    body: Text(20_000).optional(),
    url: BulletinUrl.nullable().optional(),
    releaseId: z.uuid().nullable().optional(),
    publishedOn: CatalogDate.optional(),
  })
  .strict();
export type UpdateBulletinBody = z.infer<typeof UpdateBulletinBody>;

// ---- Licence agreements ----

export const Agreement = z.object({
  id: z.uuid(),
  productId: z.uuid(),
  version: z.number().int(),
  title: z.string(),
  body: z.string(),
  createdAt: z.iso.datetime(),
  inForce: z.boolean().describe('The newest version is the one customers agree to'),
});
export type Agreement = z.infer<typeof Agreement>;

export const AgreementList = z.object({ items: z.array(Agreement).describe('Newest version first') });
export type AgreementList = z.infer<typeof AgreementList>;

export const CreateAgreementBody = z.object({ title: Line(1, 200), body: Text(100_000).pipe(z.string().min(1)) }).strict();
export type CreateAgreementBody = z.infer<typeof CreateAgreementBody>;

// ---- Product detail ----

export const ProductDetail = ProductSummary.extend({
  components: z.array(ProductComponent),
  releases: z.array(ReleaseWithFiles).describe('Newest first, drafts included'),
  bulletins: z.array(Bulletin).describe('Newest first'),
  agreements: z.array(Agreement).describe('Newest version first'),
  uploadMaxBytes: z.number().int().describe('The largest file this server accepts in an upload'),
});
export type ProductDetail = z.infer<typeof ProductDetail>;
