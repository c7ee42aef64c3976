import { randomUUID } from 'node:crypto';
import { buildBulletin, buildContract, buildEntitlement, buildProduct, buildRelease, buildReleaseFile } from '../../test/catalog-factories';
import { buildCase } from '../../test/case-factories';
import { buildOrganization, buildSite } from '../../test/factories';
import { buildArticle } from '../../test/knowledge-factories';
import { expect } from 'vitest';
import type { SearchResults } from '../../../common/schemas/search';
import type { SignedIn, TestApp } from '../../test/test-app';
import { signInCaseMember, signInStaff } from '../cases/case-lifecycle.scenario';

/**
 * Test data for search visibility: organization A with two sites, each licensed a product of its
 * own (P1 on site 1, P2 on site 2), organization B licensed P3; articles of every visibility and
 * state, releases, documents and cases — each holding the word "quasar" so one query finds them all.
 */
export interface SearchScenario {
  organizationA: string;
  organizationB: string;
  site1: string;
  site2: string;
  siteB: string;
  products: { p1: string; p2: string; p3: string };
  articles: { customers: string; publicKo: string; internal: string; draft: string; bilingual: string };
  releases: { p1: string; p2: string; p3: string; p1Draft: string };
  documents: { manualP1: string; bulletinP2: string; softwareP1: string };
  cases: { site1: string; site2: string; otherOrganization: string };
  base: string;
}

export async function buildSearchScenario(t: TestApp): Promise<SearchScenario> {
  const { ctx } = t;
  const id = randomUUID().slice(0, 6);
  const organizationA = await buildOrganization(ctx, { name: `Quasar Power ${id}` });
  const organizationB = await buildOrganization(ctx, { name: `Other Grid ${id}` });
  const site1 = await buildSite(ctx, { organizationId: organizationA.id, name: 'Yeosu' });
  const site2 = await buildSite(ctx, { organizationId: organizationA.id, name: 'Ulsan' });
  const siteB = await buildSite(ctx, { organizationId: organizationB.id, name: 'Busan' });
  for (const site of [site1, site2, siteB]) await buildContract(ctx, { organizationId: site.organizationId, siteId: site.id });
  const p1 = await buildProduct(ctx, { name: `PI Server ${id}` });
  const p2 = await buildProduct(ctx, { name: `PI Vision ${id}` });
  const p3 = await buildProduct(ctx, { name: `AnySupport ${id}` });
  await buildEntitlement(ctx, { organizationId: organizationA.id, siteId: site1.id, productId: p1.id });
  await buildEntitlement(ctx, { organizationId: organizationA.id, siteId: site2.id, productId: p2.id });
  await buildEntitlement(ctx, { organizationId: organizationB.id, siteId: siteB.id, productId: p3.id });

  const customers = await buildArticle(ctx, {
    visibility: 'customers',
    productIds: [p1.id],
    verified: true,
    translations: [{ language: 'en', title: 'Quasar archive stops after an upgrade', summary: 'The archive subsystem stops.', resolution: 'Restart the **archive** service, then check the license.' }],
  });
  const publicKo = await buildArticle(ctx, {
    visibility: 'public',
    productIds: [p1.id],
    translations: [{ language: 'ko', title: 'PI Server 라이선스 활성화 방법', summary: 'quasar 라이선스를 활성화하려면 라이선스 관리자를 여세요.', resolution: '원격 지원 세션이 끊기면 다시 연결하세요.' }],
  });
  const internal = await buildArticle(ctx, { visibility: 'internal', translations: [{ language: 'en', title: 'Quasar internal runbook', resolution: 'Only for engineers.' }] });
  const draft = await buildArticle(ctx, { visibility: 'customers', translations: [{ language: 'en', title: 'Quasar draft notes', status: 'draft' }] });
  const bilingual = await buildArticle(ctx, {
    visibility: 'customers',
    translations: [
      { language: 'en', title: 'Quasar roadmap for 2017', summary: 'What comes next.' },
      { language: 'ko', title: 'Quasar 로드맵 2017', summary: '다음 계획입니다.' },
    ],
  });

  const r1 = await buildRelease(ctx, { productId: p1.id, version: '3.4.380', notes: 'Quasar fixes for the archive.' });
  const r2 = await buildRelease(ctx, { productId: p2.id, version: '2024.2', notes: 'Quasar display fixes.' });
  const r3 = await buildRelease(ctx, { productId: p3.id, version: '10.1', notes: 'Quasar remote fixes.' });
  const r1Draft = await buildRelease(ctx, { productId: p1.id, version: '3.5.0', notes: 'Quasar preview.', published: false });
  const manualP1 = await buildReleaseFile(ctx, { releaseId: r1.id, resourceType: 'manual', fileName: 'quasar-admin-guide.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4 manual') });
  const softwareP1 = await buildReleaseFile(ctx, { releaseId: r1.id, resourceType: 'software', fileName: 'quasar-setup.exe' });
  const bulletinP2 = await buildBulletin(ctx, { productId: p2.id, kind: 'known_issue', title: 'Quasar trend gaps', body: 'Trends show gaps after a restart.' });

  const case1 = await buildCase(ctx, { organizationId: organizationA.id, siteId: site1.id, subject: 'Quasar archive on Yeosu', description: 'Stops at night.', productId: p1.id });
  const case2 = await buildCase(ctx, { organizationId: organizationA.id, siteId: site2.id, subject: 'Quasar display on Ulsan', description: 'Blank trends.', legacyNumber: 'CS-2019-0042' });
  const caseB = await buildCase(ctx, { organizationId: organizationB.id, siteId: siteB.id, subject: 'Quasar remote at Busan', description: 'Session drops.' });

  return {
    organizationA: organizationA.id,
    organizationB: organizationB.id,
    site1: site1.id,
    site2: site2.id,
    siteB: siteB.id,
    products: { p1: p1.id, p2: p2.id, p3: p3.id },
    articles: { customers: customers.id, publicKo: publicKo.id, internal: internal.id, draft: draft.id, bilingual: bilingual.id },
    releases: { p1: r1.id, p2: r2.id, p3: r3.id, p1Draft: r1Draft.id },
    documents: { manualP1: manualP1.id, bulletinP2: bulletinP2.id, softwareP1: softwareP1.id },
    cases: { site1: case1.id, site2: case2.id, otherOrganization: caseB.id },
    base: `/api/v1/organizations/${organizationA.id}`,
  };
}

/** A search through the API that must answer 200. */
export async function searchAs(who: SignedIn, url: string): Promise<SearchResults> {
  const response = await who.inject('GET', url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as SearchResults;
}

/** The readers the search tests share: A's owner, a support member of site 1 alone, B's owner and a support engineer. */
export interface SearchReaders {
  owner: SignedIn;
  site1Support: SignedIn;
  ownerOfB: SignedIn;
  engineer: SignedIn;
}

export async function signInSearchReaders(t: TestApp, s: SearchScenario, options: { ownerLocale?: 'ko' | 'en' } = {}): Promise<SearchReaders> {
  return {
    owner: await signInCaseMember(t, s.organizationA, 'owner', options.ownerLocale ? { locale: options.ownerLocale } : {}),
    site1Support: await signInCaseMember(t, s.organizationA, 'support', { siteIds: [s.site1] }),
    ownerOfB: await signInCaseMember(t, s.organizationB, 'owner'),
    engineer: await signInStaff(t, 'support_engineer'),
  };
}
