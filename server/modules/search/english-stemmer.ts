/**
 * The Porter2 ("Snowball English") stemmer, for lowercase ASCII words: `connections` and
 * `connected` both become `connect`, `licensing` and `licenses` both `licens`. Written here rather
 * than taken from npm because the package there implements the older Porter algorithm. The steps and
 * their names follow https://snowballstem.org/algorithms/english/stemmer.html.
 */

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
const DOUBLES = ['bb', 'dd', 'ff', 'gg', 'mm', 'nn', 'pp', 'rr', 'tt'];
const LI_ENDINGS = new Set(['c', 'd', 'e', 'g', 'h', 'k', 'm', 'n', 'r', 't']);

/** Words the algorithm leaves alone or maps by hand (Snowball's exceptional forms). */
const EXCEPTIONS: Record<string, string> = {
  skis: 'ski',
  skies: 'sky',
  dying: 'die',
  lying: 'lie',
  tying: 'tie',
  idly: 'idl',
  gently: 'gentl',
  ugly: 'ugli',
  early: 'earli',
  only: 'onli',
  singly: 'singl',
  sky: 'sky',
  news: 'news',
  howe: 'howe',
  atlas: 'atlas',
  cosmos: 'cosmos',
  bias: 'bias',
  andes: 'andes',
};
const AFTER_STEP_1A = new Set(['inning', 'outing', 'canning', 'herring', 'earring', 'proceed', 'exceed', 'succeed']);

const isVowel = (word: string, i: number) => VOWELS.has(word[i]!);

/** Where the region after the first non-vowel following a vowel starts, searching from `from`. */
function regionAfter(word: string, from: number): number {
  for (let i = from + 1; i < word.length; i++) {
    if (!isVowel(word, i) && isVowel(word, i - 1)) return i + 1;
  }
  return word.length;
}

/** A short syllable ends the word at `end` (exclusive). */
function endsWithShortSyllable(word: string, end = word.length): boolean {
  if (end === 2) return isVowel(word, 0) && !isVowel(word, 1);
  if (end < 3) return false;
  const c = word[end - 1]!;
  return !isVowel(word, end - 3) && isVowel(word, end - 2) && !isVowel(word, end - 1) && c !== 'w' && c !== 'x' && c !== 'Y';
}

/** The longest of the suffixes the word ends with. */
function longestSuffix(word: string, suffixes: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const suffix of suffixes) if (word.endsWith(suffix) && (!best || suffix.length > best.length)) best = suffix;
  return best;
}

const STEP2: [string, string][] = [
  ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['abli', 'able'], ['entli', 'ent'], ['izer', 'ize'], ['ization', 'ize'],
  ['ational', 'ate'], ['ation', 'ate'], ['ator', 'ate'], ['alism', 'al'], ['aliti', 'al'], ['alli', 'al'], ['fulness', 'ful'],
  ['ousli', 'ous'], ['ousness', 'ous'], ['iveness', 'ive'], ['iviti', 'ive'], ['biliti', 'ble'], ['bli', 'ble'], ['ogi', 'og'],
  ['fulli', 'ful'], ['lessli', 'less'], ['li', ''],
];
const STEP2_MAP = new Map(STEP2);
const STEP3 = new Map<string, string>([
  ['tional', 'tion'], ['ational', 'ate'], ['alize', 'al'], ['icate', 'ic'], ['iciti', 'ic'], ['ical', 'ic'], ['ful', ''], ['ness', ''], ['ative', ''],
]);
const STEP4 = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize', 'ion'];

/**
 * Stems seen lately: highlighting stems every word of every result's text, and an index's
 * vocabulary is small, so almost every word is met again. Emptied when it grows past its bound.
 */
const STEM_CACHE_LIMIT = 50_000;
const stemCache = new Map<string, string>();

/** The stem of a lowercase ASCII word (other input is returned unchanged). */
export function stemEnglish(input: string): string {
  const cached = stemCache.get(input);
  if (cached !== undefined) return cached;
  const stem = computeStem(input);
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(input, stem);
  return stem;
}

function computeStem(input: string): string {
  if (input.length <= 2 || !/^[a-z']+$/.test(input)) return input;
  const exception = EXCEPTIONS[input];
  if (exception) return exception;
  let word = input.startsWith("'") ? input.slice(1) : input;
  if (word.length <= 2) return word;
  // y as a consonant: at the start and after a vowel.
  word = word.replace(/^y/, 'Y').replace(/([aeiouy])y/g, '$1Y');

  let r1 = /^(gener|commun|arsen)/.exec(word)?.[0].length ?? regionAfter(word, 0);
  let r2 = regionAfter(word, r1);
  const inR1 = (suffix: string) => word.length - suffix.length >= r1;
  const inR2 = (suffix: string) => word.length - suffix.length >= r2;

  // Step 0: possessives.
  const step0 = longestSuffix(word, ["'s'", "'s", "'"]);
  if (step0) word = word.slice(0, -step0.length);

  // Step 1a: plurals.
  const step1a = longestSuffix(word, ['sses', 'ied', 'ies', 's', 'us', 'ss']);
  if (step1a === 'sses') word = word.slice(0, -2);
  else if (step1a === 'ied' || step1a === 'ies') word = word.slice(0, -3) + (word.length > 4 ? 'i' : 'ie');
  else if (step1a === 's' && /[aeiouy]/.test(word.slice(0, -2))) word = word.slice(0, -1);
  if (AFTER_STEP_1A.has(word)) return word;

  // Step 1b: -ed, -ing.
  const step1b = longestSuffix(word, ['eed', 'eedly', 'ed', 'edly', 'ing', 'ingly']);
  if (step1b === 'eed' || step1b === 'eedly') {
    if (inR1(step1b)) word = word.slice(0, -step1b.length) + 'ee';
  } else if (step1b) {
    const stem = word.slice(0, -step1b.length);
    if (/[aeiouy]/.test(stem)) {
      word = stem;
      if (/(at|bl|iz)$/.test(word)) word += 'e';
      else if (DOUBLES.some((d) => word.endsWith(d))) word = word.slice(0, -1);
      else if (r1 >= word.length && endsWithShortSyllable(word)) word += 'e';
    }
  }

  // Step 1c: y to i after a consonant that is not the first letter.
  if (word.length > 2 && /[yY]$/.test(word) && !isVowel(word, word.length - 2)) word = word.slice(0, -1) + 'i';

  // The regions are positions in the word, which only shortened or grew by a letter at the end.
  r1 = Math.min(r1, word.length);
  r2 = Math.min(r2, word.length);

  // Step 2.
  const step2 = longestSuffix(word, STEP2.map(([s]) => s));
  if (step2 && inR1(step2)) {
    if (step2 === 'ogi') {
      if (word.at(-4) === 'l') word = word.slice(0, -3) + 'og';
    } else if (step2 === 'li') {
      if (LI_ENDINGS.has(word.at(-3) ?? '')) word = word.slice(0, -2);
    } else word = word.slice(0, -step2.length) + STEP2_MAP.get(step2)!;
  }

  // Step 3.
  const step3 = longestSuffix(word, [...STEP3.keys()]);
  if (step3 && inR1(step3)) {
    if (step3 !== 'ative' || inR2(step3)) word = word.slice(0, -step3.length) + STEP3.get(step3)!;
  }

  // Step 4.
  const step4 = longestSuffix(word, STEP4);
  if (step4 && inR2(step4)) {
    if (step4 !== 'ion' || /[st]$/.test(word.slice(0, -3))) word = word.slice(0, -step4.length);
  }

  // Step 5.
  if (word.endsWith('e')) {
    if (inR2('e') || (inR1('e') && !endsWithShortSyllable(word, word.length - 1))) word = word.slice(0, -1);
  } else if (word.endsWith('ll') && inR2('l')) word = word.slice(0, -1);

  return word.replace(/Y/g, 'y');
}
