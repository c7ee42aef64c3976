import { Alert, Anchor, Container, Group, Stack, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/branding';
import { CurrentOrganizationGate } from '../organizations/current-organization-gate';
import { CaseWizard } from './case-wizard';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `/portal/cases/new`: the three-step wizard (`?related=<caseId>`: a new case that continues a closed one). */
export function NewCasePage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const related = searchParams.get('related');
  usePageTitle(t('cases.wizard.title'));
  return (
    <Container size="xl" px={0} data-testid="new-case-page">
      <Stack gap="lg">
        <div>
          <Anchor component={Link} to="/portal/cases" size="sm">
            <Group gap={4} component="span">
              <IconArrowLeft size={14} />
              {t('cases.backToList')}
            </Group>
          </Anchor>
          <Title order={1}>{t('cases.wizard.title')}</Title>
        </div>
        <CurrentOrganizationGate>
          {(organization) =>
            organization.abilities.includes('case.create') ? (
              <CaseWizard key={organization.id} organizationId={organization.id} relatedCaseId={related && UUID.test(related) ? related : null} />
            ) : (
              <Alert color="yellow" variant="light" data-testid="cannot-create">
                {t('cases.wizard.notAllowed')}
              </Alert>
            )
          }
        </CurrentOrganizationGate>
      </Stack>
    </Container>
  );
}
