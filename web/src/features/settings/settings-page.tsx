import { Alert, Card, Container, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconAddressBook, IconKey, IconLock, IconShieldLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../app/api-error';
import { usePageTitle } from '../../app/branding';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { useSignedInMe } from '../auth/use-signed-in-me';
import { IdentityProvidersPanel } from '../sso/identity-providers-panel';
import { SecuritySettingsForm } from './security-settings-form';
import { useSecuritySettings, useVendorProfile } from './settings.api';
import { VendorProfileForm } from './vendor-profile-form';

const tabs = ['security', 'profile', 'sso'] as const;
type Tab = (typeof tabs)[number];

function OnlyVendorAdmins() {
  const { t } = useTranslation();
  return (
    <Alert color="gray" variant="light" icon={<IconLock size={18} />} title={t('settings.onlyAdminsTitle')} data-testid="settings-forbidden">
      {t('settings.onlyAdmins')}
    </Alert>
  );
}

/** Loads one settings tab: the form once its data is here, the "vendor administrators only" notice on a 403. */
function Loaded<T>({ query, children }: { query: { data: T | undefined; error: Error | null; refetch: () => unknown }; children: (data: T) => ReactNode }) {
  if (query.error instanceof ApiError && query.error.status === 403) return <OnlyVendorAdmins />;
  if (query.error) return <LoadErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data === undefined) return <Skeleton height={240} radius="md" />;
  return children(query.data);
}

function SecurityTab() {
  const security = useSecuritySettings();
  return <Loaded query={security}>{(settings) => <SecuritySettingsForm settings={settings} />}</Loaded>;
}

function ProfileTab() {
  const profile = useVendorProfile();
  return <Loaded query={profile}>{(data) => <VendorProfileForm profile={data} />}</Loaded>;
}

/** `/console/settings`: security, the vendor's details and single sign-on, for vendor administrators. */
export function SettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('features.console.settings.title'));
  const me = useSignedInMe();
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('tab');
  const tab: Tab = tabs.find((name) => name === requested) ?? 'security';

  return (
    <Container size="lg" px={0} data-testid="settings-page">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t('features.console.settings.title')}</Title>
          <Text c="dimmed">{t('settings.intro')}</Text>
        </Stack>
        {me.staffRole !== 'vendor_admin' ? (
          <OnlyVendorAdmins />
        ) : (
          <Tabs value={tab} onChange={(value) => setSearchParams(value && value !== 'security' ? { tab: value } : {}, { replace: true })} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="security" leftSection={<IconShieldLock size={16} />}>
                {t('settings.tabs.security')}
              </Tabs.Tab>
              <Tabs.Tab value="profile" leftSection={<IconAddressBook size={16} />}>
                {t('settings.tabs.profile')}
              </Tabs.Tab>
              <Tabs.Tab value="sso" leftSection={<IconKey size={16} />}>
                {t('settings.tabs.sso')}
              </Tabs.Tab>
            </Tabs.List>
            <Card withBorder radius="lg" p="lg" mt="md">
              <Tabs.Panel value="security">
                <SecurityTab />
              </Tabs.Panel>
              <Tabs.Panel value="profile">
                <ProfileTab />
              </Tabs.Panel>
              <Tabs.Panel value="sso">
                <IdentityProvidersPanel />
              </Tabs.Panel>
            </Card>
          </Tabs>
        )}
      </Stack>
    </Container>
  );
}
