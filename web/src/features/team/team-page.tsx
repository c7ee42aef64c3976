import { Button, Card, Container, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAddressBook, IconMailForward, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/branding';
import { CurrentOrganizationGate } from '../organizations/current-organization-gate';
import type { Organization, OrganizationSummary } from '../organizations/organizations.api';
import { useSites } from '../sites/sites.api';
import { DirectoryPanel } from './directory-panel';
import { InvitationsPanel } from './invitations-panel';
import { InviteMemberModal } from './invite-member-modal';
import { MembersPanel } from './members-panel';

const tabs = ['members', 'invitations', 'directory'] as const;
type Tab = (typeof tabs)[number];

function TeamTabs({ organization, membership }: { organization: Organization; membership: OrganizationSummary }) {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const [isInviting, { open, close }] = useDisclosure(false);
  const sites = useSites(organization.id);
  const canManage = organization.abilities.includes('member.manage') && !organization.archivedAt;
  const requested = searchParams.get('tab');
  const tab: Tab = tabs.find((name) => name === requested) ?? 'members';
  const showTab = (value: string | null) => setSearchParams(value && value !== 'members' ? { tab: value } : {}, { replace: true });
  const siteItems = sites.data?.items ?? [];

  // Only owners and admins manage the team; everyone else finds their colleagues in the directory.
  if (!canManage) {
    return (
      <Card withBorder radius="lg" p="lg">
        <DirectoryPanel organizationId={organization.id} />
      </Card>
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Text c="dimmed" maw={640}>
          {t('team.intro', { name: organization.name })}
        </Text>
        <Button leftSection={<IconUserPlus size={16} />} onClick={open} data-testid="invite-member">
          {t('team.invite.title')}
        </Button>
      </Group>
      <Tabs value={tab} onChange={showTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="members" leftSection={<IconUsers size={16} />}>
            {t('team.tabs.members')}
          </Tabs.Tab>
          <Tabs.Tab value="invitations" leftSection={<IconMailForward size={16} />} data-testid="invitations-tab">
            {t('team.tabs.invitations')}
          </Tabs.Tab>
          <Tabs.Tab value="directory" leftSection={<IconAddressBook size={16} />} data-testid="directory-tab">
            {t('team.tabs.directory')}
          </Tabs.Tab>
        </Tabs.List>
        <Card withBorder radius="lg" p="lg" mt="md">
          <Tabs.Panel value="members">
            <MembersPanel
              organizationId={organization.id}
              sites={siteItems}
              myRole={membership.role}
              canManage
              onShowDirectory={() => showTab('directory')}
            />
          </Tabs.Panel>
          <Tabs.Panel value="invitations">
            <InvitationsPanel organizationId={organization.id} />
          </Tabs.Panel>
          <Tabs.Panel value="directory">
            <DirectoryPanel organizationId={organization.id} />
          </Tabs.Panel>
        </Card>
      </Tabs>
      <InviteMemberModal
        opened={isInviting}
        organizationId={organization.id}
        myRole={membership.role}
        allowInviteRoles={organization.allowInviteRoles}
        sites={siteItems}
        onClose={close}
      />
    </Stack>
  );
}

/** `/portal/team`: the current organization's members, invitations and directory. */
export function TeamPage() {
  const { t } = useTranslation();
  usePageTitle(t('features.portal.team.title'));
  return (
    <Container size="xl" px={0} data-testid="team-page">
      <Stack gap="lg">
        <Title order={1}>{t('features.portal.team.title')}</Title>
        <CurrentOrganizationGate>
          {(organization, membership) => <TeamTabs key={organization.id} organization={organization} membership={membership} />}
        </CurrentOrganizationGate>
      </Stack>
    </Container>
  );
}
