import { formatCaseNumber, type FeedKind } from '../../../common/cases';
import { CONTRACT_WARNING_DAYS, contractStanding } from '../../../common/contracts';
import type { FeedEntry, FeedPage } from '../../../common/schemas/cases';
import type { Actor } from '../../platform/actor';
import type { ServiceContext } from '../../platform/context';
import { malformedCursor, microsToIso } from '../cases/case-list-cursor';
import { excerptOf } from '../cases/case-notifications';
import { personRef, visibleCaseSiteIds } from '../cases/case-list.service';
import type { OrganizationAccess } from '../organizations/organization-access';
import { markdownToPlainText } from '../search/highlight';
import { listFeedItems, listRecentReleases, listSiteContracts, type FeedItemRow } from './home.repository';
import { getHomePreferences, visibleProductSiteIds } from './home.service';

/**
 * My feed: the person's feed items (written by notifyCase for the cases they follow), merged with
 * releases published for the products licensed to their sites and the warnings of their sites'
 * contracts, newest first. Releases and contracts are few per organization and read whole; the
 * feed items are read one page at a time from the cursor. Entries are ordered by time (exact
 * microseconds) then by their id, which is the position a cursor names.
 */

/** How far back My feed lists releases. */
export const RELEASE_FEED_DAYS = 90;
const DAY_MS = 86_400_000;

/** The feed item kinds behind each feed kind the person may choose. */
const ITEM_KINDS: Partial<Record<FeedKind, readonly string[]>> = {
  case_updates: ['case_created', 'case_status', 'case_post', 'case_reopened'],
  mentions: ['case_mention'],
};

interface Candidate {
  micros: bigint;
  id: string;
  entry: FeedEntry;
}

/** A position in the feed: strictly older entries come after it. */
interface FeedPosition {
  micros: bigint;
  id: string;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const CURSOR = new RegExp(`^(\\d{1,17})~(f:\\d{16}|r:${UUID}|c:${UUID}:(?:expiring|grace|expired))$`);
const BASE64URL = /^[A-Za-z0-9_-]+$/;

const encodeFeedCursor = (position: FeedPosition): string => Buffer.from(`${position.micros}~${position.id}`, 'utf8').toString('base64url');

function decodeFeedCursor(cursor: string): FeedPosition {
  const match = BASE64URL.test(cursor) ? CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8')) : null;
  if (!match) throw malformedCursor('before');
  return { micros: BigInt(match[1]!), id: match[2]! };
}

/** Newest first; at the same instant, the greater id first. */
const newestFirst = (a: FeedPosition, b: FeedPosition): number => (a.micros !== b.micros ? (a.micros > b.micros ? -1 : 1) : a.id === b.id ? 0 : a.id > b.id ? -1 : 1);
const isAfter = (candidate: FeedPosition, position: FeedPosition | null) => position === null || newestFirst(candidate, position) > 0;

/** At the cursor's instant, the feed item ids still to come: those below its id, or all or none when it names another source. */
function tieBelowId(position: FeedPosition): number {
  if (position.id.startsWith('f:')) return Number(position.id.slice(2));
  return position.id < 'f:' ? 0 : Number.MAX_SAFE_INTEGER;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A feed item's details as shown: a post's excerpt is made again from the post, as plain text (the
 * stored one is the post's Markdown on one line, whose lists and code fences can no longer be told
 * from the text).
 */
function feedItemDetails(row: FeedItemRow): Record<string, unknown> | null {
  if (!isRecord(row.details)) return null;
  if (row.postBody === null || row.postBody === undefined || !('excerpt' in row.details)) return row.details;
  return { ...row.details, excerpt: excerptOf(markdownToPlainText(row.postBody)) };
}

function feedItemCandidate(row: FeedItemRow): Candidate {
  const id = `f:${String(row.id).padStart(16, '0')}`;
  return {
    micros: BigInt(row.micros),
    id,
    entry: {
      id,
      kind: row.kind as FeedEntry['kind'],
      feedKind: row.kind === 'case_mention' ? 'mentions' : 'case_updates',
      at: row.createdAt,
      actor: personRef(row.actorId, row.actorName, row.actorIsStaff),
      case: { id: row.caseId, number: formatCaseNumber(row.caseNumber), subject: row.caseSubject, status: row.caseStatus },
      release: null,
      contract: null,
      details: feedItemDetails(row),
    },
  };
}

/** One page of My feed in the organization, with the kinds the person chose. */
export async function listHomeFeed(ctx: ServiceContext, actor: Actor, access: OrganizationAccess, query: { before?: string | undefined; limit: number }): Promise<FeedPage> {
  const position = query.before === undefined ? null : decodeFeedCursor(query.before);
  const { feedKinds } = await getHomePreferences(ctx, actor);
  const organizationId = access.organization.id;
  const productSiteIds = visibleProductSiteIds(access.standing);
  const now = ctx.clock.now();
  const candidates: Candidate[] = [];

  const itemKinds = feedKinds.flatMap((kind) => ITEM_KINDS[kind] ?? []);
  const items = await listFeedItems(ctx.db, {
    userId: actor.userId,
    organizationId,
    caseSiteIds: visibleCaseSiteIds(access.standing),
    kinds: itemKinds,
    before: position ? { at: microsToIso(position.micros.toString()), tieBelowId: tieBelowId(position) } : null,
    limit: query.limit + 1,
  });
  candidates.push(...items.map(feedItemCandidate));

  if (feedKinds.includes('new_releases')) {
    const releases = await listRecentReleases(ctx.db, organizationId, productSiteIds, new Date(now.getTime() - RELEASE_FEED_DAYS * DAY_MS), now);
    for (const release of releases) {
      const id = `r:${release.id}`;
      candidates.push({
        micros: BigInt(release.micros),
        id,
        entry: {
          id,
          kind: 'release_published',
          feedKind: 'new_releases',
          at: release.publishedAt,
          actor: null,
          case: null,
          release: { id: release.id, productId: release.productId, productName: release.productName, version: release.version, siteId: release.siteId },
          contract: null,
          details: { releasedOn: release.releasedOn },
        },
      });
    }
  }

  if (feedKinds.includes('contract_warnings')) {
    for (const contract of await listSiteContracts(ctx.db, organizationId, productSiteIds)) {
      const standing = contractStanding(contract, now);
      if (standing.state !== 'expiring' && standing.state !== 'grace' && standing.state !== 'expired') continue;
      // The warning began 90 days before the end; a contract in grace or expired is dated by its end.
      const endsAt = new Date(standing.endsAt!).getTime();
      const at = standing.state === 'expiring' ? endsAt - CONTRACT_WARNING_DAYS * DAY_MS : endsAt;
      const id = `c:${contract.id}:${standing.state}`;
      candidates.push({
        micros: BigInt(at) * 1000n,
        id,
        entry: {
          id,
          kind: 'contract_warning',
          feedKind: 'contract_warnings',
          at: new Date(at).toISOString(),
          actor: null,
          case: null,
          release: null,
          contract: { siteId: contract.siteId, siteName: contract.siteName, state: standing.state, endsOn: contract.endsOn },
          details: { daysLeft: standing.daysLeft },
        },
      });
    }
  }

  const ordered = candidates.filter((candidate) => isAfter(candidate, position)).sort(newestFirst);
  const page = ordered.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((candidate) => candidate.entry),
    nextCursor: ordered.length > query.limit && last ? encodeFeedCursor(last) : null,
  };
}
