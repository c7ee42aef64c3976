/**
 * The pure parts of @mention autocomplete: finding the `@query` being typed at the caret,
 * inserting the picked name, and keeping only the mentioned ids whose `@Name` is still in the text.
 * Positions are UTF-16 indexes, as `selectionStart` gives them; Hangul and emoji work unchanged.
 */

/** The longest query that keeps the list open; a longer run after `@` is ordinary text. */
const MAX_QUERY_LENGTH = 40;

export interface MentionQuery {
  /** Index of the `@`. */
  start: number;
  /** What follows the `@` up to the caret (may be empty right after typing `@`). */
  query: string;
}

/** True for a character after which `@` starts a mention: none (start of text), whitespace or opening punctuation. */
const isBoundary = (ch: string | undefined) => ch === undefined || /[\s([{"'“‘<]/u.test(ch);

/**
 * The `@query` the caret is in: the nearest `@` before the caret that starts a word (so `a@b.com`
 * does not count), followed by no line break and at most one space (names like "Kim Minsu"), at
 * most 40 characters. Null when the caret is not in one.
 */
export function findMentionQuery(value: string, caret: number): MentionQuery | null {
  const before = value.slice(0, caret);
  const start = before.lastIndexOf('@');
  if (start === -1 || !isBoundary(before[start - 1])) return null;
  const query = before.slice(start + 1);
  if (query.length > MAX_QUERY_LENGTH || /[\r\n@]/.test(query) || /^\s/.test(query)) return null;
  if ((query.match(/\s/g) ?? []).length > 1) return null;
  return { start, query };
}

/**
 * The query without the syllable the input method is still composing (`compositionupdate`'s data):
 * while 민 is being typed the textarea holds `@김ㅁ` or `@김미`, which match no name; the list keeps
 * showing the matches for `@김` until the syllable is confirmed.
 */
export function withoutComposition(mention: MentionQuery | null, composing: string): MentionQuery | null {
  if (!mention || !composing || !mention.query.endsWith(composing)) return mention;
  return { start: mention.start, query: mention.query.slice(0, mention.query.length - composing.length) };
}

/** The text with the `@query` at the caret replaced by `@Name ` and where the caret goes after it. */
export function insertMention(value: string, mention: MentionQuery, caret: number, name: string): { value: string; caret: number } {
  const inserted = `@${name} `;
  const after = value.slice(caret);
  // A space already after the caret is not doubled.
  const rest = after.startsWith(' ') ? after.slice(1) : after;
  return { value: value.slice(0, mention.start) + inserted + rest, caret: mention.start + inserted.length };
}

/** The ids of the mentioned people whose `@Name` is still in the text, each once, in the order they were picked. */
export function pruneMentionIds(text: string, mentioned: readonly { id: string; name: string }[]): string[] {
  const ids: string[] = [];
  for (const person of mentioned) {
    if (!ids.includes(person.id) && text.includes(`@${person.name}`)) ids.push(person.id);
  }
  return ids;
}

/**
 * The names, as this person picked them, of the mentions a refused post named in the error's
 * `details.userIds` (422 `cases.mention_not_allowed`), each once; empty for any other error. The
 * server's message names nobody, so the composer says whom to remove from its own list.
 */
export function refusedMentionNames(details: unknown, mentioned: readonly { id: string; name: string }[]): string[] {
  const ids = typeof details === 'object' && details !== null && 'userIds' in details && Array.isArray(details.userIds) ? (details.userIds as unknown[]) : [];
  const names: string[] = [];
  for (const person of mentioned) {
    if (ids.includes(person.id) && !names.includes(person.name)) names.push(person.name);
  }
  return names;
}
