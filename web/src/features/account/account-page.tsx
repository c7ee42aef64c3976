import { Card, Container, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/branding';
import { ChangePasswordForm } from '../auth/change-password-form';
import { useMfaStatus } from '../mfa/mfa.api';
import { MfaSection } from '../mfa/mfa-section';
import { CaseEmailPreferences } from './case-email-preferences';
import { ProfileSummary } from './profile-summary';
import { SetPasswordByEmail } from './set-password-by-email';
import { SessionsSection } from './sessions-section';

/** `/portal/account` and `/console/account`: the person's profile, password, two-step sign-in and sessions. */
export function AccountPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.title'));
  // The same query as the two-step section below; it also tells whether the person has a password.
  const mfaStatus = useMfaStatus();

  return (
    <Container size="md" px={0} data-testid="account-page">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t('account.title')}</Title>
          <Text c="dimmed">{t('account.intro')}</Text>
        </Stack>
        <ProfileSummary />
        <Card withBorder radius="lg" p="lg" component="section" aria-labelledby="change-password-title">
          <Stack maw={440}>
            {mfaStatus.data?.hasPassword === false ? (
              <SetPasswordByEmail />
            ) : (
              <ChangePasswordForm
                onChanged={() => notifications.show({ color: 'teal', title: t('changePassword.successTitle'), message: t('changePassword.successMessage') })}
                header={
                  <Title order={2} size="h4" id="change-password-title">
                    {t('changePassword.title')}
                  </Title>
                }
              />
            )}
          </Stack>
        </Card>
        <MfaSection />
        <SessionsSection />
        <CaseEmailPreferences />
      </Stack>
    </Container>
  );
}
