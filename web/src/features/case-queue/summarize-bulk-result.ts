import type { BulkCasesResult } from '@common/schemas/cases';

/** One case a bulk action could not change, named by its number when the queue shows it. */
export interface BulkFailure {
  caseId: string;
  number: string;
  message: string;
}

/** What a bulk action did: how many cases changed, how many were already as asked, and each failure with its case number and reason. */
export function summarizeBulkResult(result: BulkCasesResult, numbers: ReadonlyMap<string, string>): { updated: number; unchanged: number; failures: BulkFailure[] } {
  return {
    updated: result.updated.length,
    unchanged: result.unchanged.length,
    failures: result.failed.map((failure) => ({ caseId: failure.caseId, number: numbers.get(failure.caseId) ?? failure.caseId, message: failure.message })),
  };
}
