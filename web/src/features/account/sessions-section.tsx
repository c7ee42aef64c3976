import { Badge, Button, Card, Group, Modal, Skeleton, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format-date-time';
import { getErrorMessage } from '../../components/get-error-message';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { useEndOtherSessions, useEndSession, useSessions } from './account.api';

/** Where the person is signed in, with a way to end the other sessions. */
export function SessionsSection() {
  const { t } = useTranslation();
  const sessions = useSessions();
  const endSession = useEndSession();
  const endOthers = useEndOtherSessions();
  const [confirming, setConfirming] = useState(false);
  const others = sessions.data?.items.filter((session) => !session.current).length ?? 0;

  const endAllOthers = () =>
    endOthers.mutate(undefined, {
      onSuccess: ({ ended }) => {
        setConfirming(false);
        notifications.show({ color: 'teal', message: t('account.sessions.endedOthers', { count: ended }) });
      },
      onError: (error) => notifications.show({ color: 'red', message: getErrorMessage(error) }),
    });

  const end = (sessionId: string) =>
    endSession.mutate(sessionId, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('account.sessions.ended') }),
      onError: (error) => notifications.show({ color: 'red', message: getErrorMessage(error) }),
    });

  const renderBody = () => {
    if (sessions.isError) return <LoadErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />;
    if (!sessions.data) return <Skeleton height={96} radius="md" />;
    return (
      // On a phone the address and times fold under the client, so "End session" stays on the screen.
      <Table.ScrollContainer minWidth={0}>
        <Table verticalSpacing="sm" highlightOnHover miw={{ base: 'auto', sm: 640 }} data-testid="sessions-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('account.sessions.client')}</Table.Th>
              <Table.Th visibleFrom="sm">{t('account.sessions.ip')}</Table.Th>
              <Table.Th visibleFrom="sm">{t('account.sessions.createdAt')}</Table.Th>
              <Table.Th visibleFrom="sm">{t('account.sessions.lastSeenAt')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('account.sessions.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sessions.data.items.map((session) => (
              <Table.Tr key={session.id} data-testid="session-row" data-current={session.current}>
                <Table.Td>
                  <Text size="sm" fw={session.current ? 600 : undefined}>
                    {session.client}
                  </Text>
                  {session.current ? (
                    <Badge size="xs" variant="light" color="teal" radius="sm" mt={4}>
                      {t('account.sessions.current')}
                    </Badge>
                  ) : null}
                  <Stack gap={2} mt={6} hiddenFrom="sm" data-testid="session-row-details">
                    {(
                      [
                        ['ip', session.ip ?? '—'],
                        ['createdAt', formatDateTime(session.createdAt)],
                        ['lastSeenAt', formatDateTime(session.lastSeenAt)],
                      ] as const
                    ).map(([column, value]) => (
                      <Text key={column} size="xs" c="dimmed">
                        {t('common.labelled', { label: t(`account.sessions.${column}`), value })}
                      </Text>
                    ))}
                  </Stack>
                </Table.Td>
                <Table.Td ff="monospace" fz="sm" visibleFrom="sm">
                  {session.ip ?? '—'}
                </Table.Td>
                <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }} visibleFrom="sm">
                  {formatDateTime(session.createdAt)}
                </Table.Td>
                <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }} visibleFrom="sm">
                  {formatDateTime(session.lastSeenAt)}
                </Table.Td>
                <Table.Td ta="right">
                  {session.current ? null : (
                    <Button
                      size="xs"
                      variant="default"
                      color="red"
                      loading={endSession.isPending && endSession.variables === session.id}
                      onClick={() => end(session.id)}
                      aria-label={t('account.sessions.endNamed', { client: session.client })}
                      data-testid="end-session"
                    >
                      {t('account.sessions.end')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  };

  return (
    <Card withBorder radius="lg" p="lg" component="section" aria-labelledby="sessions-title">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4} style={{ flex: '1 1 20rem' }}>
            <Title order={2} size="h4" id="sessions-title">
              {t('account.sessions.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('account.sessions.intro')}
            </Text>
          </Stack>
          {others > 0 ? (
            <Button size="xs" variant="default" color="red" onClick={() => setConfirming(true)} data-testid="end-other-sessions">
              {t('account.sessions.endOthers')}
            </Button>
          ) : null}
        </Group>
        {renderBody()}
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('account.sessions.endOthersTitle')} centered>
        <Stack gap="md">
          <Text size="sm">{t('account.sessions.endOthersConfirm', { count: others })}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={endOthers.isPending} onClick={endAllOthers} data-testid="confirm-end-other-sessions">
              {t('account.sessions.endOthers')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
