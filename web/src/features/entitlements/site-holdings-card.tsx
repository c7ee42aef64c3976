import { Button, Card, Divider, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconMapPin, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ContractRow } from './contract-row';
import { ContractStateBadge } from './contract-state-badge';
import type { EntitlementsDialog } from './entitlements-dialog';
import type { SiteEntitlements, SupportContract } from './entitlements.api';

interface SiteHoldingsCardProps {
  holdings: SiteEntitlements;
  /** The site's path in the tree (`Seoul / Line 2`). */
  path: string;
  /** Opens a dialog; without it the card is read-only. */
  onOpen?: (dialog: EntitlementsDialog) => void;
}

/** One site: its support contract, the contracts of individual products, and its licensed products. */
export function SiteHoldingsCard({ holdings, path, onOpen }: SiteHoldingsCardProps) {
  const { t } = useTranslation();
  const site = { id: holdings.site.id, path };
  const contractActions = (contract: SupportContract) =>
    onOpen
      ? {
          onEdit: () => onOpen({ kind: 'edit-contract', site, contract }),
          onRenew: () => onOpen({ kind: 'renew-contract', site, contract }),
          onDelete: () => onOpen({ kind: 'delete-contract', site, contract }),
        }
      : undefined;
  const contractsById = new Map(holdings.entitlementContracts.map((contract) => [contract.id, contract]));

  return (
    <Card withBorder radius="md" p="md" data-testid="site-holdings" data-site-id={holdings.site.id} data-site-name={holdings.site.name}>
      <Stack gap="md">
        <Group gap="xs">
          <IconMapPin size={18} stroke={1.6} color="var(--mantine-color-indigo-6)" aria-hidden />
          <Title order={3} size="h4">
            {path}
          </Title>
        </Group>

        <Stack gap="xs" data-testid="site-contract">
          <Group justify="space-between">
            <Text fw={600} size="sm">
              {t('entitlements.siteContract')}
            </Text>
            {onOpen && !holdings.contract ? (
              <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => onOpen({ kind: 'add-contract', site, scope: 'site' })} aria-label={t('entitlements.actions.addContractFor', { site: path })}>
                {t('entitlements.actions.addContract')}
              </Button>
            ) : null}
          </Group>
          {holdings.contract ? (
            <ContractRow contract={holdings.contract} actions={contractActions(holdings.contract)} />
          ) : (
            <Group gap="xs">
              <ContractStateBadge standing={{ state: 'none', endsAt: null, graceEndsAt: null, daysLeft: null, allowsAccess: false, warning: true }} />
              <Text size="sm" c="dimmed">
                {t('entitlements.noSiteContract')}
              </Text>
            </Group>
          )}
        </Stack>

        {holdings.entitlementContracts.length > 0 || onOpen ? (
          <Stack gap="xs" data-testid="entitlement-contracts">
            <Group justify="space-between">
              <Text fw={600} size="sm">
                {t('entitlements.entitlementContracts')}
              </Text>
              {onOpen ? (
                <Button size="xs" variant="default" leftSection={<IconPlus size={14} />} onClick={() => onOpen({ kind: 'add-contract', site, scope: 'entitlement' })} aria-label={t('entitlements.actions.addProductContractFor', { site: path })}>
                  {t('entitlements.actions.addProductContract')}
                </Button>
              ) : null}
            </Group>
            {holdings.entitlementContracts.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('entitlements.noEntitlementContracts')}
              </Text>
            ) : (
              holdings.entitlementContracts.map((contract) => <ContractRow key={contract.id} contract={contract} actions={contractActions(contract)} />)
            )}
          </Stack>
        ) : null}

        <Divider />

        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={600} size="sm">
              {t('entitlements.products')}
            </Text>
            {onOpen ? (
              <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => onOpen({ kind: 'add-entitlement', site, holdings })} aria-label={t('entitlements.actions.addProductFor', { site: path })}>
                {t('entitlements.actions.addProduct')}
              </Button>
            ) : null}
          </Group>
          {holdings.entitlements.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="no-entitlements">
              {t('entitlements.noProducts')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table verticalSpacing="xs" data-testid="entitlements-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('entitlements.columns.product')}</Table.Th>
                    <Table.Th>{t('entitlements.columns.quantity')}</Table.Th>
                    <Table.Th>{t('entitlements.columns.contract')}</Table.Th>
                    <Table.Th>{t('entitlements.columns.endsOn')}</Table.Th>
                    <Table.Th>{t('entitlements.columns.state')}</Table.Th>
                    {onOpen ? (
                      <Table.Th>
                        <VisuallyHidden>{t('entitlements.columns.actions')}</VisuallyHidden>
                      </Table.Th>
                    ) : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {holdings.entitlements.map((entitlement) => {
                    const covering = entitlement.coveredBy === 'own' ? contractsById.get(entitlement.contractId ?? '') : entitlement.coveredBy === 'site' ? holdings.contract : null;
                    return (
                      <Table.Tr key={entitlement.id} data-testid="entitlement-row" data-entitlement-id={entitlement.id} data-product-name={entitlement.product.name}>
                        <Table.Td fw={600} fz="sm">
                          {entitlement.product.name}
                        </Table.Td>
                        <Table.Td fz="sm">{entitlement.quantity.toLocaleString()}</Table.Td>
                        <Table.Td fz="sm">{t(`entitlements.coveredBy.${entitlement.coveredBy}`)}</Table.Td>
                        <Table.Td fz="sm">{covering?.endsOn ?? '—'}</Table.Td>
                        <Table.Td>
                          <ContractStateBadge standing={entitlement.standing} />
                        </Table.Td>
                        {onOpen ? (
                          <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                            <Button
                              size="xs"
                              variant="default"
                              leftSection={<IconPencil size={14} />}
                              onClick={() => onOpen({ kind: 'edit-entitlement', site, holdings, entitlement })}
                              aria-label={t('entitlements.actions.editProductNamed', { name: entitlement.product.name })}
                            >
                              {t('entitlements.actions.edit')}
                            </Button>{' '}
                            <Button
                              size="xs"
                              variant="subtle"
                              color="red"
                              leftSection={<IconTrash size={14} />}
                              onClick={() => onOpen({ kind: 'remove-entitlement', site, entitlement })}
                              aria-label={t('entitlements.actions.removeProductNamed', { name: entitlement.product.name })}
                            >
                              {t('entitlements.actions.remove')}
                            </Button>
                          </Table.Td>
                        ) : null}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Stack>
    </Card>
  );
}
