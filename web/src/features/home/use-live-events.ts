import { useEffect, useRef } from 'react';

/**
 * The event names a live stream may carry: `ready` when the stream (re)opens, and the case changes
 * the server announces (`case.<what changed>`). An EventSource only hears named events it listens
 * for, so the list is spelt out; unnamed messages are heard too.
 */
export const LIVE_EVENT_KINDS = [
  'ready',
  'case.created',
  'case.status',
  'case.reopen_requested',
  'case.assigned',
  'case.description',
  'case.resolution',
  'case.post',
  'case.attachment',
  'case.link',
] as const;

/**
 * Listens to a server-sent event stream (same origin, so the session cookie goes along) while the
 * component is mounted, calling `onEvent` with each event's name; closes it on unmount or when the
 * URL changes. A null URL listens to nothing. The browser reconnects by itself after a drop, and
 * the stream then says `ready` again, so the caller refetches what it may have missed.
 */
export function useLiveEvents(url: string | null, onEvent: (kind: string) => void): void {
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });
  useEffect(() => {
    if (!url || typeof EventSource === 'undefined') return;
    const source = new EventSource(url);
    const listener = (event: MessageEvent) => handler.current(event.type);
    for (const kind of LIVE_EVENT_KINDS) source.addEventListener(kind, listener);
    source.addEventListener('message', listener);
    return () => source.close();
  }, [url]);
}
