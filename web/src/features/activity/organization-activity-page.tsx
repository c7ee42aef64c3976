import { Alert, Container, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/branding';
import { CurrentOrganizationGate } from '../organizations/current-organization-gate';
import { ActivityLog } from './activity-log';

/** `/portal/activity`: the current organization's activity log, for its owners and admins. */
export function OrganizationActivityPage() {
  const { t } = useTranslation();
  usePageTitle(t('features.portal.activity.title'));
  return (
    <Container size="xl" px={0} data-testid="activity-page">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t('features.portal.activity.title')}</Title>
          <Text c="dimmed">{t('features.portal.activity.description')}</Text>
        </Stack>
        <CurrentOrganizationGate>
          {(organization) =>
            organization.abilities.includes('audit.view') ? (
              <ActivityLog key={organization.id} scope={{ kind: 'organization', organizationId: organization.id }} />
            ) : (
              <Alert color="gray" variant="light" icon={<IconLock size={18} />} data-testid="activity-forbidden">
                {t('activity.onlyAdmins')}
              </Alert>
            )
          }
        </CurrentOrganizationGate>
      </Stack>
    </Container>
  );
}
