import { Anchor, Card, Container, Skeleton, Stack, Tabs, Title } from '@mantine/core';
import { IconArrowLeft, IconCertificate, IconHistory, IconInfoCircle, IconSitemap, IconUserStar, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/branding';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { ActivityLog } from '../activity/activity-log';
import { ProductsAndContractsPanel } from '../entitlements/products-and-contracts-panel';
import { useOrganization, type Organization } from '../organizations/organizations.api';
import { SiteTree } from '../sites/site-tree';
import { useSites } from '../sites/sites.api';
import { MembersPanel } from '../team/members-panel';
import { AccountTeamPanel } from './account-team-panel';
import { CustomerOverview } from './customer-overview';

const tabs = ['overview', 'sites', 'products', 'members', 'account-team', 'activity'] as const;
type Tab = (typeof tabs)[number];

function CustomerSites({ organizationId }: { organizationId: string }) {
  const sites = useSites(organizationId);
  if (sites.isError) return <LoadErrorAlert error={sites.error} onRetry={() => void sites.refetch()} />;
  if (!sites.data) return <Skeleton height={160} radius="md" />;
  return <SiteTree sites={sites.data.items} />;
}

function CustomerMembers({ organizationId }: { organizationId: string }) {
  const sites = useSites(organizationId);
  return <MembersPanel organizationId={organizationId} sites={sites.data?.items ?? []} myRole={null} canManage={false} />;
}

function CustomerTabs({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const canSeeActivity = organization.abilities.includes('audit.view');
  // The member list is for those who manage members (vendor administrators among staff).
  const canSeeMembers = organization.abilities.includes('member.manage');
  const available = tabs.filter((tab) => (tab !== 'activity' || canSeeActivity) && (tab !== 'members' || canSeeMembers));
  const requested = searchParams.get('tab');
  const tab: Tab = available.find((name) => name === requested) ?? 'overview';
  const icons = { overview: IconInfoCircle, sites: IconSitemap, products: IconCertificate, members: IconUsers, 'account-team': IconUserStar, activity: IconHistory };

  return (
    <Tabs value={tab} onChange={(value) => setSearchParams(value && value !== 'overview' ? { tab: value } : {}, { replace: true })} keepMounted={false}>
      <Tabs.List>
        {available.map((name) => {
          const Icon = icons[name];
          return (
            <Tabs.Tab key={name} value={name} leftSection={<Icon size={16} />}>
              {name === 'products' ? t('entitlements.tab') : t(`customers.tabs.${name}`)}
            </Tabs.Tab>
          );
        })}
      </Tabs.List>
      <Card withBorder radius="lg" p="lg" mt="md">
        <Tabs.Panel value="overview">
          <CustomerOverview organization={organization} />
        </Tabs.Panel>
        <Tabs.Panel value="sites">
          <CustomerSites organizationId={organization.id} />
        </Tabs.Panel>
        <Tabs.Panel value="products">
          <ProductsAndContractsPanel organization={organization} />
        </Tabs.Panel>
        {canSeeMembers ? (
          <Tabs.Panel value="members">
            <CustomerMembers organizationId={organization.id} />
          </Tabs.Panel>
        ) : null}
        <Tabs.Panel value="account-team">
          <AccountTeamPanel key={JSON.stringify(organization.accountTeam)} organization={organization} />
        </Tabs.Panel>
        {canSeeActivity ? (
          <Tabs.Panel value="activity">
            <ActivityLog scope={{ kind: 'organization', organizationId: organization.id }} />
          </Tabs.Panel>
        ) : null}
      </Card>
    </Tabs>
  );
}

/** `/console/customers/:organizationId`: one customer organization, its sites, members, account team and activity. */
export function CustomerDetailPage() {
  const { t } = useTranslation();
  const { organizationId = '' } = useParams();
  const organization = useOrganization(organizationId);
  usePageTitle(organization.data?.name ?? t('features.console.customers.title'));

  return (
    <Container size="xl" px={0} data-testid="customer-detail" data-organization-id={organizationId}>
      <Stack gap="lg">
        <Anchor component={Link} to="/console/customers" size="sm">
          <IconArrowLeft size={14} style={{ verticalAlign: 'middle' }} /> {t('customers.backToList')}
        </Anchor>
        {organization.isError ? (
          <LoadErrorAlert error={organization.error} onRetry={() => void organization.refetch()} />
        ) : !organization.data ? (
          <Skeleton height={320} radius="md" />
        ) : (
          <>
            <Title order={1}>{organization.data.name}</Title>
            <CustomerTabs organization={organization.data} />
          </>
        )}
      </Stack>
    </Container>
  );
}
