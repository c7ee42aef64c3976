import { describe, expect, it } from 'vitest';
import { articleSearchHref, readConsoleArticleFilters, readPortalArticleFilters, writeConsoleArticleFilters, writePortalArticleFilters } from './article-list-params';

const PRODUCT = '7d0f5a4e-1c2b-4e8f-9a3d-2b1c0e9f8a7b';

describe('the console article list URL', () => {
  it('reads every filter and writes them back', () => {
    const params = new URLSearchParams({ q: '라이선스', status: 'draft', visibility: 'public', language: 'ko', verification: 'review_due', productId: PRODUCT });
    const filters = readConsoleArticleFilters(params);
    expect(filters).toEqual({ q: '라이선스', status: 'draft', visibility: 'public', language: 'ko', verification: 'review_due', productId: PRODUCT });
    expect(writeConsoleArticleFilters(filters).toString()).toBe(params.toString());
  });

  it('leaves out unknown values instead of sending them', () => {
    const filters = readConsoleArticleFilters(new URLSearchParams({ status: 'archived', visibility: 'everyone', language: 'fr', verification: 'yes', productId: "1' OR 1=1" }));
    expect(filters).toEqual({ q: '', status: null, visibility: null, language: null, verification: null, productId: null });
  });

  it('writes only the filters that are set, the words trimmed', () => {
    expect(writeConsoleArticleFilters({ q: '  backup ', status: null, visibility: 'internal', language: null, verification: null, productId: null }).toString()).toBe('q=backup&visibility=internal');
    expect(writeConsoleArticleFilters({ q: '   ', status: null, visibility: null, language: null, verification: null, productId: null }).toString()).toBe('');
  });

  it('cuts words longer than the server takes', () => {
    expect(readConsoleArticleFilters(new URLSearchParams({ q: 'x'.repeat(500) })).q).toHaveLength(200);
  });
});

describe('the portal article list URL', () => {
  it('reads and writes the language and product', () => {
    const filters = readPortalArticleFilters(new URLSearchParams({ language: 'en', productId: PRODUCT }));
    expect(filters).toEqual({ language: 'en', productId: PRODUCT });
    expect(writePortalArticleFilters(filters).toString()).toBe(`language=en&productId=${PRODUCT}`);
    expect(readPortalArticleFilters(new URLSearchParams({ language: 'jp', productId: 'x' }))).toEqual({ language: null, productId: null });
  });

  it('sends a search to the search page, filtered to articles', () => {
    expect(articleSearchHref(' PI Server 라이선스 ')).toBe('/portal/search?types=article&q=PI+Server+%EB%9D%BC%EC%9D%B4%EC%84%A0%EC%8A%A4');
  });
});
