import { Anchor, Container, Group, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { CaseView } from '../cases/case-view';
import { NoAccessPanel } from '../../components/no-access-panel';
import { useCanAnswerCases } from './use-can-answer-cases';

/** The queue's search params the case was opened from (router state), so "Back to the queue" restores the view. */
function getQueueSearch(state: unknown): string {
  const search = typeof state === 'object' && state !== null ? (state as { queueSearch?: unknown }).queueSearch : undefined;
  return typeof search === 'string' && (search === '' || search.startsWith('?')) ? search : '';
}

/** `/console/cases/:organizationId/:caseId`: one case as engineers work it, with a way back to the queue. */
export function ConsoleCasePage() {
  const { t } = useTranslation();
  const { organizationId = '', caseId = '' } = useParams();
  const location = useLocation();
  const canAnswer = useCanAnswerCases();
  if (!canAnswer) return <NoAccessPanel texts="caseQueue.noAccess" testId="case-queue-no-access" />;

  return (
    <Container size="xl" px={0} data-testid="console-case-page">
      <Stack gap="md">
        <Group>
          <Anchor component={Link} to={`/console${getQueueSearch(location.state)}`} size="sm" data-testid="back-to-queue">
            <Group gap={4} component="span">
              <IconArrowLeft size={16} />
              {t('caseQueue.backToQueue')}
            </Group>
          </Anchor>
        </Group>
        <CaseView key={caseId} organizationId={organizationId} caseId={caseId} face="console" />
      </Stack>
    </Container>
  );
}
