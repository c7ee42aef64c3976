import { Anchor, Card, Container, Group, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconHeadset, IconMail, IconPhone, IconUserStar } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/branding';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { CurrentOrganizationGate } from './current-organization-gate';
import { OrganizationIdField } from './organization-id-field';
import { useOrganizationContact, type Organization, type OrganizationContact } from './organizations.api';

function ContactCard({ icon, title, children, testId }: { icon: ReactNode; title: string; children: ReactNode; testId: string }) {
  return (
    <Card withBorder radius="lg" p="lg" data-testid={testId}>
      <Group wrap="nowrap" align="flex-start" gap="md">
        <ThemeIcon size={40} radius="md" variant="light">
          {icon}
        </ThemeIcon>
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" c="dimmed">
            {title}
          </Text>
          {children}
        </Stack>
      </Group>
    </Card>
  );
}

function Person({ person }: { person: OrganizationContact['accountManager'] }) {
  const { t } = useTranslation();
  if (!person) {
    return (
      <Text size="sm" c="dimmed">
        {t('contact.notAssigned')}
      </Text>
    );
  }
  return (
    <>
      <Text fw={600}>{person.name}</Text>
      <Anchor href={`mailto:${person.email}`} size="sm">
        {person.email}
      </Anchor>
    </>
  );
}

function Contact({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const contact = useOrganizationContact(organization.id);
  if (contact.isError) return <LoadErrorAlert error={contact.error} onRetry={() => void contact.refetch()} />;
  if (!contact.data) return <Skeleton height={200} radius="md" />;
  const { accountManager, successManager, supportPhone, supportEmail, serviceName } = contact.data;

  return (
    <Stack gap="lg">
      <Text c="dimmed">{t('contact.intro', { service: serviceName || 'Atrium' })}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <ContactCard icon={<IconPhone size={22} />} title={t('contact.supportPhone')} testId="contact-support-phone">
          {supportPhone ? (
            <Anchor href={`tel:${supportPhone.replace(/[^0-9+]/g, '')}`} fw={600}>
              {supportPhone}
            </Anchor>
          ) : (
            <Text size="sm" c="dimmed">
              {t('contact.notAssigned')}
            </Text>
          )}
        </ContactCard>
        <ContactCard icon={<IconMail size={22} />} title={t('contact.supportEmail')} testId="contact-support-email">
          {supportEmail ? (
            <Anchor href={`mailto:${supportEmail}`} fw={600}>
              {supportEmail}
            </Anchor>
          ) : (
            <Text size="sm" c="dimmed">
              {t('contact.notAssigned')}
            </Text>
          )}
        </ContactCard>
        <ContactCard icon={<IconUserStar size={22} />} title={t('contact.accountManager')} testId="contact-account-manager">
          <Person person={accountManager} />
        </ContactCard>
        <ContactCard icon={<IconHeadset size={22} />} title={t('contact.successManager')} testId="contact-success-manager">
          <Person person={successManager} />
        </ContactCard>
      </SimpleGrid>
      <Card withBorder radius="lg" p="lg">
        <OrganizationIdField organizationId={organization.id} />
      </Card>
    </Stack>
  );
}

/** `/portal/contact`: the organization's account team and the vendor's support line. */
export function ContactPage() {
  const { t } = useTranslation();
  usePageTitle(t('features.portal.contact.title'));
  return (
    <Container size="md" px={0} data-testid="contact-page">
      <Stack gap="lg">
        <Title order={1}>{t('features.portal.contact.title')}</Title>
        <CurrentOrganizationGate>{(organization) => <Contact key={organization.id} organization={organization} />}</CurrentOrganizationGate>
      </Stack>
    </Container>
  );
}
