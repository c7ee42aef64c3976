import { Anchor, Button, Center, Loader, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/branding';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { useRegistrationInfo } from './auth.api';
import { AuthLayout } from './auth-layout';
import { RegisterForm } from './register-form';

/** `/register`: a new customer account, which opens once its email address is verified. */
export function RegisterPage() {
  const { t } = useTranslation();
  usePageTitle(t('register.title'));
  const info = useRegistrationInfo();
  const [searchParams] = useSearchParams();
  const [sentTo, setSentTo] = useState<string | null>(null);

  if (sentTo) {
    return (
      <AuthLayout>
        <Stack align="center" ta="center" gap="md" data-testid="register-success">
          <ThemeIcon size={64} radius="xl" variant="light" color="teal">
            <IconMailCheck size={36} stroke={1.5} />
          </ThemeIcon>
          <Title order={1} size="h3">
            {t('register.successTitle')}
          </Title>
          <Text size="sm">{t('register.successMessage', { email: sentTo })}</Text>
          <Text size="xs" c="dimmed">
            {t('register.successHint')}
          </Text>
          <Button component={Link} to="/sign-in" variant="light">
            {t('common.goToSignIn')}
          </Button>
        </Stack>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout width={560}>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={1} size="h3" id="register-title">
            {t('register.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('register.intro')}
          </Text>
        </Stack>
        {info.data ? (
          <RegisterForm info={info.data} onRegistered={setSentTo} defaultEmail={searchParams.get('email') ?? ''} />
        ) : info.isError ? (
          <LoadErrorAlert error={info.error} onRetry={() => void info.refetch()} />
        ) : (
          <Center py="xl">
            <Loader type="dots" aria-label={t('common.loading')} />
          </Center>
        )}
        <Text size="sm" ta="center" c="dimmed">
          {t('register.haveAccount')}{' '}
          <Anchor component={Link} to="/sign-in" fw={500}>
            {t('signIn.title')}
          </Anchor>
        </Text>
      </Stack>
    </AuthLayout>
  );
}
