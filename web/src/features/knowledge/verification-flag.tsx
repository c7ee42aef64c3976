import { Badge, Group, Text } from '@mantine/core';
import type { ArticleView } from '@common/schemas/knowledge';
import { IconClockExclamation, IconRosetteDiscountCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format-date-time';

/**
 * The top of an article for readers: "Verified" with when and by whom beside it (as text, not a
 * tooltip, so phones show it too) or "Review due"; nothing when it was never verified.
 */
export function VerificationFlag({ verification }: { verification: ArticleView['verification'] }) {
  const { t } = useTranslation();
  if (verification.state === 'unverified') return null;
  if (verification.state === 'review_due') {
    return (
      <Badge size="lg" color="orange" variant="light" radius="sm" leftSection={<IconClockExclamation size={16} />} data-testid="article-review-due">
        {t('knowledge.verification.review_due')}
      </Badge>
    );
  }
  const details = [
    verification.verifiedAt ? t('knowledge.reader.verifiedOn', { date: formatDateTime(verification.verifiedAt) }) : null,
    verification.verifiedBy ? t('knowledge.reader.verifiedBy', { name: verification.verifiedBy.name }) : null,
  ].filter(Boolean);
  const badge = (
    <Badge size="lg" color="teal" variant="filled" radius="sm" leftSection={<IconRosetteDiscountCheck size={16} />} data-testid="article-verified">
      {t('knowledge.verification.verified')}
    </Badge>
  );
  return details.length > 0 ? (
    <Group gap="xs" wrap="wrap">
      {badge}
      <Text size="sm" c="dimmed" data-testid="article-verified-details">
        {details.join(' · ')}
      </Text>
    </Group>
  ) : (
    badge
  );
}
