import MarkdownIt from 'markdown-it';
import { isSafeLink } from '../../components/render-markdown';

/** An attachment of the article as the reader's page may load it. */
export interface ReaderAttachment {
  id: string;
  contentType: string;
  url: string;
}

interface ArticleEnv {
  attachments: readonly ReaderAttachment[];
}

const ATTACHMENT_PATH = /^\/api\/v1\/[^?#]*\/attachments\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[?#].*)?$/i;

/**
 * The article's own attachment a URL points to, whichever face's address the engineer inserted
 * (the console's, the portal's or the public one): images and links are written once and each
 * reader gets the address of their own face. Anything else (another site, another path) is null.
 */
export function findAttachment(url: string, attachments: readonly ReaderAttachment[]): ReaderAttachment | null {
  const match = ATTACHMENT_PATH.exec(url.trim());
  if (!match) return null;
  const id = match[1]!.toLowerCase();
  return attachments.find((attachment) => attachment.id.toLowerCase() === id) ?? null;
}

function createRenderer(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
  md.validateLink = isSafeLink;
  const renderImage = md.renderer.rules.image!;
  // Only the article's own images load: a picture from elsewhere would tell its host who read the article, and when.
  md.renderer.rules.image = (tokens, index, options, env: ArticleEnv, self) => {
    const token = tokens[index]!;
    const attachment = findAttachment(token.attrGet('src') ?? '', env.attachments);
    const alt = self.renderInlineAsText(token.children ?? [], options, env);
    if (!attachment || !attachment.contentType.startsWith('image/')) return md.utils.escapeHtml(alt);
    token.attrSet('src', attachment.url);
    token.attrSet('loading', 'lazy');
    return renderImage(tokens, index, options, env, self);
  };
  md.renderer.rules.link_open = (tokens, index, options, env: ArticleEnv, self) => {
    const token = tokens[index]!;
    const attachment = findAttachment(token.attrGet('href') ?? '', env.attachments);
    if (attachment) token.attrSet('href', attachment.url);
    token.attrSet('target', '_blank');
    token.attrSet('rel', 'noopener noreferrer nofollow');
    return self.renderToken(tokens, index, options);
  };
  return md;
}

let renderer: MarkdownIt | null = null;

/**
 * An article's Markdown as HTML safe to put in the page: as `renderMarkdown` (no raw HTML, only
 * http(s), mailto and relative links, opening in a new tab), except that images are shown when
 * they are the article's own image attachments, at the reader's address for them.
 */
export function renderArticleMarkdown(source: string, attachments: readonly ReaderAttachment[]): string {
  renderer ??= createRenderer();
  const env: ArticleEnv = { attachments };
  return renderer.render(source, env);
}
