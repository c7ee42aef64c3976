import { describe, expect, it } from 'vitest';
import { missingLanguages, pickEditorLanguage, readArticleLanguage, sortLanguages } from './article-language';

describe('pickEditorLanguage', () => {
  it('opens the language the URL asks for when the article has it', () => {
    expect(pickEditorLanguage(['ko', 'en'], 'en', 'ko')).toBe('en');
    expect(pickEditorLanguage(['ko', 'en'], 'ko', 'en')).toBe('ko');
  });

  it('falls back to the person’s UI language, then to the first language', () => {
    expect(pickEditorLanguage(['ko', 'en'], 'fr', 'en')).toBe('en');
    expect(pickEditorLanguage(['ko', 'en'], 'en-US', 'en')).toBe('en');
    expect(pickEditorLanguage(['ko'], 'en', 'en')).toBe('ko');
    expect(pickEditorLanguage(['en', 'ko'], null, 'de')).toBe('ko');
  });

  it('has nothing to open without languages', () => {
    expect(pickEditorLanguage([], 'ko', 'ko')).toBeNull();
  });
});

describe('the article languages', () => {
  it('reads only the languages articles are written in', () => {
    expect(readArticleLanguage('ko')).toBe('ko');
    expect(readArticleLanguage('en')).toBe('en');
    expect(readArticleLanguage('EN')).toBeNull();
    expect(readArticleLanguage('')).toBeNull();
    expect(readArticleLanguage(null)).toBeNull();
    expect(readArticleLanguage(undefined)).toBeNull();
  });

  it('lists Korean first and offers the languages the article lacks', () => {
    expect(sortLanguages(['en', 'ko'])).toEqual(['ko', 'en']);
    expect(missingLanguages(['en'])).toEqual(['ko']);
    expect(missingLanguages(['ko', 'en'])).toEqual([]);
    expect(missingLanguages([])).toEqual(['ko', 'en']);
  });
});
