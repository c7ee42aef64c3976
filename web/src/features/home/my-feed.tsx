import { ActionIcon, Card, Group, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconSettings } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { FeedEntryLine } from './feed-entry-line';
import { FeedSettingsModal } from './feed-settings-modal';
import { useHomeFeed, useHomePreferences } from './home.api';
import { LoadMore } from '../../components/load-more';

/** The current time, ticking every minute so "5 minutes ago" stays true while the page is open. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/** My feed: recent events newest first, "Load more", and a gear to pick the kinds of events. */
export function MyFeed({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const feed = useHomeFeed(organizationId);
  const preferences = useHomePreferences();
  const [choosing, setChoosing] = useState(false);
  const now = useNow();
  const entries = useMemo(() => feed.data?.pages.flatMap((page) => page.items) ?? [], [feed.data]);

  const renderEntries = () => {
    if (feed.isError && entries.length === 0) return <LoadErrorAlert error={feed.error} onRetry={() => void feed.refetch()} />;
    if (!feed.data) return <Skeleton height={200} radius="md" />;
    if (entries.length === 0) {
      return (
        <Text c="dimmed" size="sm" ta="center" py="lg" data-testid="feed-empty">
          {preferences.data?.feedKinds.length === 0 ? t('home.feed.noneChosen') : t('home.feed.empty')}
        </Text>
      );
    }
    return (
      <Stack gap={0} component="ol" m={0} p={0} style={{ listStyle: 'none' }} data-testid="feed">
        {entries.map((entry, index) => (
          <FeedEntryLine key={entry.id} entry={entry} organizationId={organizationId} now={now} divided={index > 0} />
        ))}
      </Stack>
    );
  };

  return (
    <Card withBorder radius="lg" p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="feed-title">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4" id="feed-title">
            {t('home.feed.title')}
          </Title>
          <Tooltip label={t('home.feed.choose')}>
            <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('home.feed.choose')} disabled={!preferences.data} onClick={() => setChoosing(true)}>
              <IconSettings size={20} />
            </ActionIcon>
          </Tooltip>
        </Group>
        {renderEntries()}
        <LoadMore query={feed} shown={entries.length} label={t('home.feed.loadMore')} testId="feed-load-more" />
      </Stack>
      {choosing && preferences.data ? <FeedSettingsModal preferences={preferences.data} onClose={() => setChoosing(false)} /> : null}
    </Card>
  );
}
