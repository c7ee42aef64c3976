import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchPreview, SearchResults } from '../../../common/schemas/search';
import { buildTestApp, type SignedIn, type TestApp } from '../../test/test-app';
import { signInCaseMember, signInStaff } from '../cases/case-lifecycle.scenario';
import { buildBulletin } from '../../test/catalog-factories';
import { indexSearchTarget, rebuildSearchIndex, writtenLanguage } from './search-indexer';
import { buildSearchScenario, searchAs, signInSearchReaders, type SearchScenario } from './search.scenario';

let t: TestApp;
let s: SearchScenario;
let owner: SignedIn;
let site1Support: SignedIn;
let site1Viewer: SignedIn;
let ownerOfB: SignedIn;
let engineer: SignedIn;
let agent: SignedIn;

beforeAll(async () => {
  t = await buildTestApp();
  s = await buildSearchScenario(t);
  await rebuildSearchIndex(t.ctx, { batchSize: 2 });
  ({ owner, site1Support, ownerOfB, engineer } = await signInSearchReaders(t, s, { ownerLocale: 'ko' }));
  site1Viewer = await signInCaseMember(t, s.organizationA, 'viewer', { siteIds: [s.site1] });
  agent = await signInStaff(t, 'agent');
});
afterAll(async () => {
  await t?.close();
});

const search = searchAs;
const ids = (results: SearchResults) => results.items.map((item) => item.id).sort();
const sorted = (...values: string[]) => [...values].sort();

describe('GET /api/v1/organizations/:organizationId/search (visibility)', () => {
  it('shows an owner the published articles for customers and the public, their products’ documents and releases, and every site’s cases', async () => {
    const results = await search(owner, `${s.base}/search?q=quasar&limit=50`);
    expect(ids(results)).toEqual(
      sorted(
        s.articles.customers,
        s.articles.publicKo,
        s.articles.bilingual,
        s.releases.p1,
        s.releases.p2,
        s.documents.manualP1,
        s.documents.bulletinP2,
        s.cases.site1,
        s.cases.site2,
      ),
    );
    expect(results.counts).toEqual({ article: 3, document: 2, release: 2, case: 2 });
    expect(results.total).toBe(9);
  });

  it('never shows internal or draft articles, unpublished releases, software files or another organization’s products and cases', async () => {
    const results = await search(owner, `${s.base}/search?q=quasar&limit=50`);
    for (const hidden of [s.articles.internal, s.articles.draft, s.releases.p1Draft, s.releases.p3, s.documents.softwareP1, s.cases.otherOrganization]) {
      expect(ids(results)).not.toContain(hidden);
    }
    expect(results.items.every((item) => !item.draft)).toBe(true);
  });

  it('limits a member below admin to the products and cases of their sites, and counts the same way', async () => {
    const results = await search(site1Support, `${s.base}/search?q=quasar&limit=50`);
    expect(ids(results)).toEqual(sorted(s.articles.customers, s.articles.publicKo, s.articles.bilingual, s.releases.p1, s.documents.manualP1, s.cases.site1));
    expect(results.counts).toEqual({ article: 3, document: 1, release: 1, case: 1 });
  });

  it('shows no cases to a member without case.view, nor counts them', async () => {
    const results = await search(site1Viewer, `${s.base}/search?q=quasar&limit=50`);
    expect(results.counts.case).toBe(0);
    expect(results.items.some((item) => item.kind === 'case')).toBe(false);
    expect(results.counts.release).toBe(1);
  });

  it('answers 404 for another organization, whatever the query', async () => {
    expect((await ownerOfB.inject('GET', `${s.base}/search?q=quasar`)).statusCode).toBe(404);
    const own = await search(ownerOfB, `/api/v1/organizations/${s.organizationB}/search?q=quasar&limit=50`);
    expect(ids(own)).toEqual(sorted(s.articles.customers, s.articles.publicKo, s.articles.bilingual, s.releases.p3, s.cases.otherOrganization));
  });

  it('filters by type (counts stay by type), product and language', async () => {
    const cases = await search(owner, `${s.base}/search?q=quasar&types=case`);
    expect(cases.items.map((i) => i.kind)).toEqual(['case', 'case']);
    expect(cases.total).toBe(2);
    expect(cases.counts).toEqual({ article: 3, document: 2, release: 2, case: 2 });
    const p1 = await search(owner, `${s.base}/search?q=quasar&productId=${s.products.p1}&limit=50`);
    expect(ids(p1)).toEqual(sorted(s.articles.customers, s.articles.publicKo, s.releases.p1, s.documents.manualP1, s.cases.site1));
    const korean = await search(owner, `${s.base}/search?q=quasar&language=ko&types=article`);
    expect(ids(korean)).toEqual(sorted(s.articles.publicKo, s.articles.bilingual));
  });

  it('filters documents by the language they are written in, and keeps releases, which have none, under either filter', async () => {
    const documentsAndReleases = (results: SearchResults) => ids({ ...results, items: results.items.filter((item) => item.kind === 'document' || item.kind === 'release') });
    // The scenario's manual (quasar-admin-guide.pdf) and known issue are English.
    const english = await search(owner, `${s.base}/search?q=quasar&language=en&limit=50`);
    expect(documentsAndReleases(english)).toEqual(sorted(s.documents.manualP1, s.documents.bulletinP2, s.releases.p1, s.releases.p2));
    const korean = await search(owner, `${s.base}/search?q=quasar&language=ko&limit=50`);
    expect(documentsAndReleases(korean)).toEqual(sorted(s.releases.p1, s.releases.p2));
    expect(korean.items.filter((item) => item.kind === 'article').every((item) => item.language === 'ko')).toBe(true);

    const notice = await buildBulletin(t.ctx, { productId: s.products.p2, kind: 'notice', title: '제브라 보안 업데이트 권고', body: '패치를 적용하세요.' });
    await indexSearchTarget(t.ctx, { kind: 'bulletin', id: notice.id });
    const q = encodeURIComponent('제브라');
    expect(ids(await search(owner, `${s.base}/search?q=${q}&language=ko`))).toEqual([notice.id]);
    expect(ids(await search(owner, `${s.base}/search?q=${q}&language=en`))).toEqual([]);
    expect(ids(await search(owner, `${s.base}/search?q=${q}`))).toEqual([notice.id]);
  });

  it('reads a document’s language from its words: Hangul in the title, or more Hangul than Latin letters in the body', () => {
    expect(writtenLanguage('PI Vision 2022 사용 설명서')).toBe('ko');
    expect(writtenLanguage('PI Vision Security Advisory', '보안 패치를 적용하세요. PI Vision 2022')).toBe('ko');
    expect(writtenLanguage('PI Vision Security Advisory', 'Apply the patch. 참고')).toBe('en');
    expect(writtenLanguage('quasar-admin-guide')).toBe('en');
    expect(writtenLanguage('2022_07')).toBeNull();
  });

  it('shows one result per article, in the reader’s language when both match, with its href', async () => {
    const results = await search(owner, `${s.base}/search?q=${encodeURIComponent('quasar 2017')}`);
    const bilingual = results.items.filter((i) => i.id === s.articles.bilingual);
    expect(bilingual).toHaveLength(1);
    expect(bilingual[0]).toMatchObject({ language: 'ko', title: 'Quasar 로드맵 2017', href: `/portal/knowledge/${s.articles.bilingual}?lang=ko` });
  });

  it('links documents and releases to the product page of a site of the member, cases to the case page', async () => {
    const results = await search(site1Support, `${s.base}/search?q=quasar&limit=50`);
    const byId = new Map(results.items.map((i) => [i.id, i]));
    expect(byId.get(s.releases.p1)).toMatchObject({ kind: 'release', reference: '3.4.380', href: `/portal/products/${s.site1}/${s.products.p1}` });
    expect(byId.get(s.documents.manualP1)).toMatchObject({ kind: 'document', subtype: 'manual', href: `/portal/products/${s.site1}/${s.products.p1}` });
    expect(byId.get(s.cases.site1)).toMatchObject({ kind: 'case', href: `/portal/cases/${s.cases.site1}` });
    expect(byId.get(s.cases.site1)!.reference).toMatch(/^\d{8}$/);
    expect(byId.get(s.articles.customers)!.products.map((p) => p.id)).toEqual([s.products.p1]);
  });

  it('finds documents by their kind in either language, without showing those words in the snippet', async () => {
    for (const [query, id] of [
      ['매뉴얼', s.documents.manualP1],
      ['manual', s.documents.manualP1],
      ['알려진 문제', s.documents.bulletinP2],
      ['known issue', s.documents.bulletinP2],
    ] as const) {
      const results = await search(owner, `${s.base}/search?q=${encodeURIComponent(query)}&types=document`);
      expect(ids(results), query).toEqual([id]);
    }
    const manual = (await search(owner, `${s.base}/search?q=${encodeURIComponent('매뉴얼')}`)).items.find((item) => item.id === s.documents.manualP1)!;
    expect(manual.snippet).toBe('');
    const bulletin = (await search(owner, `${s.base}/search?q=${encodeURIComponent('알려진 문제')}`)).items.find((item) => item.id === s.documents.bulletinP2)!;
    expect(bulletin.snippet).toBe('Trends show gaps after a restart.');
  });

  it('counts the words documents are found by in the typo vocabulary, so that they are corrected to and never away from', async () => {
    const entriesOf = async (term: string) => (await t.ctx.database.raw<{ entries: number }>('select entries from search_terms where term = $1', [term]))[0]?.entries ?? 0;
    const before = { manual: await entriesOf('manual'), known: await entriesOf('known'), issue: await entriesOf('issue') };
    expect(before.manual).toBeGreaterThan(0);
    expect(before.known).toBeGreaterThan(0);
    expect(before.issue).toBeGreaterThan(0);
    for (const query of ['manual', 'known issue']) expect((await search(owner, `${s.base}/search?q=${encodeURIComponent(query)}`)).corrected, query).toEqual([]);
    const typo = await search(owner, `${s.base}/search?q=manuel&types=document`);
    expect(typo.corrected).toEqual([{ from: 'manuel', to: 'manual' }]);
    expect(ids(typo)).toEqual([s.documents.manualP1]);
    // Indexing a release and a bulletin again moves their keywords out and back in: the counts stand.
    await indexSearchTarget(t.ctx, { kind: 'release', id: s.releases.p1 });
    await indexSearchTarget(t.ctx, { kind: 'bulletin', id: s.documents.bulletinP2 });
    expect({ manual: await entriesOf('manual'), known: await entriesOf('known'), issue: await entriesOf('issue') }).toEqual(before);
  });
});

describe('GET /api/v1/console/search (visibility)', () => {
  it('shows a support engineer every article (drafts and internal ones too), document, release and case', async () => {
    const results = await search(engineer, '/api/v1/console/search?q=quasar&limit=50');
    expect(results.counts).toEqual({ article: 5, document: 2, release: 4, case: 3 });
    const draft = results.items.find((i) => i.id === s.articles.draft)!;
    expect(draft.draft).toBe(true);
    expect(results.items.find((i) => i.id === s.releases.p1Draft)!.draft).toBe(true);
    expect(results.items.find((i) => i.id === s.cases.otherOrganization)!.href).toBe(`/console/cases/${s.organizationB}/${s.cases.otherOrganization}`);
    expect(results.items.find((i) => i.id === s.articles.internal)!.href).toBe(`/console/knowledge/${s.articles.internal}`);
  });

  it('tells staff who may read each article: internal, for customers or public', async () => {
    const results = await search(engineer, '/api/v1/console/search?q=quasar&limit=50');
    const visibilityOf = (id: string) => results.items.find((i) => i.id === id)!.visibility;
    expect(visibilityOf(s.articles.internal)).toBe('internal');
    expect(visibilityOf(s.articles.customers)).toBe('customers');
    expect(visibilityOf(s.articles.publicKo)).toBe('public');
    expect(visibilityOf(s.articles.draft)).toBe('customers');
    expect(visibilityOf(s.releases.p1)).toBeNull();
    expect(visibilityOf(s.cases.site1)).toBeNull();
    const preview = await engineer.inject('GET', `/api/v1/console/search/preview/article/${s.articles.internal}`);
    expect(preview.statusCode).toBe(200);
    expect((preview.json() as SearchPreview).visibility).toBe('internal');
    const release = await engineer.inject('GET', `/api/v1/console/search/preview/release/${s.releases.p1}`);
    expect((release.json() as SearchPreview).visibility).toBeNull();
  });

  it('shows staff without article.write, product.view and case.view only published articles', async () => {
    const results = await search(agent, '/api/v1/console/search?q=quasar&limit=50');
    expect(results.counts).toEqual({ article: 4, document: 0, release: 0, case: 0 });
    expect(ids(results)).not.toContain(s.articles.draft);
  });

  it('refuses customers', async () => {
    expect((await owner.inject('GET', '/api/v1/console/search?q=quasar')).statusCode).toBe(403);
  });
});

describe('GET …/search/preview/:kind/:id', () => {
  const preview = async (who: SignedIn, kind: string, id: string) => who.inject('GET', `${s.base}/search/preview/${kind}/${id}`);

  it('shows a visible article in the reader’s language, with its sections', async () => {
    const response = await preview(owner, 'article', s.articles.bilingual);
    expect(response.statusCode).toBe(200);
    const body = response.json() as SearchPreview;
    expect(body).toMatchObject({ kind: 'article', id: s.articles.bilingual, language: 'ko', title: 'Quasar 로드맵 2017', href: `/portal/knowledge/${s.articles.bilingual}?lang=ko` });
    // The instant it was updated, whole, as at the top: the web app shows the day in the reader's time zone.
    expect(body.meta.find((m) => m.label === '업데이트')).toEqual({ label: '업데이트', value: body.date, type: 'instant' });
    const verified = (await preview(owner, 'article', s.articles.customers)).json() as SearchPreview;
    expect(verified.verified).toBe(true);
    expect(verified.body).toContain('Restart the **archive** service');
    // When it was verified is a fact of the quick view, as it stands beside the flag on the article's page.
    expect(verified.meta.find((m) => m.label === '검증일')).toMatchObject({ type: 'instant', value: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(body.meta.find((m) => m.label === '검증일')).toBeUndefined();
  });

  it('shows an article in the language of the result opened, whatever the reader’s language', async () => {
    const english = (await owner.inject('GET', `${s.base}/search/preview/article/${s.articles.bilingual}?language=en`)).json() as SearchPreview;
    expect(english).toMatchObject({ language: 'en', title: 'Quasar roadmap for 2017', href: `/portal/knowledge/${s.articles.bilingual}?lang=en` });
    for (const [language, title] of [['en', 'Quasar roadmap for 2017'], ['ko', 'Quasar 로드맵 2017']] as const) {
      const staff = (await engineer.inject('GET', `/api/v1/console/search/preview/article/${s.articles.bilingual}?language=${language}`)).json() as SearchPreview;
      expect(staff).toMatchObject({ language, title });
    }
    // A language the article does not have: the one it has.
    expect(((await owner.inject('GET', `${s.base}/search/preview/article/${s.articles.customers}?language=ko`)).json() as SearchPreview).language).toBe('en');
    expect((await owner.inject('GET', `${s.base}/search/preview/article/${s.articles.bilingual}?language=fr`)).statusCode).toBe(400);
  });

  it('answers 404 search.not_found for what the member’s search would not show', async () => {
    for (const [who, kind, id] of [
      [owner, 'article', s.articles.internal],
      [owner, 'article', s.articles.draft],
      [owner, 'release', s.releases.p1Draft],
      [owner, 'release', s.releases.p3],
      [owner, 'case', s.cases.otherOrganization],
      [site1Support, 'case', s.cases.site2],
      [site1Viewer, 'case', s.cases.site1],
      [site1Support, 'document', s.documents.bulletinP2],
      [owner, 'document', s.documents.softwareP1],
      [owner, 'article', s.cases.site1],
    ] as const) {
      const response = await preview(who, kind, id);
      expect(response.statusCode, `${kind} ${id}`).toBe(404);
      expect(response.json().error.code).toBe('search.not_found');
    }
  });

  it('shows documents, releases and cases with their details', async () => {
    const manual = (await preview(site1Support, 'document', s.documents.manualP1)).json() as SearchPreview;
    expect(manual).toMatchObject({ subtype: 'manual', title: 'quasar-admin-guide.pdf', href: `/portal/products/${s.site1}/${s.products.p1}` });
    const release = (await preview(site1Support, 'release', s.releases.p1)).json() as SearchPreview;
    expect(release.body).toBe('Quasar fixes for the archive.');
    // Dated by the day the release came out, not by when its row was saved; so are its results.
    const [row] = await t.ctx.database.raw<{ releasedOn: string }>(`select to_char(released_on, 'YYYY-MM-DD') as "releasedOn" from releases where id = $1`, [s.releases.p1]);
    const releasedOn = row!.releasedOn;
    expect(releasedOn).not.toBe(new Date().toISOString().slice(0, 10));
    expect(release).toMatchObject({ date: `${releasedOn}T00:00:00.000Z`, dated: 'released', attachments: [] });
    expect(manual).toMatchObject({ date: `${releasedOn}T00:00:00.000Z`, dated: 'released' });
    const results = await search(site1Support, `${s.base}/search?q=quasar&types=release,document&limit=50`);
    expect(results.items.find((item) => item.id === s.releases.p1)!.date).toBe(`${releasedOn}T00:00:00.000Z`);
    expect(results.items.find((item) => item.id === s.documents.manualP1)!.date).toBe(`${releasedOn}T00:00:00.000Z`);
    const theCase = (await preview(owner, 'case', s.cases.site2)).json() as SearchPreview;
    expect(theCase.meta.map((m) => m.label)).toContain('케이스 번호');
    expect(theCase.meta.find((m) => m.label === '이전 번호')!.value).toBe('CS-2019-0042');
    const opened = theCase.meta.find((m) => m.label === '접수일')!;
    expect(opened.type).toBe('instant');
    expect(new Date(opened.value).toISOString()).toBe(opened.value);
  });

  it('shows staff drafts in the console', async () => {
    const response = await engineer.inject('GET', `/api/v1/console/search/preview/article/${s.articles.draft}`);
    expect(response.statusCode).toBe(200);
    expect((response.json() as SearchPreview).meta.some((m) => m.value === 'Draft')).toBe(true);
    expect((await agent.inject('GET', `/api/v1/console/search/preview/article/${s.articles.draft}`)).statusCode).toBe(404);
    expect((await agent.inject('GET', `/api/v1/console/search/preview/case/${s.cases.site1}`)).statusCode).toBe(404);
  });

  it('refuses an unknown kind or a malformed id with 400', async () => {
    expect((await preview(owner, 'folder', s.articles.customers)).statusCode).toBe(400);
    expect((await preview(owner, 'article', 'not-a-uuid')).statusCode).toBe(400);
  });
});
