import MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';

/** Schemes a link may use; anything else with a scheme (javascript:, data:, vbscript:, file:…) is dropped. */
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * True for http(s) and mailto links and for relative links (`/portal/…`, `#x`, `page?q=1`). A link
 * whose text before the first `/`, `?` or `#` holds a colon has a scheme, and only the allowed
 * ones pass; control characters and whitespace (which browsers strip from schemes) are removed
 * first so `java\tscript:` cannot slip through.
 */
export function isSafeLink(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const head = compact.split(/[/?#]/, 1)[0] ?? '';
  const colon = head.indexOf(':');
  if (colon === -1) return true;
  return ALLOWED_SCHEMES.has(head.slice(0, colon));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Wraps `@Name` of the given names in `<span class="markdown-mention">` (text tokens only, so code stays as written). */
function highlightMentions(state: StateCore): void {
  const names = (state.env as { mentions?: readonly string[] } | undefined)?.mentions?.filter((name) => name.trim() !== '') ?? [];
  if (names.length === 0) return;
  // Longest first, so "@Kim Minsu" wins over "@Kim".
  const pattern = new RegExp(`@(?:${[...names].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})`, 'gu');
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const children: Token[] = [];
    let insideLink = 0;
    for (const token of block.children) {
      if (token.type === 'link_open') insideLink += 1;
      if (token.type === 'link_close') insideLink -= 1;
      if (token.type !== 'text' || insideLink > 0) {
        children.push(token);
        continue;
      }
      let last = 0;
      for (const match of token.content.matchAll(pattern)) {
        const at = match.index ?? 0;
        if (at > last) children.push(textToken(state, token.content.slice(last, at)));
        const open = new state.Token('mention_open', 'span', 1);
        open.attrSet('class', 'markdown-mention');
        children.push(open, textToken(state, match[0]), new state.Token('mention_close', 'span', -1));
        last = at + match[0].length;
      }
      if (last === 0) children.push(token);
      else if (last < token.content.length) children.push(textToken(state, token.content.slice(last)));
    }
    block.children = children;
  }
}

function textToken(state: StateCore, content: string): Token {
  const token = new state.Token('text', '', 0);
  token.content = content;
  return token;
}

function createRenderer(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
  md.validateLink = isSafeLink;
  // No images: a remote picture in a post would tell its host who read the case, and when.
  md.disable('image');
  md.core.ruler.push('mentions', highlightMentions);
  md.renderer.rules.link_open = (tokens, index, options, _env, self) => {
    const token = tokens[index]!;
    token.attrSet('target', '_blank');
    token.attrSet('rel', 'noopener noreferrer nofollow');
    return self.renderToken(tokens, index, options);
  };
  return md;
}

let renderer: MarkdownIt | null = null;

/**
 * Markdown a person wrote, as HTML safe to put in the page: raw HTML is shown as text, only
 * http(s), mailto and relative links are kept (opening in a new tab without referrer), images are
 * not loaded, and `@Name` of the given mentioned names is highlighted.
 */
export function renderMarkdown(source: string, mentions: readonly string[] = []): string {
  renderer ??= createRenderer();
  return renderer.render(source, { mentions });
}
