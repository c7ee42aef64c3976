import { Alert, Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle, IconClockPause, IconMailForward } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../app/api-error';
import { getErrorMessage } from '../../components/get-error-message';
import { PasswordField } from '../../components/password-field';
import { useCountdown } from '../../components/use-countdown';
import { SsoButtons } from '../sso/sso-buttons';
import { useResendVerification, useSignIn, type MfaChallenge } from './auth.api';
import { getRetryAfterSeconds } from './get-retry-after-seconds';
import { isEmailAddress } from '@common/schemas/email';
import { LockoutAlert } from './lockout-alert';

type Field = 'email' | 'password';
type FieldErrors = Partial<Record<Field, string>>;

interface PasswordStepProps {
  next: string | null;
  /** Shown above the form: why the person is here (signed out for inactivity, a failed SSO, an expired second step). */
  notice: { color: string; message: string } | null;
  /** The email typed before, when coming back from the second step. */
  defaultEmail: string;
  onMfaRequired: (challenge: MfaChallenge, email: string) => void;
}

/** The first step of signing in: email and password, or a single sign-on provider. */
export function PasswordStep({ next, notice, defaultEmail, onMfaRequired }: PasswordStepProps) {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const resendVerification = useResendVerification();

  const [email, setEmail] = useState(defaultEmail);
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [lockedUntil, setLockedUntil] = useState<number | null>(null);
  const lockSecondsLeft = useCountdown(lockedUntil);

  const validate = (): FieldErrors => {
    const errors: FieldErrors = {};
    if (!email.trim()) errors.email = t('signIn.errors.emailRequired');
    else if (!isEmailAddress(email)) errors.email = t('signIn.errors.emailInvalid');
    if (!password) errors.password = t('signIn.errors.passwordRequired');
    return errors;
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = validate();
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0 || lockSecondsLeft > 0) return;
    resendVerification.reset();
    signIn.mutate(
      { email: email.trim(), password },
      {
        // A signed-in answer updates `me`, and the page moves on from there.
        onSuccess: (result) => {
          if (result.status === 'mfa_required') onMfaRequired(result, email.trim());
        },
        onError: (error) => {
          const retryAfter = getRetryAfterSeconds(error);
          setLockedUntil(retryAfter === null ? null : Date.now() + retryAfter * 1000);
          if (!(error instanceof ApiError)) return;
          const server = error.fieldErrors;
          setFieldErrors({ email: server.email?.[0], password: server.password?.[0] });
        },
      },
    );
  };

  const error = signIn.error;
  const code = error instanceof ApiError ? error.code : null;
  const hasFieldErrors = error instanceof ApiError && Object.keys(error.fieldErrors).length > 0;
  const isLockedOut = lockedUntil !== null;

  const renderError = () => {
    if (!error || hasFieldErrors) return null;
    if (isLockedOut) return lockSecondsLeft > 0 ? <LockoutAlert error={error} secondsLeft={lockSecondsLeft} /> : null;
    const isRateLimited = error instanceof ApiError && error.status === 429;
    return (
      <Alert
        color={isRateLimited ? 'orange' : 'red'}
        variant="light"
        icon={isRateLimited ? <IconClockPause size={18} /> : <IconAlertCircle size={18} />}
        role="alert"
        data-testid="sign-in-error"
      >
        <Text size="sm">{getErrorMessage(error)}</Text>
        {code === 'auth.email_not_verified' ? (
          resendVerification.isSuccess ? (
            <Text size="sm" fw={600} mt="xs" data-testid="resend-verification-sent">
              {t('verifyEmail.resent')}
            </Text>
          ) : (
            <Button
              mt="sm"
              size="xs"
              variant="white"
              leftSection={<IconMailForward size={16} />}
              loading={resendVerification.isPending}
              onClick={() => resendVerification.mutate(email.trim())}
              data-testid="resend-verification"
            >
              {t('verifyEmail.resend')}
            </Button>
          )
        ) : null}
        {resendVerification.isError ? (
          <Text size="sm" mt="xs">
            {getErrorMessage(resendVerification.error)}
          </Text>
        ) : null}
      </Alert>
    );
  };

  return (
    <Stack gap="lg">
      <form onSubmit={submit} noValidate aria-labelledby="sign-in-title" data-testid="sign-in-form">
        <Stack gap="md">
          <Title order={1} size="h3" id="sign-in-title">
            {t('signIn.title')}
          </Title>
          {notice ? (
            <Alert color={notice.color} variant="light" role="status" data-testid="sign-in-notice">
              {notice.message}
            </Alert>
          ) : null}
          {renderError()}
          <TextInput
            label={t('signIn.email')}
            type="email"
            autoComplete="username"
            inputMode="email"
            autoFocus={!defaultEmail}
            value={email}
            onChange={(event) => {
              setEmail(event.currentTarget.value);
              setFieldErrors((errors) => ({ ...errors, email: undefined }));
            }}
            error={fieldErrors.email}
          />
          <Stack gap={4}>
            <PasswordField
              label={t('signIn.password')}
              autoComplete="current-password"
              value={password}
              onChange={(event) => {
                setPassword(event.currentTarget.value);
                setFieldErrors((errors) => ({ ...errors, password: undefined }));
              }}
              error={fieldErrors.password}
              autoFocus={Boolean(defaultEmail)}
            />
            <Group justify="flex-end">
              <Anchor component={Link} to="/forgot-password" size="sm">
                {t('signIn.forgotPassword')}
              </Anchor>
            </Group>
          </Stack>
          <Button type="submit" size="md" fullWidth loading={signIn.isPending} disabled={lockSecondsLeft > 0}>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
      <SsoButtons next={next} />
      <Text size="sm" ta="center" c="dimmed">
        {t('signIn.noAccount')}{' '}
        <Anchor component={Link} to="/register" fw={500}>
          {t('signIn.createAccount')}
        </Anchor>
      </Text>
    </Stack>
  );
}
