import { Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { ActivityFiltersForm } from './activity-filters-form';
import { ActivityTable } from './activity-table';
import { getActivityExportUrl, useActivity, type ActivityScope } from './activity.api';
import { defaultActivityFilters, getActivityQuery, getBrowserTimeZone, type ActivityFilters } from './get-activity-query';
import { LoadMore } from '../../components/load-more';

/** The activity log (사용 기록) of the console or of one organization: filters, the events, more on request, Excel export. */
export function ActivityLog({ scope }: { scope: ActivityScope }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<ActivityFilters>(defaultActivityFilters);
  const query = useMemo(() => getActivityQuery(filters, getBrowserTimeZone()), [filters]);
  const activity = useActivity(scope, query);
  const events = useMemo(() => activity.data?.pages.flatMap((page) => page.items) ?? [], [activity.data]);

  const renderEvents = () => {
    if (activity.isError && events.length === 0) return <LoadErrorAlert error={activity.error} onRetry={() => void activity.refetch()} />;
    if (!activity.data) return <Skeleton height={240} radius="md" />;
    if (events.length === 0) {
      return (
        <Text c="dimmed" size="sm" ta="center" py="lg" data-testid="activity-empty">
          {t('activity.empty')}
        </Text>
      );
    }
    return <ActivityTable events={events} showOrganization={scope.kind === 'console'} />;
  };

  return (
    <Stack gap="md">
      <ActivityFiltersForm initial={filters} onApply={setFilters} />
      <Group justify="space-between">
        <Text size="sm" c="dimmed" aria-live="polite">
          {activity.data ? t('activity.shown', { count: events.length }) : null}
        </Text>
        <Button
          component="a"
          href={getActivityExportUrl(scope, query)}
          download
          variant="default"
          leftSection={<IconFileSpreadsheet size={16} />}
          data-testid="activity-export"
        >
          {t('activity.export')}
        </Button>
      </Group>
      {renderEvents()}
      <LoadMore query={activity} shown={events.length} label={t('activity.loadMore')} testId="activity-load-more" />
    </Stack>
  );
}
