import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect-language';

describe('detectLanguage', () => {
  it('keeps the language the person chose before', () => {
    expect(detectLanguage({ stored: 'en', preferred: ['ko-KR'] })).toBe('en');
  });

  it('ignores a stored value that is not a language of the UI', () => {
    expect(detectLanguage({ stored: 'fr', preferred: ['ko'] })).toBe('ko');
  });

  it('chooses Korean when the browser ranks Korean before English', () => {
    expect(detectLanguage({ stored: null, preferred: ['de', 'ko-KR', 'en-US'] })).toBe('ko');
  });

  it('chooses English when the browser ranks English first', () => {
    expect(detectLanguage({ stored: null, preferred: ['en-GB', 'ko'] })).toBe('en');
  });

  it('falls back to English when neither is listed', () => {
    expect(detectLanguage({ stored: null, preferred: ['ja-JP'] })).toBe('en');
  });
});
