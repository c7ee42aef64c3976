import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContract } from '../../test/catalog-factories';
import { buildMember, buildOrganization, buildSite } from '../../test/factories';
import { buildTestApp, signInNewUser, type SignedIn, type TestApp } from '../../test/test-app';
import { containsNul } from './nul-guard';

describe('containsNul', () => {
  it('finds a NUL in strings, arrays, nested objects and keys, and nowhere else', () => {
    expect(containsNul('a\u0000b')).toBe(true);
    expect(containsNul({ a: [{ b: 'x\u0000' }] })).toBe(true);
    expect(containsNul({ 'k\u0000': 1 })).toBe(true);
    expect(containsNul({ a: ['x', 1, null, true, { b: '가 😀 \t\n' }] })).toBe(false);
    expect(containsNul(undefined)).toBe(false);
    expect(containsNul(42)).toBe(false);
    expect(containsNul(Object.assign(Object.create(null) as object, { a: 'x\u0000' }))).toBe(true);
  });

  it('does not read streams or bytes: an upload’s body is the request stream', () => {
    const stream = new PassThrough();
    Object.assign(stream, { label: 'x\u0000' });
    stream.write(Buffer.from('a\u0000b'));
    expect(containsNul(stream)).toBe(false);
    expect(containsNul(Buffer.from('a\u0000b'))).toBe(false);
    expect(containsNul({ file: stream })).toBe(false);
  });
});

describe('a NUL character in a request', () => {
  let t: TestApp;
  let owner: SignedIn;
  let engineer: SignedIn;
  let base: string;
  let siteId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    const organization = await buildOrganization(t.ctx, { name: 'Yeosu Chemical' });
    siteId = (await buildSite(t.ctx, { organizationId: organization.id, name: 'Yeosu plant' })).id;
    await buildContract(t.ctx, { organizationId: organization.id, siteId, endsInDays: 365 });
    owner = await signInNewUser(t, { email: 'owner@yeosu.example' });
    await buildMember(t.ctx, { organizationId: organization.id, userId: owner.userId, role: 'owner' });
    engineer = await signInNewUser(t, { email: 'engineer@vendor.example', staffRole: 'support_engineer' });
    base = `/api/v1/organizations/${organization.id}`;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is refused with 400 request.nul_character in every search and filter box, instead of failing in the database', async () => {
    const q = encodeURIComponent('pump\u0000');
    const portalUrls = [`${base}/search?q=${q}`, `${base}/articles/suggestions?q=${q}`, `${base}/cases?q=${q}`, `${base}/articles?q=${q}`, `${base}/members?q=${q}`, `${base}/activity?q=${q}`];
    const consoleUrls = [`/api/v1/console/search?q=${q}`, `/api/v1/cases/queue?q=${q}`, `/api/v1/console/articles?q=${q}`, `/api/v1/admin/activity?q=${q}`, `/api/v1/admin/organizations?q=${q}`, `/api/v1/catalog/products?q=${q}`];
    for (const [client, urls] of [[owner, portalUrls], [engineer, consoleUrls]] as const) {
      for (const url of urls) {
        const response = await client.inject('GET', url);
        expect(response.statusCode, url).toBe(400);
        expect(response.json().error.code, url).toBe('request.nul_character');
        // The same addresses answer without the NUL.
        expect((await client.inject('GET', url.replace('%00', ''))).statusCode, url).toBe(200);
      }
    }
  });

  it('is refused in a JSON body, nested or in a key, and nothing is written', async () => {
    const create = (subject: string, extra: Record<string, unknown> = {}) =>
      owner.inject('POST', `${base}/cases`, { siteId, category: 'technical_support', productFamilyId: null, productId: null, releaseId: null, subject, description: 'Stops at night.', language: 'en', ...extra });
    for (const response of [await create('Archive \u0000 stops'), await create('Archive stops', { 'x\u0000': 1 })]) {
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('request.nul_character');
    }
    expect((await owner.inject('GET', `${base}/cases?view=open`)).json().items).toEqual([]);
    const created = await create('Archive stops');
    expect(created.statusCode, created.body).toBe(201);
  });

  it('is explained in Korean to a Korean browser, and tells nobody signed out anything but 401', async () => {
    const korean = await t.app.inject({ method: 'GET', url: `${base}/search?q=%00`, headers: { cookie: owner.cookie, 'accept-language': 'ko-KR,ko' } });
    expect(korean.statusCode).toBe(400);
    expect(korean.json().error.message).toContain('NUL 문자');
    const anonymous = await t.app.inject({ method: 'GET', url: `${base}/search?q=%00` });
    expect(anonymous.statusCode).toBe(401);
  });
});
