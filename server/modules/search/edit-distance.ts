/**
 * How many single-letter edits (insert, delete, replace, or swap two neighbours) turn one word into
 * the other: the optimal string alignment distance. Typo correction uses it to keep only words a
 * slip of the fingers away, as Elasticsearch's `fuzziness: AUTO` does.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  // Three rows of the dynamic programme: two back for the swap.
  let before = new Array<number>(n + 1).fill(0);
  let previous = Array.from({ length: n + 1 }, (_, j) => j);
  let current = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[n]!;
}

/** The edits a typo of this length may hold: one up to five letters, two from six (`fuzziness: AUTO`). */
export const maxTypoEdits = (length: number): number => (length <= 5 ? 1 : 2);

/** English endings a word of the vocabulary may carry where the query's word has none. */
const INFLECTIONS = ['s', 'es', 'd', 'ed', 'ing', 'r', 'er', 'ers'];

/**
 * The inflected forms of a word that may be all the vocabulary holds of it (template →
 * templates, templated, templating): what a swap is looked up as when the word itself is not there.
 */
export function inflectedForms(word: string): string[] {
  const forms = INFLECTIONS.map((ending) => word + ending);
  if (word.endsWith('e')) forms.push(`${word.slice(0, -1)}ing`);
  return forms;
}

/**
 * The words one swap of neighbouring letters away (visoin → ivsoin, vsioin, …, vision): the slip
 * trigram similarity sees worst, as a swap changes up to four of a word's trigrams (visoin shares
 * 3 of 11 with vision, below pg_trgm's 0.3). Typo correction looks them up exactly in the vocabulary.
 */
export function adjacentSwaps(word: string): string[] {
  const swaps: string[] = [];
  // Swapping a doubled letter changes nothing; any other swap gives a word of its own.
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] !== word[i + 1]) swaps.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  return swaps;
}
