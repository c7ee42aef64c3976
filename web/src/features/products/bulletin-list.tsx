import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import type { Bulletin } from './products.api';

/** Notices, known issues or documents of a product, newest first. */
export function BulletinList({ items, empty }: { items: Bulletin[]; empty: string }) {
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <Stack gap="lg" data-testid="bulletins">
      {items.map((bulletin) => (
        <div key={bulletin.id} data-testid="bulletin">
          <Group gap="xs" mb={4}>
            <Title order={4}>{bulletin.title}</Title>
            {bulletin.release ? (
              <Badge variant="light" radius="sm">
                {bulletin.release.version}
              </Badge>
            ) : null}
          </Group>
          <Text size="xs" c="dimmed" mb={6}>
            {bulletin.publishedOn}
          </Text>
          {bulletin.body ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {bulletin.body}
            </Text>
          ) : null}
          {bulletin.url && /^https?:\/\//i.test(bulletin.url) ? (
            <Anchor href={bulletin.url} target="_blank" rel="noopener noreferrer" size="sm">
              <Group gap={4} component="span">
                {bulletin.url}
                <IconExternalLink size={14} />
              </Group>
            </Anchor>
          ) : null}
        </div>
      ))}
    </Stack>
  );
}
