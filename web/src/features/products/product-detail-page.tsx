import { Anchor, Button, Card, Container, Group, SimpleGrid, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconBell, IconDownload, IconFileText, IconHistory, IconKey, IconSettings } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../app/branding';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { ContractStateBadge } from '../entitlements/contract-state-badge';
import { CurrentOrganizationGate } from '../organizations/current-organization-gate';
import type { Organization } from '../organizations/organizations.api';
import { BulletinList } from './bulletin-list';
import { ContractWarningAlert } from './contract-warning-alert';
import { DownloadsModal, type DownloadTarget } from './downloads-modal';
import { useNotifyAccountManager, useProductDetail, type ProductDetail } from './products.api';
import { RequirementsView } from './requirements-view';
import { useLocalized } from './use-localized';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}

function ReleasesPanel({ detail }: { detail: ProductDetail }) {
  const { t } = useTranslation();
  if (detail.releases.length === 0) return <Text size="sm" c="dimmed">{t('products.detail.noReleases')}</Text>;
  return (
    <Stack gap="lg" data-testid="releases">
      {detail.releases.map((release, index) => (
        <div key={release.id} data-testid="release">
          <Group gap="xs">
            <Title order={4}>{release.version}</Title>
            {index === 0 ? (
              <Text size="xs" c="teal" fw={600}>
                {t('products.detail.current')}
              </Text>
            ) : null}
          </Group>
          <Text size="xs" c="dimmed" mb={6}>
            {release.releasedOn}
          </Text>
          {release.notes ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {release.notes}
            </Text>
          ) : null}
        </div>
      ))}
    </Stack>
  );
}

function ProductDetailView({ organization, siteId, productId }: { organization: Organization; siteId: string; productId: string }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const query = useProductDetail(organization.id, siteId, productId);
  const notify = useNotifyAccountManager(organization.id);
  const [downloading, setDownloading] = useState<DownloadTarget | null>(null);
  const detail = query.data;
  usePageTitle(detail ? (detail.displayName ?? detail.product.name) : t('features.portal.products.title'));

  if (query.isError) return <LoadErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!detail) return <Skeleton height={320} radius="lg" />;
  const name = detail.displayName ?? detail.product.name;
  const noDownloads = !detail.downloads.software.allowed && !detail.downloads.documents.allowed;

  return (
    <Stack gap="lg" data-testid="product-detail">
      <div>
        <Title order={1}>{name}</Title>
        <Text c="dimmed" size="sm">
          {[detail.displayName ? detail.product.name : null, localized(detail.product.family.name), detail.site.name].filter(Boolean).join(' · ')}
        </Text>
      </div>
      {detail.standing.warning ? (
        <ContractWarningAlert standing={detail.standing} site={detail.site} onNotify={() => notify.mutateAsync({ siteId: detail.site.id, productId: detail.product.id })} />
      ) : null}
      <Card withBorder radius="lg" p="lg">
        <Group justify="space-between" align="flex-start">
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xl" style={{ flex: 1 }}>
            <Fact label={t('products.fields.quantity')}>
              <Text size="lg" fw={600} data-testid="quantity">
                {detail.quantity.toLocaleString()}
              </Text>
            </Fact>
            <Fact label={t('products.fields.contractEnd')}>
              <Group gap="xs">
                <Text size="lg" fw={600}>
                  {detail.contract?.endsOn ?? '—'}
                </Text>
                <ContractStateBadge standing={detail.standing} />
              </Group>
            </Fact>
            <Fact label={t('products.fields.tier')}>
              <Text size="lg" fw={600}>
                {detail.contract ? t(`products.tiers.${detail.contract.tier}`) : '—'}
              </Text>
            </Fact>
            <Fact label={t('products.fields.currentVersion')}>
              <Text size="lg" fw={600}>
                {detail.releases[0]?.version ?? '—'}
              </Text>
            </Fact>
          </SimpleGrid>
          <Button leftSection={<IconDownload size={16} />} disabled={noDownloads} onClick={() => setDownloading({ siteId, productId, name, siteName: detail.site.name })} data-testid="open-downloads">
            {t('products.actions.downloads')}
          </Button>
        </Group>
        {detail.product.description ? (
          <Text size="sm" mt="md" style={{ whiteSpace: 'pre-wrap' }}>
            {detail.product.description}
          </Text>
        ) : null}
      </Card>
      <Tabs defaultValue="releases" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="releases" leftSection={<IconHistory size={16} />}>
            {t('products.detail.tabs.releases')}
          </Tabs.Tab>
          <Tabs.Tab value="notices" leftSection={<IconBell size={16} />}>
            {t('products.detail.tabs.notices')} ({detail.notices.length})
          </Tabs.Tab>
          <Tabs.Tab value="known-issues" leftSection={<IconAlertTriangle size={16} />}>
            {t('products.detail.tabs.knownIssues')} ({detail.knownIssues.length})
          </Tabs.Tab>
          <Tabs.Tab value="documents" leftSection={<IconFileText size={16} />}>
            {t('products.detail.tabs.documents')} ({detail.documents.length})
          </Tabs.Tab>
          <Tabs.Tab value="requirements" leftSection={<IconSettings size={16} />}>
            {t('products.detail.tabs.requirements')}
          </Tabs.Tab>
          <Tabs.Tab value="activations" leftSection={<IconKey size={16} />}>
            {t('products.detail.tabs.activations')}
          </Tabs.Tab>
        </Tabs.List>
        <Card withBorder radius="lg" p="lg" mt="md">
          <Tabs.Panel value="releases">
            <ReleasesPanel detail={detail} />
          </Tabs.Panel>
          <Tabs.Panel value="notices">
            <BulletinList items={detail.notices} empty={t('products.detail.noNotices')} />
          </Tabs.Panel>
          <Tabs.Panel value="known-issues">
            <BulletinList items={detail.knownIssues} empty={t('products.detail.noKnownIssues')} />
          </Tabs.Panel>
          <Tabs.Panel value="documents">
            <BulletinList items={detail.documents} empty={t('products.detail.noDocuments')} />
          </Tabs.Panel>
          <Tabs.Panel value="requirements">
            <RequirementsView components={detail.components} />
          </Tabs.Panel>
          <Tabs.Panel value="activations">
            {detail.activations.length === 0 ? (
              <Text size="sm" c="dimmed" data-testid="no-activations">
                {t('products.detail.noActivations')}
              </Text>
            ) : (
              <Stack gap="xs">
                {detail.activations.map((activation) => (
                  <Text key={activation.id} size="sm">
                    {activation.activatedAt.slice(0, 10)} · {activation.description}
                  </Text>
                ))}
              </Stack>
            )}
          </Tabs.Panel>
        </Card>
      </Tabs>
      <DownloadsModal organizationId={organization.id} target={downloading} onClose={() => setDownloading(null)} />
    </Stack>
  );
}

/** `/portal/products/:siteId/:productId`: one licensed product's quantity, contract, releases, bulletins, requirements and activations. */
export function ProductDetailPage() {
  const { t } = useTranslation();
  const { siteId = '', productId = '' } = useParams();
  return (
    <Container size="xl" px={0}>
      <Stack gap="md">
        <Anchor component={Link} to="/portal/products" size="sm">
          <Group gap={4} component="span">
            <IconArrowLeft size={14} />
            {t('products.detail.back')}
          </Group>
        </Anchor>
        <CurrentOrganizationGate>{(organization) => <ProductDetailView key={`${organization.id}-${siteId}-${productId}`} organization={organization} siteId={siteId} productId={productId} />}</CurrentOrganizationGate>
      </Stack>
    </Container>
  );
}
