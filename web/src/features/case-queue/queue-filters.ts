import { CASE_CATEGORIES, CASE_STATUSES, OPEN_STATUSES, type CaseCategory, type CaseStatus } from '../../../../common/cases';

/** Who the queue shows cases of: anyone, the engineer looking, nobody yet, or one named engineer (a user id). */
export type AssigneeFilter = 'any' | 'me' | 'none' | (string & {});

/** The queue's filters, as the URL keeps them and the form edits them. */
export interface QueueFilters {
  /** The statuses shown; empty means every status. */
  statuses: CaseStatus[];
  assignee: AssigneeFilter;
  organizationId: string | null;
  productId: string | null;
  category: CaseCategory | null;
  /** Opened more than this many days ago. */
  olderThanDays: number | null;
  q: string;
}

/** Every open status, the queue's default: the work still to do. */
export const defaultQueueFilters: QueueFilters = {
  statuses: [...OPEN_STATUSES],
  assignee: 'any',
  organizationId: null,
  productId: null,
  category: null,
  olderThanDays: null,
  q: '',
};

/** Most days the server accepts for `olderThanDays` (ten years). */
export const MAX_AGE_DAYS = 3650;
/** Cases per page of the queue. */
export const QUEUE_PAGE_SIZE = 50;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (value: string | null): value is string => value !== null && uuidPattern.test(value);
const isStatus = (value: string): value is CaseStatus => (CASE_STATUSES as readonly string[]).includes(value);
const isCategory = (value: string | null): value is CaseCategory => value !== null && (CASE_CATEGORIES as readonly string[]).includes(value);

/** Statuses in the order of the progress bar, without repeats. */
const inStatusOrder = (statuses: readonly CaseStatus[]): CaseStatus[] => CASE_STATUSES.filter((status) => statuses.includes(status));

const isDefaultStatuses = (statuses: readonly CaseStatus[]): boolean => {
  const ordered = inStatusOrder(statuses);
  return ordered.length === OPEN_STATUSES.length && ordered.every((status, index) => status === OPEN_STATUSES[index]);
};

/**
 * Reads the filters from the page's search params. Anything malformed (an unknown status, an id
 * that is not a UUID, a negative age) is ignored rather than sent to the server, so a hand-edited
 * or stale link still opens the queue. `status=all` means every status; no `status` the open ones.
 */
export function readQueueFilters(params: URLSearchParams): QueueFilters {
  const status = params.get('status');
  let statuses: CaseStatus[] = [...defaultQueueFilters.statuses];
  if (status === 'all') statuses = [];
  else if (status) {
    const listed = inStatusOrder(status.split(',').filter(isStatus));
    if (listed.length > 0) statuses = listed;
  }
  const assignee = params.get('assignee');
  const organizationId = params.get('organization');
  const productId = params.get('product');
  const category = params.get('category');
  const age = Number(params.get('age') ?? '');
  return {
    statuses,
    assignee: assignee === 'me' || assignee === 'none' || isUuid(assignee) ? assignee : 'any',
    organizationId: isUuid(organizationId) ? organizationId : null,
    productId: isUuid(productId) ? productId : null,
    category: isCategory(category) ? category : null,
    olderThanDays: params.get('age') && Number.isInteger(age) && age >= 0 && age <= MAX_AGE_DAYS ? age : null,
    q: (params.get('q') ?? '').slice(0, 200),
  };
}

/** The search params for the filters: only what differs from the defaults, so the plain queue is `/console`. */
export function writeQueueFilters(filters: QueueFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.statuses.length === 0) params.set('status', 'all');
  else if (!isDefaultStatuses(filters.statuses)) params.set('status', inStatusOrder(filters.statuses).join(','));
  if (filters.assignee !== 'any') params.set('assignee', filters.assignee);
  if (filters.organizationId) params.set('organization', filters.organizationId);
  if (filters.productId) params.set('product', filters.productId);
  if (filters.category) params.set('category', filters.category);
  if (filters.olderThanDays !== null) params.set('age', String(filters.olderThanDays));
  const q = filters.q.trim();
  if (q) params.set('q', q);
  return params;
}

/**
 * The query string of `GET /api/v1/cases/queue` for the filters and a page: one `status` per
 * status (every status when none is chosen, since the server's default is the open ones only),
 * `assigneeId` as `me`, `none` or an id, the keyword trimmed, and the keyset cursor when given.
 */
export function getQueueQuery(filters: QueueFilters, cursor: string | null = null, limit = QUEUE_PAGE_SIZE): string {
  const params = new URLSearchParams();
  for (const status of filters.statuses.length === 0 ? CASE_STATUSES : inStatusOrder(filters.statuses)) params.append('status', status);
  if (filters.assignee !== 'any') params.set('assigneeId', filters.assignee);
  if (filters.organizationId) params.set('organizationId', filters.organizationId);
  if (filters.productId) params.set('productId', filters.productId);
  if (filters.category) params.set('category', filters.category);
  if (filters.olderThanDays !== null) params.set('olderThanDays', String(filters.olderThanDays));
  const q = filters.q.trim();
  if (q) params.set('q', q);
  if (cursor) params.set('cursor', cursor);
  params.set('limit', String(limit));
  return `?${params.toString()}`;
}
