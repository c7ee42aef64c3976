import { describe, expect, it } from 'vitest';
import { CORPUS_PRODUCTS, generateCorpus } from './search-corpus';
import { SEARCH_QUERIES, expectedKeys, scriptOf } from './search-queries';

const corpus = generateCorpus();
const text = (a: (typeof corpus)[number]) => [a.title, a.summary, a.issue, a.environment, a.resolution].join('\n');

describe('the search evaluation corpus', () => {
  it('holds at least 2,000 articles with unique keys, half Korean and half English', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(2_000);
    expect(new Set(corpus.map((a) => a.key)).size).toBe(corpus.length);
    const korean = corpus.filter((a) => a.language === 'ko').length;
    expect(korean).toBe(corpus.length - korean);
  });

  it('is the same on every run (seeded), and another round phrases the same articles under other keys', () => {
    const again = generateCorpus();
    expect(again.map((a) => [a.key, a.title, a.summary, a.updatedAt.toISOString(), a.verified])).toEqual(corpus.map((a) => [a.key, a.title, a.summary, a.updatedAt.toISOString(), a.verified]));
    const round = generateCorpus({ round: 1 });
    expect(round).toHaveLength(corpus.length);
    expect(round[0]!.key).toBe(`${corpus[0]!.key}#1`);
  });

  it('covers every product of the catalog and the customer portal', () => {
    const products = new Set(corpus.map((a) => a.product));
    for (const product of CORPUS_PRODUCTS) expect(products).toContain(product.name);
    expect(products).toContain(null);
  });

  it('leaves no placeholder unfilled', () => {
    for (const article of corpus) expect(text(article)).not.toMatch(/\{(P|V|C|OS|CODE)\}|\^/);
  });

  it('writes Korean with Latin product names mixed in and compounds spaced both ways', () => {
    const korean = corpus.filter((a) => a.language === 'ko').map(text);
    expect(korean.every((t) => /[\uac00-\ud7a3]/.test(t))).toBe(true);
    expect(korean.some((t) => t.includes('PI Server') && t.includes('라이선스를'))).toBe(true);
    expect(korean.some((t) => t.includes('원격 지원'))).toBe(true);
    expect(korean.some((t) => t.includes('원격지원'))).toBe(true);
  });
});

describe('the search evaluation queries', () => {
  it('are at least 100, distinct, each expecting articles of the corpus', () => {
    expect(SEARCH_QUERIES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(SEARCH_QUERIES.map((q) => q.q)).size).toBe(SEARCH_QUERIES.length);
    for (const query of SEARCH_QUERIES) expect(expectedKeys(query, corpus).length, query.q).toBeGreaterThan(0);
  });

  it('mix Korean, English and both, with particles, spacing variants, typos and versions', () => {
    const count = (group: string) => SEARCH_QUERIES.filter((q) => scriptOf(q.q) === group || (q.tags as string[]).includes(group)).length;
    for (const group of ['ko', 'en', 'mixed']) expect(count(group), group).toBeGreaterThanOrEqual(20);
    for (const group of ['particle', 'spacing', 'typo', 'version']) expect(count(group), group).toBeGreaterThanOrEqual(8);
  });

  it("include the manual's examples", () => {
    const manual = SEARCH_QUERIES.filter((q) => q.tags.includes('manual')).map((q) => q.q);
    expect(manual).toEqual(expect.arrayContaining(['roadmap', 'korean 2017', 'download', 'customer portal']));
  });

  it('expect the language of the query unless told otherwise', () => {
    const english = SEARCH_QUERIES.find((q) => q.q === 'checksum mismatch')!;
    expect(expectedKeys(english, corpus).every((key) => key.endsWith('.en'))).toBe(true);
    const korean = SEARCH_QUERIES.find((q) => q.q === '인증서 만료')!;
    expect(expectedKeys(korean, corpus).every((key) => key.endsWith('.ko'))).toBe(true);
  });
});
