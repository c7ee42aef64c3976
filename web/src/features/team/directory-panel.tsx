import { Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { useDirectory } from './team.api';

/** "Don't see who you're looking for?": the organization's contacts, searchable, with how to reach them. */
export function DirectoryPanel({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const directory = useDirectory(organizationId, q);

  const renderList = () => {
    if (directory.isError) return <LoadErrorAlert error={directory.error} onRetry={() => void directory.refetch()} />;
    if (!directory.data) return <Skeleton height={160} radius="md" />;
    if (directory.data.items.length === 0) {
      return (
        <Text c="dimmed" size="sm" ta="center" py="lg">
          {t('team.directory.empty')}
        </Text>
      );
    }
    return (
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('team.fields.name')}</Table.Th>
              <Table.Th>{t('team.fields.email')}</Table.Th>
              <Table.Th>{t('team.fields.company')}</Table.Th>
              <Table.Th>{t('team.fields.phone')}</Table.Th>
              <Table.Th>{t('team.fields.role')}</Table.Th>
              <Table.Th>{t('team.fields.sites')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {directory.data.items.map((entry) => (
              <Table.Tr key={entry.email} data-testid="directory-row" data-email={entry.email}>
                <Table.Td fz="sm" fw={600}>
                  {entry.name}
                </Table.Td>
                <Table.Td fz="sm">{entry.email}</Table.Td>
                <Table.Td fz="sm">{entry.company ?? '—'}</Table.Td>
                <Table.Td fz="sm">{entry.phone ?? '—'}</Table.Td>
                <Table.Td fz="sm">{t(`roles.member.${entry.role}`)}</Table.Td>
                <Table.Td fz="sm">{entry.allSites ? t('team.allSites') : entry.sites.map((site) => site.name).join(', ') || '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  };

  return (
    <Stack gap="md" data-testid="directory">
      <Text size="sm" c="dimmed">
        {t('team.directory.intro')}
      </Text>
      <TextInput
        label={t('team.filters.search')}
        placeholder={t('team.filters.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        type="search"
        maw={360}
      />
      {renderList()}
    </Stack>
  );
}
