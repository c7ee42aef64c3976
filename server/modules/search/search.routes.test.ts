import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResults } from '../../../common/schemas/search';
import { articleTranslations, articles, searchTerms } from '../../db/schema/index';
import { buildArticle } from '../../test/knowledge-factories';
import { buildTestApp, type SignedIn, type TestApp } from '../../test/test-app';
import { buildCaseScenario, caseBody, signInCaseMember, signInStaff, type CaseScenario } from '../cases/case-lifecycle.scenario';
import { createSearchIndexJobHandler, indexSearchTarget, queueLapsedVerifications } from './search-indexer';
import { queueSearchIndex, SEARCH_INDEX_JOB } from './search-index';
import { runDueJobs } from '../../platform/jobs';
import { MAIL_JOB } from '../../platform/mail';

let t: TestApp;
let s: CaseScenario;
let owner: SignedIn;
let engineer: SignedIn;

beforeAll(async () => {
  t = await buildTestApp();
  s = await buildCaseScenario(t);
  owner = await signInCaseMember(t, s.organizationId, 'owner');
  engineer = await signInStaff(t);
});
afterAll(async () => {
  await t?.close();
});

async function search(q: string, extra = '', who: SignedIn = owner): Promise<SearchResults> {
  const response = await who.inject('GET', `${s.base}/search?q=${encodeURIComponent(q)}${extra}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as SearchResults;
}

/** An article made findable the way the application does it: a queued job, run by the worker. */
async function publishedArticle(overrides: Parameters<typeof buildArticle>[1]) {
  const article = await buildArticle(t.ctx, overrides);
  await queueSearchIndex(t.ctx.db, { kind: 'article', id: article.id });
  await t.drainJobs();
  return article;
}

describe('GET /api/v1/organizations/:organizationId/search (a word in more entries than are counted)', () => {
  it('counts 1,000 and says there are more, and still ranks the title matches found past them first', async () => {
    const { randomUUID } = await import('node:crypto');
    const insert = (count: number, tsv: string, title: string, kind = 'article', audience = 'public') =>
      t.ctx.database.raw(
        `insert into search_entries (kind, source_id, target_id, audience, published, language, title, body, tsv, updated_at)
         select $4, gen_random_uuid(), gen_random_uuid(), $5, true, 'en', $1, 'zzcapword in the body', $2::tsvector, now() - interval '1 day'
           from generate_series(1, $3::int)`,
        [title, tsv, count, kind, audience],
      );
    // The body matches first in storage order, then the title matches, the reader may see or not.
    await insert(1_050, "'zzcapword':5C 'bodi':6C", 'Some other subject');
    const marker = randomUUID().slice(0, 8);
    await insert(5, "'zzcapword':1A 'guid':2A", `Zzcapword guide ${marker}`);
    await insert(3, "'zzcapword':1A", `Zzcapword internal ${marker}`, 'article', 'internal');
    await insert(3, "'zzcapword':1A", `Zzcapword case of nobody ${marker}`, 'case', 'organization');
    try {
      const all = await search('zzcapword');
      expect(all.capped).toBe(true);
      expect(all.total).toBe(1_000);
      expect(all.counts.article).toBe(1_000);
      expect(all.items.slice(0, 5).map((item) => item.title)).toEqual(Array(5).fill(`Zzcapword guide ${marker}`));
      expect(all.items.filter((item) => /internal|nobody/.test(item.title))).toEqual([]);

      const articles = await search('zzcapword', '&types=article&limit=50');
      expect(articles.capped).toBe(true);
      expect(articles.total).toBe(1_000);
      expect(articles.items.slice(0, 5).map((item) => item.title)).toEqual(Array(5).fill(`Zzcapword guide ${marker}`));
      expect(articles.items.filter((item) => /internal|nobody/.test(item.title))).toEqual([]);

      const few = await search('zzcapword guide');
      expect(few.capped).toBe(false);
      expect(few.total).toBe(5);
    } finally {
      await t.ctx.database.raw(`delete from search_entries where body = 'zzcapword in the body'`);
    }
  });
});

describe('GET /api/v1/organizations/:organizationId/search (bad input)', () => {
  it('answers every odd query with 200 and never an error', async () => {
    await publishedArticle({ translations: [{ language: 'en', title: 'Drop table guide for cases' }] });
    const queries = [
      '',
      '   ',
      'x'.repeat(10_000),
      '가'.repeat(10_000),
      '.,;:!?()[]{}<>~`@#$%^&*-_=+|\\/"\'',
      '&',
      '|',
      '!',
      ':*',
      "'",
      "& | ! :* ' \\",
      "a:* & !b | 'c'",
      "'; drop table cases; --",
      '" or 1=1 --',
      '😀👍🏽 ★',
      '\u0000\u200b\ufeff',
    ];
    for (const q of queries) {
      const results = await search(q);
      expect(results.query.length, q.slice(0, 20)).toBeLessThanOrEqual(500);
    }
    expect((await search('')).items).toEqual([]);
    expect((await search('...')).total).toBe(0);
    const sql = await search("'; drop table cases; --");
    expect(sql.items.map((i) => i.title)).toContain('Drop table guide for cases');
  });

  it('refuses an unknown type, a limit out of range or a query over 10,000 characters with 400', async () => {
    for (const query of ['types=article,folder', 'types=%27', 'limit=0', 'limit=51', 'limit=x', 'offset=-1', 'offset=1001', 'productId=nope', 'language=fr', `q=${'x'.repeat(10_001)}`]) {
      const response = await owner.inject('GET', `${s.base}/search?${query}`);
      expect(response.statusCode, query).toBe(400);
    }
  });
});

describe('search index updates through the job queue', () => {
  it('re-indexes an article whose verification lapsed, so it no longer ranks as verified', async () => {
    const article = await publishedArticle({ translations: [{ language: 'en', title: 'Basalt checkpoint stalls' }], verified: true });
    expect((await search('basalt')).items.map((i) => i.verified)).toEqual([true]);
    expect(await queueLapsedVerifications(t.ctx)).toBe(0);
    const days = t.ctx.config.articleVerificationDays;
    t.clock.advance((days + 1) * 86_400_000);
    try {
      expect(await queueLapsedVerifications(t.ctx)).toBe(1);
      await t.drainJobs();
      // (Sessions lapse too this far ahead: the entry is read directly.)
      const entries = await t.database.raw<{ verified: boolean }>(`select verified from search_entries where kind = 'article' and target_id = $1`, [article.id]);
      expect(entries.map((e) => e.verified)).toEqual([false]);
      expect(await queueLapsedVerifications(t.ctx)).toBe(0);
    } finally {
      t.clock.advance(-(days + 1) * 86_400_000);
    }
  });

  it('finds a published article once its job ran, follows a new title and forgets an unpublished one', async () => {
    const article = await buildArticle(t.ctx, { translations: [{ language: 'en', title: 'Zircon buffer overflow' }] });
    expect((await search('zircon')).total).toBe(0);
    await queueSearchIndex(t.ctx.db, { kind: 'article', id: article.id });
    await t.drainJobs();
    expect((await search('zircon')).items.map((i) => i.id)).toEqual([article.id]);

    await t.ctx.db.update(articleTranslations).set({ title: 'Obsidian buffer overflow' }).where(eq(articleTranslations.articleId, article.id));
    await queueSearchIndex(t.ctx.db, { kind: 'article', id: article.id });
    await t.drainJobs();
    expect((await search('obsidian')).items.map((i) => i.id)).toEqual([article.id]);
    expect((await search('zircon')).total).toBe(0);

    await t.ctx.db.update(articleTranslations).set({ status: 'draft' }).where(eq(articleTranslations.articleId, article.id));
    await queueSearchIndex(t.ctx.db, { kind: 'article', id: article.id });
    await t.drainJobs();
    expect((await search('obsidian')).total).toBe(0);
    const staff = (await engineer.inject('GET', '/api/v1/console/search?q=obsidian')).json() as SearchResults;
    expect(staff.items.map((i) => [i.id, i.draft])).toEqual([[article.id, true]]);

    await t.ctx.db.delete(articles).where(eq(articles.id, article.id));
    await indexSearchTarget(t.ctx, { kind: 'article', id: article.id });
    expect(((await engineer.inject('GET', '/api/v1/console/search?q=obsidian')).json() as SearchResults).total).toBe(0);
  });

  it('keeps the typo vocabulary counting the entries that hold each word', async () => {
    const count = async (term: string) => (await t.ctx.db.select().from(searchTerms).where(eq(searchTerms.term, term)))[0]?.entries ?? 0;
    const a = await publishedArticle({ translations: [{ language: 'en', title: 'Tungsten filament' }] });
    const b = await publishedArticle({ translations: [{ language: 'en', title: 'Tungsten alloy' }] });
    expect(await count('tungsten')).toBe(2);
    await t.ctx.db.delete(articles).where(eq(articles.id, a.id));
    await indexSearchTarget(t.ctx, { kind: 'article', id: a.id });
    expect(await count('tungsten')).toBe(1);
    expect(await count('filament')).toBe(0);
    await indexSearchTarget(t.ctx, { kind: 'article', id: b.id });
    expect(await count('tungsten')).toBe(1);
  });

  it('finds a case created through the API by its subject and by its 8-digit number, the exact number first', async () => {
    const created = await owner.inject('POST', `${s.base}/cases`, caseBody(s, { subject: 'Historian gravimeter stalls', description: 'Since Monday.' }));
    expect(created.statusCode, created.body).toBe(201);
    const { id, number } = created.json() as { id: string; number: string };
    await t.drainJobs();
    expect((await search('gravimeter')).items.map((i) => [i.kind, i.id])).toEqual([['case', id]]);
    const byNumber = await search(number);
    expect(byNumber.items[0]).toMatchObject({ kind: 'case', id, reference: number });

    // A status change and a resolution are indexed too (the resolution's words find the case).
    const resolved = await engineer.inject('PATCH', `${s.base}/cases/${id}`, { resolution: 'Replaced the flux capacitor.' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    await t.drainJobs();
    expect((await search('capacitor')).items.map((i) => i.id)).toEqual([id]);
  });

  it('indexes cases created in a burst together (one batch of jobs), each findable, with the vocabulary counted once per case', async () => {
    const subjects = ['Zirconium probe drift', 'Zirconium valve chatter', 'Zirconium pump cavitation'];
    const ids: string[] = [];
    for (const subject of subjects) {
      const created = await owner.inject('POST', `${s.base}/cases`, caseBody(s, { subject, description: 'Seen at night.' }));
      expect(created.statusCode, created.body).toBe(201);
      ids.push((created.json() as { id: string }).id);
    }
    const batches: unknown[][] = [];
    const handler = createSearchIndexJobHandler(t.ctx);
    const ran = await runDueJobs(t.ctx.db, { [SEARCH_INDEX_JOB]: { batch: async (payloads) => { batches.push(payloads); await handler.batch(payloads); } }, [MAIL_JOB]: async () => undefined }, new Date(Date.now() + 60_000));
    expect(ran).toBeGreaterThanOrEqual(3);
    expect(batches).toHaveLength(1);
    expect(batches[0]).toEqual(ids.map((id) => ({ kind: 'case', id })));
    expect((await search('zirconium')).items.map((i) => i.id).sort()).toEqual([...ids].sort());
    expect((await search('cavitation')).items.map((i) => i.id)).toEqual([ids[2]]);
    const [term] = await t.ctx.db.select().from(searchTerms).where(eq(searchTerms.term, 'zirconium'));
    expect(term?.entries).toBe(3);
  });
});

describe('search quality', () => {
  it('finds the manual’s examples: roadmap, korean 2017, download among articles, customer portal', async () => {
    const roadmap = await publishedArticle({ translations: [{ language: 'en', title: 'Product roadmap 2026', summary: 'Where the products are heading.' }] });
    const korean = await publishedArticle({ translations: [{ language: 'en', title: 'Korean language pack for PI ProcessBook 2017', summary: 'Install the Korean pack.' }] });
    const download = await publishedArticle({ translations: [{ language: 'en', title: 'How to download software from the portal', summary: 'Downloads need a contract.' }] });
    const portal = await publishedArticle({ translations: [{ language: 'en', title: 'Getting started with the customer portal', summary: 'Sign in and find your products.' }] });
    expect((await search('roadmap')).items[0]!.id).toBe(roadmap.id);
    expect((await search('korean 2017')).items[0]!.id).toBe(korean.id);
    const downloads = await search('download', '&types=article');
    expect(downloads.items[0]!.id).toBe(download.id);
    expect(downloads.items.every((i) => i.kind === 'article')).toBe(true);
    expect((await search('customer portal')).items[0]!.id).toBe(portal.id);
  });

  it('ranks a title match above a body match, and a verified article above an unverified one', async () => {
    const inBody = await publishedArticle({ translations: [{ language: 'en', title: 'Network checklist', resolution: 'Check the marmoset adapter.' }] });
    const inTitle = await publishedArticle({ translations: [{ language: 'en', title: 'Marmoset adapter resets' }] });
    expect((await search('marmoset')).items.map((i) => i.id)).toEqual([inTitle.id, inBody.id]);
    const plain = await publishedArticle({ translations: [{ language: 'en', title: 'Ocelot sync fails' }] });
    const verified = await publishedArticle({ verified: true, translations: [{ language: 'en', title: 'Ocelot sync fails' }] });
    const results = await search('ocelot');
    expect(results.items.map((i) => i.id)).toEqual([verified.id, plain.id]);
    expect(results.items[0]!.verified).toBe(true);
  });

  it('ranks the recently updated article above an old one that matches alike', async () => {
    const now = t.clock.now().getTime();
    const old = await publishedArticle({ translations: [{ language: 'en', title: 'Quokka relay timeout', updatedAt: new Date(now - 3 * 365 * 86_400_000) }] });
    const recent = await publishedArticle({ translations: [{ language: 'en', title: 'Quokka relay timeout', updatedAt: new Date(now - 86_400_000) }] });
    expect((await search('quokka relay')).items.map((i) => i.id)).toEqual([recent.id, old.id]);
  });

  it('asks for all but one of the words before any word: five such matches answer, and a one-word match stays out', async () => {
    const twoWords = [];
    for (const suffix of ['alpha', 'bravo', 'charlie', 'delta', 'echo']) twoWords.push(await publishedArticle({ translations: [{ language: 'en', title: `Tapir beacon ${suffix}` }] }));
    const oneWord = await publishedArticle({ translations: [{ language: 'en', title: 'Tapir manual' }] });
    const results = await search('tapir beacon zebu ');
    expect(results.items.map((i) => i.id).sort()).toEqual(twoWords.map((a) => a.id).sort());
    expect(results.total).toBe(5);
    // With a word fewer to leave out, any word would have taken the one-word match as well.
    expect((await search('tapir zebu ')).items.map((i) => i.id)).toContain(oneWord.id);
  });

  it('finds Korean words through particles and spacing, and highlights them', async () => {
    const article = await publishedArticle({
      translations: [{ language: 'ko', title: '원격지원 세션이 끊어질 때', summary: '라이선스를 다시 활성화하세요.' }],
    });
    for (const q of ['세션', '세션이', '원격 지원', '원격지원', '라이선스가', '라이선스 활성화']) {
      expect((await search(q)).items.map((i) => i.id), q).toContain(article.id);
    }
    const result = (await search('원격 지원 세션')).items.find((i) => i.id === article.id)!;
    expect(result.titleHighlights.map(([a, b]) => result.title.slice(a, b))).toEqual(['원격지원', '세션']);
    const snippet = (await search('라이선스를')).items.find((i) => i.id === article.id)!;
    expect(snippet.highlights.map(([a, b]) => snippet.snippet.slice(a, b))).toEqual(['라이선스']);
  });

  it('finds words written in their other spelling (라이센스, 고객포탈, licence) and calls none of them a typo', async () => {
    const korean = await publishedArticle({ translations: [{ language: 'ko', title: '고객 포털에서 라이선스 파일 받기' }] });
    const british = await publishedArticle({ translations: [{ language: 'en', title: 'Upload the licence file of the kiwifruit node' }] });
    for (const q of ['라이센스', '라이센스를', '고객포탈', '고객포탈 라이센스']) {
      expect((await search(q)).items.map((i) => i.id), q).toContain(korean.id);
    }
    const result = (await search('라이센스를')).items.find((i) => i.id === korean.id)!;
    expect(result.titleHighlights.map(([a, b]) => result.title.slice(a, b))).toEqual(['라이선스']);
    const american = await search('license kiwifruit');
    expect(american.items.map((i) => i.id)).toContain(british.id);
    expect(american.corrected).toEqual([]);
  });

  it('finds letters and a number typed together (Server2024) as the separate words, and marks them', async () => {
    const article = await publishedArticle({ translations: [{ language: 'en', title: 'Installing the collector on Windows Server 2024 quinceberry' }] });
    const result = (await search('Server2024 quinceberry')).items.find((i) => i.id === article.id);
    expect(result, 'server2024').toBeDefined();
    expect(result!.titleHighlights.map(([a, b]) => result!.title.slice(a, b))).toEqual(['Server', '2024', 'quinceberry']);
  });

  it('finds two words typed together (opcda, pivision) as both, without calling it a typo, and never takes apart a word it holds', async () => {
    const opc = await publishedArticle({ translations: [{ language: 'en', title: 'OPC DA interface drops tags after a buffer overflow' }] });
    const vision = await publishedArticle({ translations: [{ language: 'en', title: 'PI Vision displays open slowly on large screens' }] });
    const opcda = await search('opcda buffer');
    expect(opcda.items.map((i) => i.id)).toContain(opc.id);
    expect(opcda.corrected).toEqual([]);
    const result = opcda.items.find((i) => i.id === opc.id)!;
    expect(result.titleHighlights.map(([a, b]) => result.title.slice(a, b))).toEqual(['OPC', 'DA', 'buffer']);
    expect((await search('pivision')).items.map((i) => i.id)).toContain(vision.id);
    // "displays" is in the index: not read as "display s" or "dis plays".
    const displays = await search('displays');
    expect(displays.items.map((i) => i.id)).toEqual([vision.id]);
    // A word found nowhere whose halves are not both in one entry finds nothing.
    expect((await search('visionbuffer')).items.map((i) => i.id)).toEqual([]);
  });

  it('corrects Latin typos against the index and says so', async () => {
    const article = await publishedArticle({ translations: [{ language: 'en', title: 'Renew the license before it expires' }] });
    const results = await search('licnese renew');
    expect(results.corrected).toContainEqual({ from: 'licnese', to: 'license' });
    expect(results.items.map((i) => i.id)).toContain(article.id);
    expect((await search('license')).corrected).toEqual([]);
    // An inflection of an indexed word is not a typo.
    expect((await search('licenses')).corrected).toEqual([]);
  });

  it('corrects two swapped neighbouring letters, which trigrams barely see, and says so', async () => {
    // visoin and vision share 3 of 11 trigrams (0.27), sevrer and server too: below pg_trgm's 0.3.
    const vision = await publishedArticle({ translations: [{ language: 'en', title: 'Vision displays load slowly' }] });
    const server = await publishedArticle({ translations: [{ language: 'en', title: 'Archive server stops after an upgrade' }] });
    const visoin = await search('Visoin');
    expect(visoin.corrected).toEqual([{ from: 'visoin', to: 'vision' }]);
    expect(visoin.items.map((i) => i.id)).toContain(vision.id);
    const sevrer = await search('Sevrer upgrade');
    expect(sevrer.corrected).toEqual([{ from: 'sevrer', to: 'server' }]);
    expect(sevrer.items[0]!.id).toBe(server.id);
  });

  it('corrects a swap whose word the index holds only inflected (gasekt: gasket, only "gaskets" written)', async () => {
    // gasekt shares 3 of 12 trigrams with gaskets and is two edits from it: only its swap, gasket, is the word.
    const article = await publishedArticle({ translations: [{ language: 'en', title: 'Replace the gaskets of the pump housing' }] });
    const results = await search('gasekt pump');
    expect(results.corrected).toEqual([{ from: 'gasekt', to: 'gasket' }]);
    expect(results.items[0]!.id).toBe(article.id);
    expect(results.items[0]!.titleHighlights.map(([a, b]) => results.items[0]!.title.slice(a, b))).toEqual(['gaskets', 'pump']);
    // A word no swap of which the vocabulary holds in any form stays uncorrected.
    expect((await search('gzxqkt pump')).corrected).toEqual([]);
  });

  it('corrects a swap in the English word of a Korean query, ranking what matches every word first', async () => {
    const server = await publishedArticle({ translations: [{ language: 'ko', title: 'Server 라이선스 활성화 실패' }] });
    // Verified, it would come first were the typo left matching nothing.
    await publishedArticle({ verified: true, translations: [{ language: 'ko', title: 'AnySupport 라이선스 활성화 실패' }] });
    const results = await search('Sevrer 라이선스 활성화');
    expect(results.corrected).toEqual([{ from: 'sevrer', to: 'server' }]);
    expect(results.items[0]!.id).toBe(server.id);
    expect(results.items[0]!.titleHighlights.map(([a, b]) => results.items[0]!.title.slice(a, b))).toEqual(['Server', '라이선스', '활성화']);
  });

  it('offers the words fewest edits away first, however alike others are in trigrams', async () => {
    await publishedArticle({ translations: [{ language: 'en', title: 'Remote sessions allowed by policy' }] });
    await publishedArticle({ translations: [{ language: 'en', title: 'Allow list: the proxy allows these hosts' }] });
    // allowed is one swap away (trigram similarity 0.33); allow (0.4) and allows two edits.
    expect((await search('alloewd ')).corrected).toEqual([
      { from: 'alloewd', to: 'allowed' },
      { from: 'alloewd', to: 'allow' },
    ]);
  });

  it('does not correct a word to one only alike in letters', async () => {
    const article = await publishedArticle({ translations: [{ language: 'en', title: 'Zanzibar relay' }] });
    expect((await search('zanzibr')).corrected).toEqual([{ from: 'zanzibr', to: 'zanzibar' }]);
    // Three letters more: as alike in trigrams (0.6) as a typo, but not a slip of the fingers.
    const longer = await search('zanzibarian');
    expect(longer.corrected).toEqual([]);
    expect(longer.items.map((i) => i.id)).not.toContain(article.id);
  });

  it('falls back to any of the words when too little matches all of them, best partial match first', async () => {
    const both = await publishedArticle({ translations: [{ language: 'en', title: 'Walrus gateway timeout' }] });
    const one = await publishedArticle({ translations: [{ language: 'en', title: 'Walrus pairing' }] });
    const results = await search('walrus gateway narwhal');
    expect(results.items.map((i) => i.id)).toEqual([both.id, one.id]);
  });

  it('ranks what matches all the words before what matches only some, in the fallback', async () => {
    // "Quokka" is in one article only; "gantry" in many, several times in their titles.
    const many = [];
    for (let i = 0; i < 6; i++) many.push(await publishedArticle({ translations: [{ language: 'en', title: `Gantry gantry crane ${i}`, summary: 'Gantry alignment and gantry limits.' }] }));
    const both = await publishedArticle({ translations: [{ language: 'en', title: 'Encoder drift', summary: 'A quokka sensor on the gantry drifts after a restart.' }] });
    const results = await search('gantry quokka');
    expect(results.items.map((i) => i.id)).toEqual(expect.arrayContaining(many.map((a) => a.id)));
    expect(results.items[0]!.id).toBe(both.id);
  });

  it('matches the last word as a beginning while it is typed', async () => {
    const article = await publishedArticle({ translations: [{ language: 'en', title: 'Calibrating the pyrometer' }] });
    expect((await search('calibrating pyro')).items.map((i) => i.id)).toEqual([article.id]);
    expect((await search('pyro')).items.map((i) => i.id)).toEqual([article.id]);
    // A space after the word says it is finished: then it is a word of its own, not in the index,
    // and "pyrometer" is five letters more, not a typo of it.
    const finished = await search('pyro ');
    expect(finished.corrected).toEqual([]);
    expect(finished.items).toEqual([]);
  });
});
