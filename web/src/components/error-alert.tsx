import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { getErrorMessage } from './get-error-message';

/** Why an action failed, in the person's language; nothing while there is no error. */
export function ErrorAlert({ error }: { error: unknown }) {
  if (error === null || error === undefined) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
      {getErrorMessage(error)}
    </Alert>
  );
}
