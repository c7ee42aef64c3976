import { ActionIcon, Anchor, Badge, Button, Card, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BulletinFormModal } from './bulletin-form-modal';
import { useDeleteBulletin, type Bulletin, type ProductDetail } from './catalog.api';
import { DeleteConfirmModal } from './delete-confirm-modal';

const kindColors = { notice: 'blue', known_issue: 'orange', document: 'gray' } as const;

/** Notices (alerts), known issues and related documents of the product, optionally about one release. */
export function BulletinsTab({ product, canManage }: { product: ProductDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const remove = useDeleteBulletin();
  const [editing, setEditing] = useState<{ bulletin: Bulletin | null } | null>(null);
  const [deleting, setDeleting] = useState<Bulletin | null>(null);
  const versions = new Map(product.releases.map((release) => [release.id, release.version]));

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('catalog.bulletins.intro')}
        </Text>
        {canManage ? (
          <Button size="sm" variant="light" leftSection={<IconPlus size={16} />} onClick={() => setEditing({ bulletin: null })} data-testid="add-bulletin">
            {t('catalog.bulletins.add')}
          </Button>
        ) : null}
      </Group>
      {product.bulletins.length === 0 ? (
        <Text c="dimmed" size="sm" ta="center" py="lg">
          {t('catalog.bulletins.empty')}
        </Text>
      ) : null}
      {product.bulletins.map((bulletin) => (
        <Card key={bulletin.id} withBorder radius="md" p="md" data-testid="bulletin-card" data-kind={bulletin.kind}>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={4}>
              <Group gap="xs">
                <Badge variant="light" radius="sm" color={kindColors[bulletin.kind]}>
                  {t(`catalog.bulletins.kinds.${bulletin.kind}`)}
                </Badge>
                <Text fw={600}>{bulletin.title}</Text>
              </Group>
              <Text size="xs" c="dimmed">
                {bulletin.publishedOn} · {bulletin.releaseId ? versions.get(bulletin.releaseId) ?? '' : t('catalog.bulletins.wholeProduct')}
              </Text>
              {bulletin.body ? (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {bulletin.body}
                </Text>
              ) : null}
              {bulletin.url ? (
                <Anchor href={bulletin.url} target="_blank" rel="noopener noreferrer" size="sm" style={{ wordBreak: 'break-all' }}>
                  {bulletin.url}
                </Anchor>
              ) : null}
            </Stack>
            {canManage ? (
              <Group gap={4} wrap="nowrap">
                <Tooltip label={t('catalog.edit')}>
                  <ActionIcon variant="subtle" aria-label={t('catalog.editNamed', { name: bulletin.title })} onClick={() => setEditing({ bulletin })}>
                    <IconPencil size={16} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={t('catalog.delete')}>
                  <ActionIcon variant="subtle" color="red" aria-label={t('catalog.deleteNamed', { name: bulletin.title })} onClick={() => setDeleting(bulletin)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            ) : null}
          </Group>
        </Card>
      ))}
      <BulletinFormModal product={product} opened={editing !== null} bulletin={editing?.bulletin ?? null} onClose={() => setEditing(null)} />
      <DeleteConfirmModal target={deleting} title={t('catalog.bulletins.deleteTitle')} message={deleting ? t('catalog.bulletins.deleteConfirm', { title: deleting.title }) : ''} mutation={remove} onDone={() => setDeleting(null)} />
    </Stack>
  );
}
