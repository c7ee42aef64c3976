import { usePageTitle } from '../../app/branding';
import { NoAccessPanel } from '../../components/no-access-panel';
import { useStaffCan } from '../auth/use-staff-can';
import { Anchor, Badge, Card, Container, Group, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconChartBar, IconComponents, IconFileCertificate, IconInfoCircle, IconPackage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { AgreementsTab } from './agreements-tab';
import { BulletinsTab } from './bulletins-tab';
import { useProduct, type ProductDetail } from './catalog.api';
import { ComponentsTab } from './components-tab';
import { DownloadsTab } from './downloads-tab';
import { ProductOverviewTab } from './product-overview-tab';
import { ReleasesTab } from './releases-tab';
import { useCanManageCatalog, useLocalized } from './use-catalog-access';

const tabs = ['overview', 'components', 'releases', 'bulletins', 'agreements', 'downloads'] as const;
type Tab = (typeof tabs)[number];
const icons = { overview: IconInfoCircle, components: IconComponents, releases: IconPackage, bulletins: IconAlertTriangle, agreements: IconFileCertificate, downloads: IconChartBar };

function ProductTabs({ product }: { product: ProductDetail }) {
  const { t } = useTranslation();
  const canManage = useCanManageCatalog();
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('tab');
  const tab: Tab = tabs.find((name) => name === requested) ?? 'overview';
  return (
    <Tabs value={tab} onChange={(value) => setSearchParams(value && value !== 'overview' ? { tab: value } : {}, { replace: true })} keepMounted={false}>
      <Tabs.List>
        {tabs.map((name) => {
          const Icon = icons[name];
          return (
            <Tabs.Tab key={name} value={name} leftSection={<Icon size={16} />}>
              {t(`catalog.product.tabs.${name}`)}
            </Tabs.Tab>
          );
        })}
      </Tabs.List>
      <Card withBorder radius="lg" p="lg" mt="md">
        <Tabs.Panel value="overview">
          <ProductOverviewTab key={product.updatedAt} product={product} canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="components">
          <ComponentsTab product={product} canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="releases">
          <ReleasesTab product={product} canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="bulletins">
          <BulletinsTab product={product} canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="agreements">
          <AgreementsTab product={product} canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="downloads">
          <DownloadsTab product={product} />
        </Tabs.Panel>
      </Card>
    </Tabs>
  );
}

/** `/console/catalog/products/:productId`: one product, its components, releases and files, notices, agreement and downloads. */
export function CatalogProductPage() {
  return useStaffCan('product.view') ? <CatalogProduct /> : <NoAccessPanel texts="catalog.noAccess" testId="catalog-no-access" />;
}

function CatalogProduct() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { productId = '' } = useParams();
  const product = useProduct(productId);
  usePageTitle(product.data?.name ?? t('features.console.catalog.title'));

  return (
    <Container size="xl" px={0} data-testid="catalog-product-page" data-product-id={productId}>
      <Stack gap="lg">
        <Anchor component={Link} to="/console/catalog" size="sm">
          <IconArrowLeft size={14} style={{ verticalAlign: 'middle' }} /> {t('catalog.product.back')}
        </Anchor>
        {product.isError ? (
          <LoadErrorAlert error={product.error} onRetry={() => void product.refetch()} />
        ) : !product.data ? (
          <Skeleton height={320} radius="md" />
        ) : (
          <>
            <Stack gap={4}>
              <Group gap="sm">
                <Title order={1} data-testid="product-title">
                  {product.data.name}
                </Title>
                <Badge variant="light" radius="sm">
                  {localized(product.data.family.name)}
                </Badge>
              </Group>
              <Text c="dimmed" size="sm">
                {product.data.latestVersion ? t('catalog.product.latest', { version: product.data.latestVersion }) : t('catalog.product.noPublished')}
              </Text>
            </Stack>
            <ProductTabs product={product.data} />
          </>
        )}
      </Stack>
    </Container>
  );
}
