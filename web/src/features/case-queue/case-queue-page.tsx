import { Card, Container, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/branding';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { useQueue } from './case-queue.api';
import { GoToCaseForm } from './go-to-case-form';
import { NoAccessPanel } from '../../components/no-access-panel';
import { QueueBulkBar } from './queue-bulk-bar';
import { readQueueFilters, writeQueueFilters, type QueueFilters } from './queue-filters';
import { QueueFiltersForm } from './queue-filters-form';
import { QueueTable } from './queue-table';
import { useCanAnswerCases } from './use-can-answer-cases';
import { LoadMore } from '../../components/load-more';

/** `/console`: the engineers' case queue, for vendor staff who answer cases; others see why they cannot. */
export function CaseQueuePage() {
  const { t } = useTranslation();
  usePageTitle(t('features.console.caseQueue.title'));
  const canAnswer = useCanAnswerCases();
  return canAnswer ? <CaseQueue /> : <NoAccessPanel texts="caseQueue.noAccess" testId="case-queue-no-access" />;
}

/** The queue: "Go to case", filters kept in the URL, the cases a page at a time, and bulk actions on a selection. */
function CaseQueue() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => readQueueFilters(searchParams), [searchParams]);
  const queueSearch = searchParams.toString() ? `?${searchParams.toString()}` : '';
  const queue = useQueue(filters);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const items = useMemo(() => queue.data?.pages.flatMap((page) => page.items) ?? [], [queue.data]);
  const numbers = useMemo(() => new Map(items.map((item) => [item.id, item.number])), [items]);
  const total = queue.data?.pages[0]?.total ?? 0;

  /** A filter change replaces the URL's filters and drops a selection the new list may not show. */
  const changeFilters = (next: QueueFilters) => {
    setSearchParams(writeQueueFilters(next), { replace: true });
    setSelected(new Set());
  };

  const renderCases = () => {
    if (queue.isError && items.length === 0) return <LoadErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />;
    if (!queue.data) return <Skeleton height={280} radius="md" />;
    if (items.length === 0) {
      return (
        <Text c="dimmed" size="sm" ta="center" py="lg" data-testid="case-queue-empty">
          {t('caseQueue.empty')}
        </Text>
      );
    }
    return <QueueTable items={items} selected={selected} onSelectedChange={setSelected} queueSearch={queueSearch} />;
  };

  return (
    <Container size="xl" px={0} data-testid="case-queue-page">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end" gap="md">
          <Stack gap={4}>
            <Title order={1}>{t('features.console.caseQueue.title')}</Title>
            <Text c="dimmed">{t('caseQueue.intro')}</Text>
          </Stack>
          <GoToCaseForm queueSearch={queueSearch} />
        </Group>
        <Card withBorder radius="lg" p={{ base: 'sm', sm: 'lg' }}>
          <Stack gap="md">
            <QueueFiltersForm filters={filters} onChange={changeFilters} />
            <QueueBulkBar selectedIds={[...selected]} numbers={numbers} onDone={(failedIds) => setSelected(new Set(failedIds))} />
            <Text size="sm" c="dimmed" aria-live="polite" data-testid="case-queue-total">
              {queue.data ? t('caseQueue.shown', { count: total, shown: items.length }) : null}
            </Text>
            {renderCases()}
            <LoadMore query={queue} shown={items.length} label={t('caseQueue.loadMore')} testId="case-queue-load-more" />
          </Stack>
        </Card>
      </Stack>
    </Container>
  );
}
