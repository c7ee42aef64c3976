import { Group, Text } from '@mantine/core';
import { IconFileOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format-date-time';
import type { CaseAttachment } from './cases.api';

/** A removed attachment in place of its link: the name struck through, then who removed it and when. */
export function RemovedAttachmentLine({ attachment }: { attachment: CaseAttachment }) {
  const { t } = useTranslation();
  const { removed } = attachment;
  if (!removed) return null;
  const date = formatDateTime(removed.at);
  return (
    <Group gap={6} wrap="wrap" data-testid="removed-attachment">
      <IconFileOff size={14} aria-hidden style={{ flexShrink: 0 }} color="var(--mantine-color-dimmed)" />
      <Text size="sm" c="dimmed" td="line-through" style={{ overflowWrap: 'anywhere' }}>
        {attachment.name}
      </Text>
      <Text size="xs" c="dimmed" fs="italic">
        {removed.by ? t('cases.attachments.removedBy', { name: removed.by.name, date }) : t('cases.attachments.removedAt', { date })}
      </Text>
    </Group>
  );
}
