import { Card, Container, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from '../auth/change-password-form';
import { MfaSection } from '../mfa/mfa-section';
import { CaseEmailPreferences } from './case-email-preferences';
import { ProfileSummary } from './profile-summary';
import { SessionsSection } from './sessions-section';

/** `/portal/account` and `/console/account`: the person's profile, password, two-step sign-in and sessions. */
export function AccountPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('account.title')} · Atrium`);

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
            <ChangePasswordForm
              onChanged={() => notifications.show({ color: 'teal', title: t('changePassword.successTitle'), message: t('changePassword.successMessage') })}
              header={
                <Title order={2} size="h4" id="change-password-title">
                  {t('changePassword.title')}
                </Title>
              }
            />
          </Stack>
        </Card>
        <MfaSection />
        <SessionsSection />
        <CaseEmailPreferences />
      </Stack>
    </Container>
  );
}
