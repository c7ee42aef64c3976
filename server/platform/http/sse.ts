import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import type { EventHub, LiveEvent, Subscription } from '../realtime';

const HEARTBEAT_MS = 25_000;

/**
 * Answers the request with a server-sent event stream of the live events naming `topics`. Each
 * event goes out as `event: <kind>` with its JSON; a comment every 25 s keeps proxies from closing
 * an idle stream. The stream opens with `event: ready`, so a client knows it is subscribed (and
 * refetches what it shows, in case it missed something while reconnecting).
 */
export async function streamLiveEvents(request: FastifyRequest, reply: FastifyReply, hub: EventHub, topics: readonly string[]): Promise<void> {
  const raw = reply.raw;
  let open = false;
  let ended = false;
  const held: { heartbeat?: NodeJS.Timeout; subscription?: Subscription } = {};
  const write = (event: string, data: unknown) => {
    if (open && !ended) raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(held.heartbeat);
    held.subscription?.close();
    if (open) raw.end();
  };
  // Subscribed before the stream starts: a failure still gets an ordinary error answer. Events
  // that come before the stream opens are not lost to the client, which refetches on `ready`.
  held.subscription = await hub.subscribe(topics, (event: LiveEvent) => write(event.kind, { kind: event.kind, ...event.data }), end);
  // The hub ended while subscribing: the server is shutting down.
  if (ended) throw new AppError('service.shutting_down', 503);
  if (raw.destroyed) {
    // The client went away meanwhile.
    end();
    return;
  }
  reply.hijack();
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': request.id,
  });
  open = true;
  raw.write('retry: 3000\n\n');
  held.heartbeat = setInterval(() => {
    if (!ended) raw.write(': ping\n\n');
  }, HEARTBEAT_MS).unref();
  // The response's 'close' comes when the client goes away (and after our own end()).
  raw.on('close', end);
  write('ready', { kind: 'ready' });
}
