import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { IconMailForward } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getErrorMessage } from '../../components/get-error-message';
import { useResendVerification } from './auth.api';
import { isEmailAddress } from '@common/schemas/email';

/** Asks for a new verification link; the answer is the same whether or not the address has an account. */
export function ResendVerificationForm() {
  const { t } = useTranslation();
  const resend = useResendVerification();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isEmailAddress(email)) return setError(t('signIn.errors.emailInvalid'));
    resend.mutate(email.trim());
  };

  if (resend.isSuccess) {
    return (
      <Alert color="teal" variant="light" role="status" data-testid="resend-verification-sent">
        {t('verifyEmail.resent')}
      </Alert>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {resend.isError ? (
          <Alert color="red" variant="light" role="alert">
            {getErrorMessage(resend.error)}
          </Alert>
        ) : null}
        <TextInput
          label={t('signIn.email')}
          type="email"
          autoComplete="email"
          value={email}
          onChange={(event) => {
            setEmail(event.currentTarget.value);
            setError(null);
          }}
          error={error}
        />
        <Button type="submit" variant="light" leftSection={<IconMailForward size={18} />} loading={resend.isPending} data-testid="resend-verification">
          {t('verifyEmail.resend')}
        </Button>
      </Stack>
    </form>
  );
}
