import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconMailCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { getErrorMessage } from '../../components/get-error-message';
import { useRequestPasswordReset } from '../auth/auth.api';
import { useSignedInMe } from '../auth/use-signed-in-me';

/**
 * In place of "Change password" for someone who signs in through single sign-on and has no password:
 * a link by email sets one (the password reset flow), after which email and password work too, and
 * the changes that ask for the password (turning off a second step, new recovery codes) can be made.
 */
export function SetPasswordByEmail() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const requestLink = useRequestPasswordReset();
  return (
    <Stack gap="sm" data-testid="set-password">
      <Title order={2} size="h4" id="change-password-title">
        {t('setPassword.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('setPassword.intro')}
      </Text>
      {requestLink.isSuccess ? (
        <Alert color="teal" variant="light" icon={<IconMailCheck size={18} />} role="status" data-testid="set-password-sent">
          {t('setPassword.sent', { email: me.email })}
        </Alert>
      ) : (
        <>
          {requestLink.isError ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {getErrorMessage(requestLink.error)}
            </Alert>
          ) : null}
          <div>
            <Button variant="default" loading={requestLink.isPending} onClick={() => requestLink.mutate(me.email)}>
              {t('setPassword.send')}
            </Button>
          </div>
        </>
      )}
    </Stack>
  );
}
