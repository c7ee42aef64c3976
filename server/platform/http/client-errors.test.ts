import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../../common/errors';
import { buildTestApp, type TestApp } from '../../test/test-app';

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
  it('answers an address and headers over 16 KB with 431 and the error envelope, in the language asked for', async () => {
    const response = await raw(`GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nAccept-Language: ko-KR,ko;q=0.9\r\nX-Filler: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(response.status).toBe(431);
    expect(response.headers).toMatch(/content-type: application\/json; charset=utf-8/i);
    expect(JSON.parse(response.body)).toEqual({ error: { code: 'request.header_too_large', message: ERROR_MESSAGES['request.header_too_large'].ko } });
  });

  it('answers a search address of 10,000 percent-encoded Korean letters the same way, in English when no language was read', async () => {
    const q = encodeURIComponent('가'.repeat(10_000));
    const response = await raw(`GET /api/v1/search?q=${q} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    expect(response.status).toBe(431);
    expect(JSON.parse(response.body)).toEqual({ error: { code: 'request.header_too_large', message: ERROR_MESSAGES['request.header_too_large'].en } });
  });

  it('answers a page address of thousands of Korean letters with a short page in both languages, not JSON', async () => {
    const q = encodeURIComponent('가'.repeat(4_000));
    const response = await raw(`GET /portal/search?q=${q} HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n\r\n`);
    expect(response.status).toBe(431);
    expect(response.headers).toMatch(/content-type: text\/html; charset=utf-8/i);
    expect(response.body).toContain(ERROR_MESSAGES['request.header_too_large'].ko);
    expect(response.body).toContain(ERROR_MESSAGES['request.header_too_large'].en);
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
