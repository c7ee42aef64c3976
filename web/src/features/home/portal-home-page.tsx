import { Container, Stack, Text, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/branding';
import { useSignedInMe } from '../auth/use-signed-in-me';
import { useOrganization } from '../organizations/organizations.api';
import { useCurrentOrganization } from '../organizations/use-current-organization';
import { OrganizationList } from '../shell/organization-list';
import { HighlightsPanel } from './highlights-panel';
import { homeKey } from './home.api';
import { MyFeed } from './my-feed';
import { useLiveEvents } from './use-live-events';
import { WaitingCasesPanel } from './waiting-cases-panel';

/** The person's live stream: every change that concerns them. */
const LIVE_URL = '/api/v1/me/events';

/** The highlights, what waits on the person and My feed for the current organization, refreshed live. */
function OrganizationHome({ organizationId }: { organizationId: string }) {
  const queryClient = useQueryClient();
  const organization = useOrganization(organizationId);
  const canViewCases = organization.data?.abilities.includes('case.view') ?? false;
  // Several events often come together (a post that also changes the status): refetch once for them.
  // A fetch already running (say "Load more") is left to finish rather than cancelled and lost.
  const refresh = useDebouncedCallback(() => void queryClient.invalidateQueries({ queryKey: homeKey }, { cancelRefetch: false }), 250);
  useLiveEvents(LIVE_URL, refresh);

  return (
    <Stack gap="xl">
      <HighlightsPanel organizationId={organizationId} canViewCases={canViewCases} />
      {canViewCases ? <WaitingCasesPanel organizationId={organizationId} /> : null}
      <MyFeed organizationId={organizationId} />
    </Stack>
  );
}

/** `/portal`: a welcome, the current organization's highlights, waiting cases and My feed, and the person's organizations. */
export function PortalHomePage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const { current } = useCurrentOrganization();
  usePageTitle(t('features.portal.home.title'));

  return (
    <Container size="lg" px={0}>
      <Stack gap="xl">
        <Stack gap={4}>
          <Title order={1} data-testid="welcome">
            {t('home.welcome', { name: me.name })}
          </Title>
          <Text c="dimmed" size="lg">
            {t('home.intro')}
          </Text>
        </Stack>

        {current ? <OrganizationHome key={current.id} organizationId={current.id} /> : null}

        <Stack gap="sm" component="section" aria-labelledby="organizations-title">
          <Title order={2} size="h4" id="organizations-title">
            {t('home.organizationsTitle')}
          </Title>
          <OrganizationList memberships={me.memberships} />
        </Stack>
      </Stack>
    </Container>
  );
}
