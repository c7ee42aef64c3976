import { describe, expect, it } from 'vitest';
import { toQueryString } from './to-query-string';

describe('toQueryString', () => {
  it('keeps the values that are set, in order, encoded', () => {
    expect(toQueryString({ q: 'kim & lee', page: 2, archived: false })).toBe('?q=kim+%26+lee&page=2&archived=false');
  });

  it('leaves out unset values and is empty when nothing is set', () => {
    expect(toQueryString({ q: '', role: undefined, siteId: null, page: 1 })).toBe('?page=1');
    expect(toQueryString({ q: '' })).toBe('');
  });
});
