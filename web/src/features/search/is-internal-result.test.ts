import { describe, expect, it } from 'vitest';
import { isInternalResult } from './is-internal-result';

describe('isInternalResult', () => {
  it('marks articles for staff only', () => {
    expect(isInternalResult({ kind: 'article', visibility: 'internal' })).toBe(true);
  });

  it('leaves articles for customers or the public, and other kinds, unmarked', () => {
    expect(isInternalResult({ kind: 'article', visibility: 'customers' })).toBe(false);
    expect(isInternalResult({ kind: 'article', visibility: 'public' })).toBe(false);
    expect(isInternalResult({ kind: 'release', visibility: null })).toBe(false);
    expect(isInternalResult({ kind: 'case', visibility: undefined })).toBe(false);
  });
});
