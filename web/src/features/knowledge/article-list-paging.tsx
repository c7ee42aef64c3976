import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LoadErrorAlert } from '../../components/load-error-alert';

/** The paging state of an article list, as TanStack Query's infinite query gives it. */
interface PagedList {
  data: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isError: boolean;
  error: unknown;
  fetchNextPage: () => unknown;
}

/** How many articles match, announced politely to screen readers; nothing until the first page. */
export function ArticlesTotal({ list, total }: { list: PagedList; total: number }) {
  const { t } = useTranslation();
  if (!list.data) return null;
  return (
    <Text size="sm" c="dimmed" aria-live="polite" data-testid="articles-total">
      {t('knowledge.list.total', { count: total })}
    </Text>
  );
}

/** "Show more" under a list with further pages, and the error of a further page that failed (with a retry). */
export function ArticlesShowMore({ list, shown }: { list: PagedList; shown: number }) {
  const { t } = useTranslation();
  return (
    <>
      {list.hasNextPage ? (
        <Group justify="center">
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="show-more">
            {t('knowledge.list.showMore')}
          </Button>
        </Group>
      ) : null}
      {list.isError && shown > 0 ? <LoadErrorAlert error={list.error} onRetry={() => void list.fetchNextPage()} /> : null}
    </>
  );
}
