import { Container, Skeleton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { usePageTitle } from '../../app/branding';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { ArticleEditor } from './article-editor';
import { ArticleNotFound } from './article-not-found';
import { useConsoleArticle } from './knowledge.api';
import { NoAccessPanel } from '../../components/no-access-panel';
import { useCanWriteArticles } from './use-can-write-articles';

function ConsoleArticle({ articleId }: { articleId: string }) {
  const { t } = useTranslation();
  const query = useConsoleArticle(articleId);
  const article = query.data;
  usePageTitle(article?.translations[0]?.title ?? t('features.console.knowledge.title'));

  if (query.isError && !article) {
    return <LoadErrorAlert error={query.error} onRetry={() => void query.refetch()} notFound={<ArticleNotFound backPath="/console/knowledge" backLabel={t('knowledge.editor.back')} />} />;
  }
  if (!article) return <Skeleton height={560} radius="lg" />;
  return <ArticleEditor article={article} refetch={async () => (await query.refetch()).data} />;
}

/** `/console/knowledge/:articleId?lang=`: the article editor, for staff with `article.write`. */
export function ConsoleArticlePage() {
  const { articleId = '' } = useParams();
  const canWrite = useCanWriteArticles();
  return (
    <Container size="xl" px={0} data-testid="console-article-page">
      {canWrite ? <ConsoleArticle key={articleId} articleId={articleId} /> : <NoAccessPanel texts="knowledge.noAccess" testId="knowledge-no-access" />}
    </Container>
  );
}
