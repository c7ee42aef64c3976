import { ActionIcon, Group, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconDownload, IconEye, IconPencil, IconSettings } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ContractStateBadge } from '../entitlements/contract-state-badge';
import { getDownloadRefusal } from './get-download-refusal';
import { RefusalTooltip } from './refusal-tooltip';
import type { LicensedProduct } from './products.api';
import { useLocalized } from './use-localized';

interface ProductsTableProps {
  items: LicensedProduct[];
  onEditName: (item: LicensedProduct) => void;
  onRequirements: (item: LicensedProduct) => void;
  onDownloads: (item: LicensedProduct) => void;
}

/** The member's own name for the product, else the catalog's. */
export const shownName = (item: { displayName: string | null; product: { name: string } }) => item.displayName ?? item.product.name;

/** The licensed products, one row each; a row expands into the product's components. */
export function ProductsTable({ items, onEditName, onRequirements, onDownloads }: ProductsTableProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="sm" highlightOnHover style={{ wordBreak: 'keep-all' }} data-testid="products-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <VisuallyHidden>{t('products.table.expand')}</VisuallyHidden>
            </Table.Th>
            <Table.Th>{t('products.fields.name')}</Table.Th>
            <Table.Th>{t('products.fields.family')}</Table.Th>
            <Table.Th>{t('products.fields.site')}</Table.Th>
            <Table.Th ta="right">{t('products.fields.quantity')}</Table.Th>
            <Table.Th>{t('products.fields.contractEnd')}</Table.Th>
            <Table.Th>{t('products.fields.currentVersion')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('products.table.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const isOpen = expanded.has(item.entitlementId);
            const name = shownName(item);
            const noDownloads = !item.downloads.software.allowed && !item.downloads.documents.allowed;
            const downloadButton = (
              <ActionIcon variant="subtle" onClick={() => onDownloads(item)} disabled={noDownloads} aria-label={t('products.actions.downloadsNamed', { name })} data-testid="product-downloads">
                <IconDownload size={16} />
              </ActionIcon>
            );
            return (
              <Fragment key={item.entitlementId}>
                <Table.Tr data-testid="product-row" data-product-id={item.product.id} data-site-id={item.site.id}>
                  <Table.Td>
                    <ActionIcon variant="subtle" color="gray" onClick={() => toggle(item.entitlementId)} aria-expanded={isOpen} aria-label={t('products.table.showComponents', { name })} data-testid="expand-product">
                      {isOpen ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <div>
                        <Text size="sm" fw={600} data-testid="product-name">
                          {name}
                        </Text>
                        {item.displayName ? (
                          <Text size="xs" c="dimmed">
                            {item.product.name}
                          </Text>
                        ) : null}
                      </div>
                      <Tooltip label={t('products.displayName.edit')} withArrow>
                        <ActionIcon variant="subtle" size="sm" onClick={() => onEditName(item)} aria-label={t('products.displayName.editNamed', { name })} data-testid="edit-display-name">
                          <IconPencil size={14} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                  <Table.Td fz="sm">{localized(item.product.family.name)}</Table.Td>
                  <Table.Td fz="sm">{item.site.name}</Table.Td>
                  <Table.Td fz="sm" ta="right">
                    {item.quantity.toLocaleString()}
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4} align="flex-start">
                      <Text size="sm">{item.contract?.endsOn ?? '—'}</Text>
                      <ContractStateBadge standing={item.standing} />
                    </Stack>
                  </Table.Td>
                  <Table.Td fz="sm">{item.currentVersion?.version ?? '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      <Tooltip label={t('products.actions.details')} withArrow>
                        <ActionIcon
                          component={Link}
                          to={`/portal/products/${item.site.id}/${item.product.id}`}
                          variant="subtle"
                          aria-label={t('products.actions.detailsNamed', { name })}
                          data-testid="product-details"
                        >
                          <IconEye size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('products.actions.requirements')} withArrow>
                        <ActionIcon variant="subtle" onClick={() => onRequirements(item)} aria-label={t('products.actions.requirementsNamed', { name })} data-testid="product-requirements">
                          <IconSettings size={16} />
                        </ActionIcon>
                      </Tooltip>
                      {noDownloads ? (
                        <RefusalTooltip label={getDownloadRefusal(t, item.downloads.documents)}>{downloadButton}</RefusalTooltip>
                      ) : (
                        <Tooltip label={t('products.actions.downloads')} withArrow>
                          {downloadButton}
                        </Tooltip>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
                {isOpen ? (
                  <Table.Tr data-testid="product-components">
                    <Table.Td />
                    <Table.Td colSpan={7}>
                      {item.components.length === 0 ? (
                        <Text size="sm" c="dimmed">
                          {t('products.components.empty')}
                        </Text>
                      ) : (
                        <Stack gap={6}>
                          {item.components.map((component) => (
                            <div key={component.id} data-testid="component">
                              <Text size="sm" fw={500}>
                                {component.name}
                              </Text>
                              {component.description ? (
                                <Text size="xs" c="dimmed">
                                  {component.description}
                                </Text>
                              ) : null}
                            </div>
                          ))}
                        </Stack>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
