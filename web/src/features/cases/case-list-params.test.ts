import { describe, expect, it } from 'vitest';
import { defaultCaseListFilters, readCaseListParams, toggleSort, writeCaseListParams } from './case-list-params';

const site = '00000000-0000-4000-8000-000000000001';

describe('readCaseListParams', () => {
  it('gives the defaults for a plain URL', () => {
    expect(readCaseListParams(new URLSearchParams())).toEqual(defaultCaseListFilters);
  });

  it('reads every filter', () => {
    const params = new URLSearchParams({ view: 'closed', q: '로그인 😀', site, sort: 'subject', order: 'asc' });
    expect(readCaseListParams(params)).toEqual({ view: 'closed', q: '로그인 😀', siteId: site, sort: 'subject', order: 'asc' });
  });

  it('falls back to the defaults for unknown values', () => {
    const params = new URLSearchParams({ view: 'everything', site: 'not-a-uuid', sort: 'priority', order: 'up' });
    expect(readCaseListParams(params)).toEqual(defaultCaseListFilters);
  });
});

describe('writeCaseListParams', () => {
  it('leaves out defaults', () => {
    expect(writeCaseListParams(defaultCaseListFilters).toString()).toBe('');
  });

  it('round-trips through the URL', () => {
    const filters = { view: 'open' as const, q: '10000001', siteId: site, sort: 'status' as const, order: 'asc' as const };
    expect(readCaseListParams(new URLSearchParams(writeCaseListParams(filters).toString()))).toEqual(filters);
  });

  it('trims the search and leaves out a blank one', () => {
    expect(writeCaseListParams({ ...defaultCaseListFilters, q: '  ' }).has('q')).toBe(false);
    expect(writeCaseListParams({ ...defaultCaseListFilters, q: ' abc ' }).get('q')).toBe('abc');
  });
});

describe('toggleSort', () => {
  it('flips the order of the current column', () => {
    expect(toggleSort(defaultCaseListFilters, 'updated')).toMatchObject({ sort: 'updated', order: 'asc' });
  });

  it('starts text columns A to Z and date columns newest first', () => {
    expect(toggleSort(defaultCaseListFilters, 'subject')).toMatchObject({ sort: 'subject', order: 'asc' });
    expect(toggleSort({ ...defaultCaseListFilters, sort: 'subject' }, 'opened')).toMatchObject({ sort: 'opened', order: 'desc' });
  });
});
