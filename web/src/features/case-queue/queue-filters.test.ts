import { CASE_STATUSES, OPEN_STATUSES } from '../../../../common/cases';
import { describe, expect, it } from 'vitest';
import { defaultQueueFilters, getQueueQuery, readQueueFilters, writeQueueFilters, type QueueFilters } from './queue-filters';

const orgId = '0d3c1a5e-8f2b-4c6d-9e7f-1a2b3c4d5e6f';
const productId = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const engineerId = '11111111-2222-4333-8444-555555555555';

describe('readQueueFilters', () => {
  it('gives every open status and no other filter for an empty query', () => {
    expect(readQueueFilters(new URLSearchParams())).toEqual(defaultQueueFilters);
    expect(defaultQueueFilters.statuses).toEqual([...OPEN_STATUSES]);
  });

  it('reads every filter back from what writeQueueFilters wrote', () => {
    const filters: QueueFilters = {
      statuses: ['answered', 'new'],
      assignee: engineerId,
      organizationId: orgId,
      productId,
      category: 'licensing',
      olderThanDays: 14,
      q: '라이선스 만료 🔑',
    };
    expect(readQueueFilters(writeQueueFilters(filters))).toEqual({ ...filters, statuses: ['new', 'answered'] });
  });

  it('reads status=all as every status (an empty choice)', () => {
    expect(readQueueFilters(new URLSearchParams('status=all')).statuses).toEqual([]);
  });

  it('ignores malformed values instead of sending them to the server', () => {
    const filters = readQueueFilters(new URLSearchParams('status=bogus,,closed&assignee=someone&organization=not-a-uuid&product=1&category=cooking&age=-3'));
    expect(filters).toEqual({ ...defaultQueueFilters, statuses: ['closed'] });
    expect(readQueueFilters(new URLSearchParams('status=bogus')).statuses).toEqual([...OPEN_STATUSES]);
    expect(readQueueFilters(new URLSearchParams('age=1.5')).olderThanDays).toBeNull();
    expect(readQueueFilters(new URLSearchParams('age=99999')).olderThanDays).toBeNull();
    expect(readQueueFilters(new URLSearchParams('age=0')).olderThanDays).toBe(0);
  });

  it('keeps me and none as assignee filters', () => {
    expect(readQueueFilters(new URLSearchParams('assignee=me')).assignee).toBe('me');
    expect(readQueueFilters(new URLSearchParams('assignee=none')).assignee).toBe('none');
  });
});

describe('writeQueueFilters', () => {
  it('writes nothing for the default filters, so the plain queue is /console', () => {
    expect(writeQueueFilters(defaultQueueFilters).toString()).toBe('');
    expect(writeQueueFilters({ ...defaultQueueFilters, statuses: [...OPEN_STATUSES].reverse(), q: '   ' }).toString()).toBe('');
  });

  it('writes a status list in the order of the progress bar', () => {
    expect(writeQueueFilters({ ...defaultQueueFilters, statuses: ['closed', 'new'] }).get('status')).toBe('new,closed');
  });
});

describe('getQueueQuery', () => {
  it('sends one status parameter per open status and the page size by default', () => {
    const params = new URLSearchParams(getQueueQuery(defaultQueueFilters).slice(1));
    expect(params.getAll('status')).toEqual([...OPEN_STATUSES]);
    expect(params.get('limit')).toBe('50');
    expect(params.has('assigneeId')).toBe(false);
    expect(params.has('cursor')).toBe(false);
  });

  it('sends every status when none is chosen, since the server would otherwise show the open ones only', () => {
    const params = new URLSearchParams(getQueueQuery({ ...defaultQueueFilters, statuses: [] }).slice(1));
    expect(params.getAll('status')).toEqual([...CASE_STATUSES]);
  });

  it('names each filter as the API does, trims the keyword and adds the cursor', () => {
    const query = getQueueQuery(
      { statuses: ['new'], assignee: 'none', organizationId: orgId, productId, category: 'sales', olderThanDays: 0, q: '  펌프 & valve ' },
      'eyJrIjoxfQ',
      25,
    );
    const params = new URLSearchParams(query.slice(1));
    expect(Object.fromEntries(params)).toEqual({
      status: 'new',
      assigneeId: 'none',
      organizationId: orgId,
      productId,
      category: 'sales',
      olderThanDays: '0',
      q: '펌프 & valve',
      cursor: 'eyJrIjoxfQ',
      limit: '25',
    });
  });
});
