import type { SearchResults } from '@common/schemas/search';

/**
 * The query as it was searched after typo correction: each corrected Latin word replaced by the
 * words it was taken for ("archive / archives" when several), every other word as typed.
 */
export function correctedQuery(query: string, corrected: SearchResults['corrected']): string {
  const byWord = new Map<string, string[]>();
  for (const { from, to } of corrected) byWord.set(from, [...(byWord.get(from) ?? []), to]);
  return query.replace(/\p{Script=Latin}+/gu, (word) => byWord.get(word.normalize('NFC').toLowerCase())?.join(' / ') ?? word);
}
