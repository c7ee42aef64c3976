import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ContractWarningAlert } from './contract-warning-alert';
import { useNotifyAccountManager, type ContractWarning } from './products.api';
import { markWarningsShown, wasWarningShown } from './session-flags';

/** The contract warnings of the sites shown: an alert per site on the page, and once per browser session per site, a pop-up. */
export function ContractWarnings({ organizationId, warnings }: { organizationId: string; warnings: ContractWarning[] }) {
  const { t } = useTranslation();
  const notify = useNotifyAccountManager(organizationId);
  // The sites whose pop-up is due, decided when the set of warned sites changes (a site filter).
  const sitesKey = warnings.map((warning) => warning.site.id).join(',');
  const [decidedFor, setDecidedFor] = useState<string | null>(null);
  const [popUp, setPopUp] = useState<ContractWarning[]>([]);
  if (decidedFor !== sitesKey) {
    setDecidedFor(sitesKey);
    setPopUp(warnings.filter((warning) => !wasWarningShown(warning.site.id)));
  }
  useEffect(() => {
    markWarningsShown(popUp.map((warning) => warning.site.id));
  }, [popUp]);
  if (warnings.length === 0) return null;

  const onNotify = (warning: ContractWarning) => () => notify.mutateAsync({ siteId: warning.site.id, productId: warning.products.length === 1 ? warning.products[0]!.id : undefined });
  const keyOf = (warning: ContractWarning) => `${warning.site.id}-${warning.contract?.endsOn ?? 'none'}`;

  return (
    <>
      <Stack gap="sm" data-testid="contract-warnings">
        {warnings.map((warning) => (
          <ContractWarningAlert key={keyOf(warning)} standing={warning.standing} site={warning.site} onNotify={onNotify(warning)} />
        ))}
      </Stack>
      <Modal opened={popUp.length > 0} onClose={() => setPopUp([])} title={t('products.warning.popUpTitle')} size="lg" data-testid="contract-warning-modal">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('products.warning.popUpIntro')}
          </Text>
          {popUp.map((warning) => (
            <ContractWarningAlert key={keyOf(warning)} standing={warning.standing} site={warning.site} onNotify={onNotify(warning)} />
          ))}
          <Group justify="flex-end">
            <Button onClick={() => setPopUp([])} data-testid="contract-warning-close">
              {t('products.warning.understood')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
