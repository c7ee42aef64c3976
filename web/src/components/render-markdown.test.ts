import { MantineProvider } from '@mantine/core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from './markdown';
import { isSafeLink, renderMarkdown } from './render-markdown';

const XSS_PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](java\tscript:alert(1))',
  '[x](&#106;avascript:alert(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](vbscript:msgbox(1))',
  '<svg onload=alert(1)>',
  '"><iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  '![x](javascript:alert(1))',
  '![x](https://example.com/x.png" onerror="alert(1))',
  '<javascript:alert(1)>',
  '[x](https://example.com/" onclick="alert(1))',
  '<details open ontoggle=alert(1)>',
  '<style>body{display:none}</style>',
  '`<script>alert(1)</script>`',
  '```\n<script>alert(1)</script>\n```',
];

interface Tag {
  name: string;
  attributes: { name: string; value: string }[];
}

/** Every start tag in the HTML with its attributes (a small tokenizer: the tests run without a DOM). */
function tagsOf(html: string): Tag[] {
  const tags = html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g);
  return [...tags].map((tag) => ({
    name: tag[1]!.toLowerCase(),
    attributes: [...tag[2]!.matchAll(/\s+([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)].map((attribute) => ({
      name: attribute[1]!.toLowerCase(),
      value: (attribute[2] ?? attribute[3] ?? attribute[4] ?? '').replace(/&amp;/g, '&'),
    })),
  }));
}
/** The values of every href and src. */
const urlsOf = (html: string) =>
  tagsOf(html)
    .flatMap((tag) => tag.attributes)
    .filter((attribute) => attribute.name === 'href' || attribute.name === 'src')
    .map((attribute) => attribute.value);

const SAFE_ELEMENTS = new Set(['p', 'a', 'code', 'pre', 'br', 'span', 'em', 'strong', 'div']);
const SAFE_ATTRIBUTES = new Set(['href', 'target', 'rel', 'class', 'style', 'data-testid']);

function expectInert(html: string) {
  const tags = tagsOf(html);
  expect(tags.map((tag) => tag.name).filter((name) => !SAFE_ELEMENTS.has(name))).toEqual([]);
  expect(tags.flatMap((tag) => tag.attributes.map((attribute) => attribute.name)).filter((name) => !SAFE_ATTRIBUTES.has(name))).toEqual([]);
  for (const url of urlsOf(html)) expect(isSafeLink(url)).toBe(true);
  // Script-bearing text may be shown as text; inside a tag it would be live.
  expect((html.match(/<[^>]*>/g) ?? []).filter((tag) => /javascript:|vbscript:|data:/i.test(tag))).toEqual([]);
}

describe('renderMarkdown', () => {
  it.each(XSS_PAYLOADS)('renders %j inert: no element or attribute that runs script', (payload) => {
    expectInert(renderMarkdown(payload));
    expectInert(renderMarkdown(`Some text ${payload} more text`));
  });

  it('shows raw HTML as text instead of elements', () => {
    const html = renderMarkdown('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('keeps http, https, mailto and relative links, opening in a new tab without referrer', () => {
    const html = renderMarkdown('[a](https://example.com/a?b=1) [b](http://example.com) [c](mailto:x@example.com) [d](/portal/cases/1) [e](#top)');
    expect(urlsOf(html)).toEqual(['https://example.com/a?b=1', 'http://example.com', 'mailto:x@example.com', '/portal/cases/1', '#top']);
    expect(html.match(/target="_blank"/g)).toHaveLength(5);
    expect(html.match(/rel="noopener noreferrer nofollow"/g)).toHaveLength(5);
  });

  it('turns bare addresses into links', () => {
    expect(urlsOf(renderMarkdown('See https://example.com/docs for more'))).toEqual(['https://example.com/docs']);
  });

  it('drops the href of a link with a scheme it does not allow', () => {
    const html = renderMarkdown('[x](javascript:alert(1)) [y](ftp://example.com/file)');
    expect(urlsOf(html)).toEqual([]);
  });

  it('renders Markdown: emphasis, lists, code', () => {
    const html = renderMarkdown('**bold** _em_\n\n- one\n- two\n\n`code`');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>em</em>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<code>code</code>');
  });

  it('keeps Korean, emoji and other 4-byte characters', () => {
    const html = renderMarkdown('안녕하세요 😀 𠜎 **굵게**');
    expect(html).toContain('안녕하세요 😀 𠜎 <strong>굵게</strong>');
  });

  it('highlights @mentions of the given names, the longest name first, not inside code', () => {
    const html = renderMarkdown('@김민수 님, @Kim Minsu and @Kim. `@김민수`', ['김민수', 'Kim', 'Kim Minsu']);
    expect(html).toContain('<span class="markdown-mention">@김민수</span> 님');
    expect(html).toContain('<span class="markdown-mention">@Kim Minsu</span> and <span class="markdown-mention">@Kim</span>.');
    expect(html).toContain('<code>@김민수</code>');
  });

  it('escapes a mentioned name that carries HTML', () => {
    const html = renderMarkdown('@<img src=x onerror=alert(1)>', ['<img src=x onerror=alert(1)>']);
    expectInert(html);
    expect(html).toContain('<span class="markdown-mention">@&lt;img src=x onerror=alert(1)&gt;</span>');
  });
});

describe('Markdown', () => {
  /** The component's HTML, without the style elements MantineProvider adds for its own CSS. */
  const render = (source: string, mentions?: string[]) =>
    renderToStaticMarkup(createElement(MantineProvider, null, createElement(Markdown, { source, mentions }))).replace(/<style data-mantine-styles="[^"]*">[^<]*<\/style>/g, '');

  it.each(XSS_PAYLOADS)('puts %j in the page inert', (payload) => {
    expectInert(render(payload));
  });

  it('renders the Markdown inside the page', () => {
    const html = render('Hello **world** [docs](https://example.com)');
    expect(html).toContain('<strong>world</strong>');
    expect(html).toContain('<a href="https://example.com" target="_blank" rel="noopener noreferrer nofollow">docs</a>');
  });
});

describe('isSafeLink', () => {
  it.each(['https://example.com', 'HTTP://EXAMPLE.COM', 'mailto:a@example.com', '/portal/cases', 'page?x=a:b', '#top', 'docs/a:b'])('allows %j', (url) => {
    expect(isSafeLink(url)).toBe(true);
  });

  it.each(['javascript:alert(1)', ' javascript:alert(1)', 'java\nscript:alert(1)', 'JAVASCRIPT:x', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', 'ftp://x'])('refuses %j', (url) => {
    expect(isSafeLink(url)).toBe(false);
  });
});
