import { Group, Tooltip } from '@mantine/core';
import { IconHourglassHigh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CaseStatusBadge } from '../cases/case-status-badge';
import type { QueueItem } from './case-queue.api';

/** A queued case's status badge and, when the case waits on the customer, an orange hourglass. */
export function QueueCaseStatus({ item }: { item: QueueItem }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <CaseStatusBadge status={item.status} />
      {item.waitingOnCustomer ? (
        <Tooltip label={t('caseQueue.waitingOnCustomer')}>
          <IconHourglassHigh size={18} color="var(--mantine-color-orange-6)" role="img" aria-label={t('caseQueue.waitingOnCustomer')} data-testid="waiting-on-customer" />
        </Tooltip>
      ) : null}
    </Group>
  );
}
