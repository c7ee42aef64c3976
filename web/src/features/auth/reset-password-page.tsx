import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/branding';
import { getErrorMessage } from '../../components/get-error-message';
import { getFieldErrors } from '../../components/get-field-errors';
import { PasswordField } from '../../components/password-field';
import { useResetLinkCheck, useResetPassword } from './auth.api';
import { AuthLayout } from './auth-layout';
import { getLinkProblem } from './get-link-problem';
import { PasswordRuleList } from './password-rule-list';
import { meetsPasswordRules } from './password-rules';
import { usePasswordPolicy } from './use-password-policy';

type FieldErrors = Partial<Record<'newPassword' | 'confirmPassword', string>>;
const passwordCodes = { 'auth.weak_password': 'newPassword', 'auth.common_password': 'newPassword' };

/** `/reset-password?token=…`: a new password from the emailed link. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('resetPassword.title'));
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const policy = usePasswordPolicy();
  const resetPassword = useResetPassword();
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (!newPassword) errors.newPassword = t('changePassword.errors.newRequired');
    else if (!meetsPasswordRules(policy, newPassword)) errors.newPassword = t('changePassword.errors.rulesNotMet');
    if (!confirmPassword) errors.confirmPassword = t('changePassword.errors.confirmRequired');
    else if (confirmPassword !== newPassword) errors.confirmPassword = t('changePassword.errors.mismatch');
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    resetPassword.mutate(
      { token, newPassword },
      {
        onError: (error) => setFieldErrors({ newPassword: getFieldErrors(error, passwordCodes).newPassword }),
      },
    );
  };

  // A used, expired or altered link says so when the page opens, before a new password is typed.
  const linkCheck = useResetLinkCheck(token);
  const checkProblem = getLinkProblem(linkCheck.error);
  const error = resetPassword.error ?? (checkProblem ? linkCheck.error : null);
  const linkProblem = getLinkProblem(error);
  const isLinkProblem = !token || linkProblem !== null;
  const showsFormError = error && !getFieldErrors(error, passwordCodes).newPassword;
  const isUnusable = !token || checkProblem !== null;

  if (resetPassword.isSuccess) {
    return (
      <AuthLayout>
        <Stack align="center" ta="center" gap="md" data-testid="reset-password-done">
          <IconCircleCheck size={56} stroke={1.5} color="var(--mantine-color-teal-6)" />
          <Title order={1} size="h3">
            {t('resetPassword.doneTitle')}
          </Title>
          <Text size="sm">{t('resetPassword.doneMessage')}</Text>
          <Button component={Link} to="/sign-in" fullWidth>
            {t('common.goToSignIn')}
          </Button>
        </Stack>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout>
      <form onSubmit={submit} noValidate aria-labelledby="reset-password-title" data-testid="reset-password-form">
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={1} size="h3" id="reset-password-title">
              {t('resetPassword.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('resetPassword.intro')}
            </Text>
          </Stack>
          {!token || showsFormError ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" data-testid="reset-password-error">
              {token ? (linkProblem ?? getErrorMessage(error)) : t('resetPassword.missingToken')}
              {isLinkProblem ? (
                <Anchor component={Link} to="/forgot-password" size="sm" display="block" mt="xs" fw={600}>
                  {t('resetPassword.requestNewLink')}
                </Anchor>
              ) : null}
            </Alert>
          ) : null}
          <PasswordField
            label={t('changePassword.newPassword')}
            autoComplete="new-password"
            value={newPassword}
            onChange={(event) => {
              setNewPassword(event.currentTarget.value);
              setFieldErrors((errors) => ({ ...errors, newPassword: undefined }));
            }}
            error={fieldErrors.newPassword}
            disabled={isUnusable}
            autoFocus
          />
          <PasswordRuleList password={newPassword} policy={policy} />
          <PasswordField
            label={t('changePassword.confirmPassword')}
            autoComplete="new-password"
            value={confirmPassword}
            onChange={(event) => {
              setConfirmPassword(event.currentTarget.value);
              setFieldErrors((errors) => ({ ...errors, confirmPassword: undefined }));
            }}
            error={fieldErrors.confirmPassword}
            disabled={isUnusable}
          />
          <Button type="submit" size="md" fullWidth loading={resetPassword.isPending} disabled={isUnusable}>
            {t('resetPassword.submit')}
          </Button>
          <Group justify="center">
            <Anchor component={Link} to="/sign-in" size="sm">
              {t('forgotPassword.backToSignIn')}
            </Anchor>
          </Group>
        </Stack>
      </form>
    </AuthLayout>
  );
}
