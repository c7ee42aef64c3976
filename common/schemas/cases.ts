import { z } from 'zod';
import { queryText } from './query-text';
import { hasControlCharacter, hasControlCharacterInWrittenText, hasVisibleText } from './text';
import { CASE_CATEGORIES, CASE_EMAIL_KINDS, CASE_LANGUAGES, CASE_LINK_KINDS, CASE_STATUSES, FEED_KINDS, HOME_HIGHLIGHT_KINDS } from '../cases';
import { STAFF_ROLES } from '../permissions';
import { ContractStanding, SiteRef } from './products';

/**
 * The API of support cases (issue 6): the portal's wizard, Cases tab and case page, the console's
 * queue, and the home page's highlights and My feed. One schema per request and response, shared
 * by server and web.
 */

/** Text a person writes: tabs and line breaks allowed, other control characters not; 4-byte characters kept. */
export const WrittenText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => !hasControlCharacterInWrittenText(value), { message: 'control characters are not allowed' });

/** Text a person writes over lines (a description, a post) that may not be left empty or invisible. */
export const RequiredWrittenText = (max: number) => WrittenText(max).refine(hasVisibleText, { message: 'required' });

/**
 * One line a person writes (a case subject): shown in lists and email subjects, so
 * no line break, tab or bidirectional override (`abc\u202Etxt.exe` would read "abcexe.txt"), and
 * something visible.
 */
export const WrittenLine = (max: number) =>
  z
    .string()
    .max(max)
    .superRefine((value, ctx) => {
      if (hasControlCharacter(value)) ctx.addIssue({ code: 'custom', message: 'control characters are not allowed' });
      else if (!hasVisibleText(value)) ctx.addIssue({ code: 'custom', message: 'required' });
    });

export const CaseStatus = z.enum(CASE_STATUSES);
export const CaseCategory = z.enum(CASE_CATEGORIES);
export const CaseLanguage = z.enum(CASE_LANGUAGES);
export const CaseSide = z.enum(['engineer', 'customer']);
export const CaseLinkKind = z.enum(CASE_LINK_KINDS);
export const CaseEmailKind = z.enum(CASE_EMAIL_KINDS);
export const HomeHighlightKind = z.enum(HOME_HIGHLIGHT_KINDS);
export const FeedKind = z.enum(FEED_KINDS);

export const PersonRef = z.object({ id: z.uuid(), name: z.string(), side: CaseSide.describe('engineer for vendor staff, customer for members') });
export type PersonRef = z.infer<typeof PersonRef>;

/** A post's author: a person, and for vendor staff their role now, so the feed can say who answers (an account manager is no engineer). */
export const PostAuthor = PersonRef.extend({ staffRole: z.enum(STAFF_ROLES).nullable().describe('The vendor staff role, or null for customers and former staff') });
export type PostAuthor = z.infer<typeof PostAuthor>;

// ---- The wizard (portal) ----

export const CaseProductOption = z.object({
  id: z.uuid(),
  name: z.string(),
  versions: z.array(z.object({ id: z.uuid(), version: z.string() })).describe('Published releases, newest first'),
});
export const CaseFamilyOption = z.object({ id: z.uuid(), name: z.string(), products: z.array(CaseProductOption) });
export const CaseSiteOption = z.object({
  id: z.uuid(),
  name: z.string(),
  contract: ContractStanding.describe('The site contract; a warning shows from 90 days before its end'),
  families: z.array(CaseFamilyOption).describe("The product families of the site's entitlements"),
});
export const AccountTeam = z.object({
  accountManager: z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable(),
  successManager: z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable(),
});
export const CaseWizardOptions = z.object({
  sites: z.array(CaseSiteOption).describe('The sites the member may open cases for'),
  categories: z.array(CaseCategory),
  accountTeam: AccountTeam,
  defaultLanguage: CaseLanguage.describe('Korean for Korean users'),
  attachmentMaxBytes: z.number().int(),
});
export type CaseWizardOptions = z.infer<typeof CaseWizardOptions>;

export const CreateCaseBody = z.object({
  siteId: z.uuid(),
  category: CaseCategory,
  productFamilyId: z.uuid().nullable().describe('null: Not sure'),
  productId: z.uuid().nullable().describe('null: Not sure'),
  releaseId: z.uuid().nullable().describe('null: Not sure'),
  subject: WrittenLine(200),
  description: RequiredWrittenText(20_000),
  language: CaseLanguage,
  relatedCaseId: z.uuid().nullable().optional().describe('A closed case this one continues'),
  wizardId: z.uuid().optional().describe('The id the wizard picked when it opened; marks the suggestions it opened as not deflected'),
});
export type CreateCaseBody = z.infer<typeof CreateCaseBody>;

export const CreatedCase = z.object({ id: z.uuid(), number: z.string().describe('8 digits'), url: z.string().describe('The portal page of the case') });
export type CreatedCase = z.infer<typeof CreatedCase>;

// ---- Cases tab (portal) ----

export const CASE_VIEWS = ['my_open', 'open', 'closed'] as const;
export const CaseView = z.enum(CASE_VIEWS);
export const CASE_SORTS = ['status', 'subject', 'site', 'opened', 'updated'] as const;
export const CaseSort = z.enum(CASE_SORTS);
export const SortOrder = z.enum(['asc', 'desc']);

export const CaseListQuery = z.object({
  view: CaseView.default('my_open').describe('My open cases, all open cases of my sites, all closed cases'),
  q: queryText().max(200).optional().describe('Matches subject, description, number and old number'),
  siteId: z.uuid().optional(),
  sort: CaseSort.default('updated'),
  order: SortOrder.default('desc'),
  cursor: z.string().max(500).optional().describe('nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export const CaseListItem = z.object({
  id: z.uuid(),
  number: z.string(),
  legacyNumber: z.string().nullable(),
  subject: z.string(),
  status: CaseStatus,
  waitingOnCustomer: z.boolean(),
  site: SiteRef,
  category: CaseCategory,
  productName: z.string().nullable(),
  requester: PersonRef.nullable(),
  assignee: PersonRef.nullable(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
});
export type CaseListItem = z.infer<typeof CaseListItem>;

export const CaseListPage = z.object({
  items: z.array(CaseListItem),
  nextCursor: z.string().nullable(),
  counts: z.object({ my_open: z.number().int(), open: z.number().int(), closed: z.number().int() }).describe('Per view, with the same q and siteId'),
});
export type CaseListPage = z.infer<typeof CaseListPage>;

// ---- The case page ----

export const CaseAbilities = z.object({
  side: CaseSide,
  post: z.boolean(),
  writeInternalNote: z.boolean(),
  editDescription: z.boolean(),
  writeResolution: z.boolean(),
  assign: z.boolean(),
  linkContent: z.boolean(),
  attach: z.boolean(),
  transitions: z.array(CaseStatus).describe('Statuses this actor may move the case to now'),
  requestReopen: z.boolean().describe('Closed within the reopen window'),
  offerNewCase: z.boolean().describe('Closed and past the reopen window, or abandoned: offer a new case that references this one'),
});
export type CaseAbilities = z.infer<typeof CaseAbilities>;

export const CaseDetail = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  number: z.string(),
  legacyNumber: z.string().nullable(),
  subject: z.string(),
  description: z.string().describe('Markdown'),
  resolution: z.string().nullable().describe('Markdown'),
  language: CaseLanguage,
  status: CaseStatus,
  waitingOnCustomer: z.boolean(),
  category: CaseCategory,
  site: SiteRef,
  productFamily: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  product: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  release: z.object({ id: z.uuid(), version: z.string() }).nullable(),
  requester: PersonRef.nullable(),
  assignee: PersonRef.nullable(),
  relatedCase: z.object({ id: z.uuid(), number: z.string(), subject: z.string() }).nullable(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
  closedAt: z.string().datetime().nullable(),
  reopenUntil: z.string().datetime().nullable(),
  firstResponseAt: z.string().datetime().nullable(),
  resolvedAt: z.string().datetime().nullable(),
  abilities: CaseAbilities,
  attachmentMaxBytes: z.number().int().describe('The largest file this case takes as an attachment, in bytes'),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const UpdateCaseBody = z
  .object({
    description: RequiredWrittenText(20_000).optional(),
    resolution: WrittenText(20_000).optional(),
  })
  .refine((body) => body.description !== undefined || body.resolution !== undefined, { message: 'nothing to change' });
export type UpdateCaseBody = z.infer<typeof UpdateCaseBody>;

export const TransitionBody = z.object({
  to: CaseStatus,
  expectedStatus: CaseStatus.optional().describe('The status the actor saw; a different one answers 409 cases.status_changed'),
});
export type TransitionBody = z.infer<typeof TransitionBody>;

export const ReopenBody = z.object({ reason: RequiredWrittenText(5000) });
export type ReopenBody = z.infer<typeof ReopenBody>;

export const AssignBody = z.object({ assigneeId: z.uuid().nullable().describe('null: unassigned') });
export type AssignBody = z.infer<typeof AssignBody>;

export const CaseHistoryEntry = z.object({
  id: z.number().int(),
  kind: z.enum(['created', 'status', 'assignee', 'description', 'resolution', 'reopen_requested', 'link_added', 'link_removed', 'attachment_added', 'attachment_removed']),
  actor: PersonRef.nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable().describe('description/resolution: { previous }; reopen_requested: { reason }'),
  createdAt: z.string().datetime(),
});
export const CaseHistory = z.object({ items: z.array(CaseHistoryEntry) });
export type CaseHistoryEntry = z.infer<typeof CaseHistoryEntry>;

// ---- Feed, attachments, links ----

export const CaseAttachment = z.object({
  id: z.uuid(),
  name: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  postId: z.uuid().nullable(),
  uploadedBy: PersonRef.nullable(),
  createdAt: z.string().datetime(),
  url: z.string().describe('GET this to download (Content-Disposition: attachment); 410 cases.attachment_removed once removed'),
  removed: z
    .object({ at: z.string().datetime(), by: z.object({ id: z.uuid(), name: z.string() }).nullable() })
    .nullable()
    .describe('Set when the file was removed: its bytes are gone, the row stays so the post shows who removed it and when'),
  canRemove: z.boolean().describe('The actor may remove it now (DELETE on the attachment): engineers always, its uploader while the case is open'),
});
export type CaseAttachment = z.infer<typeof CaseAttachment>;
export const CaseAttachmentList = z.object({ items: z.array(CaseAttachment) });

export const CasePost = z.object({
  id: z.uuid(),
  author: PostAuthor.nullable(),
  internal: z.boolean().describe('An engineers-only note; never sent to customers'),
  body: z.string().describe('Markdown'),
  mentions: z.array(z.object({ id: z.uuid(), name: z.string() })),
  attachments: z.array(CaseAttachment),
  createdAt: z.string().datetime(),
});
export type CasePost = z.infer<typeof CasePost>;

export const CasePostsQuery = z.object({ cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(100).default(30) });
export const CasePostPage = z.object({ items: z.array(CasePost).describe('Newest first'), nextCursor: z.string().nullable() });
export type CasePostPage = z.infer<typeof CasePostPage>;

export const CreatePostBody = z.object({
  body: RequiredWrittenText(20_000),
  internal: z.boolean().default(false).describe('Engineers only'),
  mentionIds: z.array(z.uuid()).max(20).default([]).describe('People mentioned with @; each must be a mention candidate'),
  attachmentIds: z
    .array(z.uuid())
    .max(20)
    .default([])
    .describe('Attachments uploaded to the case by the author and not yet on a post; public posts only (an internal note gets its files by uploading them with postId)'),
});
export type CreatePostBody = z.infer<typeof CreatePostBody>;

export const MentionCandidatesQuery = z.object({ q: queryText().max(100).default('') });
export const MentionCandidate = z.object({ id: z.uuid(), name: z.string(), email: z.string(), role: z.enum(['member', 'account_manager', 'success_manager']) });
export const MentionCandidates = z.object({ items: z.array(MentionCandidate) });
export type MentionCandidate = z.infer<typeof MentionCandidate>;

export const UploadAttachmentQuery = z.object({
  name: z.string().min(1).max(255).describe('The file name, as chosen'),
  postId: z.uuid().optional().describe("Attach to this post of the uploader's; an internal note's files go this way, so that customers never see them"),
  draft: z.enum(['true', 'false']).optional().describe('true: a file for a post being written, seen by its uploader alone until the post takes it (attachmentIds)'),
});

export const CaseLink = z.object({
  id: z.uuid(),
  kind: CaseLinkKind,
  targetId: z.uuid(),
  title: z.string(),
  href: z.string().nullable().describe('Where the portal shows the content, when it still exists'),
  addedBy: PersonRef.nullable(),
  createdAt: z.string().datetime(),
});
export type CaseLink = z.infer<typeof CaseLink>;
export const CaseLinkList = z.object({ items: z.array(CaseLink) });
export const CreateLinkBody = z.object({ kind: CaseLinkKind, targetId: z.uuid() });
export const LinkCandidatesQuery = z.object({ kind: CaseLinkKind, q: queryText().max(100).default('') });
export const LinkCandidates = z.object({ items: z.array(z.object({ kind: CaseLinkKind, targetId: z.uuid(), title: z.string() })) });

export const CaseRemoteSession = z.object({ sessionId: z.uuid(), linkedAt: z.string().datetime() });
export const CaseRemoteSessionList = z.object({ items: z.array(CaseRemoteSession).describe('Filled by the remote-support capability') });

// ---- Console queue ----

export const QueueQuery = z.object({
  status: z.union([CaseStatus, z.array(CaseStatus)]).optional().describe('One or more; default every open status'),
  assigneeId: z.union([z.uuid(), z.literal('none'), z.literal('me')]).optional(),
  organizationId: z.uuid().optional(),
  productId: z.uuid().optional(),
  category: CaseCategory.optional(),
  olderThanDays: z.coerce.number().int().min(0).max(3650).optional().describe('Opened at least this many days ago'),
  q: queryText().max(200).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type QueueQuery = z.infer<typeof QueueQuery>;

export const QueueItem = CaseListItem.extend({
  organization: z.object({ id: z.uuid(), name: z.string() }),
  firstResponseAt: z.string().datetime().nullable(),
  resolvedAt: z.string().datetime().nullable(),
});
export type QueueItem = z.infer<typeof QueueItem>;
export const QueuePage = z.object({ items: z.array(QueueItem).describe('Oldest update first'), nextCursor: z.string().nullable(), total: z.number().int() });
export type QueuePage = z.infer<typeof QueuePage>;

export const BulkCasesBody = z
  .object({
    caseIds: z.array(z.uuid()).min(1).max(100),
    status: CaseStatus.optional(),
    assigneeId: z.uuid().nullable().optional(),
  })
  .refine((b) => b.status !== undefined || b.assigneeId !== undefined, { message: 'nothing to change' });
export type BulkCasesBody = z.infer<typeof BulkCasesBody>;
export const BulkCasesResult = z.object({
  updated: z.array(z.uuid()),
  unchanged: z.array(z.uuid()).describe('Cases already as asked (in the status, with the assignee): left as they were'),
  failed: z.array(z.object({ caseId: z.uuid(), code: z.string(), message: z.string() })),
});
export type BulkCasesResult = z.infer<typeof BulkCasesResult>;

export const Engineers = z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string(), email: z.string() })) });
export const CaseLocator = z.object({ id: z.uuid(), organizationId: z.uuid(), number: z.string() });

// ---- Home page and preferences ----

export const HomeHighlight = z.object({ kind: HomeHighlightKind, value: z.number().int() });
export const HomeHighlights = z.object({ items: z.array(HomeHighlight).describe('In the order the member chose') });
export type HomeHighlights = z.infer<typeof HomeHighlights>;

export const FeedEntry = z.object({
  id: z.string().describe('Stable across pages'),
  kind: z.enum(['case_created', 'case_status', 'case_post', 'case_mention', 'case_reopened', 'release_published', 'contract_warning']),
  feedKind: FeedKind,
  at: z.string().datetime(),
  actor: PersonRef.nullable(),
  case: z.object({ id: z.uuid(), number: z.string(), subject: z.string(), status: CaseStatus }).nullable(),
  release: z.object({ id: z.uuid(), productId: z.uuid(), productName: z.string(), version: z.string(), siteId: z.uuid() }).nullable(),
  contract: z.object({ siteId: z.uuid(), siteName: z.string(), state: z.string(), endsOn: z.string() }).nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type FeedEntry = z.infer<typeof FeedEntry>;
export const FeedQuery = z.object({ before: z.string().max(100).optional().describe('nextCursor of the previous page'), limit: z.coerce.number().int().min(1).max(50).default(20) });
export const FeedPage = z.object({ items: z.array(FeedEntry).describe('Newest first'), nextCursor: z.string().nullable() });
export type FeedPage = z.infer<typeof FeedPage>;

export const HomePreferences = z.object({
  highlights: z.array(HomeHighlightKind).max(HOME_HIGHLIGHT_KINDS.length).describe('Shown in this order'),
  feedKinds: z.array(FeedKind).max(FEED_KINDS.length),
});
export type HomePreferences = z.infer<typeof HomePreferences>;

export const CaseEmailPreferences = z.object({ kinds: z.array(CaseEmailKind).max(CASE_EMAIL_KINDS.length).describe('The case emails this person gets') });
export type CaseEmailPreferences = z.infer<typeof CaseEmailPreferences>;

export const ArticleSuggestionsQuery = z.object({ q: queryText().max(1000).default('') });
export const ArticleSuggestions = z.object({
  items: z
    .array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        excerpt: z.string(),
        href: z.string(),
        language: z.enum(['ko', 'en']),
        verified: z.boolean(),
        updatedAt: z.string().datetime(),
      }),
    )
    .describe('The best published articles the member may see, best first (at most 5)'),
});
