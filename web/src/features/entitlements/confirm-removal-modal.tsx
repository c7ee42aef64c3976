import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getErrorMessage } from '../../components/get-error-message';
import type { EntitlementsDialog } from './entitlements-dialog';
import { useDeleteContract, useDeleteEntitlement } from './entitlements.api';
import { useContractName } from './use-contract-name';

type Mode = Extract<EntitlementsDialog, { kind: 'delete-contract' | 'remove-entitlement' }>;

function ConfirmRemoval({ organizationId, mode, onClose }: { organizationId: string; mode: Mode; onClose: () => void }) {
  const { t } = useTranslation();
  const nameOf = useContractName();
  const deleteContract = useDeleteContract(organizationId);
  const deleteEntitlement = useDeleteEntitlement(organizationId);
  const [error, setError] = useState<string | null>(null);
  const site = mode.site.path;

  const question =
    mode.kind === 'remove-entitlement'
      ? t('entitlements.confirm.removeEntitlement', { name: mode.entitlement.product.name, site })
      : mode.contract.scope === 'site'
        ? t('entitlements.confirm.deleteSiteContract', { name: nameOf(mode.contract), site })
        : t('entitlements.confirm.deleteEntitlementContract', { name: nameOf(mode.contract), site });

  const confirm = () => {
    setError(null);
    const handlers = {
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          message: mode.kind === 'remove-entitlement' ? t('entitlements.messages.entitlementRemoved', { name: mode.entitlement.product.name, site }) : t('entitlements.messages.contractDeleted'),
        });
        onClose();
      },
      onError: (failure: Error) => setError(getErrorMessage(failure)),
    };
    if (mode.kind === 'remove-entitlement') deleteEntitlement.mutate(mode.entitlement.id, handlers);
    else deleteContract.mutate(mode.contract.id, handlers);
  };

  return (
    <Stack gap="md" data-testid="confirm-removal">
      <Text size="sm">{question}</Text>
      {error ? (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
          {error}
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button color="red" onClick={confirm} loading={deleteContract.isPending || deleteEntitlement.isPending} data-testid="confirm-removal-submit">
          {mode.kind === 'remove-entitlement' ? t('entitlements.actions.remove') : t('entitlements.actions.delete')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Asks before deleting a support contract or taking a product's licence away from a site. */
export function ConfirmRemovalModal({ organizationId, dialog, onClose }: { organizationId: string; dialog: EntitlementsDialog | null; onClose: () => void }) {
  const { t } = useTranslation();
  const mode = dialog?.kind === 'delete-contract' || dialog?.kind === 'remove-entitlement' ? dialog : null;
  return (
    <Modal opened={mode !== null} onClose={onClose} title={mode?.kind === 'remove-entitlement' ? t('entitlements.titles.removeEntitlement') : t('entitlements.titles.deleteContract')} centered>
      {mode ? (
        <ConfirmRemoval key={mode.kind === 'remove-entitlement' ? mode.entitlement.id : mode.contract.id} organizationId={organizationId} mode={mode} onClose={onClose} />
      ) : null}
    </Modal>
  );
}
