import { ActionIcon, Button, Group, Skeleton, Stack, Table, Text, Title, Tooltip, type MantineBreakpoint } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { useDeleteFamily, useFamilies, type ProductFamily } from './catalog.api';
import { DeleteConfirmModal } from './delete-confirm-modal';
import { FamilyFormModal } from './family-form-modal';
import { useLocalized } from './use-catalog-access';

/** Below it the description and product count give way to lines under the name, so a phone shows them without scrolling sideways. */
const WIDE: MantineBreakpoint = 'sm';

/** The product families (Storage, Collection, …) with their product counts; vendor administrators edit them. */
export function FamiliesPanel({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const families = useFamilies();
  const remove = useDeleteFamily();
  const [editing, setEditing] = useState<{ family: ProductFamily | null } | null>(null);
  const [deleting, setDeleting] = useState<ProductFamily | null>(null);

  const renderTable = () => {
    if (families.isError) return <LoadErrorAlert error={families.error} onRetry={() => void families.refetch()} />;
    if (!families.data) return <Skeleton height={160} radius="md" />;
    return (
      // The minimum width is the table's, not the container's, as it only holds where every column shows.
      <Table.ScrollContainer minWidth={0}>
        <Table verticalSpacing="xs" miw={{ base: 'auto', [WIDE]: 640 }} data-testid="families-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('catalog.families.columns.name')}</Table.Th>
              <Table.Th visibleFrom={WIDE}>{t('catalog.families.columns.description')}</Table.Th>
              <Table.Th visibleFrom={WIDE}>{t('catalog.families.columns.products')}</Table.Th>
              {canManage ? <Table.Th w={90} /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {families.data.items.map((family) => (
              <Table.Tr key={family.id} data-testid="family-row" data-family-name={family.name.en}>
                <Table.Td fz="sm">
                  <Text inherit fw={600}>
                    {localized(family.name)}
                  </Text>
                  {/* On a phone, the description and product count under the name. */}
                  <Stack gap={2} mt={4} hiddenFrom={WIDE} data-testid="family-row-details">
                    {localized(family.description) ? (
                      <Text size="xs" c="dimmed">
                        {localized(family.description)}
                      </Text>
                    ) : null}
                    <Text size="xs" c="dimmed">
                      {t('common.labelled', { label: t('catalog.families.columns.products'), value: family.productCount })}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td fz="sm" c="dimmed" visibleFrom={WIDE}>
                  {localized(family.description)}
                </Table.Td>
                <Table.Td fz="sm" visibleFrom={WIDE}>
                  {family.productCount}
                </Table.Td>
                {canManage ? (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Tooltip label={t('catalog.edit')}>
                        <ActionIcon variant="subtle" aria-label={t('catalog.editNamed', { name: localized(family.name) })} onClick={() => setEditing({ family })}>
                          <IconPencil size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={family.productCount > 0 ? t('catalog.families.deleteBlocked') : t('catalog.delete')}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          disabled={family.productCount > 0}
                          aria-label={t('catalog.deleteNamed', { name: localized(family.name) })}
                          onClick={() => setDeleting(family)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('catalog.families.title')}
        </Title>
        {canManage ? (
          <Button size="sm" variant="light" leftSection={<IconPlus size={16} />} onClick={() => setEditing({ family: null })} data-testid="add-family">
            {t('catalog.families.add')}
          </Button>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed">
        {t('catalog.families.intro')}
      </Text>
      {renderTable()}
      <FamilyFormModal opened={editing !== null} family={editing?.family ?? null} onClose={() => setEditing(null)} />
      <DeleteConfirmModal target={deleting} title={t('catalog.families.deleteTitle')} message={deleting ? t('catalog.families.deleteConfirm', { name: localized(deleting.name) }) : ''} mutation={remove} onDone={() => setDeleting(null)} />
    </Stack>
  );
}
