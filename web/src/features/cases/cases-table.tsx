import { Anchor, Badge, Group, Stack, Table, Text, UnstyledButton, type MantineBreakpoint } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../components/format-date-time';
import { CaseStatusBadge } from './case-status-badge';
import type { CaseListFilters, CaseListItem } from './cases.api';

interface CasesTableProps {
  items: CaseListItem[];
  sort: CaseListFilters['sort'];
  order: CaseListFilters['order'];
  onSort: (sort: CaseListFilters['sort']) => void;
}

/**
 * Below it the status, site and dates columns (and the old number, the number column's widest line)
 * give way to lines under the subject, so a phone shows them without scrolling sideways.
 */
const WIDE: MantineBreakpoint = 'sm';

function SortableHeader({ column, sort, order, onSort, visibleFrom, children }: { column: CaseListFilters['sort']; visibleFrom?: MantineBreakpoint; children: ReactNode } & Omit<CasesTableProps, 'items'>) {
  const { t } = useTranslation();
  const active = sort === column;
  const Icon = !active ? IconArrowsSort : order === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'} style={{ whiteSpace: 'nowrap' }} visibleFrom={visibleFrom}>
      <UnstyledButton onClick={() => onSort(column)} fw={700} fz="sm" data-testid={`sort-${column}`} title={t('cases.list.sortBy')}>
        <Group gap={4} wrap="nowrap" component="span">
          {children}
          <Icon size={14} aria-hidden opacity={active ? 1 : 0.4} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/** A case's status badge and, when the case waits on the customer, the orange "waiting for you" badge. */
function CaseStatusBadges({ item, inline }: { item: CaseListItem; inline?: boolean }) {
  const { t } = useTranslation();
  const Layout = inline ? Group : Stack;
  return (
    <Layout gap={4} align={inline ? 'center' : 'flex-start'}>
      <CaseStatusBadge status={item.status} />
      {item.waitingOnCustomer ? (
        <Badge color="orange" variant="filled" radius="sm" size="sm" miw="max-content" data-testid="waiting-badge">
          {t('cases.waitingBadge')}
        </Badge>
      ) : null}
    </Layout>
  );
}

/**
 * The Cases tab's table: number (and old number), subject, status (and "waiting for you"), site,
 * opened, updated; sortable headers. On a phone, number and subject only, with the status, site,
 * last change and old number under the subject.
 */
export function CasesTable({ items, sort, order, onSort }: CasesTableProps) {
  const { t } = useTranslation();
  const header = { sort, order, onSort };
  return (
    // The minimum width is the table's, not the container's, as it only holds where every column shows.
    <Table.ScrollContainer minWidth={0}>
      <Table verticalSpacing="sm" highlightOnHover miw={{ base: 'auto', [WIDE]: 860 }} data-testid="cases-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('cases.fields.number')}</Table.Th>
            <SortableHeader column="subject" {...header}>
              {t('cases.fields.subject')}
            </SortableHeader>
            <SortableHeader column="status" visibleFrom={WIDE} {...header}>
              {t('cases.fields.status')}
            </SortableHeader>
            <SortableHeader column="site" visibleFrom={WIDE} {...header}>
              {t('cases.fields.site')}
            </SortableHeader>
            <SortableHeader column="opened" visibleFrom={WIDE} {...header}>
              {t('cases.fields.opened')}
            </SortableHeader>
            <SortableHeader column="updated" visibleFrom={WIDE} {...header}>
              {t('cases.fields.updated')}
            </SortableHeader>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id} data-testid="case-row" data-case-id={item.id} data-number={item.number} data-status={item.status}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={`/portal/cases/${encodeURIComponent(item.id)}`} fw={600} size="sm">
                  {item.number}
                </Anchor>
                {item.legacyNumber ? (
                  <Text size="xs" c="dimmed" title={t('cases.fields.legacyNumber')} visibleFrom={WIDE}>
                    {t('cases.list.legacyNumber', { number: item.legacyNumber })}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td maw={420}>
                <Text size="sm" lineClamp={2}>
                  {item.subject}
                </Text>
                <Stack gap={4} mt={6} hiddenFrom={WIDE} data-testid="case-row-details">
                  <CaseStatusBadges item={item} inline />
                  <Text size="xs" c="dimmed">
                    {item.site.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('cases.list.updatedAt', { date: formatDateTime(item.updatedAt) })}
                  </Text>
                  {item.legacyNumber ? (
                    <Text size="xs" c="dimmed" title={t('cases.fields.legacyNumber')}>
                      {t('cases.list.legacyNumber', { number: item.legacyNumber })}
                    </Text>
                  ) : null}
                </Stack>
              </Table.Td>
              <Table.Td visibleFrom={WIDE}>
                <CaseStatusBadges item={item} />
              </Table.Td>
              <Table.Td fz="sm" visibleFrom={WIDE}>
                {item.site.name}
              </Table.Td>
              <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }} visibleFrom={WIDE}>
                {formatDateTime(item.createdAt)}
              </Table.Td>
              <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }} visibleFrom={WIDE}>
                {formatDateTime(item.updatedAt)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
