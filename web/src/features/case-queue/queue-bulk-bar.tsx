import { CASE_STATUSES, type CaseStatus } from '@common/cases';
import { Button, Group, Modal, Paper, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconProgress, IconUserCheck, IconUserShare } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getErrorMessage } from '../../components/get-error-message';
import { useSignedInMe } from '../auth/use-signed-in-me';
import { useBulkUpdateCases, useEngineers, type BulkCasesBody, type BulkCasesResult } from './case-queue.api';
import { summarizeBulkResult } from './summarize-bulk-result';

const UNASSIGNED = 'none';

interface QueueBulkBarProps {
  selectedIds: string[];
  /** Case numbers by id, to name the cases that failed. */
  numbers: ReadonlyMap<string, string>;
  /** Called with the ids that failed, which stay selected to try again. */
  onDone: (failedIds: string[]) => void;
}

/** What to do with the selected cases: assign them to me or to an engineer, or set their status. */
export function QueueBulkBar({ selectedIds, numbers, onDone }: QueueBulkBarProps) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const bulk = useBulkUpdateCases();
  const engineers = useEngineers();
  const [dialog, setDialog] = useState<'assign' | 'status' | null>(null);
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [status, setStatus] = useState<CaseStatus | null>(null);
  const count = selectedIds.length;

  const report = (result: BulkCasesResult) => {
    const summary = summarizeBulkResult(result, numbers);
    notifications.show({
      color: summary.failures.length === 0 ? 'teal' : summary.updated === 0 ? 'red' : 'orange',
      title: t('caseQueue.bulk.resultTitle'),
      autoClose: summary.failures.length === 0 ? 5000 : false,
      message: (
        <Stack gap={2} data-testid="bulk-result">
          <Text size="sm">{t('caseQueue.bulk.updated', { count: summary.updated })}</Text>
          {summary.unchanged > 0 ? <Text size="sm">{t('caseQueue.bulk.unchanged', { count: summary.unchanged })}</Text> : null}
          {summary.failures.length > 0 ? <Text size="sm">{t('caseQueue.bulk.failed', { count: summary.failures.length })}</Text> : null}
          {summary.failures.map((failure) => (
            <Text size="sm" key={failure.caseId}>
              {t('caseQueue.bulk.failure', { number: failure.number, message: failure.message })}
            </Text>
          ))}
        </Stack>
      ),
    });
    onDone(result.failed.map((failure) => failure.caseId));
  };

  const apply = (change: Omit<BulkCasesBody, 'caseIds'>) =>
    bulk.mutate(
      { caseIds: selectedIds, ...change },
      {
        onSuccess: (result) => {
          setDialog(null);
          report(result);
        },
        onError: (error) => notifications.show({ color: 'red', message: getErrorMessage(error) }),
      },
    );

  if (count === 0) return null;
  return (
    <Paper withBorder radius="md" p="xs" px="md" bg="var(--mantine-color-indigo-light)" data-testid="case-bulk-actions">
      <Group justify="space-between" gap="sm">
        <Text size="sm" fw={500} aria-live="polite">
          {t('caseQueue.bulk.selected', { count })}
        </Text>
        <Group gap="xs">
          <Button size="xs" variant="default" leftSection={<IconUserCheck size={14} />} loading={bulk.isPending && dialog === null} onClick={() => apply({ assigneeId: me.id })}>
            {t('caseQueue.bulk.assignToMe')}
          </Button>
          <Button size="xs" variant="default" leftSection={<IconUserShare size={14} />} onClick={() => setDialog('assign')}>
            {t('caseQueue.bulk.assignTo')}
          </Button>
          <Button size="xs" variant="default" leftSection={<IconProgress size={14} />} onClick={() => setDialog('status')}>
            {t('caseQueue.bulk.setStatus')}
          </Button>
        </Group>
      </Group>

      <Modal opened={dialog === 'assign'} onClose={() => setDialog(null)} title={t('caseQueue.bulk.assignTitle', { count })} centered>
        <Stack gap="md">
          <Select
            label={t('caseQueue.bulk.engineer')}
            data={[
              { value: UNASSIGNED, label: t('caseQueue.unassigned') },
              ...(engineers.data?.items ?? []).map((engineer) => ({ value: engineer.id, label: `${engineer.name} (${engineer.email})` })),
            ]}
            value={assigneeId}
            onChange={setAssigneeId}
            searchable
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t('common.cancel')}
            </Button>
            <Button disabled={assigneeId === null} loading={bulk.isPending} onClick={() => apply({ assigneeId: assigneeId === UNASSIGNED ? null : assigneeId })}>
              {t('caseQueue.bulk.apply')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal opened={dialog === 'status'} onClose={() => setDialog(null)} title={t('caseQueue.bulk.statusTitle', { count })} centered>
        <Stack gap="md">
          <Select
            label={t('caseQueue.bulk.newStatus')}
            data={CASE_STATUSES.map((value) => ({ value, label: t(`cases.status.${value}`) }))}
            value={status}
            onChange={(value) => setStatus(value as CaseStatus | null)}
            data-autofocus
          />
          <Text size="xs" c="dimmed">
            {t('caseQueue.bulk.statusHint')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t('common.cancel')}
            </Button>
            <Button disabled={status === null} loading={bulk.isPending} onClick={() => status && apply({ status })}>
              {t('caseQueue.bulk.apply')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
