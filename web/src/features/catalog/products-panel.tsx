import { Anchor, Button, Group, Select, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { useFamilies, useProducts } from './catalog.api';
import { ProductFormModal } from './product-form-modal';
import { useLocalized } from './use-catalog-access';

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
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" highlightOnHover data-testid="products-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('catalog.products.columns.name')}</Table.Th>
              <Table.Th>{t('catalog.products.columns.family')}</Table.Th>
              <Table.Th>{t('catalog.products.columns.releases')}</Table.Th>
              <Table.Th>{t('catalog.products.columns.latestVersion')}</Table.Th>
              <Table.Th>{t('catalog.products.columns.downloads')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {products.data.items.map((product) => (
              <Table.Tr key={product.id} data-testid="product-row" data-product-name={product.name}>
                <Table.Td>
                  <Anchor component={Link} to={`/console/catalog/products/${product.id}`} fw={600} size="sm">
                    {product.name}
                  </Anchor>
                </Table.Td>
                <Table.Td fz="sm">{localized(product.family.name)}</Table.Td>
                <Table.Td fz="sm">{product.releaseCount}</Table.Td>
                <Table.Td fz="sm">{product.latestVersion ?? '—'}</Table.Td>
                <Table.Td fz="sm">{product.downloadCount}</Table.Td>
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
