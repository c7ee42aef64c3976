import { Box, Group, SimpleGrid, Text } from '@mantine/core';
import { CASE_STATUSES, type CaseStatus } from '@common/cases';
import type { CaseHistoryEntry } from '@common/schemas/cases';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CaseStatusBadge, caseStatusColors } from './case-status-badge';

/** The steps of the progress bar, in order; Abandoned stands apart. */
const STEPS: readonly CaseStatus[] = CASE_STATUSES.filter((status) => status !== 'abandoned');

/**
 * A step of the progress bar: `done` the case went through it, `current` it is there, `skipped` it
 * is an earlier step the case did not go through (or, without the history, may not have), `upcoming`
 * a later one.
 */
export type CaseProgressState = 'done' | 'current' | 'skipped' | 'upcoming';

/** The history events that move a case, and so name the statuses it was in. */
const MOVES: ReadonlySet<CaseHistoryEntry['kind']> = new Set(['created', 'status', 'reopen_requested']);

/** The statuses a case was in, from its history: what its creation, transitions and reopenings name. */
export function listPassedStatuses(history: readonly Pick<CaseHistoryEntry, 'kind' | 'from' | 'to'>[]): Set<CaseStatus> {
  const passed = new Set<CaseStatus>();
  const statuses: ReadonlySet<string> = new Set(CASE_STATUSES);
  for (const entry of history) {
    if (!MOVES.has(entry.kind)) continue;
    for (const value of [entry.from, entry.to]) if (value !== null && statuses.has(value)) passed.add(value as CaseStatus);
  }
  return passed;
}

/**
 * The state of each step for a case in `status` (not abandoned). Only steps the case went through
 * (`passed`, from its history) are done; without the history, earlier steps are only skipped, since
 * a case may go from New straight to Answered.
 */
export function listProgressSteps(status: CaseStatus, passed?: ReadonlySet<CaseStatus>): { status: CaseStatus; state: CaseProgressState }[] {
  const current = STEPS.indexOf(status);
  return STEPS.map((step, index) => ({
    status: step,
    state: index === current ? 'current' : index > current ? 'upcoming' : passed?.has(step) ? 'done' : 'skipped',
  }));
}

/**
 * The progress bar at the top of a case: New → Waiting on Response → Researching → Answered →
 * Pending Fix → Closed, the current step highlighted (`aria-current="step"`), the steps the case
 * went through checked when its history is given (`data-state` on each step); an abandoned case
 * shows its own badge instead. Wraps onto two or three rows on a narrow screen.
 */
export function CaseProgress({ status, history }: { status: CaseStatus; history?: readonly CaseHistoryEntry[] | undefined }) {
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
  const steps = listProgressSteps(status, history ? listPassedStatuses(history) : undefined);
  return (
    <SimpleGrid component="ol" cols={{ base: 2, xs: 3, md: 6 }} spacing={6} verticalSpacing={6} m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('cases.progress.label')} data-testid="case-progress" data-status={status}>
      {steps.map(({ status: step, state }) => {
        const isCurrent = state === 'current';
        const isDone = state === 'done';
        const bar = isCurrent ? `var(--mantine-color-${caseStatusColors[step]}-6)` : isDone ? 'var(--mantine-color-gray-4)' : 'var(--mantine-color-default-border)';
        return (
          <Box component="li" key={step} aria-current={isCurrent ? 'step' : undefined} data-current={isCurrent || undefined} data-state={state} data-step={step}>
            <Box h={6} bg={bar} style={{ borderRadius: 3 }} />
            <Group gap={4} mt={4} wrap="nowrap">
              {isDone ? <IconCheck size={12} aria-hidden /> : null}
              <Text size="xs" fw={isCurrent ? 700 : 400} c={isCurrent ? undefined : 'dimmed'} opacity={state === 'skipped' ? 0.6 : undefined}>
                {t(`cases.status.${step}`)}
              </Text>
            </Group>
          </Box>
        );
      })}
    </SimpleGrid>
  );
}
