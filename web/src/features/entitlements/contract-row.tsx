import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconCalendarPlus, IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ContractStateBadge } from './contract-state-badge';
import type { SupportContract } from './entitlements.api';
import { useContractName } from './use-contract-name';

interface ContractRowProps {
  contract: SupportContract;
  /** Edit, renew and delete; without them the row is read-only. */
  actions?: { onEdit: () => void; onRenew: () => void; onDelete: () => void };
}

/** One support contract: tier, reference, term and state, with its actions. */
export function ContractRow({ contract, actions }: ContractRowProps) {
  const { t } = useTranslation();
  const nameOf = useContractName();
  const name = nameOf(contract);
  return (
    <Group justify="space-between" wrap="wrap" gap="sm" data-testid="contract-row" data-contract-id={contract.id} data-scope={contract.scope}>
      <Stack gap={2}>
        <Group gap="xs">
          <Badge variant="outline" radius="sm" color="indigo">
            {t(`entitlements.tiers.${contract.tier}`)}
          </Badge>
          {contract.reference ? (
            <Text size="sm" fw={600}>
              {contract.reference}
            </Text>
          ) : null}
          <ContractStateBadge standing={contract.standing} />
        </Group>
        <Text size="sm" c="dimmed">
          {t('entitlements.term', { startsOn: contract.startsOn, endsOn: contract.endsOn })}
        </Text>
      </Stack>
      {actions ? (
        <Group gap={4}>
          <Button size="xs" variant="default" leftSection={<IconPencil size={14} />} onClick={actions.onEdit} aria-label={t('entitlements.actions.editContractNamed', { name })}>
            {t('entitlements.actions.edit')}
          </Button>
          <Button size="xs" variant="light" leftSection={<IconCalendarPlus size={14} />} onClick={actions.onRenew} aria-label={t('entitlements.actions.renewContractNamed', { name })}>
            {t('entitlements.actions.renew')}
          </Button>
          <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={actions.onDelete} aria-label={t('entitlements.actions.deleteContractNamed', { name })}>
            {t('entitlements.actions.delete')}
          </Button>
        </Group>
      ) : null}
    </Group>
  );
}
