import { Alert, Text } from '@mantine/core';
import { IconClockPause } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatCountdown } from '../../components/format-countdown';

/** The server's lockout message with a live countdown to when signing in works again. */
export function LockoutAlert({ message, secondsLeft }: { message: string; secondsLeft: number }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" icon={<IconClockPause size={18} />} role="alert" data-testid="sign-in-error">
      <Text size="sm">{message}</Text>
      <Text size="sm" fw={600} mt={6} data-testid="lockout-countdown" data-seconds-left={secondsLeft} role="timer">
        {t('signIn.lockoutCountdown', { time: formatCountdown(secondsLeft) })}
      </Text>
    </Alert>
  );
}
