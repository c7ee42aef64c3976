import { Alert, Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle, IconMailCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/branding';
import { getErrorMessage } from '../../components/get-error-message';
import { useRequestPasswordReset } from './auth.api';
import { AuthLayout } from './auth-layout';
import { isEmailAddress } from '@common/schemas/email';

/** `/forgot-password`: emails a reset link; the answer never tells whether the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('forgotPassword.title'));
  const requestReset = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!email.trim()) return setEmailError(t('signIn.errors.emailRequired'));
    if (!isEmailAddress(email)) return setEmailError(t('signIn.errors.emailInvalid'));
    requestReset.mutate(email.trim());
  };

  return (
    <AuthLayout>
      <form onSubmit={submit} noValidate aria-labelledby="forgot-password-title" data-testid="forgot-password-form">
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={1} size="h3" id="forgot-password-title">
              {t('forgotPassword.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('forgotPassword.intro')}
            </Text>
          </Stack>
          {requestReset.isSuccess ? (
            <Alert color="teal" variant="light" icon={<IconMailCheck size={18} />} role="status" data-testid="forgot-password-sent">
              {t('forgotPassword.sent')}
            </Alert>
          ) : (
            <>
              {requestReset.isError ? (
                <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
                  {getErrorMessage(requestReset.error)}
                </Alert>
              ) : null}
              <TextInput
                label={t('signIn.email')}
                type="email"
                autoComplete="email"
                inputMode="email"
                autoFocus
                value={email}
                onChange={(event) => {
                  setEmail(event.currentTarget.value);
                  setEmailError(null);
                }}
                error={emailError}
              />
              <Button type="submit" size="md" fullWidth loading={requestReset.isPending}>
                {t('forgotPassword.submit')}
              </Button>
            </>
          )}
          <Group justify="center">
            <Anchor component={Link} to="/sign-in" size="sm">
              {t('forgotPassword.backToSignIn')}
            </Anchor>
          </Group>
        </Stack>
      </form>
    </AuthLayout>
  );
}
