import { Alert, Card, Container, Stack, Text, Title } from '@mantine/core';
import { IconArchive } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/branding';
import { formatDateTime } from '../../components/format-date-time';
import { ArchiveOrganizationSection } from './archive-organization-section';
import { CurrentOrganizationGate } from './current-organization-gate';
import { OrganizationDetailsForm } from './organization-details-form';
import { OrganizationIdField } from './organization-id-field';
import type { Organization } from './organizations.api';
import { RequireMfaSwitch } from './require-mfa-switch';

function OrganizationSettings({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const isArchived = organization.archivedAt !== null;
  const canManage = organization.abilities.includes('organization.manage') && !isArchived;
  const canArchive = organization.abilities.includes('organization.archive') && !isArchived;

  return (
    <Stack gap="lg">
      {isArchived ? (
        <Alert color="gray" variant="light" icon={<IconArchive size={18} />}>
          {t('organizations.archivedNotice', { date: formatDateTime(organization.archivedAt) })}
        </Alert>
      ) : null}
      <Card withBorder radius="lg" p="lg" component="section" aria-labelledby="organization-details-title">
        <Stack gap="md">
          <Title order={2} size="h4" id="organization-details-title">
            {t('organizations.settings.details')}
          </Title>
          <OrganizationDetailsForm organization={organization} readOnly={!canManage} />
        </Stack>
      </Card>
      <Card withBorder radius="lg" p="lg" component="section" aria-labelledby="organization-security-title">
        <Stack gap="md">
          <Title order={2} size="h4" id="organization-security-title">
            {t('organizations.settings.security')}
          </Title>
          {canManage ? (
            <RequireMfaSwitch organizationId={organization.id} />
          ) : (
            <Text size="sm" data-testid="require-mfa-state">
              {organization.requireMfa ? t('organizations.settings.mfaRequired') : t('organizations.settings.mfaNotRequired')}
            </Text>
          )}
        </Stack>
      </Card>
      <Card withBorder radius="lg" p="lg" component="section" aria-labelledby="organization-support-title">
        <Stack gap="md">
          <Title order={2} size="h4" id="organization-support-title">
            {t('organizations.settings.support')}
          </Title>
          <OrganizationIdField organizationId={organization.id} />
          <Text size="sm" c="dimmed">
            {t('organizations.createdAt', { date: formatDateTime(organization.createdAt) })}
          </Text>
        </Stack>
      </Card>
      {canArchive ? <ArchiveOrganizationSection organization={organization} /> : null}
    </Stack>
  );
}

/** `/portal/organization`: the current organization's name, notes, invitation and sign-in rules, ID and archiving. */
export function OrganizationSettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('features.portal.organization.title'));
  return (
    <Container size="md" px={0} data-testid="organization-settings">
      <Stack gap="lg">
        <Title order={1}>{t('features.portal.organization.title')}</Title>
        <CurrentOrganizationGate>{(organization) => <OrganizationSettings key={organization.id} organization={organization} />}</CurrentOrganizationGate>
      </Stack>
    </Container>
  );
}
