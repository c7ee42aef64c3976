import { Skeleton, Stack, Text } from '@mantine/core';
import { IconDeviceDesktop } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format-date-time';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { useCaseRemoteSessions } from './cases.api';

/** The Remote sessions tab: remote-support sessions linked to the case (the remote-support capability fills it). */
export function CaseRemoteSessionsTab({ organizationId, caseId }: { organizationId: string; caseId: string }) {
  const { t } = useTranslation();
  const sessions = useCaseRemoteSessions(organizationId, caseId);
  if (sessions.isError) return <LoadErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />;
  if (!sessions.data) return <Skeleton height={60} radius="md" />;
  if (sessions.data.items.length === 0) {
    return (
      <Text size="sm" c="dimmed" ta="center" py="md" data-testid="no-remote-sessions">
        {t('cases.remote.empty')}
      </Text>
    );
  }
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="remote-sessions">
      {sessions.data.items.map((session) => (
        <li key={session.sessionId}>
          <Text size="sm">
            <IconDeviceDesktop size={14} style={{ verticalAlign: '-2px', marginRight: 6 }} aria-hidden />
            {t('cases.remote.session', { id: session.sessionId.slice(0, 8), at: formatDateTime(session.linkedAt) })}
          </Text>
        </li>
      ))}
    </Stack>
  );
}
