import type { Writable } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import type { Locale } from '../../../common/locale';
import type { ActivityEvent, ActivityFilterQuery, ActivityListQuery, ActivityPage, AuditCategory } from '../../../common/schemas/audit';
import type { Actor } from '../../platform/actor';
import type { AuditCategory as RecordedCategory } from '../../platform/audit';
import type { ServiceContext } from '../../platform/context';
import { writeActivityWorkbook } from './audit.export';
import { listAuditEvents, type ActivityFilter, type ActivityPosition, type ActivityRow } from './audit.repository';
import { dayIn, formatDay, resolveActivityRange, type ActivityRange } from './audit.range';

// The categories the API filters on are exactly those the log records.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const categoriesMatch: Same<AuditCategory, RecordedCategory> = true;
void categoriesMatch;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * Rows read per query while exporting. Small on purpose: a batch that outlives two young-generation
 * collections while it is written gets promoted and then lingers as old garbage, which made the
 * server's memory grow by 150 MB over a 500,000-event export with 2,000-row batches and by under
 * 20 MB with 250 (the query count costs no measurable time).
 */
export const EXPORT_BATCH_SIZE = 250;

/** Whose events a request may read: one organization's, or (vendor staff) everyone's. */
export interface ActivityScope {
  organizationId: string | null;
}

/** The filter and range a query asks for, inside the scope; throws 400 audit.invalid_range. */
export function resolveActivityFilter(ctx: ServiceContext, scope: ActivityScope, query: ActivityFilterQuery): { filter: ActivityFilter; range: ActivityRange } {
  const range = resolveActivityRange(query, ctx.clock.now());
  const actor = query.actor ?? null;
  const isUserId = actor !== null && UUID.test(actor);
  return {
    range,
    filter: {
      organizationId: scope.organizationId,
      categories: [...new Set(query.category ?? [])],
      actorUserId: isUserId ? actor.toLowerCase() : null,
      actorText: actor !== null && !isUserId ? actor : null,
      text: query.q ?? null,
      from: range.from,
      to: range.to,
    },
  };
}

const cursorOf = (row: ActivityRow) => `${row.micros}-${row.id}`;

function positionOf(cursor: string | undefined): ActivityPosition | null {
  if (cursor === undefined) return null;
  const [micros, id] = cursor.split('-') as [string, string];
  return { micros, id: Number(id) };
}

/** An event as the API presents it. */
export function toActivityEvent(row: ActivityRow): ActivityEvent {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    category: row.category,
    action: row.action,
    actorUserId: row.actorUserId,
    actorLabel: row.actorLabel,
    actorName: row.actorName,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    targetType: row.targetType,
    targetId: row.targetId,
    ip: row.ip,
    client: row.client,
    details: row.details ?? null,
  };
}

/** One page of the activity log in the scope, newest first, with the cursor of the next page. */
export async function listActivity(ctx: ServiceContext, scope: ActivityScope, query: ActivityListQuery): Promise<ActivityPage> {
  const { filter, range } = resolveActivityFilter(ctx, scope, query);
  const rows = await listAuditEvents(ctx.db, filter, { after: positionOf(query.cursor), limit: query.limit + 1 });
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items: items.map(toActivityEvent),
    nextCursor: rows.length > query.limit && last ? cursorOf(last) : null,
    range: { from: range.from.toISOString(), to: range.to.toISOString() },
  };
}

/**
 * Every event a filter matches, newest first, in batches read one query at a time (keyset), so
 * that an export of millions of events holds one batch in memory. Rows carry their time in `tz`.
 */
export async function* readActivityBatches(ctx: ServiceContext, filter: ActivityFilter, timeZone: string): AsyncGenerator<ActivityRow[]> {
  let after: ActivityPosition | null = null;
  for (;;) {
    const rows = await listAuditEvents(ctx.db, filter, { after, limit: EXPORT_BATCH_SIZE, timeZone });
    if (rows.length > 0) yield rows;
    if (rows.length < EXPORT_BATCH_SIZE) return;
    const last = rows.at(-1)!;
    after = { micros: last.micros, id: last.id };
  }
}

/** A started export: the file name to offer and the promise of the number of events written. */
export interface ActivityExport {
  fileName: string;
  done: Promise<number>;
}

/**
 * Exports the events a query matches as an .xlsx streamed to `out`. The filter is checked before
 * anything is written (so a bad range still answers 400); the file is then produced in the
 * background while the caller sends `out`. Not recorded in the activity log, which holds changes
 * and sign-ins: reading is not one. The server log gets who exported what.
 */
export function exportActivity(
  ctx: ServiceContext,
  actor: Actor,
  scope: ActivityScope,
  query: ActivityFilterQuery,
  out: Writable,
  options: { locale: Locale; log: FastifyBaseLogger },
): ActivityExport {
  const { filter, range } = resolveActivityFilter(ctx, scope, query);
  const fileName = `activity-${formatDay(dayIn(ctx.clock.now(), query.tz))}.xlsx`;
  const started = Date.now();
  const done = writeActivityWorkbook(readActivityBatches(ctx, filter, query.tz), out, options.locale).then(
    (rows) => {
      const summary = { actorUserId: actor.userId, organizationId: scope.organizationId, categories: filter.categories, actor: query.actor ?? null, q: query.q ?? null, from: range.from, to: range.to };
      options.log.info({ export: summary, rows, ms: Date.now() - started, completed: !out.destroyed }, 'activity log exported');
      return rows;
    },
    (error: unknown) => {
      options.log.error({ err: error }, 'activity log export failed');
      out.destroy(error instanceof Error ? error : new Error(String(error)));
      return 0;
    },
  );
  return { fileName, done };
}
