import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { ContractStanding } from '@common/contracts';
import { IconAlertTriangle, IconCheck, IconMail } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getErrorMessage } from '../../components/get-error-message';

interface ContractWarningAlertProps {
  standing: ContractStanding;
  site: { id: string; name: string };
  /** Sends "notify my account manager"; the alert shows whether it worked. */
  onNotify: () => Promise<unknown>;
}

/** The last day an instant that starts the next day still covers, as `YYYY-MM-DD` (UTC, like contract dates). */
const lastDayBefore = (instant: string | null) => (instant ? new Date(Date.parse(instant) - 1).toISOString().slice(0, 10) : '');

const colors = { active: 'teal', expiring: 'yellow', grace: 'orange', expired: 'red', none: 'red' } as const;

/**
 * The manual's contract warning (myOSIsoft's SRP pop-up): the contract ends soon, is in its grace
 * period, has expired or does not exist, with a button that emails the account manager. Used on the
 * Products page and, later, the Cases page.
 */
export function ContractWarningAlert({ standing, site, onNotify }: ContractWarningAlertProps) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<{ kind: 'idle' | 'sending' | 'sent' } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  const state = standing.state === 'active' ? 'expiring' : standing.state;
  const params = { site: site.name, endDate: lastDayBefore(standing.endsAt), graceDate: lastDayBefore(standing.graceEndsAt), ...(state === 'expiring' ? { count: Math.max(standing.daysLeft ?? 0, 0) } : {}) };

  const notify = () => {
    setStatus({ kind: 'sending' });
    onNotify().then(
      () => setStatus({ kind: 'sent' }),
      (error: unknown) => setStatus({ kind: 'failed', message: getErrorMessage(error) }),
    );
  };

  return (
    <Alert color={colors[standing.state]} variant="light" icon={<IconAlertTriangle size={18} />} title={t(`products.warning.title.${state}`, params)} data-testid="contract-warning" data-site-id={site.id} data-state={standing.state}>
      <Stack gap="xs">
        <Text size="sm">{t(`products.warning.body.${state}`, params)}</Text>
        <Group gap="sm">
          <Button size="xs" variant="white" color={colors[standing.state]} leftSection={<IconMail size={14} />} loading={status.kind === 'sending'} disabled={status.kind === 'sent'} onClick={notify} data-testid="notify-account-manager">
            {t('products.warning.notify')}
          </Button>
          {status.kind === 'sent' ? (
            <Group gap={4} c="teal" data-testid="notify-sent">
              <IconCheck size={14} />
              <Text size="sm">{t('products.warning.notified')}</Text>
            </Group>
          ) : null}
          {status.kind === 'failed' ? (
            <Text size="sm" c="red" role="alert" data-testid="notify-failed">
              {status.message}
            </Text>
          ) : null}
        </Group>
      </Stack>
    </Alert>
  );
}
