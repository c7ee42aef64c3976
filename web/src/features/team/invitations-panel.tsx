import { Badge, Button, Skeleton, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format-date-time';
import { getErrorMessage } from '../../components/get-error-message';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { useInvitations, useRevokeInvitation, type InvitationStatus } from './team.api';

const statusColors: Record<InvitationStatus, string> = { pending: 'blue', accepted: 'teal', revoked: 'gray', expired: 'orange' };

/** The organization's invitations with their status; pending ones can be revoked. */
export function InvitationsPanel({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const invitations = useInvitations(organizationId);
  const revoke = useRevokeInvitation(organizationId);

  if (invitations.isError) return <LoadErrorAlert error={invitations.error} onRetry={() => void invitations.refetch()} />;
  if (!invitations.data) return <Skeleton height={120} radius="md" />;
  if (invitations.data.items.length === 0) {
    return (
      <Text c="dimmed" size="sm" ta="center" py="lg" data-testid="invitations-empty">
        {t('team.invitations.empty')}
      </Text>
    );
  }

  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" highlightOnHover data-testid="invitations-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('team.fields.email')}</Table.Th>
            <Table.Th>{t('team.fields.role')}</Table.Th>
            <Table.Th>{t('team.fields.status')}</Table.Th>
            <Table.Th>{t('team.invitations.invitedBy')}</Table.Th>
            <Table.Th>{t('team.invitations.createdAt')}</Table.Th>
            <Table.Th>{t('team.invitations.expiresAt')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('team.members.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invitations.data.items.map((invitation) => (
            <Table.Tr key={invitation.id} data-testid="invitation-row" data-invitation-id={invitation.id} data-email={invitation.email} data-status={invitation.status}>
              <Table.Td fz="sm">{invitation.email}</Table.Td>
              <Table.Td fz="sm">{t(`roles.member.${invitation.role}`)}</Table.Td>
              <Table.Td>
                <Badge variant="light" radius="sm" color={statusColors[invitation.status]}>
                  {t(`team.invitations.status.${invitation.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td fz="sm">{invitation.invitedByName ?? '—'}</Table.Td>
              <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(invitation.createdAt)}
              </Table.Td>
              <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(invitation.expiresAt)}
              </Table.Td>
              <Table.Td ta="right">
                {invitation.status === 'pending' ? (
                  <Button
                    size="xs"
                    variant="default"
                    color="red"
                    loading={revoke.isPending && revoke.variables === invitation.id}
                    onClick={() =>
                      revoke.mutate(invitation.id, {
                        onSuccess: () => notifications.show({ color: 'teal', message: t('team.invitations.revoked', { email: invitation.email }) }),
                        onError: (error) => notifications.show({ color: 'red', message: getErrorMessage(error) }),
                      })
                    }
                    aria-label={t('team.invitations.revokeNamed', { email: invitation.email })}
                    data-testid="revoke-invitation"
                  >
                    {t('team.invitations.revoke')}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
