import { Alert, Anchor, Button, Group, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle, IconMail, IconShieldCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-error';
import { getErrorMessage } from '../../components/get-error-message';
import { useCountdown } from '../../components/use-countdown';
import { useSendMfaEmailCode, useSignInWithMfa, type MfaChallenge } from './auth.api';
import { getRetryAfterSeconds } from './get-retry-after-seconds';
import { LockoutAlert } from './lockout-alert';

interface MfaStepProps {
  challenge: MfaChallenge;
  /** Back to the first step, with the reason to show there (an expired challenge) or none. */
  onRestart: (message: string | null) => void;
}

/** The second step of signing in: a code from the authenticator app, by email, or a recovery code. */
export function MfaStep({ challenge, onRestart }: MfaStepProps) {
  const { t } = useTranslation();
  const signInWithMfa = useSignInWithMfa();
  const sendEmailCode = useSendMfaEmailCode();
  const hasTotp = challenge.methods.includes('totp');
  const hasEmail = challenge.methods.includes('email');
  const hasRecovery = challenge.methods.includes('recovery');
  const onlyRecovery = !hasTotp && !hasEmail;

  const [codeMethod, setCodeMethod] = useState<'totp' | 'email'>(hasTotp ? 'totp' : 'email');
  const [useRecovery, setUseRecovery] = useState(onlyRecovery);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [lockedUntil, setLockedUntil] = useState<number | null>(null);
  const lockSecondsLeft = useCountdown(lockedUntil);
  const method = useRecovery ? 'recovery' : codeMethod;
  const isWaitingForEmail = method === 'email' && !sendEmailCode.isSuccess;

  const changeMethod = (change: () => void) => {
    change();
    setCode('');
    setCodeError(null);
    signInWithMfa.reset();
  };

  const sendCode = () => {
    sendEmailCode.mutate(challenge.challengeToken, {
      onSuccess: () => changeMethod(() => {
        setCodeMethod('email');
        setUseRecovery(false);
      }),
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'auth.mfa_challenge_expired') onRestart(error.message);
      },
    });
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const typed = method === 'recovery' ? code.trim() : code.replace(/\s/g, '');
    if (method === 'recovery' ? typed.length < 6 : !/^\d{6}$/.test(typed)) {
      setCodeError(method === 'recovery' ? t('mfaStep.errors.recoveryRequired') : t('mfaStep.errors.sixDigits'));
      return;
    }
    if (lockSecondsLeft > 0) return;
    signInWithMfa.mutate(
      { challengeToken: challenge.challengeToken, method, code: typed },
      {
        // Signed in: `me` is set, and the sign-in page moves on from there.
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'auth.mfa_challenge_expired') return onRestart(error.message);
          const retryAfter = getRetryAfterSeconds(error);
          setLockedUntil(retryAfter === null ? null : Date.now() + retryAfter * 1000);
          if (error instanceof ApiError && error.code === 'auth.mfa_invalid_code') setCodeError(error.message || t('mfaStep.errors.invalidCode'));
        },
      },
    );
  };

  const error = signInWithMfa.error;
  const showsFormError = error && !(error instanceof ApiError && error.code === 'auth.mfa_invalid_code');

  return (
    <form onSubmit={submit} noValidate aria-labelledby="mfa-step-title" data-testid="mfa-step" data-method={method}>
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <IconShieldCheck size={28} stroke={1.6} color="var(--mantine-primary-color-filled)" style={{ flexShrink: 0 }} />
          <Stack gap={4}>
            <Title order={1} size="h3" id="mfa-step-title">
              {t('mfaStep.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t(`mfaStep.intro.${method}`)}
            </Text>
          </Stack>
        </Group>
        {showsFormError && lockedUntil !== null ? (
          lockSecondsLeft > 0 ? <LockoutAlert error={error} secondsLeft={lockSecondsLeft} /> : null
        ) : showsFormError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" data-testid="sign-in-error">
            {getErrorMessage(error)}
          </Alert>
        ) : null}
        {sendEmailCode.isError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {getErrorMessage(sendEmailCode.error)}
          </Alert>
        ) : null}
        {sendEmailCode.isSuccess && method === 'email' ? (
          <Alert color="teal" variant="light" icon={<IconMail size={18} />} role="status" data-testid="mfa-email-sent">
            {t('mfaStep.emailSent')}
          </Alert>
        ) : null}

        {isWaitingForEmail ? null : (
          <TextInput
            key={method}
            label={t(`mfaStep.codeLabel.${method}`)}
            value={code}
            onChange={(event) => {
              setCode(event.currentTarget.value);
              setCodeError(null);
            }}
            error={codeError}
            autoComplete="one-time-code"
            inputMode={method === 'recovery' ? 'text' : 'numeric'}
            maxLength={method === 'recovery' ? 32 : 6}
            autoFocus
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: method === 'recovery' ? undefined : '0.3em' } }}
            data-testid="mfa-code"
          />
        )}
        {hasEmail && !useRecovery ? (
          <Button
            variant={isWaitingForEmail ? 'filled' : 'default'}
            leftSection={<IconMail size={18} />}
            loading={sendEmailCode.isPending}
            onClick={sendCode}
            data-testid="mfa-send-email-code"
          >
            {sendEmailCode.isSuccess ? t('mfaStep.resendEmailCode') : t('mfaStep.sendEmailCode')}
          </Button>
        ) : null}
        {hasTotp && codeMethod === 'email' && !useRecovery ? (
          <Anchor component="button" type="button" size="sm" onClick={() => changeMethod(() => setCodeMethod('totp'))}>
            {t('mfaStep.useApp')}
          </Anchor>
        ) : null}
        {hasRecovery && !onlyRecovery ? (
          <Switch
            label={t('mfaStep.useRecovery')}
            checked={useRecovery}
            onChange={(event) => {
              const checked = event.currentTarget.checked;
              changeMethod(() => setUseRecovery(checked));
            }}
            data-testid="mfa-use-recovery"
          />
        ) : null}
        {isWaitingForEmail ? null : (
          <Button type="submit" size="md" fullWidth loading={signInWithMfa.isPending} disabled={lockSecondsLeft > 0}>
            {t('mfaStep.submit')}
          </Button>
        )}
        <Group justify="center">
          <Anchor component="button" type="button" size="sm" c="dimmed" onClick={() => onRestart(null)}>
            {t('mfaStep.startOver')}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}
