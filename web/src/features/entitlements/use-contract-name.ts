import { useTranslation } from 'react-i18next';
import type { SupportContract } from './entitlements.api';

/** A contract's name for people: its reference, else its tier and term. */
export function useContractName() {
  const { t } = useTranslation();
  return (contract: SupportContract) => contract.reference || `${t(`entitlements.tiers.${contract.tier}`)} ${contract.startsOn} – ${contract.endsOn}`;
}
