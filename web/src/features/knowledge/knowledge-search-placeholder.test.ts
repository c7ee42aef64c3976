import { describe, expect, it } from 'vitest';
import en from '../../locales/en/translation.json';
import ko from '../../locales/ko/translation.json';

const HANGUL = /[\uAC00-\uD7A3\u3131-\u318E]/;

describe('the knowledge page’s search placeholder', () => {
  it('is English in the English UI and Korean in the Korean one', () => {
    expect(en.knowledge.portal.searchPlaceholder).not.toMatch(HANGUL);
    expect(en.knowledge.portal.searchPlaceholder).toBe('e.g. PI Server license activation');
    expect(ko.knowledge.portal.searchPlaceholder).toBe('예: PI Server 라이선스 활성화');
  });
});
