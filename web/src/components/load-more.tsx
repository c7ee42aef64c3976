import { Button, Group } from '@mantine/core';
import { LoadErrorAlert } from './load-error-alert';

/** The paging state of a list, as TanStack Query's infinite query gives it. */
export interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isError: boolean;
  error: unknown;
  fetchNextPage: () => unknown;
}

/**
 * The foot of a list read a page at a time: the error of a further page that failed (with a retry;
 * a failed first page is the list's own business) and the button for the next page while there is
 * one.
 */
export function LoadMore({ query, shown, label, testId }: { query: PagedQuery; shown: number; label: string; testId: string }) {
  return (
    <>
      {query.isError && shown > 0 ? <LoadErrorAlert error={query.error} onRetry={() => void query.fetchNextPage()} /> : null}
      {query.hasNextPage ? (
        <Group justify="center">
          <Button variant="light" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} data-testid={testId}>
            {label}
          </Button>
        </Group>
      ) : null}
    </>
  );
}
