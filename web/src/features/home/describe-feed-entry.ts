import { CASE_STATUSES, type CaseStatus } from '../../../../common/cases';
import type { FeedEntry } from '@common/schemas/cases';

/** Which sentence an entry reads as (a key under `home.feed.entry`). */
export type FeedSentence =
  | 'case_created'
  | 'case_status'
  | 'case_status_to'
  | 'case_post'
  | 'case_mention'
  | 'case_reopened'
  | 'release_published'
  | 'contract_expiring'
  | 'contract_grace'
  | 'contract_expired'
  | 'contract_other';

/** What a line of My feed shows, before translation. */
export interface FeedEntryView {
  sentence: FeedSentence;
  actorName: string | null;
  from: CaseStatus | null;
  to: CaseStatus | null;
  /** A short extract of a post (or of a reopen request's reason), when the entry carries one. */
  excerpt: string | null;
  /** Where the entry's link goes, and what it names. */
  link: { href: string; kind: 'case' | 'release' | 'products'; number?: string; subject?: string; productName?: string; version?: string } | null;
}

const asStatus = (value: unknown): CaseStatus | null => (typeof value === 'string' && (CASE_STATUSES as readonly string[]).includes(value) ? (value as CaseStatus) : null);
const asText = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

/** The portal page of a case; the organization goes along so the page opens in the right one. */
export const portalCasePath = (caseId: string, organizationId: string) => `/portal/cases/${encodeURIComponent(caseId)}?organization=${encodeURIComponent(organizationId)}`;

/**
 * Reads a My feed entry: which sentence it is (a status change with or without the status it came
 * from; a contract warning by its state), the statuses and post extract from its details (checked,
 * since details are free-form), and its link: the case page, the product page of a release, or the
 * products page for a contract.
 */
export function describeFeedEntry(entry: FeedEntry, organizationId: string): FeedEntryView {
  const details = entry.details ?? {};
  const from = asStatus(details.from);
  const to = asStatus(details.to) ?? (entry.kind === 'case_status' ? (entry.case?.status ?? null) : null);
  let sentence: FeedSentence;
  switch (entry.kind) {
    case 'case_status':
      sentence = from ? 'case_status' : 'case_status_to';
      break;
    case 'contract_warning': {
      const state = entry.contract?.state;
      sentence = state === 'expiring' ? 'contract_expiring' : state === 'grace' ? 'contract_grace' : state === 'expired' ? 'contract_expired' : 'contract_other';
      break;
    }
    default:
      sentence = entry.kind;
  }

  let link: FeedEntryView['link'] = null;
  if (entry.case) link = { href: portalCasePath(entry.case.id, organizationId), kind: 'case', number: entry.case.number, subject: entry.case.subject };
  else if (entry.release) {
    link = {
      href: `/portal/products/${encodeURIComponent(entry.release.siteId)}/${encodeURIComponent(entry.release.productId)}`,
      kind: 'release',
      productName: entry.release.productName,
      version: entry.release.version,
    };
  } else if (entry.contract) link = { href: '/portal/products', kind: 'products' };

  return {
    sentence,
    actorName: entry.actor?.name ?? null,
    from,
    to,
    excerpt: entry.kind === 'case_post' || entry.kind === 'case_mention' || entry.kind === 'case_reopened' ? asText(details.excerpt) : null,
    link,
  };
}
