import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/test-app';

let t: TestApp;
const webDir = mkdtempSync(path.join(tmpdir(), 'atrium-web-'));
writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Atrium</title><div id="root"></div>');

beforeAll(async () => {
  t = await buildTestApp({ webDistDir: webDir, config: { bodyLimitBytes: 2048 } });
});
afterAll(async () => {
  await t.close();
});

describe('health', () => {
  it('GET /healthz answers while the process is up', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz checks the database and the migrations', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', checks: { database: true, migrations: true } });
  });
});

describe('the error envelope', () => {
  it('answers an unknown /api path with a JSON 404', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.json()).toEqual({ error: { code: 'not_found', message: 'There is nothing at this address.' } });
  });

  it('answers malformed JSON with a 400 envelope', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: { 'content-type': 'application/json' }, payload: '{"email": ' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('request.malformed_json');
  });

  it('answers an oversized body with 413', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'a@example.com', password: 'x'.repeat(4096) } });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('request.too_large');
  });

  it('answers field errors in the request’s language, in plain words', async () => {
    const body = { name: 'Kim', email: 'not-an-email', company: 'x'.repeat(101), address: 'Seoul', phone: '010', displayName: 'kim_1', password: 'Secret!2026', acceptTerms: true, acceptPrivacy: true };
    const ko = await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', headers: { 'accept-language': 'ko' }, payload: body });
    expect(ko.statusCode).toBe(400);
    expect(ko.json().error.details.fieldErrors).toMatchObject({ email: ['올바른 이메일 주소를 입력하세요.'], company: ['100자 이하로 입력하세요.'] });
    const en = await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: body });
    expect(en.json().error.details.fieldErrors).toMatchObject({ email: ['Enter a valid email address.'], company: ['Use at most 100 characters.'] });
  });

  it('answers an unsupported content type with 415', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('request.unsupported_media_type');
  });
});

describe('the web app', () => {
  it('serves the web app for any other path, so its router can show the page or its own 404', async () => {
    for (const url of ['/', '/sign-in', '/portal/cases', '/no/such/page']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('<div id="root">');
    }
  });
});

describe('every response', () => {
  it('carries a request id, echoing a well-formed incoming one', async () => {
    const fresh = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'lb-1234' } });
    expect(echoed.headers['x-request-id']).toBe('lb-1234');
    const refused = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'bad id\twith spaces' } });
    expect(refused.headers['x-request-id']).not.toBe('bad id\twith spaces');
  });

  it('carries security headers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/' });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['strict-transport-security']).toBeDefined();
  });
});

describe('OpenAPI', () => {
  it('describes every API route as OpenAPI 3.1 at /api/v1/openapi.json', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/me', '/api/v1/auth/sign-in', '/api/v1/me/tokens/{tokenId}', '/readyz']));
    expect(doc.paths['/api/v1/auth/sign-in'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('email');
  });

  it('serves the docs page at /api/docs', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('swagger');
  });

  it('refuses to register an API route that declares no access', async () => {
    const { buildApp } = await import('../../app');
    const app = await buildApp({ ctx: t.ctx, config: { bodyLimitBytes: 1024, signInRateLimit: 5, trustProxy: undefined }, logger: false });
    expect(() => app.get('/api/v1/undeclared', async () => 'x')).toThrow(/declares no access/);
    await app.close();
  });
});
