import { Button, Group, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArticle, IconBook } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { getErrorMessage } from '../../components/get-error-message';
import type { CaseDetail } from '../cases/cases.api';
import { useCaseArticle, usePublishCaseAsArticle } from './knowledge.api';
import { useCanWriteArticles } from './use-can-write-articles';

function PublishAsArticle({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const existing = useCaseArticle(detail.organizationId, detail.id, { enabled: true });
  const publish = usePublishCaseAsArticle(detail.id);
  const hasResolution = Boolean(detail.resolution?.trim());

  if (existing.articleId) {
    return (
      <Button component={Link} to={`/console/knowledge/${encodeURIComponent(existing.articleId)}`} variant="light" leftSection={<IconBook size={16} />} data-testid="open-case-article">
        {t('knowledge.fromCase.open')}
      </Button>
    );
  }
  const run = () =>
    publish.mutate(undefined, {
      onSuccess: (result) => {
        notifications.show({ color: 'teal', message: t(result.created ? 'knowledge.fromCase.created' : 'knowledge.fromCase.existing') });
        void navigate(`/console/knowledge/${encodeURIComponent(result.id)}`);
      },
      onError: (error) => notifications.show({ color: 'red', message: getErrorMessage(error) }),
    });
  return (
    <Tooltip label={t('knowledge.fromCase.needsResolution')} disabled={hasResolution}>
      <Button variant="light" leftSection={<IconArticle size={16} />} onClick={run} loading={publish.isPending || existing.isLoading} disabled={!hasResolution} data-testid="publish-as-article">
        {t('knowledge.fromCase.publish')}
      </Button>
    </Tooltip>
  );
}

/**
 * On a closed case in the console, for engineers who write articles: "Publish as article" turns the
 * resolution into a draft article linked to the case and opens it; once it exists, "Open article".
 */
export function CaseArticleAction({ detail }: { detail: CaseDetail }) {
  const canWrite = useCanWriteArticles();
  if (!canWrite || detail.status !== 'closed') return null;
  return (
    <Group gap="sm" data-testid="case-article-action">
      <PublishAsArticle detail={detail} />
    </Group>
  );
}
