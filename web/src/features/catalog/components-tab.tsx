import { ActionIcon, Button, Card, Group, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteComponent, type ProductComponent, type ProductDetail } from './catalog.api';
import { ComponentFormModal } from './component-form-modal';
import { DeleteConfirmModal } from './delete-confirm-modal';

const requirementFields = ['os', 'cpu', 'memory', 'disk', 'prerequisites'] as const;

/** The product's components with their system requirements (the portal's gear icon shows these). */
export function ComponentsTab({ product, canManage }: { product: ProductDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const remove = useDeleteComponent();
  const [editing, setEditing] = useState<{ component: ProductComponent | null } | null>(null);
  const [deleting, setDeleting] = useState<ProductComponent | null>(null);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('catalog.components.intro')}
        </Text>
        {canManage ? (
          <Button size="sm" variant="light" leftSection={<IconPlus size={16} />} onClick={() => setEditing({ component: null })} data-testid="add-component">
            {t('catalog.components.add')}
          </Button>
        ) : null}
      </Group>
      {product.components.length === 0 ? (
        <Text c="dimmed" size="sm" ta="center" py="lg">
          {t('catalog.components.empty')}
        </Text>
      ) : null}
      {product.components.map((component) => (
        <Card key={component.id} withBorder radius="md" p="md" data-testid="component-card" data-component-name={component.name}>
          <Group justify="space-between" align="flex-start">
            <Stack gap={2}>
              <Text fw={600}>{component.name}</Text>
              {component.description ? (
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                  {component.description}
                </Text>
              ) : null}
            </Stack>
            {canManage ? (
              <Group gap={4}>
                <Tooltip label={t('catalog.edit')}>
                  <ActionIcon variant="subtle" aria-label={t('catalog.editNamed', { name: component.name })} onClick={() => setEditing({ component })}>
                    <IconPencil size={16} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={t('catalog.delete')}>
                  <ActionIcon variant="subtle" color="red" aria-label={t('catalog.deleteNamed', { name: component.name })} onClick={() => setDeleting(component)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            ) : null}
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mt="sm" spacing="sm">
            {requirementFields.map((field) => (
              <Stack key={field} gap={0}>
                <Text size="xs" c="dimmed">
                  {t(`catalog.components.fields.${field}`)}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {component.requirements[field] || '—'}
                </Text>
              </Stack>
            ))}
          </SimpleGrid>
        </Card>
      ))}
      <ComponentFormModal productId={product.id} opened={editing !== null} component={editing?.component ?? null} onClose={() => setEditing(null)} />
      <DeleteConfirmModal target={deleting} title={t('catalog.components.deleteTitle')} message={deleting ? t('catalog.components.deleteConfirm', { name: deleting.name }) : ''} mutation={remove} onDone={() => setDeleting(null)} />
    </Stack>
  );
}
