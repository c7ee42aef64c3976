/**
 * Support case rules (myOSIsoft Cases, seed 000 pp. 23–32), pure and shared by server, web and
 * tests: statuses and the transition table, who may make each transition, what waits on the
 * customer, the reopen window, case numbers, and the kinds of emails, highlights and feed events.
 */

import type { Locale } from './locale';

/** The manual's categories, in its order. */
export const CASE_CATEGORIES = ['training', 'technical_support', 'enhancement_request', 'customer_portal', 'partner', 'product_usage', 'sales', 'licensing'] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];

/** The languages a case is worked in. Korean first: the manual insists Korean users choose it. */
export const CASE_LANGUAGES = ['ko', 'en'] as const;
export type CaseLanguage = (typeof CASE_LANGUAGES)[number];

/** The statuses in the order of the progress bar at the top of a case; `abandoned` stands apart. */
export const CASE_STATUSES = ['new', 'waiting_on_response', 'researching', 'answered', 'pending_fix', 'closed', 'abandoned'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * The statuses' names as people read them, for the server's messages and emails (the web app has
 * the same names in its locales, `cases.status.*`).
 */
export const CASE_STATUS_LABELS: Readonly<Record<Locale, Readonly<Record<CaseStatus, string>>>> = {
  en: { new: 'New', waiting_on_response: 'Waiting on Response', researching: 'Researching', answered: 'Answered', pending_fix: 'Pending Fix', closed: 'Closed', abandoned: 'Abandoned' },
  ko: { new: '신규', waiting_on_response: '응답 대기', researching: '조사 중', answered: '답변 완료', pending_fix: '수정 대기', closed: '종료', abandoned: '중단' },
};

/** The status's name in this language; anything that is not a status is returned as it is. */
export function caseStatusLabel(status: string, locale: Locale): string {
  return (CASE_STATUS_LABELS[locale] as Record<string, string>)[status] ?? status;
}

/** The statuses of a finished case. */
export const CLOSED_STATUSES: readonly CaseStatus[] = ['closed', 'abandoned'];
/** The statuses of a case still being worked. */
export const OPEN_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter((s) => !CLOSED_STATUSES.includes(s));
/**
 * The statuses in which a case waits on the customer: the engineer asked for information
 * (Waiting on Response) or gave an answer to confirm (Answered). The portal says "Case is waiting
 * for your attention" on these.
 */
export const WAITING_ON_CUSTOMER: readonly CaseStatus[] = ['waiting_on_response', 'answered'];

export const isClosedStatus = (status: CaseStatus): boolean => CLOSED_STATUSES.includes(status);
export const isWaitingOnCustomer = (status: CaseStatus): boolean => WAITING_ON_CUSTOMER.includes(status);

/** Which side of a case someone acts for: the vendor's support engineers or the customer's members. */
export type CaseSide = 'engineer' | 'customer';

/**
 * The transition table: for each status, the statuses it may move to and who may move it there.
 * Engineers work the case through every open status, close or abandon it, and may reopen it.
 * Customers may close their case at any time, send it back to work by answering (from Waiting on
 * Response or Answered), and reopen a closed case within the reopen window (checked apart).
 */
export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, Partial<Record<CaseStatus, readonly CaseSide[]>>>> = {
  new: { waiting_on_response: ['engineer'], researching: ['engineer'], answered: ['engineer'], pending_fix: ['engineer'], closed: ['engineer', 'customer'], abandoned: ['engineer'] },
  waiting_on_response: { researching: ['engineer', 'customer'], answered: ['engineer'], pending_fix: ['engineer'], closed: ['engineer', 'customer'], abandoned: ['engineer'] },
  researching: { waiting_on_response: ['engineer'], answered: ['engineer'], pending_fix: ['engineer'], closed: ['engineer', 'customer'], abandoned: ['engineer'] },
  answered: { waiting_on_response: ['engineer'], researching: ['engineer', 'customer'], pending_fix: ['engineer'], closed: ['engineer', 'customer'], abandoned: ['engineer'] },
  pending_fix: { waiting_on_response: ['engineer'], researching: ['engineer'], answered: ['engineer'], closed: ['engineer', 'customer'], abandoned: ['engineer'] },
  closed: { researching: ['engineer', 'customer'] },
  abandoned: { researching: ['engineer'] },
};

/** True when the table allows the move at all, whoever makes it. */
export function isTransitionAllowed(from: CaseStatus, to: CaseStatus): boolean {
  return CASE_TRANSITIONS[from][to] !== undefined;
}

/** True when this side may make the move (the customer's reopen also needs the window; see reopenStanding). */
export function canTransition(from: CaseStatus, to: CaseStatus, side: CaseSide): boolean {
  return CASE_TRANSITIONS[from][to]?.includes(side) ?? false;
}

/** The statuses this side may move the case to from its status. */
export function nextStatuses(from: CaseStatus, side: CaseSide): CaseStatus[] {
  return CASE_STATUSES.filter((to) => canTransition(from, to, side));
}

/** Days after closing during which the customer may ask to reopen (the manual's "two months"). */
export const DEFAULT_REOPEN_WINDOW_DAYS = 60;
const DAY_MS = 86_400_000;

export interface ReopenStanding {
  /** The customer may send a reopen request. */
  canRequestReopen: boolean;
  /** The window is over, or the case was abandoned: the portal offers a new case that references this one. */
  offerNewCase: boolean;
  /** The last instant of the window, or null when the case is not closed. */
  reopenUntil: Date | null;
}

/**
 * Whether a customer may still reopen a case closed at `closedAt`, at `now`. Abandoned cases are
 * reopened by engineers only: the customer is offered a new case that references one at once.
 */
export function reopenStanding(status: CaseStatus, closedAt: Date | null, now: Date, windowDays = DEFAULT_REOPEN_WINDOW_DAYS): ReopenStanding {
  if (status === 'abandoned') return { canRequestReopen: false, offerNewCase: true, reopenUntil: null };
  if (status !== 'closed' || !closedAt) return { canRequestReopen: false, offerNewCase: false, reopenUntil: null };
  const reopenUntil = new Date(closedAt.getTime() + windowDays * DAY_MS);
  const open = now.getTime() <= reopenUntil.getTime();
  return { canRequestReopen: open, offerNewCase: !open, reopenUntil };
}

/** Case numbers are 8 digits, from 10000001 on. */
export const CASE_NUMBER_PATTERN = /^\d{8}$/;
export const formatCaseNumber = (n: number): string => String(n).padStart(8, '0');

/** The emails a case sends; each member chooses which they get (all by default). */
export const CASE_EMAIL_KINDS = ['created', 'answered', 'closed', 'mention', 'waiting', 'post', 'reopened'] as const;
export type CaseEmailKind = (typeof CASE_EMAIL_KINDS)[number];

/** Content an engineer may link to a case. */
export const CASE_LINK_KINDS = ['article', 'document', 'release'] as const;
export type CaseLinkKind = (typeof CASE_LINK_KINDS)[number];

/** The figures the home page's highlights panel may show (picked with the gear icon). */
export const HOME_HIGHLIGHT_KINDS = ['open_cases', 'waiting_on_me', 'my_open_cases', 'closed_last_30_days', 'contracts_ending', 'new_releases'] as const;
export type HomeHighlightKind = (typeof HOME_HIGHLIGHT_KINDS)[number];
export const DEFAULT_HOME_HIGHLIGHTS: readonly HomeHighlightKind[] = ['open_cases', 'waiting_on_me', 'contracts_ending', 'new_releases'];

/** The event kinds My feed may list (picked with the gear icon). */
export const FEED_KINDS = ['case_updates', 'mentions', 'new_releases', 'contract_warnings'] as const;
export type FeedKind = (typeof FEED_KINDS)[number];
export const DEFAULT_FEED_KINDS: readonly FeedKind[] = FEED_KINDS;

/** How long a release counts as new on the home page. */
export const NEW_RELEASE_DAYS = 30;

/** Default largest case attachment, in bytes (25 MB). */
export const DEFAULT_CASE_ATTACHMENT_MAX_BYTES = 25 * 1024 * 1024;
