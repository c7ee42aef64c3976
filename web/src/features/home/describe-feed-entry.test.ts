import type { FeedEntry } from '@common/schemas/cases';
import { describe, expect, it } from 'vitest';
import { describeFeedEntry } from './describe-feed-entry';

const orgId = '0d3c1a5e-8f2b-4c6d-9e7f-1a2b3c4d5e6f';
const caseRef = { id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', number: '10000042', subject: '펌프가 멈춤 🛠️', status: 'researching' as const };
const base: FeedEntry = {
  id: 'f1',
  kind: 'case_created',
  feedKind: 'case_updates',
  at: '2025-06-10T12:00:00.000Z',
  actor: { id: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', name: '김민지', side: 'customer' },
  case: caseRef,
  release: null,
  contract: null,
  details: null,
};

describe('describeFeedEntry', () => {
  it('links a case entry to the portal case page of the organization', () => {
    const view = describeFeedEntry(base, orgId);
    expect(view.sentence).toBe('case_created');
    expect(view.actorName).toBe('김민지');
    expect(view.link).toEqual({ href: `/portal/cases/${caseRef.id}?organization=${orgId}`, kind: 'case', number: '10000042', subject: '펌프가 멈춤 🛠️' });
  });

  it('reads a status change from → to from the details', () => {
    const view = describeFeedEntry({ ...base, kind: 'case_status', details: { from: 'new', to: 'answered' } }, orgId);
    expect(view).toMatchObject({ sentence: 'case_status', from: 'new', to: 'answered' });
  });

  it('falls back to "changed to" the case status when the details do not name a known status', () => {
    const view = describeFeedEntry({ ...base, kind: 'case_status', details: { from: '<script>', to: 42 } }, orgId);
    expect(view).toMatchObject({ sentence: 'case_status_to', from: null, to: 'researching' });
  });

  it('keeps the extract of posts, mentions and reopen reasons only', () => {
    expect(describeFeedEntry({ ...base, kind: 'case_post', details: { excerpt: '재시작했습니다 👍' } }, orgId).excerpt).toBe('재시작했습니다 👍');
    expect(describeFeedEntry({ ...base, kind: 'case_mention', details: { excerpt: '@김민지 확인 부탁' } }, orgId).excerpt).toBe('@김민지 확인 부탁');
    expect(describeFeedEntry({ ...base, kind: 'case_reopened', details: { excerpt: '다시 발생했습니다' } }, orgId).excerpt).toBe('다시 발생했습니다');
    expect(describeFeedEntry({ ...base, kind: 'case_created', details: { excerpt: 'x' } }, orgId).excerpt).toBeNull();
  });

  it('links a release to its product page on the site', () => {
    const release = { id: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc', productId: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd', productName: 'PI Server', version: '2024 SP1', siteId: 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee' };
    const view = describeFeedEntry({ ...base, kind: 'release_published', feedKind: 'new_releases', actor: null, case: null, release }, orgId);
    expect(view.sentence).toBe('release_published');
    expect(view.link).toEqual({ href: `/portal/products/${release.siteId}/${release.productId}`, kind: 'release', productName: 'PI Server', version: '2024 SP1' });
  });

  it('reads a contract warning by its state and links to the products page', () => {
    const contract = { siteId: 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee', siteName: '울산 공장', state: 'grace', endsOn: '2025-06-01' };
    const entry: FeedEntry = { ...base, kind: 'contract_warning', feedKind: 'contract_warnings', actor: null, case: null, contract };
    expect(describeFeedEntry(entry, orgId)).toMatchObject({ sentence: 'contract_grace', link: { href: '/portal/products', kind: 'products' } });
    expect(describeFeedEntry({ ...entry, contract: { ...contract, state: 'expiring' } }, orgId).sentence).toBe('contract_expiring');
    expect(describeFeedEntry({ ...entry, contract: { ...contract, state: 'expired' } }, orgId).sentence).toBe('contract_expired');
    expect(describeFeedEntry({ ...entry, contract: { ...contract, state: 'unknown' } }, orgId).sentence).toBe('contract_other');
  });
});
