import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { usePageTitle } from '../../app/branding';
import { useSignOut } from './auth.api';
import { AuthLayout } from './auth-layout';
import { ChangePasswordForm } from './change-password-form';
import { getHomePath } from './get-home-path';
import { useSignedInMe } from './use-signed-in-me';

/** `/change-password`: required after the first sign-in, and open to anyone who wants a new password. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('changePassword.title'));
  const me = useSignedInMe();
  const navigate = useNavigate();
  const signOut = useSignOut();

  return (
    <AuthLayout>
      <ChangePasswordForm
        autoFocus
        isOneTimePassword={me.mustChangePassword}
        onChanged={(updated) => {
          notifications.show({ color: 'teal', title: t('changePassword.successTitle'), message: t('changePassword.successMessage') });
          void navigate(getHomePath(updated), { replace: true });
        }}
        header={
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <IconShieldLock size={28} stroke={1.6} color="var(--mantine-primary-color-filled)" style={{ flexShrink: 0 }} />
            <Stack gap={4}>
              <Title order={1} size="h3" id="change-password-title">
                {t('changePassword.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {me.mustChangePassword ? t('changePassword.requiredIntro') : t('changePassword.intro')}
              </Text>
            </Stack>
          </Group>
        }
        footer={
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
        }
      />
    </AuthLayout>
  );
}
