import type { Db } from '../../platform/db';
import { enqueueJob, type QueuedJob } from '../../platform/jobs';
import { listCatalogTargetsOfProduct } from './search-sources.repository';

/** The job that brings the search index up to date with one source row. */
export const SEARCH_INDEX_JOB = 'search.index';

/**
 * What changed: an article (all its translations), a case, a release (the release and its document
 * files) or a product bulletin. The job re-reads the source and writes, rewrites or removes its entries.
 */
export interface SearchIndexTarget {
  kind: 'article' | 'case' | 'release' | 'bulletin';
  id: string;
}

/** A re-index as a job, to queue with others through `enqueueJobs` (or `notifyCase`'s `alsoQueue`). */
export const searchIndexJob = (target: SearchIndexTarget): QueuedJob => ({ kind: SEARCH_INDEX_JOB, payload: target });

/** Queues a re-index; call it in the transaction of the change, so the job exists exactly when the change does. */
export async function queueSearchIndex(db: Db, target: SearchIndexTarget): Promise<void> {
  await enqueueJob(db, SEARCH_INDEX_JOB, target);
}

/**
 * Queues a re-index of everything of a product the index names it in (its releases with their
 * documents, its bulletins); call it in the transaction that renames the product, or before the one
 * that deletes it goes on to delete the rows.
 */
export async function queueProductSearchIndex(db: Db, productId: string): Promise<void> {
  const { releaseIds, bulletinIds } = await listCatalogTargetsOfProduct(db, productId);
  for (const id of releaseIds) await queueSearchIndex(db, { kind: 'release', id });
  for (const id of bulletinIds) await queueSearchIndex(db, { kind: 'bulletin', id });
}
