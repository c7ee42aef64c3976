import { Badge, type BadgeProps } from '@mantine/core';
import type { CaseStatus } from '@common/cases';
import { useTranslation } from 'react-i18next';

/** The color of each status, shared by the badge and the progress bar. */
export const caseStatusColors: Record<CaseStatus, string> = {
  new: 'blue',
  waiting_on_response: 'orange',
  researching: 'indigo',
  answered: 'teal',
  pending_fix: 'grape',
  closed: 'gray',
  abandoned: 'red',
};

/** A case's status as a colored badge, in the person's language. */
export function CaseStatusBadge({ status, ...props }: { status: CaseStatus } & Omit<BadgeProps, 'children' | 'color'>) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" radius="sm" color={caseStatusColors[status]} miw="max-content" data-status={status} {...props}>
      {t(`cases.status.${status}`)}
    </Badge>
  );
}
