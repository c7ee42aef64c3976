import { describe, expect, it } from 'vitest';
import { defaultActivityFilters, getActivityQuery, isInvalidActivityRange, type ActivityFilters } from './get-activity-query';

const filters = (changes: Partial<ActivityFilters>): ActivityFilters => ({ ...defaultActivityFilters, ...changes });

describe('getActivityQuery', () => {
  it('sends the default week and the time zone when nothing is chosen', () => {
    expect(getActivityQuery(defaultActivityFilters, 'Asia/Seoul')).toBe('?preset=1w&tz=Asia%2FSeoul');
  });

  it('joins categories with commas, in a stable order, and trims the texts', () => {
    const query = getActivityQuery(filters({ categories: ['site', 'sign_in'], actor: '  kim@a.example ', q: ' 10.0.0.1 ', preset: 'today' }), 'UTC');
    expect(new URLSearchParams(query)).toEqual(
      new URLSearchParams({ category: 'sign_in,site', actor: 'kim@a.example', q: '10.0.0.1', preset: 'today', tz: 'UTC' }),
    );
    expect(query).toContain('category=sign_in%2Csite');
  });

  it('leaves out empty texts', () => {
    expect(getActivityQuery(filters({ actor: '  ', q: '' }), 'UTC')).toBe('?preset=1w&tz=UTC');
  });

  it('sends the custom dates instead of a preset, either one alone too', () => {
    expect(getActivityQuery(filters({ preset: 'custom', from: '2026-01-01', to: '2026-01-31' }), 'UTC')).toBe('?from=2026-01-01&to=2026-01-31&tz=UTC');
    expect(getActivityQuery(filters({ preset: 'custom', from: '2026-01-01' }), 'UTC')).toBe('?from=2026-01-01&tz=UTC');
  });
});

describe('isInvalidActivityRange', () => {
  it('is true only for a custom range that ends before it starts', () => {
    expect(isInvalidActivityRange(filters({ preset: 'custom', from: '2026-02-01', to: '2026-01-31' }))).toBe(true);
    expect(isInvalidActivityRange(filters({ preset: 'custom', from: '2026-01-31', to: '2026-01-31' }))).toBe(false);
    expect(isInvalidActivityRange(filters({ preset: '1w', from: '2026-02-01', to: '2026-01-31' }))).toBe(false);
  });
});
