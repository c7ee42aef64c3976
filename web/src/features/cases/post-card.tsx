import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format-date-time';
import { Markdown } from '../../components/markdown';
import { AttachmentLink } from './attachment-link';
import type { CasePost } from './cases.api';
import { RemoveAttachmentButton } from './remove-attachment-button';
import { RemovedAttachmentLine } from './removed-attachment-line';

/**
 * One post of the feed: author and side, time, the Markdown body with mentions highlighted,
 * attachments (with a remove button for those the person may remove; a removed one says who
 * removed it and when); internal notes marked.
 */
export function PostCard({ organizationId, caseId, post }: { organizationId: string; caseId: string; post: CasePost }) {
  const { t } = useTranslation();
  const mentions = useMemo(() => post.mentions.map((mention) => mention.name), [post.mentions]);
  const side = post.author?.side;
  return (
    <Card
      component="article"
      withBorder
      radius="md"
      p="md"
      bg={post.internal ? 'var(--mantine-color-yellow-light)' : undefined}
      style={post.internal ? { borderColor: 'var(--mantine-color-yellow-outline)' } : undefined}
      aria-label={t('cases.feed.postBy', { name: post.author?.name ?? t('cases.feed.unknownAuthor') })}
      data-testid="case-post"
      data-post-id={post.id}
      data-internal={post.internal || undefined}
    >
      <Stack gap="xs">
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Group gap="xs" wrap="wrap">
            <Text fw={600} size="sm">
              {post.author?.name ?? t('cases.feed.unknownAuthor')}
            </Text>
            {side ? (
              <Badge size="xs" radius="sm" variant="light" color={side === 'engineer' ? 'indigo' : 'gray'} data-testid="post-author-role">
                {post.author?.staffRole ? t(`roles.staff.${post.author.staffRole}`) : t(`cases.side.${side}`)}
              </Badge>
            ) : null}
            {post.internal ? (
              <Badge size="xs" radius="sm" color="yellow" variant="filled" leftSection={<IconLock size={10} />} data-testid="internal-badge">
                {t('cases.feed.internalBadge')}
              </Badge>
            ) : null}
          </Group>
          <Text size="xs" c="dimmed" component="time" dateTime={post.createdAt}>
            {formatDateTime(post.createdAt)}
          </Text>
        </Group>
        <Markdown source={post.body} mentions={mentions} data-testid="post-body" />
        {post.attachments.length > 0 ? (
          <Stack gap={4}>
            {post.attachments.map((attachment) =>
              attachment.removed ? (
                <RemovedAttachmentLine key={attachment.id} attachment={attachment} />
              ) : (
                <Group key={attachment.id} gap={4} wrap="nowrap">
                  <AttachmentLink attachment={attachment} />
                  {attachment.canRemove ? <RemoveAttachmentButton organizationId={organizationId} caseId={caseId} attachment={attachment} /> : null}
                </Group>
              ),
            )}
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}
