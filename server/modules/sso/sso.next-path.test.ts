import { describe, expect, it } from 'vitest';
import { safeNextPath } from './sso.service';

describe('safeNextPath', () => {
  it.each([
    ['/', '/'],
    ['/portal/cases?open=1#top', '/portal/cases?open=1#top'],
    ['/console', '/console'],
    [undefined, null],
    ['', null],
    ['portal', null],
    ['//evil.example', null],
    ['/\\evil.example', null],
    ['https://evil.example/', null],
    ['/a\nb', null],
    [`/${'x'.repeat(1000)}`, null],
  ])('answers %j with %j', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });
});
