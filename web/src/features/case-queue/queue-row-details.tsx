import { Stack, Text } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format-date-time';
import type { QueueItem } from './case-queue.api';
import { formatDuration, getElapsedMs } from './format-duration';
import { QueueCaseStatus } from './queue-case-status';

/**
 * Under a queued case's subject on a phone, the columns the screen has no room for: status (and
 * waiting on the customer), organization and site, assignee, times and the old number.
 */
export function QueueRowDetails({ item }: { item: QueueItem }) {
  const { t, i18n } = useTranslation();
  const labelled = (column: 'assignee' | 'opened' | 'updated' | 'firstResponse', value: string) => t('common.labelled', { label: t(`caseQueue.columns.${column}`), value });
  return (
    <Stack gap={4} mt={6} align="flex-start" data-testid="case-queue-row-details">
      <QueueCaseStatus item={item} />
      <Text size="xs">
        <Text span inherit fw={500}>
          {item.organization.name}
        </Text>
        <Text span inherit c="dimmed">
          {` · ${item.site.name}`}
        </Text>
      </Text>
      <Text size="xs" c={item.assignee ? undefined : 'dimmed'}>
        {labelled('assignee', item.assignee?.name ?? t('caseQueue.unassigned'))}
      </Text>
      <Text size="xs" c="dimmed">
        {labelled('opened', formatDateTime(item.createdAt))}
      </Text>
      <Text size="xs" c="dimmed">
        {labelled('updated', formatDateTime(item.updatedAt))}
      </Text>
      <Text size="xs" c="dimmed">
        {labelled('firstResponse', formatDuration(getElapsedMs(item.createdAt, item.firstResponseAt), i18n.resolvedLanguage ?? 'ko'))}
      </Text>
      {item.legacyNumber ? (
        <Text size="xs" c="dimmed">
          <Trans i18nKey="caseQueue.legacyNumber" values={{ number: item.legacyNumber }} components={{ number: <span style={{ whiteSpace: 'nowrap' }} /> }} />
        </Text>
      ) : null}
    </Stack>
  );
}
