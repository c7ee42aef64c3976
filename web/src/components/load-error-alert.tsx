import { Alert, Button } from '@mantine/core';
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { getErrorMessage } from './get-error-message';

/** A part of a page that could not load: the reason, and a button to try again. */
export function LoadErrorAlert({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" data-testid="load-error">
      {getErrorMessage(error)}
      <Button mt="sm" size="xs" variant="white" leftSection={<IconRefresh size={16} />} onClick={onRetry} display="block">
        {t('common.retry')}
      </Button>
    </Alert>
  );
}
