import http from 'node:http';

/** One server-sent event as a browser's EventSource would see it. */
export interface ReceivedEvent {
  event: string;
  data: Record<string, unknown>;
}

/** A server-sent event stream read over a real HTTP connection, for live update tests. */
export interface SseStream {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The next event (waits for it); rejects when the stream ends first. */
  next(): Promise<ReceivedEvent>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  /** Closes the connection from the client's side. */
  close(): void;
}

/**
 * Opens `url` (on a listening server) with the session cookie and parses its events; resolves once
 * the response headers arrive. A non-200 answer resolves too, with its status and no events.
 */
export function openSseStream(url: string, cookie: string): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    let responded = false;
    const request = http.get(url, { headers: { cookie, accept: 'text/event-stream' } }, (response) => {
      responded = true;
      response.setEncoding('utf8');
      const queue: ReceivedEvent[] = [];
      const waiting: { resolve: (event: ReceivedEvent) => void; reject: (error: Error) => void }[] = [];
      let buffer = '';
      let done = false;
      let markEnded: () => void = () => undefined;
      const ended = new Promise<void>((resolveEnded) => {
        markEnded = resolveEnded;
      });
      const finish = () => {
        if (done) return;
        done = true;
        markEnded();
        for (const waiter of waiting.splice(0)) waiter.reject(new Error('the stream ended'));
      };
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let boundary = buffer.indexOf('\n\n');
        while (boundary >= 0) {
          const block = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          boundary = buffer.indexOf('\n\n');
          let event = 'message';
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data += line.slice(6);
          }
          if (!data) continue; // retry: and comments
          const received = { event, data: JSON.parse(data) as Record<string, unknown> };
          const waiter = waiting.shift();
          if (waiter) waiter.resolve(received);
          else queue.push(received);
        }
      });
      response.on('end', finish);
      response.on('close', finish);
      response.on('error', finish);
      resolve({
        status: response.statusCode ?? 0,
        headers: response.headers,
        next: () => {
          const queued = queue.shift();
          if (queued) return Promise.resolve(queued);
          if (done) return Promise.reject(new Error('the stream ended'));
          return new Promise((resolveNext, rejectNext) => waiting.push({ resolve: resolveNext, reject: rejectNext }));
        },
        ended,
        close: () => request.destroy(),
      });
    });
    request.on('error', (error) => {
      // A client-side close after the response arrived is not a failure.
      if (!responded) reject(error);
    });
  });
}

/** Waits until the condition holds, checking every few milliseconds (the test's own timeout bounds it). */
export async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
