/**
 * Shared words of the knowledge base and search (issue 7): article visibility, status and
 * languages, the kinds of search results and the rule for when a verification asks for review.
 */
export const ARTICLE_VISIBILITIES = ['internal', 'customers', 'public'] as const;
export type ArticleVisibility = (typeof ARTICLE_VISIBILITIES)[number];

export const ARTICLE_STATUSES = ['draft', 'published'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const ARTICLE_LANGUAGES = ['ko', 'en'] as const;
export type ArticleLanguage = (typeof ARTICLE_LANGUAGES)[number];

/** What the one search box finds. */
export const SEARCH_KINDS = ['article', 'document', 'release', 'case'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Document subtypes: release files of a document type and product bulletins. */
export const DOCUMENT_SUBTYPES = ['manual', 'release_notes', 'notice', 'known_issue', 'document'] as const;
export type DocumentSubtype = (typeof DOCUMENT_SUBTYPES)[number];

export type VerificationState = 'unverified' | 'verified' | 'review_due';

/** Verified until the verification expires; after that the article asks for review. */
export function verificationState(verifiedAt: Date | null, expiresAt: Date | null, now: Date): VerificationState {
  if (!verifiedAt) return 'unverified';
  if (expiresAt && expiresAt.getTime() <= now.getTime()) return 'review_due';
  return 'verified';
}

/**
 * What readers (the portal, the public page) are told: verified or not. A lapsed verification is the
 * engineers' to-do (Review due), never shown to customers as such.
 */
export function readerVerificationState(state: VerificationState): Exclude<VerificationState, 'review_due'> {
  return state === 'review_due' ? 'unverified' : state;
}
