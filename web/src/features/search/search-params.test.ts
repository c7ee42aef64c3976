import { describe, expect, it } from 'vitest';
import { readSearchParams, searchPageHref, toggleType, writeSearchParams } from './search-params';

const PRODUCT = '0b7e6a43-1f5e-4c36-9d7c-3f1c0c4a2b11';

describe('readSearchParams', () => {
  it('reads every filter from the URL', () => {
    const params = new URLSearchParams(`q=${encodeURIComponent('PI Server 라이선스')}&types=document,article&productId=${PRODUCT}&language=ko`);
    expect(readSearchParams(params)).toEqual({ q: 'PI Server 라이선스', types: ['article', 'document'], productId: PRODUCT, language: 'ko' });
  });

  it('falls back to no filter for unknown or malformed values', () => {
    const params = new URLSearchParams('types=article,bogus,,case,article&productId=not-a-uuid&language=fr');
    expect(readSearchParams(params)).toEqual({ q: '', types: ['article', 'case'], productId: null, language: null });
  });

  it('keeps at most 500 characters of the query', () => {
    expect(readSearchParams(new URLSearchParams({ q: 'a'.repeat(10_000) })).q).toHaveLength(500);
  });

  it('keeps tsquery operators and quotes as plain text', () => {
    expect(readSearchParams(new URLSearchParams({ q: "a & b | !c :* 'd'" })).q).toBe("a & b | !c :* 'd'");
  });
});

describe('writeSearchParams', () => {
  it('leaves out what is unset', () => {
    expect(writeSearchParams({ q: '  ', types: [], productId: null, language: null }).toString()).toBe('');
  });

  it('round-trips through readSearchParams', () => {
    const request = { q: '세션 끊김', types: ['release', 'article'] as const, productId: PRODUCT, language: 'en' as const };
    expect(readSearchParams(writeSearchParams({ ...request, types: [...request.types] }))).toEqual({ ...request, types: ['article', 'release'] });
  });

  it('drops the type filter when every type is chosen', () => {
    expect(writeSearchParams({ q: 'x', types: ['article', 'document', 'release', 'case'], productId: null, language: null }).has('types')).toBe(false);
  });
});

describe('searchPageHref', () => {
  it('builds the page of each face', () => {
    expect(searchPageHref('portal', { q: 'roadmap' })).toBe('/portal/search?q=roadmap');
    expect(searchPageHref('console', { q: 'korean 2017' })).toBe('/console/search?q=korean+2017');
    expect(searchPageHref('portal')).toBe('/portal/search');
  });
});

describe('toggleType', () => {
  it('adds and removes a type, "all" clears', () => {
    expect(toggleType([], 'article')).toEqual(['article']);
    expect(toggleType(['article', 'case'], 'article')).toEqual(['case']);
    expect(toggleType(['case'], 'document')).toEqual(['document', 'case']);
    expect(toggleType(['case'], 'all')).toEqual([]);
  });

  it('returns to "all" when the last missing type is added', () => {
    expect(toggleType(['article', 'document', 'release'], 'case')).toEqual([]);
  });
});
