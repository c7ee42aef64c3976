import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../../common/errors';
import { MAX_HEADER_BYTES } from '../../app';
import { buildUser } from '../../test/factories';
import { buildTestApp, signInAs, type TestApp } from '../../test/test-app';

// Requests Node's parser refuses never reach a route: these go over a real socket to a listening app.
let t: TestApp;
let port: number;
beforeAll(async () => {
  t = await buildTestApp();
  port = Number(new URL(await t.app.listen({ port: 0, host: '127.0.0.1' })).port);
});
afterAll(async () => {
  await t.close();
});

/** Writes raw bytes and reads the whole answer until the server closes the connection. */
function raw(request: string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), headers: head, body });
    });
    socket.write(request);
  });
}

describe('requests the HTTP parser refuses', () => {
  it('answers an address and headers over MAX_HEADER_BYTES with 431 and the error envelope', async () => {
    const response = await raw(`GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nX-Filler: ${'a'.repeat(MAX_HEADER_BYTES)}\r\n\r\n`);
    expect(response.status).toBe(431);
    expect(response.headers).toMatch(/content-type: application\/json; charset=utf-8/i);
    expect(JSON.parse(response.body)).toEqual({ error: { code: 'request.header_too_large', message: ERROR_MESSAGES['request.header_too_large'].en } });
  });

  it('answers a request it cannot parse in the language asked for when that was read', async () => {
    const response = await raw('GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nAccept-Language: ko-KR,ko;q=0.9\r\nBad Header Line\r\n\r\n');
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toEqual({ error: { code: 'request.malformed', message: ERROR_MESSAGES['request.malformed'].ko } });
  });

  it('answers a search of 10,000 percent-encoded Korean letters (90 KB of address) with its results', async () => {
    const user = await buildUser(t.ctx, { staffRole: 'support_engineer' });
    const engineer = await signInAs(t.app, user.email);
    const q = encodeURIComponent('가'.repeat(10_000));
    expect(q.length).toBeGreaterThan(16 * 1024 * 5);
    const response = await raw(`GET /api/v1/console/search?q=${q} HTTP/1.1\r\nHost: localhost\r\nCookie: ${engineer.cookie}\r\nConnection: close\r\n\r\n`);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ items: [], query: '가'.repeat(500) });
  });

  it('answers a longer address with 431 in English when no language was read', async () => {
    const q = encodeURIComponent('가'.repeat(20_000));
    const response = await raw(`GET /api/v1/console/search?q=${q} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    expect(response.status).toBe(431);
    expect(JSON.parse(response.body)).toEqual({ error: { code: 'request.header_too_large', message: ERROR_MESSAGES['request.header_too_large'].en } });
  });

  it('answers a request line that is not HTTP with 400 request.malformed', async () => {
    const response = await raw('HELLO THERE\r\n\r\n');
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).error.code).toBe('request.malformed');
  });

  it('keeps serving after refusing them', async () => {
    const response = await raw('GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ status: 'ok' });
  });
});
