import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Database, Db } from './db';

/** The one PostgreSQL channel every server LISTENs on. */
export const EVENTS_CHANNEL = 'atrium_events';

/**
 * A live event: a hint that something changed, for browsers to refetch what they show. It carries
 * ids and a kind, never content, so nothing leaks through it: what a browser then reads goes
 * through the API and its authorization. Topics name who may care: `user:<id>`, `case:<id>`,
 * `organization:<id>`.
 */
export interface LiveEvent {
  topics: string[];
  kind: string;
  data?: Record<string, string | number | boolean | null>;
}

export const userTopic = (userId: string) => `user:${userId}`;
export const caseTopic = (caseId: string) => `case:${caseId}`;
/** A case's events that only engineers may hear of (internal notes and their files). */
export const caseEngineersTopic = (caseId: string) => `case:${caseId}:engineers`;
export const organizationTopic = (organizationId: string) => `organization:${organizationId}`;

/**
 * Sends a live event to every server through NOTIFY. Call it with the transaction of the change:
 * PostgreSQL delivers the notification only when that transaction commits, never for a rollback.
 */
export async function publishLiveEvent(db: Db, event: LiveEvent): Promise<void> {
  const notice = liveEventNotice(event);
  if (notice) await db.execute(sql`select pg_notify(${notice.channel}, ${notice.payload})`);
}

/** A live event as the NOTIFY that carries it, to send in another statement (`enqueueJobs`); null when no one may care. */
export function liveEventNotice(event: LiveEvent): { channel: string; payload: string } | null {
  return event.topics.length === 0 ? null : { channel: EVENTS_CHANNEL, payload: JSON.stringify(event) };
}

export type LiveListener = (event: LiveEvent) => void;

export interface Subscription {
  /** Stops delivering to this listener. */
  close(): void;
}

/** The live events of this server: one LISTEN connection, fanned out in process to its subscribers. */
export interface EventHub {
  /**
   * Delivers every event naming one of the topics; `onEnd` is called when the hub shuts down (at
   * once for a subscription made while or after it closes). Rejects when LISTEN cannot start.
   */
  subscribe(topics: readonly string[], listener: LiveListener, onEnd?: () => void): Promise<Subscription>;
  /** How many subscribers are connected (operations, tests). */
  size(): number;
  /** Ends every subscription (their `onEnd` runs) and stops listening. */
  close(): Promise<void>;
}

interface Subscriber { topics: ReadonlySet<string>; listener: LiveListener; onEnd: (() => void) | undefined }

/** An event hub over the database; it starts listening at the first subscription. */
export function createEventHub(database: Pick<Database, 'listen'>, logger?: FastifyBaseLogger): EventHub {
  const subscribers = new Set<Subscriber>();
  let listening: Promise<() => Promise<void>> | undefined;
  let closed = false;

  const deliver = (payload: string) => {
    let event: LiveEvent;
    try {
      event = JSON.parse(payload) as LiveEvent;
    } catch {
      logger?.warn({ payload }, 'ignored a live event that is not JSON');
      return;
    }
    // Any JSON may arrive on the channel (a NOTIFY by hand): only well-formed events go out.
    if (typeof event !== 'object' || event === null || !Array.isArray(event.topics)) return;
    for (const subscriber of subscribers) {
      if (!event.topics.some((topic) => subscriber.topics.has(topic))) continue;
      try {
        subscriber.listener(event);
      } catch (error) {
        logger?.warn({ err: error }, 'a live event listener failed');
      }
    }
  };

  return {
    async subscribe(topics, listener, onEnd) {
      const endedAtOnce = () => {
        onEnd?.();
        return { close: () => undefined };
      };
      if (closed) return endedAtOnce();
      if (!listening) {
        const started = database.listen(EVENTS_CHANNEL, deliver);
        listening = started;
        // A failed LISTEN is not kept: the next subscription tries again.
        started.catch(() => {
          if (listening === started) listening = undefined;
        });
      }
      await listening;
      // The hub may have closed while LISTEN was starting: such a subscription ends at once.
      if (closed) return endedAtOnce();
      const subscriber: Subscriber = { topics: new Set(topics), listener, onEnd };
      subscribers.add(subscriber);
      return { close: () => void subscribers.delete(subscriber) };
    },
    size: () => subscribers.size,
    async close() {
      closed = true;
      for (const subscriber of subscribers) subscriber.onEnd?.();
      subscribers.clear();
      if (listening) {
        const stop = await listening.catch(() => undefined);
        await stop?.();
      }
    },
  };
}
