import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-error';
import { getErrorMessage } from '../../components/get-error-message';
import { PasswordField } from '../../components/password-field';

interface PasswordConfirmModalProps {
  opened: boolean;
  title: string;
  description: string;
  confirmLabel: string;
  color?: string;
  isPending: boolean;
  error: Error | null;
  onConfirm: (password: string) => void;
  onClose: () => void;
}

/** Asks for the current password before a sensitive change to the account's sign-in. */
export function PasswordConfirmModal({ opened, title, description, confirmLabel, color, isPending, error, onConfirm, onClose }: PasswordConfirmModalProps) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const isWrongPassword = error instanceof ApiError && error.code === 'auth.wrong_password';

  const close = () => {
    setPassword('');
    setPasswordError(null);
    onClose();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!password) return setPasswordError(t('signIn.errors.passwordRequired'));
    onConfirm(password);
  };

  return (
    <Modal opened={opened} onClose={close} title={title} centered>
      <form onSubmit={submit} noValidate data-testid="password-confirm">
        <Stack gap="md">
          <Text size="sm">{description}</Text>
          {error && !isWrongPassword ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {getErrorMessage(error)}
            </Alert>
          ) : null}
          <PasswordField
            label={t('changePassword.currentPassword')}
            autoComplete="current-password"
            value={password}
            onChange={(event) => {
              setPassword(event.currentTarget.value);
              setPasswordError(null);
            }}
            error={passwordError ?? (isWrongPassword ? getErrorMessage(error) : null)}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={color} loading={isPending}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
