import { Alert, Text } from '@mantine/core';
import { IconClockPause } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-error';
import { formatTimeLeft } from '../../components/format-time-left';
import { getErrorMessage } from '../../components/get-error-message';

/**
 * A lockout or rate limit with a live countdown to when signing in works again. For the sign-in
 * lock the server's message names the seconds too, so a short reason stands in for it and the
 * time is said once, in the countdown.
 */
export function LockoutAlert({ error, secondsLeft }: { error: unknown; secondsLeft: number }) {
  const { t, i18n } = useTranslation();
  const message = error instanceof ApiError && error.code === 'auth.locked' ? t('signIn.locked') : getErrorMessage(error);
  return (
    <Alert color="orange" variant="light" icon={<IconClockPause size={18} />} role="alert" data-testid="sign-in-error">
      <Text size="sm">{message}</Text>
      <Text size="sm" fw={600} mt={6} data-testid="lockout-countdown" data-seconds-left={secondsLeft} role="timer">
        {t('signIn.lockoutCountdown', { time: formatTimeLeft(secondsLeft, i18n.resolvedLanguage ?? 'ko') })}
      </Text>
    </Alert>
  );
}
