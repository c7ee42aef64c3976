import type { ArticleLanguage } from '@common/knowledge';

/**
 * Where a signed-out visitor of `/kb/:articleId` signs in when the article is not public: the
 * sign-in page, returning to the article in the portal, where articles for customers are read.
 */
export function customerArticleSignInPath(articleId: string, language: ArticleLanguage | null): string {
  const article = `/portal/knowledge/${encodeURIComponent(articleId)}${language ? `?lang=${language}` : ''}`;
  return `/sign-in?next=${encodeURIComponent(article)}`;
}
