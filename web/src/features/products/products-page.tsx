import { Button, Card, Container, Group, Select, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/branding';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { CurrentOrganizationGate } from '../organizations/current-organization-gate';
import type { Organization } from '../organizations/organizations.api';
import { ContractWarnings } from './contract-warnings';
import { DisplayNameModal } from './display-name-modal';
import { DownloadsModal, type DownloadTarget } from './downloads-modal';
import { useProducts, type LicensedProduct } from './products.api';
import { ProductsTable, shownName } from './products-table';
import { RequirementsModal } from './requirements-view';

/** The Select's value for "every site I may act on". */
const ALL_SITES = 'all';

function ProductsView({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const [siteId, setSiteId] = useState<string>(ALL_SITES);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const products = useProducts(organization.id, { siteId: siteId === ALL_SITES ? null : siteId, q });
  const [naming, setNaming] = useState<LicensedProduct | null>(null);
  const [requirementsOf, setRequirementsOf] = useState<LicensedProduct | null>(null);
  const [downloading, setDownloading] = useState<DownloadTarget | null>(null);
  const pages = products.data?.pages;
  // Sites, warnings and the total come with every page; the items add up.
  const data = pages ? { ...pages[0]!, items: pages.flatMap((page) => page.items) } : undefined;

  return (
    <Stack gap="lg">
      {data ? <ContractWarnings key={organization.id} organizationId={organization.id} warnings={data.warnings} /> : null}
      <Card withBorder radius="lg" p="lg">
        <Stack gap="md">
          <Text size="sm" c="dimmed" maw={640}>
            {t('products.intro')}
          </Text>
          <Group align="flex-end" gap="md">
            <Select
              label={t('products.filters.site')}
              data={[{ value: ALL_SITES, label: t('products.filters.allSites') }, ...(data?.sites ?? []).map((site) => ({ value: site.id, label: site.name }))]}
              value={siteId}
              onChange={(value) => setSiteId(value ?? ALL_SITES)}
              allowDeselect={false}
              w={260}
              data-testid="site-filter"
            />
            <TextInput
              label={t('products.filters.search')}
              placeholder={t('products.filters.searchPlaceholder')}
              leftSection={<IconSearch size={16} />}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              w={320}
              data-testid="product-search"
            />
          </Group>
          {products.isError ? (
            <LoadErrorAlert error={products.error} onRetry={() => void products.refetch()} />
          ) : !data ? (
            <Skeleton height={200} radius="md" />
          ) : data.items.length === 0 ? (
            <Text size="sm" c="dimmed" py="lg" ta="center" data-testid="no-products">
              {q ? t('products.emptySearch') : t('products.empty')}
            </Text>
          ) : (
            <ProductsTable
              items={data.items}
              onEditName={setNaming}
              onRequirements={setRequirementsOf}
              onDownloads={(item) => setDownloading({ siteId: item.site.id, productId: item.product.id, name: shownName(item), siteName: item.site.name })}
            />
          )}
          {data && data.items.length > 0 ? (
            <Group justify="space-between" wrap="wrap">
              <Text size="sm" c="dimmed" data-testid="products-shown">
                {t('products.shown', { shown: data.items.length, total: data.total })}
              </Text>
              {products.hasNextPage ? (
                <Button variant="default" onClick={() => void products.fetchNextPage()} loading={products.isFetchingNextPage}>
                  {t('products.loadMore')}
                </Button>
              ) : null}
            </Group>
          ) : null}
        </Stack>
      </Card>
      <DisplayNameModal organizationId={organization.id} item={naming} onClose={() => setNaming(null)} />
      <RequirementsModal title={requirementsOf ? shownName(requirementsOf) : null} components={requirementsOf?.components ?? []} onClose={() => setRequirementsOf(null)} />
      <DownloadsModal organizationId={organization.id} target={downloading} onClose={() => setDownloading(null)} />
    </Stack>
  );
}

/** `/portal/products`: the products licensed to the member's sites (seed 000 pp. 15–20). */
export function ProductsPage() {
  const { t } = useTranslation();
  usePageTitle(t('features.portal.products.title'));
  return (
    <Container size="xl" px={0} data-testid="products-page">
      <Stack gap="lg">
        <Title order={1}>{t('features.portal.products.title')}</Title>
        <CurrentOrganizationGate>{(organization) => <ProductsView key={organization.id} organization={organization} />}</CurrentOrganizationGate>
      </Stack>
    </Container>
  );
}
