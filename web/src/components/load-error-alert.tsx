import { Alert, Button } from '@mantine/core';
import { IconAlertCircle, IconRefresh, IconZoomQuestion } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isNotFoundError } from '../app/api-error';
import { getErrorMessage } from './get-error-message';

interface LoadErrorAlertProps {
  error: unknown;
  onRetry: () => void;
  /** The page's own "not found" state; without it, a plain notice. */
  notFound?: ReactNode;
}

/**
 * A part of a page that could not load: the reason, and a button to try again. When what the
 * address names does not exist (`isNotFoundError`: a 404, or an id the server cannot read), the
 * "not found" state instead, as trying again would not help; every page gets this here.
 */
export function LoadErrorAlert({ error, onRetry, notFound }: LoadErrorAlertProps) {
  const { t } = useTranslation();
  if (isNotFoundError(error)) {
    if (notFound !== undefined) return notFound;
    return (
      <Alert color="gray" variant="light" icon={<IconZoomQuestion size={18} />} title={t('notFound.title')} data-testid="load-not-found">
        {error instanceof ApiError && error.status === 404 && error.message ? error.message : t('notFound.description')}
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" data-testid="load-error">
      {getErrorMessage(error)}
      <Button mt="sm" size="xs" variant="white" leftSection={<IconRefresh size={16} />} onClick={onRetry} display="block">
        {t('common.retry')}
      </Button>
    </Alert>
  );
}
