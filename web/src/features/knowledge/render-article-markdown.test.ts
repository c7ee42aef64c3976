import { describe, expect, it } from 'vitest';
import { findAttachment, renderArticleMarkdown, type ReaderAttachment } from './render-article-markdown';

const ARTICLE = '11111111-1111-4111-8111-111111111111';
const IMAGE = '22222222-2222-4222-8222-222222222222';
const PDF = '33333333-3333-4333-8333-333333333333';
const OTHER = '44444444-4444-4444-8444-444444444444';

/** The attachments as a portal reader gets them. */
const attachments: ReaderAttachment[] = [
  { id: IMAGE, contentType: 'image/png', url: `/api/v1/organizations/o/articles/${ARTICLE}/attachments/${IMAGE}` },
  { id: PDF, contentType: 'application/pdf', url: `/api/v1/organizations/o/articles/${ARTICLE}/attachments/${PDF}` },
];
const consoleUrl = (attachmentId: string) => `/api/v1/console/articles/${ARTICLE}/attachments/${attachmentId}`;

describe('findAttachment', () => {
  it('finds the article’s attachment by any face’s address', () => {
    expect(findAttachment(consoleUrl(IMAGE), attachments)?.id).toBe(IMAGE);
    expect(findAttachment(`/api/v1/public/articles/${ARTICLE}/attachments/${PDF}`, attachments)?.id).toBe(PDF);
    expect(findAttachment(`${consoleUrl(IMAGE).toUpperCase().replace('/API/V1/CONSOLE/ARTICLES', '/api/v1/console/articles').replace('/ATTACHMENTS/', '/attachments/')}`, attachments)?.id).toBe(IMAGE);
  });

  it('finds nothing for another attachment, another site or another path', () => {
    expect(findAttachment(consoleUrl(OTHER), attachments)).toBeNull();
    expect(findAttachment(`https://evil.example/api/v1/console/articles/${ARTICLE}/attachments/${IMAGE}`, attachments)).toBeNull();
    expect(findAttachment(`//evil.example/api/v1/x/attachments/${IMAGE}`, attachments)).toBeNull();
    expect(findAttachment(`/portal/attachments/${IMAGE}`, attachments)).toBeNull();
    expect(findAttachment('', attachments)).toBeNull();
  });
});

describe('renderArticleMarkdown', () => {
  it('shows the article’s own image at the reader’s address', () => {
    const html = renderArticleMarkdown(`![Trend display](${consoleUrl(IMAGE)})`, attachments);
    expect(html).toContain(`<img src="${attachments[0]!.url}" alt="Trend display" loading="lazy">`);
  });

  it('does not load images from elsewhere or attachments that are not images', () => {
    for (const source of ['![tracker](https://tracker.example/pixel.png)', `![gone](${consoleUrl(OTHER)})`, `![manual](${consoleUrl(PDF)})`, '![x](javascript:alert(1))', '![x](data:image/png;base64,AAAA)']) {
      const html = renderArticleMarkdown(source, attachments);
      expect(html).not.toContain('<img');
      expect(html).not.toMatch(/<[^>]*(javascript:|data:)/i);
    }
    expect(renderArticleMarkdown('![tracker](https://tracker.example/pixel.png)', attachments)).toBe('<p>tracker</p>\n');
  });

  it('points links to attachments at the reader’s address, opening in a new tab', () => {
    const html = renderArticleMarkdown(`[Manual](${consoleUrl(PDF)}) and [site](https://example.com)`, attachments);
    expect(html).toContain(`<a href="${attachments[1]!.url}" target="_blank" rel="noopener noreferrer nofollow">Manual</a>`);
    expect(html).toContain('<a href="https://example.com" target="_blank" rel="noopener noreferrer nofollow">site</a>');
  });

  it('keeps raw HTML and script links inert', () => {
    const html = renderArticleMarkdown('<img src=x onerror=alert(1)> [x](javascript:alert(1)) <script>alert(1)</script>', attachments);
    expect(html).not.toMatch(/<img|<script|href="javascript/i);
    expect(html).toContain('&lt;script&gt;');
  });

  it('escapes an alt text that holds markup', () => {
    const html = renderArticleMarkdown(`![<b>bold</b> "quote"](${consoleUrl(IMAGE)})`, attachments);
    expect(html).toContain('alt="&lt;b&gt;bold&lt;/b&gt; &quot;quote&quot;"');
  });
});
