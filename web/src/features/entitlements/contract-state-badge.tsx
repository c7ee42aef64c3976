import { Badge } from '@mantine/core';
import type { ContractStanding } from '@common/contracts';
import { useTranslation } from 'react-i18next';
import { getContractBadge } from './get-contract-badge';

/** A support contract's state as a badge: active, expiring in N days, in grace until a date, expired or none. */
export function ContractStateBadge({ standing }: { standing: ContractStanding }) {
  const { t } = useTranslation();
  const badge = getContractBadge(standing);
  return (
    <Badge variant="light" radius="sm" color={badge.color} miw="max-content" data-testid="contract-state" data-state={standing.state}>
      {t(badge.labelKey, badge.params)}
    </Badge>
  );
}
