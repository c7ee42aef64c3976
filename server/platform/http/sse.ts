import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EventHub, LiveEvent } from '../realtime';

const HEARTBEAT_MS = 25_000;

/**
 * Answers the request with a server-sent event stream of the live events naming `topics`. Each
 * event goes out as `event: <kind>` with its JSON; a comment every 25 s keeps proxies from closing
 * an idle stream. The stream opens with `event: ready`, so a client knows it is subscribed (and
 * refetches what it shows, in case it missed something while reconnecting).
 */
export async function streamLiveEvents(request: FastifyRequest, reply: FastifyReply, hub: EventHub, topics: readonly string[]): Promise<void> {
  const raw = reply.raw;
  let ended = false;
  const held: { subscription?: { close(): void } } = {};
  const write = (event: string, data: unknown) => {
    if (!ended) raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    held.subscription?.close();
    raw.end();
  };
  reply.hijack();
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': request.id,
  });
  raw.write('retry: 3000\n\n');
  const heartbeat = setInterval(() => {
    if (!ended) raw.write(': ping\n\n');
  }, HEARTBEAT_MS).unref();
  request.raw.on('close', end);
  held.subscription = await hub.subscribe(topics, (event: LiveEvent) => write(event.kind, { kind: event.kind, ...event.data }), end);
  if (ended) held.subscription.close();
  else write('ready', { kind: 'ready' });
}
