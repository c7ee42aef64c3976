import { Button, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { useCasePosts, type CaseDetail } from './cases.api';
import { PostCard } from './post-card';
import { PostComposer } from './post-composer';

/**
 * The Feed tab: the composer (when the person may post, or, on a closed case, write an internal
 * note), then the posts newest first with "Load older".
 */
export function CaseFeed({ organizationId, detail }: { organizationId: string; detail: CaseDetail }) {
  const { t } = useTranslation();
  const posts = useCasePosts(organizationId, detail.id);
  const items = posts.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="md" data-testid="case-feed">
      {detail.abilities.post || detail.abilities.writeInternalNote ? <PostComposer organizationId={organizationId} detail={detail} /> : null}
      {posts.isError ? (
        <LoadErrorAlert error={posts.error} onRetry={() => void posts.refetch()} />
      ) : !posts.data ? (
        <Skeleton height={120} radius="md" />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed" ta="center" py="md" data-testid="no-posts">
          {t('cases.feed.empty')}
        </Text>
      ) : (
        <Stack gap="sm" aria-label={t('cases.tabs.feed')} data-testid="case-posts">
          {items.map((post) => (
            <PostCard key={post.id} organizationId={organizationId} caseId={detail.id} post={post} />
          ))}
        </Stack>
      )}
      {posts.hasNextPage ? (
        <Button variant="default" mx="auto" onClick={() => void posts.fetchNextPage()} loading={posts.isFetchingNextPage} data-testid="load-older-posts">
          {t('cases.feed.loadOlder')}
        </Button>
      ) : null}
    </Stack>
  );
}
