/** A word made only of Hangul syllables (가–힣). */
const HANGUL_WORD = /^[\uAC00-\uD7A3]+$/;

/**
 * What an avatar shows for a person's name. A Korean name shows its given name, as Koreans are
 * called by it: 김민수 → 민수, 김 민수 → 민수, a two-syllable name whole, a longer one its last two
 * syllables (남궁민수 → 민수). Other names keep Mantine's initials: the first letters of the first
 * two words (Kim Owner → KO), or a single word's first two letters (Administrator → AD).
 */
export function getAvatarInitials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const hangulWords: string[] = [];
  for (const word of words) {
    if (!HANGUL_WORD.test(word)) break;
    hangulWords.push(word);
  }
  // Surname first: written apart, the given name is the last Hangul word; written together, its end.
  const given = hangulWords.at(-1);
  if (given !== undefined) return given.length <= 2 ? given : given.slice(-2);
  const [first, second] = words;
  if (first === undefined) return '';
  return (second === undefined ? first.slice(0, 2) : first.charAt(0) + second.charAt(0)).toUpperCase();
}
