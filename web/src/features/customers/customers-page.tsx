import { Anchor, Badge, Card, Container, Group, Pagination, Select, Skeleton, Stack, Table, Text, TextInput, Title, type MantineBreakpoint } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/branding';
import { formatDateTime } from '../../components/format-date-time';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { useCustomers, type ConsoleOrganization, type CustomerFilters } from './customers.api';

const pageSize = 20;

/** Below it the other columns give way to lines under the name, so a phone shows them without scrolling sideways. */
const WIDE: MantineBreakpoint = 'sm';

/** Active or archived, as a badge. */
function CustomerStateBadge({ customer }: { customer: ConsoleOrganization }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" radius="sm" color={customer.archivedAt ? 'gray' : 'teal'}>
      {customer.archivedAt ? t('customers.state.archived') : t('customers.state.active')}
    </Badge>
  );
}

/** Under a customer's name on a phone: state, members and sites, account manager, created. */
function CustomerRowDetails({ customer }: { customer: ConsoleOrganization }) {
  const { t } = useTranslation();
  const labelled = (column: 'members' | 'sites' | 'accountManager' | 'createdAt', value: string | number) => t('common.labelled', { label: t(`customers.columns.${column}`), value });
  return (
    <Stack gap={4} mt={6} align="flex-start" hiddenFrom={WIDE} data-testid="customer-row-details">
      <CustomerStateBadge customer={customer} />
      <Text size="xs" c="dimmed">
        {`${labelled('members', customer.memberCount)} · ${labelled('sites', customer.siteCount)}`}
      </Text>
      <Text size="xs" c="dimmed">
        {labelled('accountManager', customer.accountManager?.name ?? '—')}
      </Text>
      <Text size="xs" c="dimmed">
        {labelled('createdAt', formatDateTime(customer.createdAt))}
      </Text>
    </Stack>
  );
}

/** `/console/customers`: every customer organization, searchable by name or ID, active or archived. */
export function CustomersPage() {
  const { t } = useTranslation();
  usePageTitle(t('features.console.customers.title'));
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [archived, setArchived] = useState<CustomerFilters['archived']>('false');
  const [page, setPage] = useState(1);
  const customers = useCustomers({ q, archived, page, pageSize });
  const totalPages = Math.max(1, Math.ceil((customers.data?.total ?? 0) / pageSize));

  const renderList = () => {
    if (customers.isError) return <LoadErrorAlert error={customers.error} onRetry={() => void customers.refetch()} />;
    if (!customers.data) return <Skeleton height={240} radius="md" />;
    if (customers.data.items.length === 0) {
      return (
        <Text c="dimmed" size="sm" ta="center" py="lg" data-testid="customers-empty">
          {t('customers.empty')}
        </Text>
      );
    }
    return (
      // The minimum width is the table's, not the container's, as it only holds where every column shows.
      <Table.ScrollContainer minWidth={0}>
        <Table verticalSpacing="sm" highlightOnHover miw={{ base: 'auto', [WIDE]: 860 }} data-testid="customers-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('organizations.fields.name')}</Table.Th>
              <Table.Th visibleFrom={WIDE}>{t('customers.columns.members')}</Table.Th>
              <Table.Th visibleFrom={WIDE}>{t('customers.columns.sites')}</Table.Th>
              <Table.Th visibleFrom={WIDE}>{t('customers.columns.accountManager')}</Table.Th>
              <Table.Th visibleFrom={WIDE}>{t('customers.columns.createdAt')}</Table.Th>
              <Table.Th visibleFrom={WIDE}>{t('customers.columns.state')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {customers.data.items.map((customer) => (
              <Table.Tr key={customer.id} data-testid="customer-row" data-organization-id={customer.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/console/customers/${customer.id}`} fw={600} size="sm">
                    {customer.name}
                  </Anchor>
                  <CustomerRowDetails customer={customer} />
                </Table.Td>
                <Table.Td fz="sm" visibleFrom={WIDE}>
                  {customer.memberCount}
                </Table.Td>
                <Table.Td fz="sm" visibleFrom={WIDE}>
                  {customer.siteCount}
                </Table.Td>
                <Table.Td fz="sm" visibleFrom={WIDE}>
                  {customer.accountManager?.name ?? '—'}
                </Table.Td>
                <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }} visibleFrom={WIDE}>
                  {formatDateTime(customer.createdAt)}
                </Table.Td>
                <Table.Td visibleFrom={WIDE}>
                  <CustomerStateBadge customer={customer} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  };

  return (
    <Container size="xl" px={0} data-testid="customers-page">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t('features.console.customers.title')}</Title>
          <Text c="dimmed">{t('customers.intro')}</Text>
        </Stack>
        <Card withBorder radius="lg" p={{ base: 'sm', sm: 'lg' }}>
          <Stack gap="md">
            <Group align="flex-end" gap="sm">
              <TextInput
                label={t('customers.search')}
                placeholder={t('customers.searchPlaceholder')}
                leftSection={<IconSearch size={16} />}
                value={search}
                onChange={(event) => {
                  setSearch(event.currentTarget.value);
                  setPage(1);
                }}
                type="search"
                w={{ base: '100%', sm: 320 }}
              />
              <Select
                label={t('customers.columns.state')}
                data={[
                  { value: 'false', label: t('customers.state.active') },
                  { value: 'true', label: t('customers.state.archived') },
                  { value: 'all', label: t('customers.state.all') },
                ]}
                value={archived ?? 'all'}
                onChange={(value) => {
                  setArchived(value === 'true' || value === 'false' ? value : null);
                  setPage(1);
                }}
                allowDeselect={false}
                w={180}
              />
            </Group>
            {renderList()}
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {t('customers.total', { count: customers.data?.total ?? 0 })}
              </Text>
              {totalPages > 1 ? (
                <Pagination
                  total={totalPages}
                  value={page}
                  onChange={setPage}
                  size="sm"
                  getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
                  getItemProps={(item) => ({ 'aria-label': t('common.pagination.page', { page: item }) })}
                />
              ) : null}
            </Group>
          </Stack>
        </Card>
      </Stack>
    </Container>
  );
}
