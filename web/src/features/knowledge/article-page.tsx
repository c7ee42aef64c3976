import { Anchor, Container, Group, Skeleton, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/branding';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { CurrentOrganizationGate } from '../organizations/current-organization-gate';
import { ArticleNotFound } from './article-not-found';
import { readArticleLanguage } from './article-language';
import { ArticleReadingView } from './article-reading-view';
import { ArticleVotes } from './article-votes';
import { usePortalArticle } from './knowledge.api';

function PortalArticle({ organizationId, articleId }: { organizationId: string; articleId: string }) {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const language = readArticleLanguage(searchParams.get('lang'));
  const query = usePortalArticle(organizationId, articleId, language);
  const view = query.data;
  usePageTitle(view?.title ?? t('features.portal.knowledge.title'));

  const back = (
    <Group>
      <Anchor component={Link} to="/portal/knowledge" size="sm" data-testid="back-to-knowledge">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} />
          {t('knowledge.portal.back')}
        </Group>
      </Anchor>
    </Group>
  );

  if (query.isError && !view) {
    return <LoadErrorAlert error={query.error} onRetry={() => void query.refetch()} notFound={<ArticleNotFound backPath="/portal/knowledge" backLabel={t('knowledge.portal.back')} />} />;
  }
  return (
    <Stack gap="md">
      {back}
      {view ? (
        <ArticleReadingView
          view={view}
          isSwitching={query.isPlaceholderData}
          onLanguageChange={(next) => setSearchParams({ lang: next }, { replace: true })}
          votes={<ArticleVotes key={view.id} organizationId={organizationId} articleId={view.id} votes={view.votes} />}
        />
      ) : (
        <Skeleton height={480} radius="lg" />
      )}
    </Stack>
  );
}

/** `/portal/knowledge/:articleId?lang=`: one knowledge article as the organization's members read it. */
export function ArticlePage() {
  const { articleId = '' } = useParams();
  return (
    <Container size="md" px={0} data-testid="article-page">
      <CurrentOrganizationGate>{(organization) => <PortalArticle key={`${organization.id}:${articleId}`} organizationId={organization.id} articleId={articleId} />}</CurrentOrganizationGate>
    </Container>
  );
}
