import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildOrganization, buildSite } from '../../test/factories';
import { buildTestApp, signInNewUser, type SignedIn, type TestApp } from '../../test/test-app';

describe('a NUL character in a search or filter box', () => {
  let t: TestApp;
  let owner: SignedIn;
  let engineer: SignedIn;
  let base: string;

  beforeAll(async () => {
    t = await buildTestApp();
    const organization = await buildOrganization(t.ctx, { name: 'Yeosu Chemical' });
    await buildSite(t.ctx, { organizationId: organization.id, name: 'Yeosu plant' });
    owner = await signInNewUser(t, { email: 'owner@yeosu.example' });
    await buildMember(t.ctx, { organizationId: organization.id, userId: owner.userId, role: 'owner' });
    engineer = await signInNewUser(t, { email: 'engineer@vendor.example', staffRole: 'support_engineer' });
    base = `/api/v1/organizations/${organization.id}`;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reads as a space in both faces: the box answers as for the words around it, never a 500', async () => {
    const q = encodeURIComponent('pump\u0000valve');
    const portalUrls = [`${base}/search?q=${q}`, `${base}/articles/suggestions?q=${q}`, `${base}/cases?q=${q}`, `${base}/articles?q=${q}`, `${base}/members?q=${q}`, `${base}/activity?q=${q}`];
    const consoleUrls = [`/api/v1/console/search?q=${q}`, `/api/v1/cases/queue?q=${q}`, `/api/v1/console/articles?q=${q}`, `/api/v1/admin/activity?q=${q}&actor=${q}`, `/api/v1/admin/organizations?q=${q}`, `/api/v1/catalog/products?q=${q}`];
    for (const [client, urls] of [[owner, portalUrls], [engineer, consoleUrls]] as const) {
      for (const url of urls) {
        const response = await client.inject('GET', url);
        expect(response.statusCode, `${url} ${response.body}`).toBe(200);
      }
    }
    const search = (await owner.inject('GET', `${base}/search?q=${q}`)).json() as { query: string };
    expect(search.query).toBe('pump valve');
  });
});
