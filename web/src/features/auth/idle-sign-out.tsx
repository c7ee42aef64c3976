import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { apiClient } from '../../app/api-client';
import { getLastActivityAt, subscribeToActivity } from '../../app/session-activity';
import { formatTimeLeft } from '../../components/format-time-left';
import { useMe, useSignOut } from './auth.api';
import { getIdleState } from './get-idle-state';
import { goToSignInAfterIdle } from './go-to-sign-in-after-idle';

/**
 * Idle sign-out: the session ends on the server after `me.idleTimeoutSeconds` without a request.
 * A minute before, a dialog counts down and offers to stay; at the end the person is signed out and
 * lands on the sign-in page with the reason. Renders nothing while nobody is signed in.
 */
export function IdleSignOut() {
  const { t, i18n } = useTranslation();
  const { data: me, refetch } = useMe();
  const signOut = useSignOut();
  const lastActivityAt = useSyncExternalStore(subscribeToActivity, getLastActivityAt);
  const [now, setNow] = useState(() => Date.now());
  const [isStaying, setIsStaying] = useState(false);
  const idleTimeoutSeconds = me?.idleTimeoutSeconds ?? 0;
  const isTracking = Boolean(me) && idleTimeoutSeconds > 0;

  useEffect(() => {
    if (!isTracking) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [isTracking]);

  const state = isTracking ? getIdleState({ lastActivityAt, idleTimeoutSeconds, now }) : null;
  const hasExpired = state?.phase === 'expired';

  useEffect(() => {
    if (!hasExpired) return;
    // End the session for sure (the server may count a little differently), then leave.
    void apiClient.post('/api/v1/auth/sign-out').catch(() => undefined).finally(() => goToSignInAfterIdle());
  }, [hasExpired]);

  const stay = async () => {
    setIsStaying(true);
    // Any request counts as activity; this one also refreshes who is signed in.
    await refetch();
    setIsStaying(false);
  };

  return (
    <Modal
      opened={state?.phase === 'warning'}
      onClose={() => void stay()}
      title={t('idle.title')}
      centered
      closeOnClickOutside={false}
      withCloseButton={false}
      zIndex={1000}
    >
      <Stack gap="md" data-testid="idle-warning">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <IconClockExclamation size={28} stroke={1.6} color="var(--mantine-color-orange-6)" />
          <Text size="sm" role="timer" data-seconds-left={state?.secondsLeft}>
            {t('idle.message', { time: formatTimeLeft(state?.secondsLeft ?? 0, i18n.resolvedLanguage ?? 'ko') })}
          </Text>
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => signOut.mutate()} loading={signOut.isPending} data-testid="idle-sign-out">
            {t('shell.signOut')}
          </Button>
          <Button onClick={() => void stay()} loading={isStaying} data-autofocus data-testid="idle-stay">
            {t('idle.stay')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
