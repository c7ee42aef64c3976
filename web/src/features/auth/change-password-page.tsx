import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconShieldLock } from '@tabler/icons-react';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../app/api-error';
import { getErrorMessage } from '../../components/get-error-message';
import { PasswordField } from '../../components/password-field';
import { useChangePassword, useSignOut } from './auth.api';
import { AuthLayout } from './auth-layout';
import { getHomePath } from './get-home-path';
import { PasswordRuleList } from './password-rule-list';
import { passwordRules } from './password-rules';
import { useSignedInMe } from './use-signed-in-me';

type Field = 'currentPassword' | 'newPassword' | 'confirmPassword';
type FieldErrors = Partial<Record<Field, string>>;

/** `/change-password`: required after the first sign-in, and open to anyone who wants a new password. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('changePassword.title')} · Atrium`);
  const me = useSignedInMe();
  const navigate = useNavigate();
  const changePassword = useChangePassword();
  const signOut = useSignOut();

  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', confirmPassword: '' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const setValue = (field: Field) => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [field]: value }));
    setFieldErrors((errors) => ({ ...errors, [field]: undefined }));
  };

  const validate = (): FieldErrors => {
    const errors: FieldErrors = {};
    if (!values.currentPassword) errors.currentPassword = t('changePassword.errors.currentRequired');
    if (!values.newPassword) errors.newPassword = t('changePassword.errors.newRequired');
    else if (!passwordRules.every((rule) => rule.test(values.newPassword))) errors.newPassword = t('changePassword.errors.rulesNotMet');
    if (!values.confirmPassword) errors.confirmPassword = t('changePassword.errors.confirmRequired');
    else if (values.confirmPassword !== values.newPassword) errors.confirmPassword = t('changePassword.errors.mismatch');
    return errors;
  };

  const showServerError = (error: Error) => {
    if (error instanceof ApiError && error.code === 'auth.wrong_password') {
      setFieldErrors({ currentPassword: error.message || t('changePassword.errors.wrongPassword') });
      return;
    }
    if (error instanceof ApiError && error.code === 'auth.weak_password') {
      setFieldErrors({ newPassword: error.message || t('changePassword.errors.rulesNotMet') });
      return;
    }
    const server = error instanceof ApiError ? error.fieldErrors : {};
    const fromServer: FieldErrors = {
      currentPassword: server.currentPassword?.join(' '),
      newPassword: server.newPassword?.join(' '),
    };
    if (fromServer.currentPassword || fromServer.newPassword) setFieldErrors(fromServer);
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
          notifications.show({ color: 'teal', title: t('changePassword.successTitle'), message: t('changePassword.successMessage') });
          void navigate(getHomePath(updated), { replace: true });
        },
        onError: showServerError,
      },
    );
  };


  return (
    <AuthLayout>
      <form onSubmit={submit} noValidate aria-labelledby="change-password-title" data-testid="change-password-form">
        <Stack gap="md">
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <IconShieldLock size={28} stroke={1.6} color="var(--mantine-primary-color-filled)" />
            <Stack gap={4}>
              <Title order={1} size="h3" id="change-password-title">
                {t('changePassword.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {me.mustChangePassword ? t('changePassword.requiredIntro') : t('changePassword.intro')}
              </Text>
            </Stack>
          </Group>
          {formError ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" data-testid="change-password-error">
              {formError}
            </Alert>
          ) : null}
          <PasswordField
            label={t('changePassword.currentPassword')}
            autoComplete="current-password"
            value={values.currentPassword}
            onChange={setValue('currentPassword')}
            error={fieldErrors.currentPassword}
            autoFocus
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
            <PasswordRuleList password={values.newPassword} />
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
          <Group justify="center" gap="lg">
            {me.mustChangePassword ? null : (
              <Anchor component={Link} to={getHomePath(me)} size="sm">
                {t('common.cancel')}
              </Anchor>
            )}
            <Anchor component="button" type="button" size="sm" c="dimmed" onClick={() => signOut.mutate()}>
              {t('shell.signOut')}
            </Anchor>
          </Group>
        </Stack>
      </form>
    </AuthLayout>
  );
}
