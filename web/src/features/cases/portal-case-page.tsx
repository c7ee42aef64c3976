import { Anchor, Container, Group, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageLoader } from '../../components/page-loader';
import { CurrentOrganizationGate } from '../organizations/current-organization-gate';
import { useCurrentOrganization } from '../organizations/use-current-organization';
import { CasesForbidden } from './cases-page';
import { CaseView } from './case-view';

/**
 * `/portal/cases/:caseId?organization=<id>`: one case. A link from an email names the case's
 * organization; when that is another of the person's organizations, the page switches to it first.
 */
export function PortalCasePage() {
  const { t } = useTranslation();
  const { caseId = '' } = useParams();
  const [searchParams] = useSearchParams();
  const wanted = searchParams.get('organization');
  const { current, organizations, select } = useCurrentOrganization();
  const mustSwitch = Boolean(wanted && current && wanted !== current.id && organizations.some((organization) => organization.id === wanted));

  useEffect(() => {
    if (mustSwitch && wanted) select(wanted);
    // `select` is a new function each render; the switch depends only on what is wanted.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mustSwitch, wanted]);

  return (
    <Container size="xl" px={0} data-testid="portal-case-page">
      <Stack gap="md">
        <Anchor component={Link} to="/portal/cases" size="sm" w="fit-content">
          <Group gap={4} component="span">
            <IconArrowLeft size={14} />
            {t('cases.backToList')}
          </Group>
        </Anchor>
        {mustSwitch ? <PageLoader /> : (
          <CurrentOrganizationGate>
            {(organization) =>
              organization.abilities.includes('case.view') ? (
                <CaseView key={`${organization.id}:${caseId}`} organizationId={organization.id} caseId={caseId} face="portal" />
              ) : (
                <CasesForbidden />
              )
            }
          </CurrentOrganizationGate>
        )}
      </Stack>
    </Container>
  );
}
