import type { CaseStatus } from '@common/cases';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const statusColors: Record<CaseStatus, string> = {
  new: 'blue',
  waiting_on_response: 'orange',
  researching: 'indigo',
  answered: 'teal',
  pending_fix: 'grape',
  closed: 'gray',
  abandoned: 'dark',
};

/** A case's status as a coloured badge with its translated name. */
export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" radius="sm" color={statusColors[status]} miw="max-content" data-status={status}>
      {t(`caseQueue.status.${status}`)}
    </Badge>
  );
}
