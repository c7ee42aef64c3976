import { Badge, type BadgeProps } from '@mantine/core';
import type { VerificationState } from '@common/knowledge';
import { IconClockExclamation, IconRosetteDiscountCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

const colors: Record<VerificationState, string> = { verified: 'teal', review_due: 'orange', unverified: 'gray' };

/** Verified, Review due or Not verified, as a badge for lists and the editor (never cut short by a narrow column). */
export function VerificationBadge({ state, ...props }: { state: VerificationState } & Omit<BadgeProps, 'children' | 'color'>) {
  const { t } = useTranslation();
  const icon = state === 'verified' ? <IconRosetteDiscountCheck size={14} /> : state === 'review_due' ? <IconClockExclamation size={14} /> : undefined;
  return (
    <Badge color={colors[state]} variant={state === 'unverified' ? 'outline' : 'light'} miw="max-content" leftSection={icon} data-verification={state} {...props}>
      {t(`knowledge.verification.${state}`)}
    </Badge>
  );
}
