import { Anchor, Button, Group, Select, Skeleton, Stack, Table, Text, TextInput, Title, type MantineBreakpoint } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { useFamilies, useProducts } from './catalog.api';
import { ProductFormModal } from './product-form-modal';
import { useLocalized } from './use-catalog-access';

/** Below it the other columns give way to a line under the name, so a phone shows them without scrolling sideways. */
const WIDE: MantineBreakpoint = 'sm';

/** The catalog's products: search, family filter, release and download figures; vendor administrators add products. */
export function ProductsPanel({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [familyId, setFamilyId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const families = useFamilies();
  const products = useProducts({ q, familyId });
  const labelled = (column: 'releases' | 'latestVersion' | 'downloads', value: string | number) => t('common.labelled', { label: t(`catalog.products.columns.${column}`), value });

  const renderTable = () => {
    if (products.isError) return <LoadErrorAlert error={products.error} onRetry={() => void products.refetch()} />;
    if (!products.data) return <Skeleton height={240} radius="md" />;
    if (products.data.items.length === 0) {
      return (
        <Text c="dimmed" size="sm" ta="center" py="lg" data-testid="products-empty">
          {t('catalog.products.empty')}
        </Text>
      );
    }
    return (
      // The minimum width is the table's, not the container's, as it only holds where every column shows.
      <Table.ScrollContainer minWidth={0}>
        <Table verticalSpacing="sm" highlightOnHover miw={{ base: 'auto', [WIDE]: 760 }} data-testid="products-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('catalog.products.columns.name')}</Table.Th>
              <Table.Th visibleFrom={WIDE}>{t('catalog.products.columns.family')}</Table.Th>
              <Table.Th visibleFrom={WIDE}>{t('catalog.products.columns.releases')}</Table.Th>
              <Table.Th visibleFrom={WIDE}>{t('catalog.products.columns.latestVersion')}</Table.Th>
              <Table.Th visibleFrom={WIDE}>{t('catalog.products.columns.downloads')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {products.data.items.map((product) => (
              <Table.Tr key={product.id} data-testid="product-row" data-product-name={product.name}>
                <Table.Td>
                  <Anchor component={Link} to={`/console/catalog/products/${product.id}`} fw={600} size="sm">
                    {product.name}
                  </Anchor>
                  {/* On a phone, the other columns under the name. */}
                  <Stack gap={2} mt={4} hiddenFrom={WIDE} data-testid="product-row-details">
                    <Text size="xs" c="dimmed">
                      {localized(product.family.name)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {[
                        labelled('releases', product.releaseCount),
                        labelled('latestVersion', product.latestVersion ?? '—'),
                        labelled('downloads', product.downloadCount),
                      ].join(' · ')}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td fz="sm" visibleFrom={WIDE}>
                  {localized(product.family.name)}
                </Table.Td>
                <Table.Td fz="sm" visibleFrom={WIDE}>
                  {product.releaseCount}
                </Table.Td>
                <Table.Td fz="sm" visibleFrom={WIDE}>
                  {product.latestVersion ?? '—'}
                </Table.Td>
                <Table.Td fz="sm" visibleFrom={WIDE}>
                  {product.downloadCount}
                </Table.Td>
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
          {t('catalog.products.title')}
        </Title>
        {canManage ? (
          <Button size="sm" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)} data-testid="add-product">
            {t('catalog.products.add')}
          </Button>
        ) : null}
      </Group>
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('catalog.products.search')}
          placeholder={t('catalog.products.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          type="search"
          w={{ base: '100%', sm: 320 }}
        />
        <Select
          label={t('catalog.products.familyFilter')}
          placeholder={t('catalog.products.allFamilies')}
          data={(families.data?.items ?? []).map((family) => ({ value: family.id, label: localized(family.name) }))}
          value={familyId}
          onChange={setFamilyId}
          clearable
          w={220}
        />
      </Group>
      {renderTable()}
      <Text size="sm" c="dimmed">
        {t('catalog.products.total', { count: products.data?.items.length ?? 0 })}
      </Text>
      <ProductFormModal opened={adding} familyId={familyId} onClose={() => setAdding(false)} />
    </Stack>
  );
}
