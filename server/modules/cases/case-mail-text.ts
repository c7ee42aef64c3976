/**
 * A post's Markdown as the plain text of an email, which is read as typed: the marks go (`**`,
 * backticks, `#`, `>`, fences, HTML tags), while what carries meaning stays where it was: the
 * paragraphs and their blank lines, list bullets and numbers, code lines as typed (indented), and
 * each link's address next to its text, so that a link in a post still works from the mail.
 */

/** Stands for a piece already written out (code, a link), so that later rules leave it alone. */
const KEEP = '\uE000';
const KEPT = /\uE000(\d+)\uE000/g;

/** A link or image: `[text](url "title")`. */
const LINK = /(!?)\[([^\]\n]*)\]\(\s*<?([^\s)>]+)>?(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)/g;

/** The text of one line without its inline marks. */
function inlineText(line: string): string {
  const kept: string[] = [];
  const keep = (text: string) => `${KEEP}${kept.push(text) - 1}${KEEP}`;
  const text = line
    // Inside backticks nothing is markup.
    .replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (_, _ticks: string, code: string) => keep(code.trim() || code))
    // An escaped mark is the mark itself, as typed.
    .replace(/\\([!-/:-@[-`{-~])/g, (_, mark: string) => keep(mark))
    .replace(LINK, (_, image: string, label: string, url: string) => {
      const words = label.trim();
      // An image is named, not linked: its address is usually an attachment of the post.
      if (image) return keep(words);
      // The words stay for the later rules; the address is kept as it is (`_` in it is no emphasis).
      return !words || words === url || `mailto:${words}` === url ? keep(url) : `${words} (${keep(url)})`;
    })
    .replace(/<((?:https?|mailto):[^\s<>]+)>/g, (_, url: string) => keep(url))
    .replace(/<\/?[A-Za-z][^<>\n]{0,200}>/g, '')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
    .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*]*?\S)\*(?![\p{L}\p{N}*])/gu, '$1$2')
    // `_` inside a word (snake_case) is no emphasis.
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}_])/gu, '$1$2');
  return text.replace(KEPT, (_, index: string) => kept[Number(index)] ?? '');
}

/** One line outside code blocks as text, or null for a line that is only markup (a rule, a table's ruler). */
function blockLine(line: string): string | null {
  if (/^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/.test(line) || /^\s{0,3}=+\s*$/.test(line)) return null;
  if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$/.test(line)) return null;
  const heading = /^\s{0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$/.exec(line);
  if (heading) return inlineText(heading[1] ?? '');
  const unquoted = line.replace(/^\s{0,3}(?:>\s?)+/, '');
  const item = /^(\s*)(?:([-*+])|(\d{1,9}[.)]))\s+(?:\[([ xX])\]\s+)?(.*)$/.exec(unquoted);
  if (item) {
    const [, indent = '', , number, check, rest = ''] = item;
    const box = check === undefined ? '' : check === ' ' ? '[ ] ' : '[x] ';
    return `${indent}${number ?? '-'} ${box}${inlineText(rest)}`;
  }
  // A table row reads as its cells with a gap between them.
  if (/^\s*\|.*\|\s*$/.test(unquoted))
    return unquoted
      .trim()
      .slice(1, -1)
      .split('|')
      .map((cell) => inlineText(cell.trim()))
      .join('   ');
  return inlineText(unquoted);
}

/** A post's Markdown as an email's plain text (see the file's comment). */
export function markdownToMailText(markdown: string): string {
  const lines: string[] = [];
  // The fence that opened the code block being read, if any.
  let fence: string | null = null;
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== null) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
      else lines.push(`    ${line}`);
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    const text = blockLine(line);
    if (text !== null) lines.push(text);
  }
  return lines
    .join('\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}
