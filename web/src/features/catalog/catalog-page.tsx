import { Alert, Card, Container, Stack, Text, Title } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/branding';
import { FamiliesPanel } from './families-panel';
import { ProductsPanel } from './products-panel';
import { NoAccessPanel } from '../../components/no-access-panel';
import { useStaffCan } from '../auth/use-staff-can';
import { useCanManageCatalog } from './use-catalog-access';

/** `/console/catalog`: the vendor's product families and products; staff without `product.view` see why not. */
export function CatalogPage() {
  const { t } = useTranslation();
  usePageTitle(t('features.console.catalog.title'));
  const canManage = useCanManageCatalog();
  const canView = useStaffCan('product.view');
  if (!canView) return <NoAccessPanel texts="catalog.noAccess" testId="catalog-no-access" />;
  return (
    <Container size="xl" px={0} data-testid="catalog-page">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t('features.console.catalog.title')}</Title>
          <Text c="dimmed">{t('catalog.intro')}</Text>
        </Stack>
        {canManage ? null : (
          <Alert color="gray" variant="light" icon={<IconEye size={18} />} data-testid="catalog-read-only">
            {t('catalog.readOnly')}
          </Alert>
        )}
        <Card withBorder radius="lg" p="lg">
          <ProductsPanel canManage={canManage} />
        </Card>
        <Card withBorder radius="lg" p="lg">
          <FamiliesPanel canManage={canManage} />
        </Card>
      </Stack>
    </Container>
  );
}
