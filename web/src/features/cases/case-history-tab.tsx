import { Skeleton, Text, Timeline } from '@mantine/core';
import { IconArrowBackUp, IconCircleDot, IconEdit, IconLink, IconPaperclip, IconPlus, IconTrash, IconUser } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format-date-time';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { CaseHistoryEntryText } from './case-history-entry-text';
import { useCaseHistory, type CaseHistoryEntry } from './cases.api';

const icons: Record<CaseHistoryEntry['kind'], ReactNode> = {
  created: <IconPlus size={12} />,
  status: <IconCircleDot size={12} />,
  assignee: <IconUser size={12} />,
  description: <IconEdit size={12} />,
  resolution: <IconEdit size={12} />,
  reopen_requested: <IconArrowBackUp size={12} />,
  link_added: <IconLink size={12} />,
  link_removed: <IconLink size={12} />,
  attachment_added: <IconPaperclip size={12} />,
  attachment_removed: <IconTrash size={12} />,
};

/** The History tab: every change to the case, with the previous description or resolution and reopen reasons. */
export function CaseHistoryTab({ organizationId, caseId }: { organizationId: string; caseId: string }) {
  const { t } = useTranslation();
  const history = useCaseHistory(organizationId, caseId);
  if (history.isError) return <LoadErrorAlert error={history.error} onRetry={() => void history.refetch()} />;
  if (!history.data) return <Skeleton height={120} radius="md" />;
  if (history.data.items.length === 0) {
    return (
      <Text size="sm" c="dimmed" ta="center" py="md">
        {t('cases.history.empty')}
      </Text>
    );
  }
  return (
    <Timeline bulletSize={22} lineWidth={2} active={history.data.items.length} data-testid="case-history">
      {history.data.items.map((entry) => (
        <Timeline.Item key={entry.id} bullet={icons[entry.kind]} data-testid="history-entry" data-kind={entry.kind}>
          <CaseHistoryEntryText entry={entry} />
          <Text size="xs" c="dimmed" mt={2}>
            {formatDateTime(entry.createdAt)}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
