import type { ArticleVisibility, SearchKind } from '@common/knowledge';

/**
 * Whether a result (or its quick view) is an article for staff only, marked so that an engineer
 * does not send it to a customer. Other kinds carry no visibility of their own.
 */
export function isInternalResult(result: { kind: SearchKind; visibility: ArticleVisibility | null | undefined }): boolean {
  return result.kind === 'article' && result.visibility === 'internal';
}
