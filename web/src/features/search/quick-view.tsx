import type { SearchKind } from '@common/knowledge';
import { Alert, Badge, Button, Divider, Drawer, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconAlertCircle, IconExternalLink, IconRosetteDiscountCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../components/format-date-time';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { Markdown } from '../../components/markdown';
import { ArticleMarkdown } from '../knowledge/article-markdown';
import { ArticleVotes } from '../knowledge/article-votes';
import { formatPreviewMeta } from './format-preview-meta';
import { InternalBadge } from './internal-badge';
import { isInternalResult } from './is-internal-result';
import { resultDay } from './result-day';
import { ResultKindBadge } from './result-kind';
import { isAppPath } from './result-href';
import { useArticleView, useSearchPreview, type SearchPreview, type SearchScope } from './search.api';

/** What the quick view shows: the result's kind and id, its title while the preview loads, and the language it was found in. */
export interface QuickViewTarget {
  kind: SearchKind;
  id: string;
  title: string;
  language?: string | null;
}

function PortalArticleVotes({ organizationId, articleId }: { organizationId: string; articleId: string }) {
  const view = useArticleView(organizationId, articleId);
  if (!view.data) return null;
  return <ArticleVotes organizationId={organizationId} articleId={articleId} votes={view.data.votes} />;
}

function PreviewBody({ scope, preview, onClose }: { scope: SearchScope; preview: SearchPreview; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="quick-view-body">
      <Group gap="xs" wrap="wrap">
        <ResultKindBadge kind={preview.kind} subtype={preview.subtype} />
        {preview.verified ? (
          <Badge color="teal" variant="filled" radius="sm" leftSection={<IconRosetteDiscountCheck size={14} aria-hidden />} data-testid="quick-view-verified">
            {t('search.verified')}
          </Badge>
        ) : null}
        {isInternalResult(preview) ? <InternalBadge size={14} data-testid="quick-view-internal" /> : null}
        <Text size="sm" c="dimmed" data-testid="quick-view-date">
          {preview.dated === 'updated' ? t('search.quickView.updated', { date: formatDateTime(preview.date) }) : t(`search.quickView.${preview.dated}`, { date: resultDay(preview.kind, preview.date) })}
        </Text>
        {preview.language ? (
          <Badge variant="outline" color="gray" radius="sm">
            {t(`common.languages.${preview.language}`)}
          </Badge>
        ) : null}
      </Group>
      {preview.meta.length > 0 ? (
        <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing="xs" fz="sm" data-testid="quick-view-meta">
          <Table.Tbody>
            {preview.meta.map((entry, index) => (
              <Table.Tr key={`${entry.label}-${index}`}>
                <Table.Th scope="row" w="35%" c="dimmed" fw={500}>
                  {entry.label}
                </Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{formatPreviewMeta(entry)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <Divider />
      {!preview.body.trim() ? (
        <Text c="dimmed">{t('search.quickView.noBody')}</Text>
      ) : preview.kind === 'article' ? (
        <ArticleMarkdown source={preview.body} attachments={preview.attachments} data-testid="quick-view-markdown" />
      ) : (
        <Markdown source={preview.body} />
      )}
      {scope.face === 'portal' && scope.organizationId && preview.kind === 'article' ? (
        <>
          <Divider />
          <PortalArticleVotes organizationId={scope.organizationId} articleId={preview.id} />
        </>
      ) : null}
      {isAppPath(preview.href) ? (
        <Group justify="flex-end">
          <Button component={Link} to={preview.href} onClick={onClose} rightSection={<IconExternalLink size={16} />} data-testid="quick-view-open">
            {t('search.quickView.open')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

/**
 * The quick view: a drawer that previews a result (Markdown body, facts, verified flag and date at
 * the top, "Open") without leaving the list; an article in the portal can be voted on here.
 */
export function QuickView({ scope, target, onClose }: { scope: SearchScope; target: QuickViewTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const preview = useSearchPreview(scope, target);
  const notFound = preview.isError && (preview.error as { status?: number }).status === 404;
  return (
    <Drawer
      opened={target !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={preview.data?.title ?? target?.title ?? ''}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="quick-view"
    >
      {notFound ? (
        <Alert color="yellow" variant="light" icon={<IconAlertCircle size={18} />} data-testid="quick-view-gone">
          {t('search.quickView.gone')}
        </Alert>
      ) : preview.isError ? (
        <LoadErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />
      ) : preview.data && target && preview.data.id === target.id ? (
        <PreviewBody scope={scope} preview={preview.data} onClose={onClose} />
      ) : (
        <Stack gap="sm" aria-busy>
          <Skeleton height={20} width="40%" />
          <Skeleton height={14} />
          <Skeleton height={14} />
          <Skeleton height={14} width="70%" />
        </Stack>
      )}
    </Drawer>
  );
}
