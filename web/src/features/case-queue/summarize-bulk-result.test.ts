import { describe, expect, it } from 'vitest';
import { summarizeBulkResult } from './summarize-bulk-result';

const a = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const b = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const c = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';

describe('summarizeBulkResult', () => {
  it('counts the updated cases and those already as asked, and names each failure by its case number with its message', () => {
    const summary = summarizeBulkResult(
      { updated: [a], unchanged: [c], failed: [{ caseId: b, code: 'cases.transition_forbidden', message: '이 상태로 바꿀 수 없습니다.' }] },
      new Map([
        [a, '10000001'],
        [b, '10000002'],
      ]),
    );
    expect(summary).toEqual({ updated: 1, unchanged: 1, failures: [{ caseId: b, number: '10000002', message: '이 상태로 바꿀 수 없습니다.' }] });
  });

  it('falls back to the case id for a case the queue no longer shows', () => {
    const summary = summarizeBulkResult({ updated: [], unchanged: [], failed: [{ caseId: c, code: 'cases.not_found', message: 'Case not found.' }] }, new Map());
    expect(summary.failures[0]?.number).toBe(c);
    expect(summary.updated).toBe(0);
  });
});
