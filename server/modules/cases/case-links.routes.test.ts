import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseLink, CaseLinkList, LinkCandidates } from '../../../common/schemas/cases';
import { articles, auditEvents, caseEvents, caseLinks, releases } from '../../db/schema/index';
import { buildBulletin, buildEntitlement, buildProduct, buildRelease, buildReleaseFile } from '../../test/catalog-factories';
import { buildArticle } from '../../test/knowledge-factories';
import { buildTestApp, type TestApp } from '../../test/test-app';
import { buildCaseScenario, type CaseScenario } from './case-feed.test-support';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const link = (s: CaseScenario, payload: { kind: string; targetId: string }, client = s.engineer) => client.inject('POST', `${s.base}/links`, payload);
const listLinks = async (s: CaseScenario, client = s.requester) => CaseLinkList.parse((await client.inject('GET', `${s.base}/links`)).json()).items;
const linksOf = (caseId: string) => t.ctx.db.select().from(caseLinks).where(eq(caseLinks.caseId, caseId));

describe('POST /api/v1/organizations/:organizationId/cases/:caseId/links', () => {
  it('links a published release as "<product> <version>" pointing at the product page of the case’s site, with history and activity', async () => {
    const s = await buildCaseScenario(t);
    const product = await buildProduct(t.ctx, { name: `PI Server ${randomUUID().slice(0, 6)} 🚀` });
    const release = await buildRelease(t.ctx, { productId: product.id, version: '2024 SP1' });
    const response = await link(s, { kind: 'release', targetId: release.id });
    expect(response.statusCode, response.body).toBe(201);
    const created = CaseLink.parse(response.json());
    expect(created).toMatchObject({ kind: 'release', targetId: release.id, title: `${product.name} 2024 SP1`, href: `/portal/products/${s.siteA.id}/${product.id}`, addedBy: { id: s.engineer.userId, side: 'engineer' } });
    expect(await listLinks(s)).toEqual([created]);
    const [event] = await t.ctx.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, s.caseId), eq(caseEvents.kind, 'link_added')));
    expect(event).toMatchObject({ actorId: s.engineer.userId, toValue: created.title, details: { linkId: created.id, kind: 'release', targetId: release.id } });
    const [audit] = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'case.link.added'), eq(auditEvents.targetId, s.caseId)));
    expect(audit).toMatchObject({ organizationId: s.organizationId, actorUserId: s.engineer.userId, details: { kind: 'release', targetId: release.id } });

    const duplicate = await link(s, { kind: 'release', targetId: release.id });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('cases.link_exists');
    expect(await linksOf(s.caseId)).toHaveLength(1);
  });

  it('links documents: a bulletin of kind document, a manual or release notes of a published release', async () => {
    const s = await buildCaseScenario(t);
    const product = await buildProduct(t.ctx, { name: `Vision ${randomUUID().slice(0, 6)}` });
    const release = await buildRelease(t.ctx, { productId: product.id, version: '3.5' });
    const bulletin = await buildBulletin(t.ctx, { productId: product.id, kind: 'document', title: '설치 가이드 📘' });
    const manual = await buildReleaseFile(t.ctx, { releaseId: release.id, resourceType: 'manual', fileName: 'Vision-3.5-Admin.pdf' });
    const notes = await buildReleaseFile(t.ctx, { releaseId: release.id, resourceType: 'release_notes', fileName: 'notes.pdf' });
    for (const target of [bulletin.id, manual.id, notes.id]) {
      const response = await link(s, { kind: 'document', targetId: target });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json().href).toBe(`/portal/products/${s.siteA.id}/${product.id}`);
    }
    const titles = (await listLinks(s)).map((l) => l.title).sort();
    expect(titles).toEqual(['Vision-3.5-Admin.pdf (' + product.name + ' 3.5)', 'notes.pdf (' + product.name + ' 3.5)', '설치 가이드 📘'].sort());
  });

  it('refuses content that is not there or not linkable with 422 cases.link_target_not_found (articles customers may not read included)', async () => {
    const s = await buildCaseScenario(t);
    const product = await buildProduct(t.ctx);
    const draft = await buildRelease(t.ctx, { productId: product.id, published: false });
    const published = await buildRelease(t.ctx, { productId: product.id });
    const notice = await buildBulletin(t.ctx, { productId: product.id, kind: 'notice' });
    const software = await buildReleaseFile(t.ctx, { releaseId: published.id, resourceType: 'software' });
    const removedManual = await buildReleaseFile(t.ctx, { releaseId: published.id, resourceType: 'manual' });
    await t.database.raw('update release_files set removed_at = now() where id = $1', [removedManual.id]);
    const draftManual = await buildReleaseFile(t.ctx, { releaseId: draft.id, resourceType: 'manual' });
    const internalArticle = await buildArticle(t.ctx, { visibility: 'internal' });
    const draftArticle = await buildArticle(t.ctx, { visibility: 'customers', translations: [{ language: 'en', status: 'draft' }] });
    const attempts = [
      { kind: 'release', targetId: draft.id },
      { kind: 'release', targetId: randomUUID() },
      { kind: 'release', targetId: notice.id },
      { kind: 'document', targetId: notice.id },
      { kind: 'document', targetId: software.id },
      { kind: 'document', targetId: removedManual.id },
      { kind: 'document', targetId: draftManual.id },
      { kind: 'document', targetId: published.id },
      { kind: 'article', targetId: randomUUID() },
      { kind: 'article', targetId: internalArticle.id },
      { kind: 'article', targetId: draftArticle.id },
      { kind: 'article', targetId: published.id },
    ];
    for (const attempt of attempts) {
      const response = await link(s, attempt);
      expect(response.statusCode, JSON.stringify(attempt)).toBe(422);
      expect(response.json().error.code).toBe('cases.link_target_not_found');
    }
    expect(await linksOf(s.caseId)).toEqual([]);
  });

  it('links an article its customers may read, titled in the case’s language; customers open it in the portal, engineers in the console', async () => {
    const s = await buildCaseScenario(t, { language: 'ko' });
    const article = await buildArticle(t.ctx, { visibility: 'customers', translations: [{ language: 'en', title: 'Archive repair' }, { language: 'ko', title: '아카이브 복구' }] });
    const response = await link(s, { kind: 'article', targetId: article.id });
    expect(response.statusCode, response.body).toBe(201);
    expect(CaseLink.parse(response.json())).toMatchObject({ kind: 'article', targetId: article.id, title: '아카이브 복구', href: `/console/knowledge/${article.id}` });
    expect(await listLinks(s)).toEqual([expect.objectContaining({ targetId: article.id, title: '아카이브 복구', href: `/portal/knowledge/${article.id}` })]);
    expect((await link(s, { kind: 'article', targetId: article.id })).statusCode).toBe(409);
    const publicEnglish = await buildArticle(t.ctx, { visibility: 'public', translations: [{ language: 'en', title: 'Public only in English' }, { language: 'ko', title: '초안', status: 'draft' }] });
    expect((await link(s, { kind: 'article', targetId: publicEnglish.id })).json().title).toBe('Public only in English');

    // Made internal later: the customer no longer sees the link; the engineer still does.
    await t.ctx.db.update(articles).set({ visibility: 'internal' }).where(eq(articles.id, article.id));
    expect((await listLinks(s)).map((l) => l.targetId)).toEqual([publicEnglish.id]);
    expect((await listLinks(s, s.engineer)).find((l) => l.targetId === article.id)).toMatchObject({ href: `/console/knowledge/${article.id}` });
    // Deleted: engineers keep the title without a page.
    await t.ctx.db.delete(articles).where(eq(articles.id, article.id));
    expect((await listLinks(s, s.engineer)).find((l) => l.targetId === article.id)).toMatchObject({ title: '아카이브 복구', href: null });
  });

  it('refuses customers with 403 (adding, removing, searching)', async () => {
    const s = await buildCaseScenario(t);
    const release = await buildRelease(t.ctx);
    const refused = await link(s, { kind: 'release', targetId: release.id }, s.requester);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('auth.forbidden');
    const added = await link(s, { kind: 'release', targetId: release.id });
    expect((await s.requester.inject('DELETE', `${s.base}/links/${added.json().id}`)).statusCode).toBe(403);
    expect((await s.requester.inject('GET', `${s.base}/link-candidates?kind=release`)).statusCode).toBe(403);
    expect(await linksOf(s.caseId)).toHaveLength(1);
  });

  it('shows no product page once the release is unpublished', async () => {
    const s = await buildCaseScenario(t);
    const release = await buildRelease(t.ctx);
    await link(s, { kind: 'release', targetId: release.id });
    await t.ctx.db.update(releases).set({ publishedAt: null }).where(eq(releases.id, release.id));
    const [listed] = await listLinks(s);
    expect(listed).toMatchObject({ targetId: release.id, href: null });
  });
});

describe('DELETE /api/v1/organizations/:organizationId/cases/:caseId/links/:linkId', () => {
  it('removes a link with history and activity; a link of another case or gone answers 404', async () => {
    const s = await buildCaseScenario(t);
    const other = await buildCaseScenario(t);
    const release = await buildRelease(t.ctx);
    const mine = (await link(s, { kind: 'release', targetId: release.id })).json() as CaseLink;
    const theirs = (await link(other, { kind: 'release', targetId: release.id })).json() as CaseLink;
    const crossed = await s.engineer.inject('DELETE', `${s.base}/links/${theirs.id}`);
    expect(crossed.statusCode).toBe(404);
    expect(crossed.json().error.code).toBe('cases.link_not_found');
    const removed = await s.engineer.inject('DELETE', `${s.base}/links/${mine.id}`);
    expect(removed.statusCode).toBe(204);
    expect(await linksOf(s.caseId)).toEqual([]);
    expect(await linksOf(other.caseId)).toHaveLength(1);
    const [event] = await t.ctx.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, s.caseId), eq(caseEvents.kind, 'link_removed')));
    expect(event).toMatchObject({ fromValue: mine.title, details: { linkId: mine.id } });
    const [audit] = await t.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'case.link.removed'), eq(auditEvents.targetId, s.caseId)));
    expect(audit).toMatchObject({ details: { linkId: mine.id, title: mine.title } });
    expect((await s.engineer.inject('DELETE', `${s.base}/links/${mine.id}`)).statusCode).toBe(404);
  });
});

describe('GET /api/v1/organizations/:organizationId/cases/:caseId/link-candidates', () => {
  it('finds releases, documents and articles customers may read by name, the site’s licensed products first, not those linked already, at most 20', async () => {
    const s = await buildCaseScenario(t);
    const tag = randomUUID().slice(0, 6);
    const licensed = await buildProduct(t.ctx, { name: `Zeta ${tag} Licensed` });
    const unlicensed = await buildProduct(t.ctx, { name: `Alpha ${tag} Other` });
    await buildEntitlement(t.ctx, { organizationId: s.organizationId, siteId: s.siteA.id, productId: licensed.id });
    const licensedRelease = await buildRelease(t.ctx, { productId: licensed.id, version: '1.0', releasedOn: '2020-01-01' });
    const newer = await buildRelease(t.ctx, { productId: unlicensed.id, version: '9.0', releasedOn: '2025-01-01' });
    await buildRelease(t.ctx, { productId: unlicensed.id, version: 'draft', published: false });
    const search = async (query: string) => {
      const response = await s.engineer.inject('GET', `${s.base}/link-candidates?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return LinkCandidates.parse(response.json()).items;
    };
    expect((await search(`kind=release&q=${tag}`)).map((c) => c.targetId)).toEqual([licensedRelease.id, newer.id]);
    expect((await search(`kind=release&q=${encodeURIComponent(`alpha ${tag} other 9`)}`)).map((c) => c.title)).toEqual([`Alpha ${tag} Other 9.0`]);
    await link(s, { kind: 'release', targetId: licensedRelease.id });
    expect((await search(`kind=release&q=${tag}`)).map((c) => c.targetId)).toEqual([newer.id]);

    const manual = await buildReleaseFile(t.ctx, { releaseId: newer.id, resourceType: 'manual', fileName: `Guide-${tag}.pdf` });
    const bulletin = await buildBulletin(t.ctx, { productId: licensed.id, kind: 'document', title: `Tuning ${tag}` });
    expect((await search(`kind=document&q=${tag}`)).map((c) => c.targetId).sort()).toEqual([manual.id, bulletin.id].sort());
    const readable = await buildArticle(t.ctx, { visibility: 'customers', translations: [{ language: 'en', title: `Backup ${tag}` }] });
    await buildArticle(t.ctx, { visibility: 'internal', translations: [{ language: 'en', title: `Internal ${tag}` }] });
    await buildArticle(t.ctx, { visibility: 'public', translations: [{ language: 'en', title: `Draft ${tag}`, status: 'draft' }] });
    expect(await search(`kind=article&q=${tag}`)).toEqual([{ kind: 'article', targetId: readable.id, title: `Backup ${tag}` }]);
    await link(s, { kind: 'article', targetId: readable.id });
    expect(await search(`kind=article&q=${tag}`)).toEqual([]);

    const crowd = await buildProduct(t.ctx, { name: `Crowd ${tag}` });
    for (let i = 0; i < 22; i += 1) await buildRelease(t.ctx, { productId: crowd.id, version: `2.${i}` });
    expect(await search(`kind=release&q=${encodeURIComponent(`crowd ${tag}`)}`)).toHaveLength(20);
    expect((await s.engineer.inject('GET', `${s.base}/link-candidates?kind=video`)).statusCode).toBe(400);
  });
});
