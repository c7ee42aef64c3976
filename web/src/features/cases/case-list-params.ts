// Relative, not @common: Vitest (root config) runs this file's test without the web app's alias.
import { CASE_SORTS, CASE_VIEWS } from '../../../../common/schemas/cases';
import type { CaseListFilters } from './cases.api';

export const defaultCaseListFilters: CaseListFilters = { view: 'my_open', q: '', siteId: null, sort: 'updated', order: 'desc' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isOneOf = <T extends string>(values: readonly T[], value: string | null): value is T => value !== null && (values as readonly string[]).includes(value);

/** The Cases tab's filters from the page's URL (`?view=closed&q=…&site=…&sort=subject&order=asc`); anything unknown falls back to the default. */
export function readCaseListParams(params: URLSearchParams): CaseListFilters {
  const view = params.get('view');
  const sort = params.get('sort');
  const order = params.get('order');
  const site = params.get('site');
  return {
    view: isOneOf(CASE_VIEWS, view) ? view : defaultCaseListFilters.view,
    q: (params.get('q') ?? '').slice(0, 200),
    siteId: site && UUID.test(site) ? site : null,
    sort: isOneOf(CASE_SORTS, sort) ? sort : defaultCaseListFilters.sort,
    order: order === 'asc' || order === 'desc' ? order : defaultCaseListFilters.order,
  };
}

/** The URL search params for the filters, leaving out what is at its default so plain `/portal/cases` stays plain. */
export function writeCaseListParams(filters: CaseListFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.view !== defaultCaseListFilters.view) params.set('view', filters.view);
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.siteId) params.set('site', filters.siteId);
  if (filters.sort !== defaultCaseListFilters.sort || filters.order !== defaultCaseListFilters.order) {
    params.set('sort', filters.sort);
    params.set('order', filters.order);
  }
  return params;
}

/** The order a column starts in when first clicked: newest first for dates, A to Z otherwise. */
export function firstOrderOf(sort: CaseListFilters['sort']): CaseListFilters['order'] {
  return sort === 'opened' || sort === 'updated' ? 'desc' : 'asc';
}

/** The filters after a click on a column header: the same column flips its order, another starts in its first order. */
export function toggleSort(filters: CaseListFilters, sort: CaseListFilters['sort']): CaseListFilters {
  if (filters.sort === sort) return { ...filters, order: filters.order === 'asc' ? 'desc' : 'asc' };
  return { ...filters, sort, order: firstOrderOf(sort) };
}
