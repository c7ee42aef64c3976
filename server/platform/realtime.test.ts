import { PgDialect } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import type { Db } from './db';
import { createEventHub, EVENTS_CHANNEL, publishLiveEvent, type LiveEvent } from './realtime';

/** A stand-in for the database's LISTEN: the test sends notifications and sees when listening stops. */
function fakeListen(options: { fail?: number; hold?: boolean } = {}) {
  let onNotify: ((payload: string) => void) | undefined;
  let failures = options.fail ?? 0;
  let release: (() => void) | undefined;
  const state = {
    calls: 0,
    stopped: 0,
    channel: '',
    notify: (event: LiveEvent | string) => onNotify?.(typeof event === 'string' ? event : JSON.stringify(event)),
    /** Lets a held LISTEN complete. */
    release: () => release?.(),
    listen: async (channel: string, handler: (payload: string) => void) => {
      state.calls += 1;
      state.channel = channel;
      if (failures > 0) {
        failures -= 1;
        throw new Error('connection refused');
      }
      if (options.hold) await new Promise<void>((resolve) => (release = resolve));
      onNotify = handler;
      return async () => {
        state.stopped += 1;
        onNotify = undefined;
      };
    },
  };
  return state;
}

describe('the event hub', () => {
  it('starts one LISTEN on the events channel at the first subscription, shared by all', async () => {
    const db = fakeListen();
    const hub = createEventHub(db);
    expect(db.calls).toBe(0);
    await hub.subscribe(['user:a'], () => undefined);
    await hub.subscribe(['user:b'], () => undefined);
    expect(db.calls).toBe(1);
    expect(db.channel).toBe(EVENTS_CHANNEL);
    expect(hub.size()).toBe(2);
  });

  it('delivers an event once to each subscriber of one of its topics, and to nobody else', async () => {
    const db = fakeListen();
    const hub = createEventHub(db);
    const a: LiveEvent[] = [];
    const b: LiveEvent[] = [];
    const c: LiveEvent[] = [];
    await hub.subscribe(['user:a', 'case:1'], (event) => a.push(event));
    await hub.subscribe(['user:b'], (event) => b.push(event));
    await hub.subscribe(['case:1'], (event) => c.push(event));
    const event: LiveEvent = { topics: ['user:a', 'case:1'], kind: 'case.post', data: { caseId: '1' } };
    db.notify(event);
    expect(a).toEqual([event]);
    expect(b).toEqual([]);
    expect(c).toEqual([event]);
  });

  it('ignores a payload that is not JSON or names no topics, and a failing listener does not stop the others', async () => {
    const db = fakeListen();
    const warn = vi.fn();
    const hub = createEventHub(db, { warn } as never);
    const received: string[] = [];
    await hub.subscribe(['user:a'], () => {
      throw new Error('listener broke');
    });
    await hub.subscribe(['user:a'], (event) => received.push(event.kind));
    db.notify('{not json');
    db.notify(JSON.stringify({ kind: 'no.topics' }));
    db.notify('null');
    db.notify('42');
    db.notify({ topics: ['user:a'], kind: 'case.status' });
    expect(received).toEqual(['case.status']);
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('stops delivering to a closed subscription', async () => {
    const db = fakeListen();
    const hub = createEventHub(db);
    const received: string[] = [];
    const subscription = await hub.subscribe(['user:a'], (event) => received.push(event.kind));
    db.notify({ topics: ['user:a'], kind: 'first' });
    subscription.close();
    db.notify({ topics: ['user:a'], kind: 'second' });
    expect(received).toEqual(['first']);
    expect(hub.size()).toBe(0);
  });

  it('ends every subscription and stops listening when it closes, and ends new ones at once', async () => {
    const db = fakeListen();
    const hub = createEventHub(db);
    const ended: string[] = [];
    await hub.subscribe(['user:a'], () => undefined, () => ended.push('a'));
    await hub.subscribe(['user:b'], () => undefined, () => ended.push('b'));
    await hub.close();
    expect(ended.sort()).toEqual(['a', 'b']);
    expect(hub.size()).toBe(0);
    expect(db.stopped).toBe(1);
    const late = vi.fn();
    await hub.subscribe(['user:a'], () => undefined, late);
    expect(late).toHaveBeenCalledTimes(1);
    expect(hub.size()).toBe(0);
    expect(db.calls).toBe(1);
  });

  it('tries LISTEN again at the next subscription after it failed', async () => {
    const db = fakeListen({ fail: 1 });
    const hub = createEventHub(db);
    await expect(hub.subscribe(['user:a'], () => undefined)).rejects.toThrow('connection refused');
    const received: string[] = [];
    await hub.subscribe(['user:a'], (event) => received.push(event.kind));
    expect(db.calls).toBe(2);
    db.notify({ topics: ['user:a'], kind: 'after.retry' });
    expect(received).toEqual(['after.retry']);
  });

  it('ends at once a subscription whose LISTEN was still starting when the hub closed', async () => {
    const db = fakeListen({ hold: true });
    const hub = createEventHub(db);
    const ended = vi.fn();
    const pending = hub.subscribe(['user:a'], () => undefined, ended);
    const closing = hub.close();
    db.release();
    await pending;
    await closing;
    expect(ended).toHaveBeenCalledTimes(1);
    expect(hub.size()).toBe(0);
    expect(db.stopped).toBe(1);
  });
});

describe('publishLiveEvent', () => {
  const dialect = new PgDialect();
  const recordingDb = () => {
    const queries: { sql: string; params: unknown[] }[] = [];
    const db = {
      execute: async (query: SQL) => {
        const { sql, params } = dialect.sqlToQuery(query);
        queries.push({ sql, params });
      },
    } as unknown as Db;
    return { db, queries };
  };

  it('sends the event as JSON through pg_notify on the events channel, in the given transaction', async () => {
    const { db, queries } = recordingDb();
    const event: LiveEvent = { topics: ['case:1', 'user:2'], kind: 'case.post', data: { caseId: '1' } };
    await publishLiveEvent(db, event);
    expect(queries).toEqual([{ sql: 'select pg_notify($1, $2)', params: [EVENTS_CHANNEL, JSON.stringify(event)] }]);
  });

  it('sends nothing for an event without topics', async () => {
    const { db, queries } = recordingDb();
    await publishLiveEvent(db, { topics: [], kind: 'case.post' });
    expect(queries).toEqual([]);
  });
});
