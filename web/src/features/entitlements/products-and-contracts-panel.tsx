import { Alert, Skeleton, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadErrorAlert } from '../../components/load-error-alert';
import type { Organization } from '../organizations/organizations.api';
import { getSitePaths } from '../sites/build-site-tree';
import { ConfirmRemovalModal } from './confirm-removal-modal';
import { ContractFormModal } from './contract-form-modal';
import { EntitlementFormModal } from './entitlement-form-modal';
import type { EntitlementsDialog } from './entitlements-dialog';
import { useOrganizationEntitlements } from './entitlements.api';
import { RenewContractModal } from './renew-contract-modal';
import { SiteHoldingsCard } from './site-holdings-card';

/**
 * The console's "Products & contracts" tab of a customer: per site, its support contract and its
 * licensed products. Vendor administrators and account managers change them; other staff read.
 */
export function ProductsAndContractsPanel({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const holdings = useOrganizationEntitlements(organization.id);
  const [dialog, setDialog] = useState<EntitlementsDialog | null>(null);
  // On an archived organization the abilities leave entitlement.manage out: everything is read-only.
  const canManage = organization.abilities.includes('entitlement.manage');
  const paths = useMemo(() => getSitePaths(holdings.data?.items.map((item) => item.site) ?? []), [holdings.data]);
  const close = () => setDialog(null);

  if (holdings.isError) return <LoadErrorAlert error={holdings.error} onRetry={() => void holdings.refetch()} />;
  if (!holdings.data) return <Skeleton height={240} radius="md" />;

  return (
    <Stack gap="md" data-testid="products-and-contracts">
      <Text size="sm" c="dimmed">
        {t('entitlements.intro')}
      </Text>
      {canManage ? null : (
        <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />} data-testid="entitlements-read-only">
          {organization.archivedAt ? t('entitlements.archived') : t('entitlements.readOnly')}
        </Alert>
      )}
      {holdings.data.items.length === 0 ? (
        <Text c="dimmed" size="sm" ta="center" py="lg" data-testid="entitlements-no-sites">
          {t('entitlements.noSites')}
        </Text>
      ) : (
        holdings.data.items.map((item) => (
          <SiteHoldingsCard key={item.site.id} holdings={item} path={paths.get(item.site.id) ?? item.site.name} onOpen={canManage ? setDialog : undefined} />
        ))
      )}
      <ContractFormModal organizationId={organization.id} dialog={dialog} onClose={close} />
      <RenewContractModal organizationId={organization.id} dialog={dialog} onClose={close} />
      <EntitlementFormModal organizationId={organization.id} dialog={dialog} onClose={close} />
      <ConfirmRemovalModal organizationId={organization.id} dialog={dialog} onClose={close} />
    </Stack>
  );
}
