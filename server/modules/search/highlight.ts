import { stemEnglish } from './english-stemmer';
import { latinTokens, scanRuns, type MatchForms } from './tokenize';

/**
 * Snippets and highlights of search results, in plain text (the web marks the ranges; no HTML is
 * ever built here). The ranges are offsets into the text as returned, found with the search
 * tokenizer so that what is highlighted is what matched: `connect` marks "connections", 세션 marks
 * the 세션 of "세션이".
 */

export type Range = [number, number];

const SNIPPET_LENGTH = 200;
/** How much text comes before the first match in a snippet. */
const LEAD = 60;

/**
 * Markdown as plain text, lightly: the words stay, the markup goes (code fences, images and links
 * keep their text, headings, emphasis, quotes, list markers, tables and HTML tags lose their marks).
 */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/```[^\n]*\n?/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>\n]{1,200}>/g, ' ')
    .replace(/^\s{0,3}(#{1,6}|>+|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/(\*\*|__|~~|`)/g, '')
    .replace(/(^|[\s(["'“‘])[*_](\S)/g, '$1$2')
    .replace(/(\S)[*_](?=\s|$|[.,!?;:)\]"'”’])/g, '$1')
    .replace(/^[\s|:-]*-{3,}[\s|:-]*$/gm, ' ')
    .replace(/\|/g, ' ');
}

/** Whitespace runs as one space, trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A character with what combines with it: a Hangul syllable written as separate jamo (leading
 * consonant, vowel, optional final; as macOS and some PDFs store Korean), or a character and its
 * combining marks. Normalized as a unit, jamo compose into the syllable the index holds.
 */
const CLUSTER = /[\u1100-\u115F][\u1160-\u11A7]?[\u11A8-\u11FF]?\p{M}*|[\s\S]\p{M}*/gu;

/** The normalized text and, for each of its UTF-16 units, where it came from in the original. */
function normalizeWithOffsets(text: string): { normalized: string; from: number[]; to: number[] } {
  let normalized = '';
  const from: number[] = [];
  const to: number[] = [];
  let offset = 0;
  for (const [cluster] of text.matchAll(CLUSTER)) {
    const code = cluster.charCodeAt(0);
    // ASCII and Hangul syllables on their own are their own NFKC form: only the rest pays for normalizing.
    const n =
      cluster.length === 1 && code < 0x80
        ? code >= 65 && code <= 90
          ? String.fromCharCode(code + 32)
          : cluster
        : cluster.length === 1 && code >= 0xac00 && code <= 0xd7a3
          ? cluster
          : cluster.normalize('NFKC').toLowerCase();
    for (let i = 0; i < n.length; i++) {
      from.push(offset);
      to.push(offset + cluster.length);
    }
    normalized += n;
    offset += cluster.length;
  }
  return { normalized, from, to };
}

const isAlphabetic = (word: string) => /^[a-z]+$/.test(word);

function latinMatches(word: string, forms: MatchForms): boolean {
  if (forms.raws.has(word)) return true;
  if (isAlphabetic(word) && forms.stems.has(stemEnglish(word))) return true;
  if (forms.prefixes.some((prefix) => word.startsWith(prefix))) return true;
  // A version matches through its leading parts (3.4 marks 3.4.380).
  return latinTokens(word).some((token) => forms.raws.has(token));
}

/** Sorted, merged ranges. */
function merge(ranges: Range[]): Range[] {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Range[] = [];
  for (const range of ranges) {
    const last = out.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else out.push([range[0], range[1]]);
  }
  return out;
}

/** The [start, end) ranges of `text` that match the query's forms. */
export function highlightRanges(text: string, forms: MatchForms): Range[] {
  if (!text) return [];
  const { normalized, from, to } = normalizeWithOffsets(text);
  const ranges: Range[] = [];
  const add = (start: number, end: number) => ranges.push([from[start]!, to[end - 1]!]);
  const runs = scanRuns(normalized);
  const others = runs.filter((run) => run.kind !== 'latin');
  const occurrences = (needle: string): Range[] => {
    const found: Range[] = [];
    for (const run of others) {
      for (let at = run.text.indexOf(needle); at !== -1; at = run.text.indexOf(needle, at + needle.length)) found.push([run.start + at, run.start + at + needle.length]);
    }
    return found;
  };
  // Hangul and other scripts: the word itself, or (spacing variants: 원격지원 in "원격 지원") its pieces.
  for (const word of forms.words) {
    const whole = occurrences(word.whole);
    for (const [start, end] of whole.length > 0 ? whole : word.pieces.flatMap(occurrences)) add(start, end);
  }
  for (const run of runs) if (run.kind === 'latin' && latinMatches(run.text, forms)) add(run.start, run.end);
  return merge(ranges);
}

/** Where the first match may be, found cheaply on the lowercased text (-1 when nothing looks like one). */
function firstMatchGuess(text: string, forms: MatchForms): number {
  const lower = text.toLowerCase();
  let best = -1;
  const consider = (needle: string, wordStart: boolean) => {
    if (!needle) return;
    let at = lower.indexOf(needle);
    while (at !== -1 && wordStart && at > 0 && /[\p{L}\p{N}]/u.test(lower[at - 1]!)) at = lower.indexOf(needle, at + 1);
    if (at !== -1 && (best === -1 || at < best)) best = at;
  };
  for (const stem of forms.stems) consider(stem, true);
  for (const raw of forms.raws) consider(raw, true);
  for (const prefix of forms.prefixes) consider(prefix, true);
  for (const word of forms.words) for (const needle of [word.whole, ...word.pieces]) consider(needle, false);
  return best;
}

/** The boundary at or after `index` where a word starts (a space), within `limit` characters. */
function forwardToSpace(text: string, index: number, limit: number): number {
  const space = text.indexOf(' ', index);
  return space !== -1 && space - index <= limit ? space + 1 : index;
}

/**
 * About 200 characters of the (whitespace-collapsed) text around the first match, cut between
 * words and marked with … where text was left out, with the ranges of the matches in it.
 */
export function buildSnippet(text: string, forms: MatchForms, length = SNIPPET_LENGTH): { snippet: string; highlights: Range[] } {
  if (text.length <= length) return { snippet: text, highlights: highlightRanges(text, forms) };
  const guess = firstMatchGuess(text, forms);
  let start = guess <= LEAD ? 0 : forwardToSpace(text, guess - LEAD, LEAD - 10);
  // Never start inside a surrogate pair.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start]!)) start -= 1;
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + length * 0.6) end = space;
    else if (/[\uD800-\uDBFF]/.test(text[end - 1]!)) end -= 1;
  }
  const snippet = `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
  return { snippet, highlights: highlightRanges(snippet, forms) };
}
