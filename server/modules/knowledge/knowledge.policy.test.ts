import { describe, expect, it } from 'vitest';
import type { ArticleLanguage, ArticleVisibility } from '../../../common/knowledge';
import { canReadArticle, pickArticleLanguage, verificationExpiry, visibilitiesFor, type ArticleReader } from './knowledge.policy';

describe('canReadArticle', () => {
  const table: [ArticleReader, ArticleVisibility, ArticleLanguage[], boolean][] = [
    ['staff', 'internal', [], true],
    ['staff', 'public', ['en'], true],
    ['customer', 'internal', ['ko', 'en'], false],
    ['customer', 'customers', [], false],
    ['customer', 'customers', ['ko'], true],
    ['customer', 'public', ['en'], true],
    ['anyone', 'public', [], false],
    ['anyone', 'customers', ['ko'], false],
    ['anyone', 'internal', ['ko'], false],
    ['anyone', 'public', ['ko'], true],
  ];
  it.each(table)('%s reading a %s article published in %j: %s', (reader, visibility, publishedLanguages, expected) => {
    expect(canReadArticle(reader, { visibility, publishedLanguages })).toBe(expected);
  });

  it('lists the visibilities each reader sees', () => {
    expect(visibilitiesFor('staff')).toEqual(['internal', 'customers', 'public']);
    expect(visibilitiesFor('customer')).toEqual(['customers', 'public']);
    expect(visibilitiesFor('anyone')).toEqual(['public']);
  });
});

describe('pickArticleLanguage', () => {
  it('takes the asked language, else the reader’s, else Korean before English; null when there is none', () => {
    expect(pickArticleLanguage(['ko', 'en'], 'en', 'ko')).toBe('en');
    expect(pickArticleLanguage(['en'], 'ko', 'ko')).toBe('en');
    expect(pickArticleLanguage(['ko', 'en'], undefined, 'en')).toBe('en');
    expect(pickArticleLanguage(['ko', 'en'], undefined, 'ko')).toBe('ko');
    expect(pickArticleLanguage(['en', 'ko'], 'ko', 'en')).toBe('ko');
    expect(pickArticleLanguage(['ko'], undefined, 'en')).toBe('ko');
    expect(pickArticleLanguage([], 'ko', 'ko')).toBeNull();
  });
});

describe('verificationExpiry', () => {
  it('lapses the given number of days after the verification, never when 0', () => {
    const at = new Date('2031-01-01T00:00:00Z');
    expect(verificationExpiry(at, 180)?.toISOString()).toBe('2031-06-30T00:00:00.000Z');
    expect(verificationExpiry(at, 1)?.toISOString()).toBe('2031-01-02T00:00:00.000Z');
    expect(verificationExpiry(at, 0)).toBeNull();
  });
});
