import { Button, Group, Menu, Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { isClosedStatus, type CaseStatus } from '@common/cases';
import { IconChevronDown, IconCircleCheck, IconUserCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getErrorMessage } from '../../components/get-error-message';
import { useSignedInMe } from '../auth/use-signed-in-me';
import { ConfirmModal } from '../catalog/confirm-modal';
import { useAssignCase, useEngineers, useTransitionCase, type CaseDetail } from './cases.api';

/** Moves that end the case: asked before they are made. */
const CONFIRMED: readonly CaseStatus[] = ['closed', 'abandoned'];
const UNASSIGNED = 'none';

function AssignControl({ organizationId, detail }: { organizationId: string; detail: CaseDetail }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const engineers = useEngineers({ enabled: true });
  const assign = useAssignCase(organizationId, detail.id);
  const choose = (assigneeId: string | null) =>
    assign.mutate({ assigneeId }, { onError: (error) => notifications.show({ color: 'red', message: getErrorMessage(error) }) });
  const data = [
    { value: UNASSIGNED, label: t('cases.unassigned') },
    ...(engineers.data?.items ?? []).map((engineer) => ({ value: engineer.id, label: engineer.name })),
    // The current assignee stays selectable even when the list does not (yet) hold them.
    ...(detail.assignee && !engineers.data?.items.some((engineer) => engineer.id === detail.assignee?.id) ? [{ value: detail.assignee.id, label: detail.assignee.name }] : []),
  ];
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <Select
        label={t('cases.actions.assignee')}
        data={data}
        value={detail.assignee?.id ?? UNASSIGNED}
        onChange={(value) => choose(!value || value === UNASSIGNED ? null : value)}
        allowDeselect={false}
        searchable
        disabled={assign.isPending}
        w={{ base: '100%', xs: 240 }}
        data-testid="assign-select"
      />
      {detail.assignee?.id !== me.id ? (
        <Button variant="default" leftSection={<IconUserCheck size={16} />} onClick={() => choose(me.id)} loading={assign.isPending} data-testid="assign-to-me">
          {t('cases.actions.assignToMe')}
        </Button>
      ) : null}
    </Group>
  );
}

/**
 * What a person may do to a case's status, from `abilities.transitions`: engineers get a menu of
 * every allowed move, customers a "Close case" button. Closing and abandoning ask first; each move
 * sends the status the person saw, so a change made meanwhile is refused rather than overwritten.
 * Engineers also assign the case.
 */
export function CaseActions({ organizationId, detail }: { organizationId: string; detail: CaseDetail }) {
  const { t } = useTranslation();
  const transition = useTransitionCase(organizationId, detail.id);
  const [confirming, setConfirming] = useState<CaseStatus | null>(null);
  const { abilities } = detail;
  const isEngineer = abilities.side === 'engineer';
  const moves = isEngineer ? abilities.transitions : abilities.transitions.filter((status) => status === 'closed');

  const move = (to: CaseStatus) => {
    transition.mutate(
      { to, expectedStatus: detail.status },
      {
        onSuccess: () => {
          setConfirming(null);
          notifications.show({ color: 'teal', message: t('cases.actions.moved', { status: t(`cases.status.${to}`) }) });
        },
        onError: (error) => {
          if (!confirming) notifications.show({ color: 'red', message: getErrorMessage(error) });
        },
      },
    );
  };
  const request = (to: CaseStatus) => {
    if (!CONFIRMED.includes(to)) return move(to);
    transition.reset();
    setConfirming(to);
  };
  const label = (to: CaseStatus) => {
    if (to === 'closed') return t('cases.actions.close');
    if (to === 'abandoned') return t('cases.actions.abandon');
    // A phrase per status: Korean joins 으로/로 to the status name, so no "(으)로" after a placeholder.
    return isClosedStatus(detail.status) ? t(`cases.actions.reopenAs.${to}`) : t(`cases.actions.moveTo.${to}`);
  };

  if (moves.length === 0 && !abilities.assign) return null;
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" data-testid="case-actions">
      {isEngineer && moves.length > 0 ? (
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <Button rightSection={<IconChevronDown size={16} />} loading={transition.isPending && !confirming} data-testid="status-menu">
              {t('cases.actions.changeStatus')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {moves.map((to) => (
              <Menu.Item key={to} onClick={() => request(to)} color={to === 'abandoned' ? 'red' : undefined} data-status={to}>
                {label(to)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      ) : null}
      {!isEngineer && moves.includes('closed') ? (
        <Button variant="default" leftSection={<IconCircleCheck size={16} />} onClick={() => request('closed')} data-testid="close-case">
          {t('cases.actions.close')}
        </Button>
      ) : null}
      {abilities.assign ? <AssignControl organizationId={organizationId} detail={detail} /> : null}
      <ConfirmModal
        opened={confirming !== null}
        title={confirming === 'abandoned' ? t('cases.actions.abandonTitle') : t('cases.actions.closeTitle')}
        message={confirming === 'abandoned' ? t('cases.actions.abandonMessage') : t('cases.actions.closeMessage')}
        confirmLabel={confirming === 'abandoned' ? t('cases.actions.abandon') : t('cases.actions.close')}
        color={confirming === 'abandoned' ? 'red' : 'blue'}
        isPending={transition.isPending}
        error={transition.error}
        onConfirm={() => confirming && move(confirming)}
        onClose={() => setConfirming(null)}
      />
    </Group>
  );
}
