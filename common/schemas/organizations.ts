import { z } from 'zod';
import { queryText } from './query-text';
import { CUSTOMER_ROLES, PERMISSIONS } from '../permissions';

/** C0 and C1 control characters (tabs and line breaks included): never part of a name. */
const CONTROL_CHARACTERS = /\p{Cc}/u;
/** Control characters other than tab and line breaks, which free text such as notes may hold. */
const CONTROL_CHARACTERS_BUT_LINES = /[^\P{Cc}\t\n\r]/u;

/** A name shown in lists: 1 to 100 characters after trimming, no control characters. */
export const DisplayName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((value) => !CONTROL_CHARACTERS.test(value), 'Must not contain control characters');

/** Free-text notes: up to 2,000 characters, line breaks allowed; empty clears them. */
export const Notes = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => !CONTROL_CHARACTERS_BUT_LINES.test(value), 'Must not contain control characters');

/** A vendor staff member as shown to the organization and the console. */
export const StaffContact = z.object({ id: z.string().uuid(), name: z.string(), email: z.string() });
export type StaffContact = z.infer<typeof StaffContact>;

export const AccountTeam = z.object({
  accountManager: StaffContact.nullable(),
  successManager: StaffContact.nullable(),
});
export type AccountTeam = z.infer<typeof AccountTeam>;

/** One organization as its members and vendor staff see it. */
export const Organization = z.object({
  id: z.string().uuid(),
  name: z.string(),
  notes: z.string().nullable(),
  createdAt: z.string().datetime(),
  archivedAt: z.string().datetime().nullable().describe('Set when archived: the organization is then read-only'),
  requireMfa: z.boolean(),
  allowInviteRoles: z.boolean().describe('Admins may invite with roles other than viewer'),
  accountTeam: AccountTeam,
  abilities: z.array(z.enum(PERMISSIONS)).describe('What the signed-in user may do here; the UI hides the rest'),
});
export type Organization = z.infer<typeof Organization>;

/** An organization in the switcher. */
export const OrganizationSummary = z.object({
  id: z.string().uuid(),
  name: z.string(),
  role: z.enum(CUSTOMER_ROLES),
  archived: z.boolean(),
});
export type OrganizationSummary = z.infer<typeof OrganizationSummary>;

export const OrganizationList = z.object({
  items: z.array(OrganizationSummary).describe('Active memberships in organizations that are not archived'),
  lastOrganizationId: z.string().uuid().nullable().describe('The organization last chosen in the switcher, when it is still in the list'),
});
export type OrganizationList = z.infer<typeof OrganizationList>;

export const CreateOrganizationBody = z.object({
  name: DisplayName,
  notes: Notes.optional(),
});
export type CreateOrganizationBody = z.infer<typeof CreateOrganizationBody>;

export const UpdateOrganizationBody = z
  .object({
    name: DisplayName.optional(),
    notes: Notes.nullable().optional(),
    allowInviteRoles: z.boolean().optional(),
  })
  .strict();
export type UpdateOrganizationBody = z.infer<typeof UpdateOrganizationBody>;

export const ArchiveOrganizationBody = z.object({
  confirmId: z.string().max(100).describe("The organization's ID, typed exactly"),
  understood: z.boolean().describe('The user confirms they understand archiving'),
});
export type ArchiveOrganizationBody = z.infer<typeof ArchiveOrganizationBody>;

export const UpdateAccountTeamBody = z.object({
  accountManagerId: z.string().uuid().nullable().describe('A vendor staff user, or null'),
  successManagerId: z.string().uuid().nullable().describe('A vendor staff user, or null'),
});
export type UpdateAccountTeamBody = z.infer<typeof UpdateAccountTeamBody>;

export const LastOrganizationBody = z.object({ organizationId: z.string().uuid() });
export type LastOrganizationBody = z.infer<typeof LastOrganizationBody>;

const ContactPerson = z.object({ name: z.string(), email: z.string() });

/** The Contact us page of an organization. */
export const OrganizationContact = z.object({
  accountManager: ContactPerson.nullable(),
  successManager: ContactPerson.nullable(),
  supportPhone: z.string(),
  supportEmail: z.string(),
  serviceName: z.string(),
});
export type OrganizationContact = z.infer<typeof OrganizationContact>;

/** The console's list of customer organizations. */
export const ConsoleOrganizationQuery = z.object({
  q: queryText().trim().max(100).optional().describe('Part of the name, or the exact organization ID'),
  archived: z.enum(['true', 'false']).optional().describe('Only archived (true) or only active (false) organizations'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ConsoleOrganizationQuery = z.infer<typeof ConsoleOrganizationQuery>;

export const ConsoleOrganization = z.object({
  id: z.string().uuid(),
  name: z.string(),
  memberCount: z.number().int().describe('Active members'),
  siteCount: z.number().int(),
  archivedAt: z.string().datetime().nullable(),
  createdAt: z.string().datetime(),
  accountManager: StaffContact.nullable(),
});
export type ConsoleOrganization = z.infer<typeof ConsoleOrganization>;

export const ConsoleOrganizationList = z.object({ items: z.array(ConsoleOrganization), total: z.number().int() });
export type ConsoleOrganizationList = z.infer<typeof ConsoleOrganizationList>;

/** A site of an organization; `parentId` null is a top-level site. */
export const Site = z.object({
  id: z.string().uuid(),
  name: z.string(),
  parentId: z.string().uuid().nullable(),
  createdAt: z.string().datetime(),
});
export type Site = z.infer<typeof Site>;

export const SiteTreeItem = z.object({
  id: z.string().uuid(),
  name: z.string(),
  parentId: z.string().uuid().nullable(),
  accessible: z.boolean().describe('The signed-in user may act on this site'),
});
export type SiteTreeItem = z.infer<typeof SiteTreeItem>;

/** Every site of an organization, flat, in tree order (each parent before its sub-sites, siblings by name). */
export const SiteTree = z.object({ items: z.array(SiteTreeItem) });
export type SiteTree = z.infer<typeof SiteTree>;

export const CreateSiteBody = z.object({
  name: DisplayName,
  parentId: z.string().uuid().nullable().optional().describe('The site to put it under; omitted or null for top level'),
});
export type CreateSiteBody = z.infer<typeof CreateSiteBody>;

export const UpdateSiteBody = z
  .object({
    name: DisplayName.optional(),
    parentId: z.string().uuid().nullable().optional().describe('Move under this site; null moves it to the top level'),
  })
  .strict();
export type UpdateSiteBody = z.infer<typeof UpdateSiteBody>;

/** Something else that deleting a site would take with it (licences, contracts, …). */
export const SiteImpactItem = z.object({ kind: z.string(), id: z.string(), name: z.string() });
export type SiteImpactItem = z.infer<typeof SiteImpactItem>;

/** What deleting a site would take with it. */
export const SiteImpact = z.object({
  subSites: z.array(z.object({ id: z.string().uuid(), name: z.string() })).describe('Sub-sites at every depth, deleted too'),
  memberAccess: z.array(z.object({ memberId: z.string().uuid(), name: z.string() })).describe('Members who lose access to this site or its sub-sites'),
  activeHoldings: z.array(SiteImpactItem).describe('Active licences and contracts: while any remain, the site cannot be deleted'),
  other: z.array(SiteImpactItem),
});
export type SiteImpact = z.infer<typeof SiteImpact>;

export const DeleteSiteQuery = z.object({
  confirm: z.enum(['true', 'false']).optional().describe('true: delete along with everything the impact lists'),
});
export type DeleteSiteQuery = z.infer<typeof DeleteSiteQuery>;
