import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconMail } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-error';
import { getErrorMessage } from '../../components/get-error-message';
import { useSignedInMe } from '../auth/use-signed-in-me';
import { useConfirmEmail, useStartEmailSetup } from './mfa.api';

/** Adds email codes: send a code to the account's address, then type it back. */
export function EmailEnrolment({ onEnrolled }: { onEnrolled: (codes: string[] | null) => void }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const startSetup = useStartEmailSetup();
  const confirm = useConfirmEmail();
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const typed = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(typed)) return setCodeError(t('mfaStep.errors.sixDigits'));
    confirm.mutate(typed, {
      onSuccess: (result) => onEnrolled(result.codes),
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'auth.mfa_invalid_code') setCodeError(error.message);
      },
    });
  };

  const error = startSetup.error ?? (confirm.error instanceof ApiError && confirm.error.code === 'auth.mfa_invalid_code' ? null : confirm.error);

  return (
    <form onSubmit={submit} noValidate data-testid="email-mfa-setup">
      <Stack gap="md">
        <Text size="sm">{t('mfa.email.intro', { email: me.email })}</Text>
        {error ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {getErrorMessage(error)}
          </Alert>
        ) : null}
        {startSetup.isSuccess ? (
          <>
            <Alert color="teal" variant="light" icon={<IconMail size={18} />} role="status">
              {t('mfa.email.sent', { email: me.email })}
            </Alert>
            <TextInput
              label={t('mfa.email.code')}
              value={code}
              onChange={(event) => {
                setCode(event.currentTarget.value);
                setCodeError(null);
              }}
              error={codeError}
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={6}
              autoFocus
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.3em' } }}
            />
            <Button type="submit" loading={confirm.isPending}>
              {t('mfa.confirm')}
            </Button>
            <Anchor component="button" type="button" size="sm" onClick={() => startSetup.mutate()}>
              {t('mfa.email.resend')}
            </Anchor>
          </>
        ) : (
          <Button leftSection={<IconMail size={18} />} loading={startSetup.isPending} onClick={() => startSetup.mutate()} data-testid="email-mfa-send">
            {t('mfa.email.send')}
          </Button>
        )}
      </Stack>
    </form>
  );
}
