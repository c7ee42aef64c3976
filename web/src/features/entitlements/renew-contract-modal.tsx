import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-error';
import { getErrorMessage } from '../../components/get-error-message';
import { getFieldErrors } from '../../components/get-field-errors';
import { requiredFieldProps } from '../../components/required-field-props';
import { useFormFields } from '../../components/use-form-fields';
import { ContractStateBadge } from './contract-state-badge';
import type { EntitlementsDialog } from './entitlements-dialog';
import { useRenewContract, type SupportContract } from './entitlements.api';
import { DateField } from '../../components/date-field';

/** The same day a year later (ISO dates), a sensible first guess for a renewal. */
function oneYearAfter(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00.000Z`);
  date.setUTCFullYear(date.getUTCFullYear() + 1);
  return date.toISOString().slice(0, 10);
}

function RenewForm({ organizationId, contract, path, onClose }: { organizationId: string; contract: SupportContract; path: string; onClose: () => void }) {
  const { t } = useTranslation();
  const renew = useRenewContract(organizationId);
  const { values, setValue, fieldErrors, setFieldErrors } = useFormFields<'endsOn' | 'startsOn'>({ endsOn: oneYearAfter(contract.endsOn), startsOn: '' });
  const [formError, setFormError] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    if (!values.endsOn) return setFieldErrors({ endsOn: t('entitlements.errors.required') });
    if (values.endsOn <= contract.endsOn) return setFieldErrors({ endsOn: t('entitlements.errors.notLater') });
    renew.mutate(
      { contractId: contract.id, body: { endsOn: values.endsOn, ...(values.startsOn ? { startsOn: values.startsOn } : {}) } },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('entitlements.messages.contractRenewed', { date: values.endsOn }) });
          onClose();
        },
        onError: (error) => {
          if (error instanceof ApiError && (error.code === 'contracts.invalid_dates' || error.code === 'contracts.renewal_not_later')) return setFieldErrors({ endsOn: error.message });
          const errors = getFieldErrors(error);
          setFieldErrors({ endsOn: errors.endsOn, startsOn: errors.startsOn });
          if (!errors.endsOn && !errors.startsOn) setFormError(getErrorMessage(error));
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="renew-contract-form">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {path}
        </Text>
        <Group gap="xs">
          <Text size="sm">{t('entitlements.renewCurrent', { startsOn: contract.startsOn, endsOn: contract.endsOn })}</Text>
          <ContractStateBadge standing={contract.standing} />
        </Group>
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}
        <DateField
          label={t('entitlements.fields.newEndsOn')}
          description={t('entitlements.fields.renewHint')}
          {...requiredFieldProps}
          value={values.endsOn}
          onChange={(value) => setValue('endsOn', value)}
          error={fieldErrors.endsOn}
          data-autofocus
        />
        <DateField label={t('entitlements.fields.newStartsOn')} value={values.startsOn} onChange={(value) => setValue('startsOn', value)} clearable error={fieldErrors.startsOn} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={renew.isPending}>
            {t('entitlements.actions.renew')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Renews a contract to a later end date; the customer's downloads and cases work again at once. */
export function RenewContractModal({ organizationId, dialog, onClose }: { organizationId: string; dialog: EntitlementsDialog | null; onClose: () => void }) {
  const { t } = useTranslation();
  const mode = dialog?.kind === 'renew-contract' ? dialog : null;
  return (
    <Modal opened={mode !== null} onClose={onClose} title={t('entitlements.titles.renewContract')} centered>
      {mode ? <RenewForm key={mode.contract.id} organizationId={organizationId} contract={mode.contract} path={mode.site.path} onClose={onClose} /> : null}
    </Modal>
  );
}
