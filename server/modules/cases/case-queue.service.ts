import { OPEN_STATUSES, type CaseStatus } from '../../../common/cases';
import type { QueuePage, QueueQuery } from '../../../common/schemas/cases';
import type { Actor } from '../../platform/actor';
import type { ServiceContext } from '../../platform/context';
import { decodeQueueCursor, encodeQueueCursor } from './case-list-cursor';
import { listQueuePage } from './case-list.repository';
import { keywordOf, toCaseListItem } from './case-list.service';

const DAY_MS = 86_400_000;

/** The statuses a queue query asks for: every open status unless named. */
function statusesOf(status: QueueQuery['status']): CaseStatus[] {
  if (status === undefined) return [...OPEN_STATUSES];
  return [...new Set(Array.isArray(status) ? status : [status])];
}

/**
 * One page of the engineers' queue across every organization: filtered by status (every open
 * status by default), assignee (a user, `me` or `none`), organization, product, category, age and
 * keyword; the case waiting longest since its last update first; with how many cases match.
 */
export async function listQueue(ctx: ServiceContext, actor: Actor, query: QueueQuery): Promise<QueuePage> {
  const after = query.cursor === undefined ? null : decodeQueueCursor(query.cursor);
  const assigneeId = query.assigneeId === 'me' ? actor.userId : query.assigneeId === 'none' ? null : query.assigneeId;
  const { total, rows } = await listQueuePage(ctx.database, {
    statuses: statusesOf(query.status),
    assigneeId,
    organizationId: query.organizationId,
    productId: query.productId,
    category: query.category,
    openedBefore: query.olderThanDays === undefined ? undefined : new Date(ctx.clock.now().getTime() - query.olderThanDays * DAY_MS),
    q: keywordOf(query.q),
    after,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      ...toCaseListItem(row),
      organization: { id: row.organizationId, name: row.organizationName },
      firstResponseAt: row.firstResponseAt,
      resolvedAt: row.resolvedAt,
    })),
    nextCursor: rows.length > query.limit && last ? encodeQueueCursor({ micros: last.sortValue as string, id: last.id }) : null,
    total,
  };
}
