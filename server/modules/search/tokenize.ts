import { stemEnglish } from './english-stemmer';
import { hangulSpellings, latinSpellings } from './spelling-variants';

/**
 * The search tokenizer (issue 7): the same tokens for what is indexed and what is asked, with no
 * dictionary and no text search configuration, so PGlite and PostgreSQL match alike. Text is NFKC
 * normalized and lowercased, then cut into runs of one script:
 * - Hangul: the whole run and its overlapping two-syllable pieces (세션이 → 세션이, 세션, 션이),
 *   plus the piece across one space between two runs (원격 지원 → 격지), so that particles and
 *   spacing do not hide a word;
 * - Latin words: the word and its English stem (connections → connections, connect);
 * - numbers and versions whole (2017, v10, 3.4.380), with the leading parts of a dotted version
 *   (3.4.380 → 3.4) so that a search for the minor version finds its patches;
 * - other scripts: the run (and two-character pieces for Chinese and Japanese).
 * A query word of letters and a number written together (server2024) also matches the two as
 * separate words (`joinedParts`), in the query only.
 * Punctuation, symbols and emoji separate words and never become tokens.
 */

/** A run of one script in normalized text, with its place in that text. */
export interface TextRun {
  kind: 'hangul' | 'latin' | 'cjk' | 'other';
  text: string;
  start: number;
  end: number;
  /** Only one space separates it from the previous run (for Hangul pieces across a space). */
  afterSingleSpace: boolean;
}

const HANGUL = /[\uAC00-\uD7A3]/;
const LATIN_OR_DIGIT = /[\p{Script=Latin}\p{Nd}]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const LETTER = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;
const DIGIT = /\p{Nd}/u;
const APOSTROPHES = new Set(["'", '\u2019']);

/** Longest whole token kept; longer runs are still found through their pieces. */
const MAX_TOKEN_LENGTH = 48;

type CharKind = TextRun['kind'] | null;

function kindOf(ch: string): CharKind {
  if (HANGUL.test(ch)) return 'hangul';
  if (LATIN_OR_DIGIT.test(ch)) return 'latin';
  if (CJK.test(ch)) return 'cjk';
  // Hangul jamo on their own (ㅋㅋ) are not words.
  if (/[\u1100-\u11FF\u3130-\u318F\uA960-\uA97F\uD7B0-\uD7FF]/.test(ch)) return null;
  if (LETTER.test(ch)) return 'other';
  return null;
}

/** NFKC and lowercase: the form every token is made from. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * Cuts normalized text into runs of one script. A dot between two digits stays in a Latin run
 * (3.4.380) and an apostrophe between two letters is dropped (customer's → customers); marks stay
 * with their letter.
 */
export function scanRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  const chars = Array.from(text);
  let offset = 0;
  let current: { kind: TextRun['kind']; parts: string[]; start: number; end: number } | null = null;
  let gap = '';
  const flush = () => {
    if (!current) return;
    const previous = runs.at(-1);
    runs.push({ kind: current.kind, text: current.parts.join(''), start: current.start, end: current.end, afterSingleSpace: previous !== undefined && gap === ' ' });
    current = null;
    gap = '';
  };
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const start = offset;
    offset += ch.length;
    const kind = kindOf(ch);
    if (kind !== null) {
      if (current && current.kind === kind) {
        current.parts.push(ch);
        current.end = offset;
        continue;
      }
      flush();
      current = { kind, parts: [ch], start, end: offset };
      continue;
    }
    if (current && MARK.test(ch) && current.kind !== 'hangul') {
      current.parts.push(ch);
      current.end = offset;
      continue;
    }
    const next = chars[i + 1];
    if (current && current.kind === 'latin' && next !== undefined) {
      const previous = current.parts.at(-1)!;
      if (ch === '.' && DIGIT.test(previous) && DIGIT.test(next)) {
        current.parts.push(ch);
        current.end = offset;
        continue;
      }
      if (APOSTROPHES.has(ch) && /\p{L}/u.test(previous) && kindOf(next) === 'latin' && !DIGIT.test(next)) {
        current.end = offset;
        continue;
      }
    }
    flush();
    gap += ch;
  }
  flush();
  return runs;
}

/** The overlapping two-character pieces of a run (nothing for one character). */
export function bigrams(run: string): string[] {
  const chars = Array.from(run);
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

const isAlphabetic = (word: string) => /^[a-z]+$/.test(word);
const hasDigit = (word: string) => /\p{Nd}/u.test(word);

/** The leading parts of a dotted version: 3.4.380 → 3.4 (the whole is the token itself). */
function versionPrefixes(word: string): string[] {
  if (!/^[\p{L}\p{Nd}]*\p{Nd}(\.\p{Nd}+){2,}$/u.test(word)) return [];
  const parts = word.split('.');
  const out: string[] = [];
  for (let n = 2; n < parts.length; n++) out.push(parts.slice(0, n).join('.'));
  return out;
}

/** The tokens of one Latin run: the word, its stem, a version's leading parts. */
export function latinTokens(word: string): string[] {
  if (word.length > MAX_TOKEN_LENGTH) return [];
  if (isAlphabetic(word)) {
    const stem = stemEnglish(word);
    return stem === word ? [word] : [word, stem];
  }
  return hasDigit(word) ? [word, ...versionPrefixes(word)] : [word];
}

/** A token at a position of the text (the pieces of a run take consecutive positions). */
export interface PositionedToken {
  term: string;
  position: number;
}

/** Tokens of a text with positions starting at `first`; also returns the next free position. */
export function tokenizeWithPositions(text: string, first = 1): { tokens: PositionedToken[]; next: number } {
  const tokens: PositionedToken[] = [];
  let position = first;
  let previous: TextRun | undefined;
  for (const run of scanRuns(normalizeText(text))) {
    if (run.kind === 'hangul' || run.kind === 'cjk') {
      const length = Array.from(run.text).length;
      if (length <= MAX_TOKEN_LENGTH) tokens.push({ term: run.text, position });
      // The piece across one space joins the last syllable before it with the first after it.
      if (run.kind === 'hangul' && previous?.kind === 'hangul' && run.afterSingleSpace) {
        tokens.push({ term: Array.from(previous.text).at(-1)! + Array.from(run.text)[0]!, position: Math.max(first, position - 1) });
      }
      bigrams(run.text).forEach((piece, index) => tokens.push({ term: piece, position: position + index }));
      position += Math.max(1, length - 1);
    } else if (run.kind === 'latin') {
      for (const term of latinTokens(run.text)) tokens.push({ term, position });
      position += 1;
    } else if (run.text.length <= MAX_TOKEN_LENGTH) {
      tokens.push({ term: run.text, position });
      position += 1;
    }
    previous = run;
  }
  return { tokens, next: position };
}

/** The distinct tokens a text is indexed under, in order of first appearance. */
export function tokenizeForIndex(text: string): string[] {
  return [...new Set(tokenizeWithPositions(text).tokens.map((t) => t.term))];
}

/** A lexeme or tsquery operand as a literal: single quotes and backslashes doubled. */
export function quoteLexeme(term: string): string {
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** PostgreSQL keeps positions 1 to 16383 and at most 256 per lexeme. */
const MAX_POSITION = 16_383;

/**
 * The `tsvector` literal of a findable thing, to cast with `$1::tsvector`: title and reference
 * weigh A, summary B, body C, with positions running on across them.
 */
export function buildTsvector(parts: { title: string; summary?: string; body?: string; reference?: string | null }): string {
  const lexemes = new Map<string, string[]>();
  let next = 1;
  const add = (text: string | null | undefined, weight: 'A' | 'B' | 'C') => {
    if (!text) return;
    const result = tokenizeWithPositions(text, next);
    for (const token of result.tokens) {
      let positions = lexemes.get(token.term);
      if (!positions) lexemes.set(token.term, (positions = []));
      // One position per weight: ranking reads where a word occurs (title, summary, body), not how
      // often, and a small tsvector is what keeps ranking thousands of matches fast.
      if (!positions.some((p) => p.endsWith(weight))) positions.push(`${Math.min(token.position, MAX_POSITION)}${weight}`);
    }
    next = result.next + 1;
  };
  add(parts.title, 'A');
  add(parts.reference, 'A');
  add(parts.summary, 'B');
  add(parts.body, 'C');
  return [...lexemes].map(([term, positions]) => `${quoteLexeme(term)}:${[...new Set(positions)].join(',')}`).join(' ');
}

// ---- Queries ----

/** Korean particles stripped from the end of a query word before its pieces are taken. */
const PARTICLES_TWO = ['에서', '으로', '에게', '까지', '부터', '처럼', '보다', '하고', '이나', '입니다'];
const PARTICLES_ONE = ['이', '가', '을', '를', '은', '는', '에', '의', '로', '와', '과', '도', '만'];

/** English words too common to narrow a search; dropped from a query that has other words. */
const STOPWORDS = new Set(
  'a an and are as at be but by can do does for from has have how i if in into is it its my no not of on or our so than that the their then there these this to was we were what when where which who why will with you your'.split(' '),
);

/**
 * Korean words that say how, not what: verb endings written as words of their own (않습니다, 됩니다),
 * questions and politeness. Dropped from a query that has other words, as the English stopwords:
 * "세션이 연결되지 않습니다" is about the session and connecting, and every article that says
 * 않습니다 would otherwise match its "not".
 */
const KOREAN_STOPWORDS = new Set(
  (
    '않습니다 않아요 않음 않는 않고 않게 않네요 않는데 않는다 안됩니다 안돼요 안되요 안됨 안되는 됩니다 돼요 되요 됨 되나요 ' +
    '합니다 해요 했습니다 했어요 하는 하나요 할까요 해주세요 주세요 부탁드립니다 부탁합니다 문의드립니다 문의합니다 ' +
    '있습니다 있어요 있음 있나요 있는 없습니다 없어요 없음 없나요 없는 입니다 이에요 예요 인가요 습니다 ' +
    '어떻게 무엇 왜 좀 계속 자꾸'
  ).split(' '),
);

/** Particles that take another after them (에서는, 으로도, 와의) and the ones they take. */
const PARTICLES_COMBINED: readonly { firsts: readonly string[]; seconds: readonly string[] }[] = [
  { firsts: ['에서', '으로', '에게', '까지', '부터', '에', '로'], seconds: ['는', '도', '의', '만'] },
  { firsts: ['와', '과'], seconds: ['는', '의'] },
];

/**
 * A Korean word that is only a particle: written against a Latin word (Edge에서, PI Server에서는),
 * the script change makes it a word of its own, as it is when spaced off. It says nothing of what
 * is sought, and as a word to match it would find every Korean text that has it.
 */
export function isParticleOnly(word: string): boolean {
  if (PARTICLES_TWO.includes(word) || PARTICLES_ONE.includes(word)) return true;
  return PARTICLES_COMBINED.some(({ firsts, seconds }) => seconds.some((second) => word.endsWith(second) && firsts.includes(word.slice(0, -second.length))));
}

/** A word of the query and the tokens it matches. */
export type QueryWord =
  | { kind: 'latin'; raw: string; stem: string; alphabetic: boolean; prefix: boolean; stopword: boolean; spellings: readonly string[]; parts: readonly string[] }
  | { kind: 'hangul'; raw: string; stripped: string; pieces: string[]; prefix: boolean; spellings: HangulSpelling[] }
  | { kind: 'other'; raw: string; pieces: string[] };

export interface ParsedQuery {
  /** The query as searched: trimmed and cut to 500 characters. */
  text: string;
  words: QueryWord[];
  /** The query as one exact reference (case number, version), lowercased, when it is one word. */
  reference: string | null;
}

export const MAX_QUERY_LENGTH = 500;
/** More words than this add little and cost much; the first ones are kept. */
const MAX_QUERY_WORDS = 32;

/** The Hangul word without a trailing particle, when something of two syllables or more is left. */
export function stripParticle(word: string): string {
  const chars = Array.from(word);
  for (const particle of [...PARTICLES_TWO, ...PARTICLES_ONE]) {
    const length = Array.from(particle).length;
    if (word.endsWith(particle) && chars.length - length >= 2) return chars.slice(0, -length).join('');
  }
  return word;
}

/** Another spelling of a Korean query word (spelling-variants.ts), matched as the word would be. */
export interface HangulSpelling {
  raw: string;
  stripped: string;
  pieces: string[];
}

function hangulSpelling(raw: string): HangulSpelling {
  const stripped = stripParticle(raw);
  return { raw, stripped, pieces: Array.from(stripped).length > 1 ? bigrams(stripped) : [stripped] };
}

/**
 * The letters and the number of a word written without the space between them (server2024,
 * windows10, pi2017 → server + 2024), when each part has two characters or more; otherwise none
 * (v10, x64, 3.4.380 stay one word). The query also matches the parts as separate words.
 */
export function joinedParts(word: string): string[] {
  if (!/^[\p{L}\p{Nd}]+$/u.test(word)) return [];
  const parts = word.match(/\p{L}+|\p{Nd}+/gu) ?? [];
  return parts.length > 1 && parts.every((part) => part.length >= 2) ? parts : [];
}

/** Splits of a word found nowhere are tried only up to this length (a 14-letter word has 11). */
const MAX_COMPOUND_LENGTH = 14;

/**
 * A word of letters that may be two written together (opcda: OPC DA, pivision: PI Vision,
 * customerportal): every way to cut it in two with two letters or more on each side, as
 * `'opc da'`. The search tries them (both halves must match) only for a word the index holds
 * nowhere, not even as a typo, so a word that exists is never taken apart.
 */
export function compoundSplits(word: string): string[] {
  if (!/^[a-z]+$/.test(word) || word.length < 4 || word.length > MAX_COMPOUND_LENGTH) return [];
  const splits: string[] = [];
  for (let at = 2; at <= word.length - 2; at += 1) splits.push(`${word.slice(0, at)} ${word.slice(at)}`);
  return splits;
}

/** Reads a query into words: the same tokenizer as the index, per word. */
export function parseQuery(q: string): ParsedQuery {
  const text = Array.from(q.trim()).slice(0, MAX_QUERY_LENGTH).join('').trim();
  const runs = scanRuns(normalizeText(text));
  const words: QueryWord[] = [];
  const seen = new Set<string>();
  for (const run of runs) {
    if (seen.has(`${run.kind}:${run.text}`) || run.text.length > MAX_TOKEN_LENGTH * 4) continue;
    seen.add(`${run.kind}:${run.text}`);
    if (run.kind === 'hangul') {
      const { stripped, pieces } = hangulSpelling(run.text);
      words.push({ kind: 'hangul', raw: run.text, stripped, pieces, prefix: Array.from(stripped).length === 1, spellings: hangulSpellings(run.text).map(hangulSpelling) });
    } else if (run.kind === 'latin') {
      if (run.text.length > MAX_TOKEN_LENGTH) continue;
      const alphabetic = isAlphabetic(run.text);
      words.push({ kind: 'latin', raw: run.text, stem: alphabetic ? stemEnglish(run.text) : run.text, alphabetic, prefix: false, stopword: STOPWORDS.has(run.text), spellings: latinSpellings(run.text), parts: joinedParts(run.text) });
    } else {
      words.push({ kind: 'other', raw: run.text, pieces: run.kind === 'cjk' && Array.from(run.text).length > 1 ? bigrams(run.text) : [run.text] });
    }
  }
  // As the person types, the last word may be unfinished: it also matches as a beginning.
  const last = words.at(-1);
  const typing = /[\p{L}\p{N}]$/u.test(q);
  if (typing && last?.kind === 'latin' && last.alphabetic && last.raw.length >= 3 && runs.at(-1)?.end === normalizeText(text).length) last.prefix = true;
  // A one-syllable Korean word between others (안, 못, 잘, a particle spaced off) matches nearly
  // everything as a beginning: it is left out unless it is all there is or is being typed last.
  const single = (w: QueryWord) => w.kind === 'hangul' && Array.from(w.stripped).length === 1;
  const hasLonger = words.some((w) => !single(w));
  const narrowed = hasLonger ? words.filter((w) => !single(w) || (w === last && typing)) : words;
  const stop = (w: QueryWord) => (w.kind === 'latin' && w.stopword) || (w.kind === 'hangul' && (KOREAN_STOPWORDS.has(w.stripped) || isParticleOnly(w.raw)));
  const meaningful = narrowed.some((w) => !stop(w));
  const kept = (meaningful ? narrowed.filter((w) => !stop(w)) : narrowed).slice(0, MAX_QUERY_WORDS);
  const reference = /^\S+$/.test(text) && text.length <= 100 ? normalizeText(text) : null;
  return { text, words: kept, reference };
}

/**
 * Latin words corrected for typos: each query word (raw) and the words of the index it may have
 * meant; an alternative with a space (`'opc da'`) is two words written together, matched as both.
 */
export type Corrections = ReadonlyMap<string, readonly string[]>;

/**
 * What else a Latin query word matches: its other spellings, the words it was corrected to and
 * their other spellings (licnese → license, licence: the typo finds what the word itself finds).
 */
function alternativesOf(word: Extract<QueryWord, { kind: 'latin' }>, corrections: Corrections | undefined): string[] {
  const corrected = corrections?.get(word.raw) ?? [];
  return [...new Set([...word.spellings, ...corrected, ...corrected.flatMap((to) => latinSpellings(to))])];
}

function latinOperand(word: Extract<QueryWord, { kind: 'latin' }>, corrections: Corrections | undefined): string {
  const terms = new Set<string>();
  if (word.prefix) {
    // The word as typed so far, as the beginning of a word; its stem may be a whole word already.
    if (word.stem !== word.raw) terms.add(quoteLexeme(word.stem));
    terms.add(`${quoteLexeme(word.raw)}:*`);
  } else {
    terms.add(quoteLexeme(word.stem));
    if (word.raw !== word.stem) terms.add(quoteLexeme(word.raw));
  }
  const allOf = (parts: readonly string[]) =>
    `( ${parts
      .map((part) => {
        const stem = isAlphabetic(part) ? stemEnglish(part) : part;
        return stem === part ? quoteLexeme(part) : `( ${quoteLexeme(part)} | ${quoteLexeme(stem)} )`;
      })
      .join(' & ')} )`;
  for (const other of alternativesOf(word, corrections)) {
    if (other.includes(' ')) {
      terms.add(allOf(other.split(' ')));
      continue;
    }
    terms.add(quoteLexeme(other));
    if (isAlphabetic(other)) terms.add(quoteLexeme(stemEnglish(other)));
  }
  if (word.parts.length > 1) terms.add(allOf(word.parts));
  return terms.size === 1 ? [...terms][0]! : `( ${[...terms].join(' | ')} )`;
}

function hangulOperand(word: Extract<QueryWord, { kind: 'hangul' }>): string {
  if (word.prefix) return `${quoteLexeme(word.stripped)}:*`;
  const spellings = [word, ...word.spellings].map((spelling) => {
    const whole = quoteLexeme(spelling.raw);
    const pieces = spelling.pieces.map(quoteLexeme);
    const all = pieces.length === 1 ? pieces[0]! : `( ${pieces.join(' & ')} )`;
    return whole === all ? whole : `( ${whole} | ${all} )`;
  });
  return spellings.length === 1 ? spellings[0]! : `( ${spellings.join(' | ')} )`;
}

/** One operand per word: what that word matches. */
export function queryOperands(parsed: ParsedQuery, corrections?: Corrections): string[] {
  return parsed.words.map((word) => {
    if (word.kind === 'latin') return latinOperand(word, corrections);
    if (word.kind === 'hangul') return hangulOperand(word);
    return word.pieces.length === 1 ? quoteLexeme(word.pieces[0]!) : `( ${quoteLexeme(word.raw)} | ( ${word.pieces.map(quoteLexeme).join(' & ')} ) )`;
  });
}

/**
 * The `tsquery` literal to cast with `::tsquery`: the words ANDed (or ORed, for the fallback when
 * too little matches all of them); null when the query has nothing to search for. Built only from
 * quoted tokens, so operators typed in the query are just punctuation.
 */
export function buildTsquery(parsed: ParsedQuery, corrections?: Corrections, options: { mode?: 'and' | 'or'; atLeast?: number } = {}): string | null {
  const operands = queryOperands(parsed, corrections);
  if (operands.length === 0) return null;
  const atLeast = options.atLeast ?? (options.mode === 'or' ? 1 : operands.length);
  if (atLeast <= 1) {
    // Any one word: a single letter or digit alone (the 1 of `alert(1)`) finds nearly anything, so
    // it stands alone only when the query has nothing longer.
    const long = operands.filter((_, index) => Array.from(parsed.words[index]!.raw).length > 1);
    return (long.length > 0 ? long : operands).join(' | ');
  }
  if (atLeast >= operands.length) return operands.join(' & ');
  // Any `atLeast` of the words: (a & b) | (a & c) | (b & c) for two of three.
  return combinations(operands, atLeast)
    .map((chosen) => `( ${chosen.join(' & ')} )`)
    .join(' | ');
}

/** How many ways to choose k of n (C(n, k)). */
export function choose(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return Math.round(result);
}

/** Every choice of k items, in order. */
function combinations<T>(items: readonly T[], k: number): T[][] {
  const out: T[][] = [];
  const pick = (start: number, chosen: T[]) => {
    if (chosen.length === k) {
      out.push([...chosen]);
      return;
    }
    for (let i = start; i <= items.length - (k - chosen.length); i++) pick(i + 1, [...chosen, items[i]!]);
  };
  pick(0, []);
  return out;
}

/** The forms a query word takes in text, for highlighting: Latin stems and prefixes, Hangul words and pieces. */
export interface MatchForms {
  stems: Set<string>;
  raws: Set<string>;
  prefixes: string[];
  /** Hangul and other-script words (particles stripped), each with the pieces marked where the whole word is not found. */
  words: { whole: string; pieces: string[] }[];
}

/** What to highlight for a query (with its corrections). */
export function matchFormsOf(parsed: ParsedQuery, corrections?: Corrections): MatchForms {
  const forms: MatchForms = { stems: new Set(), raws: new Set(), prefixes: [], words: [] };
  for (const word of parsed.words) {
    if (word.kind === 'latin') {
      forms.raws.add(word.raw);
      if (word.alphabetic) forms.stems.add(word.stem);
      for (const part of word.parts) {
        forms.raws.add(part);
        if (isAlphabetic(part)) forms.stems.add(stemEnglish(part));
      }
      if (word.prefix) forms.prefixes.push(word.raw);
      for (const other of alternativesOf(word, corrections).flatMap((form) => form.split(' '))) {
        forms.raws.add(other);
        if (isAlphabetic(other)) forms.stems.add(stemEnglish(other));
      }
    } else if (word.kind === 'hangul') {
      for (const spelling of [word, ...word.spellings]) forms.words.push({ whole: spelling.stripped, pieces: spelling.pieces.filter((piece) => piece !== spelling.stripped) });
    } else {
      forms.words.push({ whole: word.raw, pieces: word.pieces.filter((piece) => piece !== word.raw) });
    }
  }
  return forms;
}
