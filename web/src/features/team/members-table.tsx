import { Badge, Button, Checkbox, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format-date-time';
import type { MemberSummary } from './team.api';

interface MembersTableProps {
  members: MemberSummary[];
  /** Row selection for bulk actions; without it there are no checkboxes. */
  selection?: { selected: ReadonlySet<string>; onChange: (selected: Set<string>) => void };
  /** Opens a member's edit form; without it there is no edit button. */
  onEdit?: (member: MemberSummary) => void;
  canEdit?: (member: MemberSummary) => boolean;
}

/** The members of an organization: who they are, their role and status, their sites, their last sign-in. */
export function MembersTable({ members, selection, onEdit, canEdit = () => true }: MembersTableProps) {
  const { t } = useTranslation();
  const selectedOnPage = selection ? members.filter((member) => selection.selected.has(member.id)).length : 0;

  const toggleAll = (checked: boolean) => {
    if (!selection) return;
    const next = new Set(selection.selected);
    for (const member of members) {
      if (checked) next.add(member.id);
      else next.delete(member.id);
    }
    selection.onChange(next);
  };

  const toggle = (memberId: string, checked: boolean) => {
    if (!selection) return;
    const next = new Set(selection.selected);
    if (checked) next.add(memberId);
    else next.delete(memberId);
    selection.onChange(next);
  };

  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table verticalSpacing="sm" highlightOnHover data-testid="members-table">
        <Table.Thead>
          <Table.Tr>
            {selection ? (
              <Table.Th w={40}>
                <Checkbox
                  aria-label={t('team.members.selectAll')}
                  checked={members.length > 0 && selectedOnPage === members.length}
                  indeterminate={selectedOnPage > 0 && selectedOnPage < members.length}
                  onChange={(event) => toggleAll(event.currentTarget.checked)}
                />
              </Table.Th>
            ) : null}
            <Table.Th>{t('team.fields.name')}</Table.Th>
            <Table.Th>{t('team.fields.email')}</Table.Th>
            <Table.Th>{t('team.fields.company')}</Table.Th>
            <Table.Th>{t('team.fields.role')}</Table.Th>
            <Table.Th>{t('team.fields.status')}</Table.Th>
            <Table.Th>{t('team.fields.sites')}</Table.Th>
            <Table.Th>{t('team.fields.lastSignInAt')}</Table.Th>
            {onEdit ? (
              <Table.Th>
                <VisuallyHidden>{t('team.members.actions')}</VisuallyHidden>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => (
            <Table.Tr key={member.id} data-testid="member-row" data-member-id={member.id} data-email={member.email} data-status={member.status}>
              {selection ? (
                <Table.Td>
                  <Checkbox
                    aria-label={t('team.members.selectNamed', { name: member.name })}
                    checked={selection.selected.has(member.id)}
                    onChange={(event) => toggle(member.id, event.currentTarget.checked)}
                  />
                </Table.Td>
              ) : null}
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" fw={600}>
                  {member.name}
                </Text>
              </Table.Td>
              <Table.Td fz="sm">{member.email}</Table.Td>
              <Table.Td fz="sm">{member.company ?? '—'}</Table.Td>
              <Table.Td>
                <Badge variant="light" radius="sm" color={member.role === 'owner' ? 'grape' : member.role === 'admin' ? 'indigo' : 'gray'} miw="max-content">
                  {t(`roles.member.${member.role}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Badge variant="dot" radius="sm" color={member.status === 'active' ? 'teal' : 'gray'} miw="max-content">
                  {t(`team.status.${member.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td fz="sm" maw={240}>
                {member.allSites ? (
                  <Text size="sm" c="dimmed">
                    {t('team.allSites')}
                  </Text>
                ) : member.sites.length > 0 ? (
                  member.sites.map((site) => site.name).join(', ')
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(member.lastSignInAt) || '—'}
              </Table.Td>
              {onEdit ? (
                <Table.Td ta="right">
                  {canEdit(member) ? (
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconPencil size={14} />}
                      onClick={() => onEdit(member)}
                      aria-label={t('team.members.editNamed', { name: member.name })}
                      data-testid="edit-member"
                    >
                      {t('team.members.edit')}
                    </Button>
                  ) : null}
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
