/**
 * Spellings of one word that people use interchangeably, so that either finds both: Korean loanwords
 * written two ways (the standard 라이선스 and the everyday 라이센스; the manual's own category is
 * 라이센스) and British and American English. Applied to the query only, so the index needs no
 * rebuild when a pair is added: the query word matches its own tokens or those of its other spelling.
 */

/** Korean loanwords: the standard spelling first, then the others in use. */
const HANGUL_SPELLINGS: readonly (readonly string[])[] = [
  ['라이선스', '라이센스'],
  ['포털', '포탈'],
  ['매뉴얼', '메뉴얼'],
  ['메시지', '메세지'],
  ['콘텐츠', '컨텐츠'],
  ['애플리케이션', '어플리케이션'],
  ['데이터', '데이타'],
  ['비전', '비젼'],
  ['스케줄', '스케쥴'],
  ['캐시', '캐쉬'],
  ['리포트', '레포트'],
  ['컨트롤러', '콘트롤러'],
];

/** British and American spellings of the words of this trade. */
const LATIN_SPELLINGS: readonly (readonly string[])[] = [
  ['license', 'licence'],
  ['licenses', 'licences'],
  ['licensed', 'licenced'],
  ['licensing', 'licencing'],
  ['catalog', 'catalogue'],
  ['dialog', 'dialogue'],
  ['behavior', 'behaviour'],
  ['color', 'colour'],
  ['center', 'centre'],
  ['canceled', 'cancelled'],
  ['canceling', 'cancelling'],
  ['organization', 'organisation'],
  ['authorize', 'authorise'],
  ['authorization', 'authorisation'],
  ['synchronize', 'synchronise'],
  ['synchronization', 'synchronisation'],
  ['initialize', 'initialise'],
  ['optimize', 'optimise'],
  ['analyze', 'analyse'],
  ['customize', 'customise'],
];

function byWord(groups: readonly (readonly string[])[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const group of groups) for (const word of group) map.set(word, group.filter((other) => other !== word));
  return map;
}

const HANGUL = byWord(HANGUL_SPELLINGS);
const LATIN = byWord(LATIN_SPELLINGS);
/** Longest first, so that a word is rewritten by its longest spelling in it. */
const HANGUL_WORDS = [...HANGUL.keys()].sort((a, b) => b.length - a.length);

/** The other spellings of a (lowercased) Latin word. */
export function latinSpellings(word: string): readonly string[] {
  return LATIN.get(word) ?? [];
}

/**
 * The Korean word written with the other spellings of a loanword in it (라이센스를 → 라이선스를,
 * PI비젼 → PI비전); nothing when it holds none.
 */
export function hangulSpellings(word: string): string[] {
  const found = HANGUL_WORDS.find((spelling) => word.includes(spelling));
  if (!found) return [];
  return HANGUL.get(found)!.map((other) => word.split(found).join(other));
}
