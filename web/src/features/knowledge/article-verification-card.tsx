import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRosetteDiscountCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format-date-time';
import { useVerifyArticle, type Article } from './knowledge.api';
import { VerificationBadge } from './verification-badge';
import { ErrorAlert } from '../../components/error-alert';

/** Verified or not, by whom and until when; "Mark verified" / "Verify again" and "Withdraw verification". */
export function ArticleVerificationCard({ article, onOwnChange }: { article: Article; onOwnChange: (result: unknown) => Promise<void> }) {
  const { t } = useTranslation();
  const verify = useVerifyArticle(article.id);
  const { verification } = article;
  const hasPublished = article.translations.some((translation) => translation.status === 'published');
  const run = (value: boolean) =>
    verify.mutate(value, {
      onSuccess: (result) => {
        notifications.show({ color: 'teal', message: t(value ? 'knowledge.verify.done' : 'knowledge.verify.withdrawn') });
        void onOwnChange(result);
      },
    });

  return (
    <Card withBorder radius="lg" p="md" data-testid="article-verification" data-state={verification.state}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h5">
            {t('knowledge.verify.title')}
          </Title>
          <VerificationBadge state={verification.state} />
        </Group>
        {verification.verifiedAt ? (
          <Text size="sm">
            {verification.verifiedBy
              ? t('knowledge.verify.verifiedBy', { date: formatDateTime(verification.verifiedAt), name: verification.verifiedBy.name })
              : t('knowledge.verify.verifiedOn', { date: formatDateTime(verification.verifiedAt) })}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('knowledge.verify.never')}
          </Text>
        )}
        {verification.verifiedAt ? (
          <Text size="sm" c={verification.state === 'review_due' ? 'orange' : 'dimmed'} fw={verification.state === 'review_due' ? 600 : undefined} data-testid="verification-expiry">
            {verification.expiresAt
              ? t(verification.state === 'review_due' ? 'knowledge.verify.expired' : 'knowledge.verify.expires', { date: formatDateTime(verification.expiresAt) })
              : t('knowledge.verify.noExpiry')}
          </Text>
        ) : null}
        {!hasPublished ? (
          <Text size="xs" c="dimmed">
            {t('knowledge.verify.publishFirst')}
          </Text>
        ) : null}
        <ErrorAlert error={verify.error} />
        <Group gap="xs">
          <Button size="xs" color="teal" leftSection={<IconRosetteDiscountCheck size={16} />} onClick={() => run(true)} loading={verify.isPending && verify.variables} disabled={!hasPublished} data-testid="verify-article">
            {verification.state === 'unverified' ? t('knowledge.verify.verify') : t('knowledge.verify.again')}
          </Button>
          {verification.state !== 'unverified' ? (
            <Button size="xs" variant="default" onClick={() => run(false)} loading={verify.isPending && !verify.variables} data-testid="withdraw-verification">
              {t('knowledge.verify.withdraw')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
