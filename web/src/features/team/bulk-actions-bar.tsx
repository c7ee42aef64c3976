import { Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerPlay, IconPlayerPause, IconUserMinus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getErrorMessage } from '../../components/get-error-message';
import { useBulkUpdateMembers, type BulkMemberAction } from './team.api';

const actions: { action: BulkMemberAction; icon: typeof IconPlayerPause; color?: string }[] = [
  { action: 'deactivate', icon: IconPlayerPause },
  { action: 'reactivate', icon: IconPlayerPlay },
  { action: 'remove', icon: IconUserMinus, color: 'red' },
];

interface BulkActionsBarProps {
  organizationId: string;
  selectedIds: string[];
  /** Called once the action is done, to clear the selection. */
  onDone: () => void;
}

/** What to do with the selected members: deactivate, reactivate or remove them, after a confirmation. */
export function BulkActionsBar({ organizationId, selectedIds, onDone }: BulkActionsBarProps) {
  const { t } = useTranslation();
  const bulk = useBulkUpdateMembers(organizationId);
  const [pending, setPending] = useState<BulkMemberAction | null>(null);
  const count = selectedIds.length;

  const confirm = () => {
    if (!pending) return;
    bulk.mutate(
      { memberIds: selectedIds, action: pending },
      {
        onSuccess: ({ updated }) => {
          notifications.show({ color: 'teal', message: t('team.bulk.done', { count: updated }) });
          setPending(null);
          onDone();
        },
        onError: (error) => {
          notifications.show({ color: 'red', message: getErrorMessage(error) });
          setPending(null);
        },
      },
    );
  };

  if (count === 0) return null;
  return (
    <Paper withBorder radius="md" p="xs" px="md" bg="var(--mantine-color-indigo-light)" data-testid="bulk-actions">
      <Group justify="space-between" gap="sm">
        <Text size="sm" fw={500} aria-live="polite">
          {t('team.bulk.selected', { count })}
        </Text>
        <Group gap="xs">
          {actions.map(({ action, icon: Icon, color }) => (
            <Button key={action} size="xs" variant="default" color={color} c={color} leftSection={<Icon size={14} />} onClick={() => setPending(action)} data-testid={`bulk-${action}`}>
              {t(`team.bulk.actions.${action}`)}
            </Button>
          ))}
        </Group>
      </Group>
      <Modal opened={pending !== null} onClose={() => setPending(null)} title={pending ? t(`team.bulk.actions.${pending}`) : ''} centered>
        <Stack gap="md">
          <Text size="sm">{pending ? t(`team.bulk.confirm.${pending}`, { count }) : null}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPending(null)}>
              {t('common.cancel')}
            </Button>
            <Button color={pending === 'remove' ? 'red' : undefined} loading={bulk.isPending} onClick={confirm} data-testid="confirm-bulk-action">
              {pending ? t(`team.bulk.actions.${pending}`) : null}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
