import { z } from 'zod';
import { EmailAddress } from './email';
import { queryText } from './query-text';
import { CUSTOMER_ROLES } from '../permissions';

/** A customer role in an organization. */
export const MemberRole = z.enum(CUSTOMER_ROLES);
export type MemberRole = z.infer<typeof MemberRole>;

export const MemberStatus = z.enum(['active', 'inactive']);
export type MemberStatus = z.infer<typeof MemberStatus>;

const Page = z.coerce.number().int().min(1).max(100_000).default(1);
const PageSize = z.coerce.number().int().min(1).max(100).default(25);
const Search = queryText().trim().max(100).optional().describe('Case-insensitive search over name, email and company');
const SiteIds = z.array(z.uuid()).max(500);

export const SiteRef = z.object({ id: z.uuid(), name: z.string() });
export type SiteRef = z.infer<typeof SiteRef>;

export const MemberListQuery = z.object({
  q: Search,
  role: MemberRole.optional(),
  status: MemberStatus.optional(),
  siteId: z.uuid().optional().describe('Only members given this site'),
  page: Page,
  pageSize: PageSize,
});
export type MemberListQuery = z.infer<typeof MemberListQuery>;

/** A member of the organization as My Team lists them. */
export const MemberSummary = z.object({
  id: z.uuid().describe('The membership id'),
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  company: z.string().nullable(),
  role: MemberRole,
  status: MemberStatus,
  allSites: z.boolean().describe('Owners and admins act on every site; the others only on `sites`'),
  sites: z.array(SiteRef),
  lastSignInAt: z.iso.datetime().nullable(),
});
export type MemberSummary = z.infer<typeof MemberSummary>;

export const MemberList = z.object({ items: z.array(MemberSummary), total: z.number().int() });
export type MemberList = z.infer<typeof MemberList>;

/** A role change and/or the member's selected sites (replacing the previous selection). */
export const UpdateMemberBody = z
  .object({
    role: MemberRole.optional(),
    siteIds: SiteIds.optional().describe('The sites the member may act on (roles below admin); replaces the selection'),
  })
  .refine((body) => body.role !== undefined || body.siteIds !== undefined, { message: 'validation.nothing_to_change', path: ['role'] });
export type UpdateMemberBody = z.infer<typeof UpdateMemberBody>;

export const BulkMemberAction = z.enum(['deactivate', 'reactivate', 'remove']);
export type BulkMemberAction = z.infer<typeof BulkMemberAction>;

export const BulkMemberBody = z.object({
  memberIds: z.array(z.uuid()).min(1).max(500),
  action: BulkMemberAction,
});
export type BulkMemberBody = z.infer<typeof BulkMemberBody>;

export const BulkMemberResult = z.object({ updated: z.number().int().describe('How many memberships changed') });
export type BulkMemberResult = z.infer<typeof BulkMemberResult>;

export const DirectoryQuery = z.object({ q: Search, page: Page, pageSize: z.coerce.number().int().min(1).max(200).default(100) });
export type DirectoryQuery = z.infer<typeof DirectoryQuery>;

/** A contact of the organization ("Don't see who you're looking for?"): an active member. */
export const DirectoryEntry = z.object({
  name: z.string(),
  email: z.string(),
  company: z.string().nullable(),
  phone: z.string().nullable(),
  role: MemberRole,
  allSites: z.boolean(),
  sites: z.array(SiteRef),
});
export type DirectoryEntry = z.infer<typeof DirectoryEntry>;

export const Directory = z.object({ items: z.array(DirectoryEntry), total: z.number().int() });
export type Directory = z.infer<typeof Directory>;

export const InvitationStatus = z.enum(['pending', 'accepted', 'revoked', 'expired']);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

export const CreateInvitationBody = z.object({
  email: EmailAddress,
  role: MemberRole.default('viewer').describe('Viewer unless the organization allows inviting with other roles'),
  siteIds: SiteIds.default([]).describe('The sites the new member may act on (roles below admin)'),
});
/** What a client sends (role and sites may be left out); the server works on the parsed output. */
export type CreateInvitationBody = z.input<typeof CreateInvitationBody>;

export const Invitation = z.object({
  id: z.uuid(),
  email: z.string(),
  role: MemberRole,
  status: InvitationStatus,
  siteIds: z.array(z.uuid()),
  invitedByName: z.string().nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  acceptedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type Invitation = z.infer<typeof Invitation>;

export const InvitationListQuery = z.object({ status: InvitationStatus.optional(), page: Page, pageSize: PageSize });
export type InvitationListQuery = z.infer<typeof InvitationListQuery>;

export const InvitationList = z.object({ items: z.array(Invitation), total: z.number().int() });
export type InvitationList = z.infer<typeof InvitationList>;

// Any token that is not a current one is answered alike (404 invitations.not_found), whatever its
// shape: a link cut short or mistyped is an invalid invitation, not a form to correct.
const InvitationToken = z.string().max(1000).describe('The token of the invitation link');
export const InvitationTokenQuery = z.object({ token: InvitationToken });
export const AcceptInvitationBody = z.object({ token: InvitationToken });
export type AcceptInvitationBody = z.infer<typeof AcceptInvitationBody>;

/** What the holder of an invitation link may see before accepting it. */
export const InvitationLookup = z.object({
  organizationName: z.string(),
  email: z.string(),
  role: MemberRole,
  status: InvitationStatus,
  hasAccount: z.boolean().describe('An account with this email exists: sign in to accept; otherwise register first'),
});
export type InvitationLookup = z.infer<typeof InvitationLookup>;

export const AcceptInvitationResult = z.object({ organizationId: z.uuid(), role: MemberRole });
export type AcceptInvitationResult = z.infer<typeof AcceptInvitationResult>;
