import { Box, Group, SimpleGrid, Text } from '@mantine/core';
import { CASE_STATUSES, type CaseStatus } from '@common/cases';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CaseStatusBadge, caseStatusColors } from './case-status-badge';

/** The steps of the progress bar, in order; Abandoned stands apart. */
const STEPS = CASE_STATUSES.filter((status) => status !== 'abandoned');

/**
 * The progress bar at the top of a case: New → Waiting on Response → Researching → Answered →
 * Pending Fix → Closed, the current step highlighted (`aria-current="step"`); an abandoned case
 * shows its own badge instead. Wraps onto two or three rows on a narrow screen.
 */
export function CaseProgress({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  if (status === 'abandoned') {
    return (
      <Group gap="xs" data-testid="case-progress" data-status={status}>
        <Text size="sm" c="dimmed">
          {t('cases.progress.label')}
        </Text>
        <CaseStatusBadge status="abandoned" size="lg" />
      </Group>
    );
  }
  const current = STEPS.indexOf(status);
  return (
    <SimpleGrid component="ol" cols={{ base: 2, xs: 3, md: 6 }} spacing={6} verticalSpacing={6} m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('cases.progress.label')} data-testid="case-progress" data-status={status}>
      {STEPS.map((step, index) => {
        const isCurrent = index === current;
        const isPast = index < current;
        const color = isCurrent ? caseStatusColors[step] : isPast ? 'gray' : undefined;
        return (
          <Box component="li" key={step} aria-current={isCurrent ? 'step' : undefined} data-current={isCurrent || undefined}>
            <Box h={6} bg={color ? `var(--mantine-color-${color}-${isCurrent ? 6 : 4})` : 'var(--mantine-color-default-border)'} style={{ borderRadius: 3 }} />
            <Group gap={4} mt={4} wrap="nowrap">
              {isPast ? <IconCheck size={12} aria-hidden /> : null}
              <Text size="xs" fw={isCurrent ? 700 : 400} c={isCurrent ? undefined : 'dimmed'}>
                {t(`cases.status.${step}`)}
              </Text>
            </Group>
          </Box>
        );
      })}
    </SimpleGrid>
  );
}
