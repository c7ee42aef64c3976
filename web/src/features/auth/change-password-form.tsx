import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { getErrorMessage } from '../../components/get-error-message';
import { getFieldErrors } from '../../components/get-field-errors';
import { PasswordField } from '../../components/password-field';
import { useChangePassword } from './auth.api';
import type { Me } from './me';
import { PasswordRuleList } from './password-rule-list';
import { meetsPasswordRules } from './password-rules';
import { usePasswordPolicy } from './use-password-policy';

type Field = 'currentPassword' | 'newPassword' | 'confirmPassword';
type FieldErrors = Partial<Record<Field, string>>;
const emptyValues: Record<Field, string> = { currentPassword: '', newPassword: '', confirmPassword: '' };

interface ChangePasswordFormProps {
  onChanged: (me: Me) => void;
  autoFocus?: boolean;
  /** Shown above the fields (the page's title). */
  header?: ReactNode;
  /** Shown below the button (the page's links). */
  footer?: ReactNode;
  /** The forced first change: the password to give is the one-time password the person was sent. */
  isOneTimePassword?: boolean;
}

/** Current password, new password with the policy's checklist, and its confirmation. */
export function ChangePasswordForm({ onChanged, autoFocus = false, header, footer, isOneTimePassword = false }: ChangePasswordFormProps) {
  const { t } = useTranslation();
  const changePassword = useChangePassword();
  const policy = usePasswordPolicy();

  const [values, setValues] = useState<Record<Field, string>>(emptyValues);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const setValue = (field: Field) => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [field]: value }));
    setFieldErrors((errors) => ({ ...errors, [field]: undefined }));
  };

  const validate = (): FieldErrors => {
    const errors: FieldErrors = {};
    if (!values.currentPassword) errors.currentPassword = isOneTimePassword ? t('changePassword.errors.oneTimeRequired') : t('changePassword.errors.currentRequired');
    if (!values.newPassword) errors.newPassword = t('changePassword.errors.newRequired');
    else if (!meetsPasswordRules(policy, values.newPassword)) errors.newPassword = t('changePassword.errors.rulesNotMet');
    if (!values.confirmPassword) errors.confirmPassword = t('changePassword.errors.confirmRequired');
    else if (values.confirmPassword !== values.newPassword) errors.confirmPassword = t('changePassword.errors.mismatch');
    return errors;
  };

  const showServerError = (error: Error) => {
    const server = getFieldErrors(error, {
      'auth.wrong_password': 'currentPassword',
      'auth.weak_password': 'newPassword',
      'auth.common_password': 'newPassword',
    });
    if (server.currentPassword || server.newPassword) setFieldErrors({ currentPassword: server.currentPassword, newPassword: server.newPassword });
    else setFormError(getErrorMessage(error));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const errors = validate();
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    changePassword.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: (updated) => {
          setValues(emptyValues);
          onChanged(updated);
        },
        onError: showServerError,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="change-password-title" data-testid="change-password-form">
      <Stack gap="md">
        {header}
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" data-testid="change-password-error">
            {formError}
          </Alert>
        ) : null}
        <PasswordField
          label={isOneTimePassword ? t('changePassword.oneTimePassword') : t('changePassword.currentPassword')}
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={setValue('currentPassword')}
          error={fieldErrors.currentPassword}
          autoFocus={autoFocus}
        />
        <PasswordField
          label={t('changePassword.newPassword')}
          autoComplete="new-password"
          value={values.newPassword}
          onChange={setValue('newPassword')}
          error={fieldErrors.newPassword}
        />
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {t('changePassword.rulesTitle')}
          </Text>
          <PasswordRuleList password={values.newPassword} policy={policy} />
        </Stack>
        <PasswordField
          label={t('changePassword.confirmPassword')}
          autoComplete="new-password"
          value={values.confirmPassword}
          onChange={setValue('confirmPassword')}
          error={fieldErrors.confirmPassword}
        />
        <Button type="submit" size="md" fullWidth loading={changePassword.isPending} mt="xs">
          {t('changePassword.submit')}
        </Button>
        {footer}
      </Stack>
    </form>
  );
}
