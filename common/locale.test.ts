import { describe, expect, it } from 'vitest';
import { pickLocale } from './locale';

describe('pickLocale', () => {
  it.each([
    ['ko-KR,ko;q=0.9,en-US;q=0.8', 'ko'],
    ['en-US,en;q=0.9,ko;q=0.8', 'en'],
    ['fr-FR,ko;q=0.5', 'ko'],
    ['fr-FR', 'en'],
    ['ko;q=0.2,en;q=0.9', 'en'],
    ['', 'en'],
  ])('picks from "%s" the language %s', (header, expected) => {
    expect(pickLocale(header)).toBe(expected);
  });
});
