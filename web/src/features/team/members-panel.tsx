import { Anchor, Group, Pagination, Select, SimpleGrid, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { getSitePaths } from '../sites/build-site-tree';
import type { SiteTreeItem } from '../sites/sites.api';
import { BulkActionsBar } from './bulk-actions-bar';
import { EditMemberModal } from './edit-member-modal';
import { memberRoles } from './member-roles';
import { MembersTable } from './members-table';
import { useMembers, type MemberRole, type MemberStatus, type MemberSummary } from './team.api';

const pageSize = 25;

interface MembersPanelProps {
  organizationId: string;
  sites: readonly SiteTreeItem[];
  /** The viewer's own role; with `canManage`, members are selectable and editable. */
  myRole: MemberRole | null;
  canManage: boolean;
  /** Shows the directory ("Don't see who you're looking for?"); without it the link is left out. */
  onShowDirectory?: () => void;
}

/** The organization's members with search, role, status and site filters, paging, bulk actions and editing. */
export function MembersPanel({ organizationId, sites, myRole, canManage, onShowDirectory }: MembersPanelProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [role, setRole] = useState<MemberRole | null>(null);
  const [status, setStatus] = useState<MemberStatus | null>(null);
  const [siteId, setSiteId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState<MemberSummary | null>(null);
  const members = useMembers(organizationId, { q, role, status, siteId, page, pageSize });
  const siteOptions = useMemo(() => {
    const paths = getSitePaths(sites);
    return sites.map((site) => ({ value: site.id, label: paths.get(site.id) ?? site.name })).sort((a, b) => a.label.localeCompare(b.label));
  }, [sites]);

  /** A filter change goes back to the first page and drops a selection the new list may not show. */
  const filter = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setPage(1);
    setSelected(new Set());
  };
  const totalPages = Math.max(1, Math.ceil((members.data?.total ?? 0) / pageSize));

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
        <TextInput
          label={t('team.filters.search')}
          placeholder={t('team.filters.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(event) => filter(setSearch)(event.currentTarget.value)}
          type="search"
        />
        <Select
          label={t('team.fields.role')}
          placeholder={t('team.filters.allRoles')}
          data={memberRoles.map((value) => ({ value, label: t(`roles.member.${value}`) }))}
          value={role}
          onChange={(value) => filter(setRole)(value as MemberRole | null)}
          clearable
        />
        <Select
          label={t('team.fields.status')}
          placeholder={t('team.filters.allStatuses')}
          data={(['active', 'inactive'] as const).map((value) => ({ value, label: t(`team.status.${value}`) }))}
          value={status}
          onChange={(value) => filter(setStatus)(value as MemberStatus | null)}
          clearable
        />
        <Select
          label={t('team.fields.site')}
          placeholder={t('team.filters.allSites')}
          data={siteOptions}
          value={siteId}
          onChange={filter(setSiteId)}
          clearable
          searchable
        />
      </SimpleGrid>

      {canManage ? <BulkActionsBar organizationId={organizationId} selectedIds={[...selected]} onDone={() => setSelected(new Set())} /> : null}

      {members.isError ? (
        <LoadErrorAlert error={members.error} onRetry={() => void members.refetch()} />
      ) : !members.data ? (
        <Skeleton height={200} radius="md" />
      ) : members.data.items.length === 0 ? (
        <Text c="dimmed" size="sm" ta="center" py="lg" data-testid="members-empty">
          {t('team.members.empty')}
        </Text>
      ) : (
        <MembersTable
          members={members.data.items}
          selection={canManage ? { selected, onChange: setSelected } : undefined}
          onEdit={canManage ? setEditing : undefined}
          canEdit={(member) => myRole === 'owner' || member.role !== 'owner'}
        />
      )}

      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('team.members.total', { count: members.data?.total ?? 0 })}
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

      {onShowDirectory ? (
        <Text size="sm" c="dimmed">
          {t('team.directory.prompt')}{' '}
          <Anchor component="button" type="button" size="sm" onClick={onShowDirectory} data-testid="show-directory">
            {t('team.directory.link')}
          </Anchor>
        </Text>
      ) : null}

      <EditMemberModal organizationId={organizationId} member={editing} myRole={myRole} sites={sites} onClose={() => setEditing(null)} />
    </Stack>
  );
}
