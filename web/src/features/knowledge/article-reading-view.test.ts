import { MantineProvider } from '@mantine/core';
import type { ArticleView } from '@common/schemas/knowledge';
import { createInstance } from 'i18next';
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDateTime } from '../../components/format-date-time';
import en from '../../locales/en/translation.json';
import ko from '../../locales/ko/translation.json';
import { ArticleReadingView } from './article-reading-view';

const ARTICLE = '11111111-1111-4111-8111-111111111111';
const IMAGE = '22222222-2222-4222-8222-222222222222';
const READER_URL = `/api/v1/organizations/o/articles/${ARTICLE}/attachments/${IMAGE}`;

const i18n = createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({ resources: { en: { translation: en }, ko: { translation: ko } }, lng: 'en', interpolation: { escapeValue: false }, showSupportNotice: false });
});

const view = (overrides: Partial<ArticleView> = {}): ArticleView => ({
  id: ARTICLE,
  language: 'en',
  title: 'PI Server licence activation fails',
  summary: 'When activation fails after an upgrade',
  issue: 'Activation **fails**.',
  environment: '',
  resolution: `Restart the service.\n\n![Licence dialog](/api/v1/console/articles/${ARTICLE}/attachments/${IMAGE})\n\n![tracker](https://tracker.example/p.png)`,
  visibility: 'customers',
  products: [{ id: '33333333-3333-4333-8333-333333333333', name: 'PI Server' }],
  verification: { state: 'verified', verifiedAt: '2025-03-01T02:00:00.000Z', verifiedBy: { id: '44444444-4444-4444-8444-444444444444', name: 'Kim', side: 'engineer' }, expiresAt: '2025-08-28T02:00:00.000Z' },
  languages: ['en', 'ko'],
  attachments: [{ id: IMAGE, name: 'licence.png', contentType: 'image/png', size: 2048, createdAt: '2025-03-01T00:00:00.000Z', url: READER_URL }],
  votes: { helpful: 3, notHelpful: 1, mine: null },
  viewCount: 12,
  updatedAt: '2025-03-02T05:06:07.000Z',
  publishedAt: '2025-03-01T00:00:00.000Z',
  ...overrides,
});

/** The view's HTML, without the style elements MantineProvider adds. */
function render(article: ArticleView, votes?: ReactNode): string {
  const tree = createElement(I18nextProvider, { i18n }, createElement(MantineProvider, null, createElement(ArticleReadingView, { view: article, onLanguageChange: () => undefined, votes })));
  return renderToStaticMarkup(tree).replace(/<style data-mantine-styles="[^"]*">[^<]*<\/style>/g, '');
}

describe('ArticleReadingView', () => {
  it('puts the Verified flag and the last update at the top', () => {
    const html = render(view());
    expect(html).toContain('data-testid="article-verified"');
    expect(html).not.toContain('data-testid="article-review-due"');
    expect(html).toContain(`Last updated ${formatDateTime('2025-03-02T05:06:07.000Z')}`);
    expect(html.indexOf('article-verified')).toBeLessThan(html.indexOf('data-testid="article-title"'));
  });

  it('shows when and by whom it was verified as text beside the flag (not only on hover), in both languages', async () => {
    const date = formatDateTime('2025-03-01T02:00:00.000Z');
    const details = (html: string) => html.match(/data-testid="article-verified-details"[^>]*>([^<]*)</)?.[1];
    expect(details(render(view()))).toBe(`Verified ${date} · by Kim`);
    await i18n.changeLanguage('ko');
    try {
      expect(details(render(view({ verification: { state: 'verified', verifiedAt: '2025-03-01T02:00:00.000Z', verifiedBy: { id: '44444444-4444-4444-8444-444444444444', name: '박지원', side: 'engineer' }, expiresAt: null } })))).toBe(`${date} 검증 · 박지원 님`);
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('shows "Review due" instead when the verification lapsed, and nothing when never verified', () => {
    const due = render(view({ verification: { state: 'review_due', verifiedAt: '2024-01-01T00:00:00.000Z', verifiedBy: null, expiresAt: '2024-06-29T00:00:00.000Z' } }));
    expect(due).toContain('data-testid="article-review-due"');
    expect(due).toContain('Review due');
    expect(due).not.toContain('data-testid="article-verified"');
    const never = render(view({ verification: { state: 'unverified', verifiedAt: null, verifiedBy: null, expiresAt: null } }));
    expect(never).not.toContain('article-verified');
    expect(never).not.toContain('article-review-due');
  });

  it('lists the languages the article exists in, the shown one chosen', () => {
    const html = render(view({ language: 'ko', title: '라이선스 활성화 오류', languages: ['en', 'ko'] }));
    const switcher = html.slice(html.indexOf('data-testid="article-languages"'));
    expect(switcher.indexOf('Korean')).toBeLessThan(switcher.indexOf('English'));
    expect(html).toMatch(/<input(?=[^>]*value="ko")(?=[^>]*checked="")[^>]*>/);
    expect(html).not.toMatch(/<input(?=[^>]*value="en")(?=[^>]*checked="")[^>]*>/);
    expect(html).toContain('data-language="ko"');
    expect(html).toContain('lang="ko"');
  });

  it('renders the sections that have text, as Markdown, with the article’s own images only', () => {
    const html = render(view());
    expect(html).toContain('data-testid="article-issue"');
    expect(html).toContain('<strong>fails</strong>');
    expect(html).not.toContain('data-testid="article-environment"');
    expect(html).toContain(`<img src="${READER_URL}" alt="Licence dialog" loading="lazy">`);
    expect(html).not.toContain('tracker.example');
    expect(html).toContain('PI Server');
    expect(html).toContain('12 views');
  });

  it('shows the votes only where the page gives them (not on the public page)', () => {
    expect(render(view())).not.toContain('data-testid="article-votes"');
    expect(render(view(), createElement('div', { 'data-testid': 'article-votes' }))).toContain('data-testid="article-votes"');
  });

  it('keeps script in the article’s words inert', () => {
    const html = render(view({ title: '<script>alert(1)</script>', summary: '<img src=x onerror=alert(1)>', issue: '[x](javascript:alert(1)) <iframe src="javascript:alert(1)">' }));
    const tags = html.match(/<[^>]*>/g) ?? [];
    expect(tags.filter((tag) => /^<(script|iframe)|onerror|javascript:/i.test(tag))).toEqual([]);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
