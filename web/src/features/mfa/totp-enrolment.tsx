import { ActionIcon, Alert, Button, Center, CopyButton, Loader, Paper, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconAlertCircle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-error';
import { getErrorMessage } from '../../components/get-error-message';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { useConfirmTotp, useStartTotpSetup } from './mfa.api';

/** Adds an authenticator app: scan the QR code (or type the key), then confirm with a code from the app. */
export function TotpEnrolment({ onEnrolled }: { onEnrolled: (codes: string[] | null) => void }) {
  const { t } = useTranslation();
  const startSetup = useStartTotpSetup();
  const confirm = useConfirmTotp();
  const { mutate: start } = startSetup;
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  // Each setup makes a new secret: start once, even when effects run twice in development.
  const hasStarted = useRef(false);

  useEffect(() => {
    if (hasStarted.current) return;
    hasStarted.current = true;
    start();
  }, [start]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const typed = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(typed)) return setCodeError(t('mfaStep.errors.sixDigits'));
    confirm.mutate(typed, {
      onSuccess: (result) => onEnrolled(result.codes),
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'auth.mfa_invalid_code') setCodeError(error.message);
        // The server forgot the pending secret: show a new one to scan.
        if (error instanceof ApiError && error.code === 'auth.mfa_setup_not_started') start();
      },
    });
  };

  if (startSetup.isError) return <LoadErrorAlert error={startSetup.error} onRetry={() => start()} />;
  const setup = startSetup.data;
  if (!setup || startSetup.isPending) {
    return (
      <Center py="xl">
        <Loader type="dots" aria-label={t('common.loading')} />
      </Center>
    );
  }

  const showsFormError = confirm.isError && !(confirm.error instanceof ApiError && confirm.error.code === 'auth.mfa_invalid_code');
  return (
    <form onSubmit={submit} noValidate data-testid="totp-setup">
      <Stack gap="md">
        <Text size="sm">{t('mfa.totp.scan')}</Text>
        <Center>
          <Paper p="xs" radius="md" bg="white" withBorder>
            <img
              src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.qrCodeSvg)}`}
              width={180}
              height={180}
              alt={t('mfa.totp.qrAlt')}
              data-testid="totp-qr"
              style={{ display: 'block' }}
            />
          </Paper>
        </Center>
        <TextInput
          label={t('mfa.totp.secret')}
          description={t('mfa.totp.secretHint')}
          value={setup.secret}
          readOnly
          onFocus={(event) => event.currentTarget.select()}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.05em' } }}
          data-testid="totp-secret"
          rightSection={
            <CopyButton value={setup.secret}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
                  <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={t('mfa.totp.copySecret')}>
                    {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          }
        />
        {showsFormError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {getErrorMessage(confirm.error)}
          </Alert>
        ) : null}
        <TextInput
          label={t('mfa.totp.code')}
          value={code}
          onChange={(event) => {
            setCode(event.currentTarget.value);
            setCodeError(null);
          }}
          error={codeError}
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={6}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.3em' } }}
        />
        <Button type="submit" loading={confirm.isPending}>
          {t('mfa.confirm')}
        </Button>
      </Stack>
    </form>
  );
}
