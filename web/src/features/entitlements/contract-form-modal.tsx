import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-error';
import { getErrorMessage } from '../../components/get-error-message';
import { getFieldErrors } from '../../components/get-field-errors';
import { requiredFieldProps } from '../../components/required-field-props';
import { useFormFields } from '../../components/use-form-fields';
import { CONTRACT_TIERS, type ContractTier } from './contract-tiers';
import type { EntitlementsDialog } from './entitlements-dialog';
import { useCreateContract, useUpdateContract } from './entitlements.api';
import { DateField } from '../../components/date-field';

type Mode = Extract<EntitlementsDialog, { kind: 'add-contract' | 'edit-contract' }>;
type Field = 'reference' | 'startsOn' | 'endsOn';

function ContractForm({ organizationId, mode, onClose }: { organizationId: string; mode: Mode; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateContract(organizationId);
  const update = useUpdateContract(organizationId);
  const editing = mode.kind === 'edit-contract' ? mode.contract : null;
  const [scope, setScope] = useState<'site' | 'entitlement'>(editing?.scope ?? (mode.kind === 'add-contract' ? mode.scope : 'site'));
  const [tier, setTier] = useState<ContractTier>(editing?.tier ?? 'standard');
  const { values, setValue, fieldErrors, setFieldErrors } = useFormFields<Field>({
    reference: editing?.reference ?? '',
    startsOn: editing?.startsOn ?? '',
    endsOn: editing?.endsOn ?? '',
  });
  const [formError, setFormError] = useState<string | null>(null);

  const onError = (error: Error) => {
    if (error instanceof ApiError && error.code === 'contracts.invalid_dates') return setFieldErrors({ endsOn: error.message });
    const errors = getFieldErrors(error);
    setFieldErrors({ reference: errors.reference, startsOn: errors.startsOn, endsOn: errors.endsOn });
    if (!errors.reference && !errors.startsOn && !errors.endsOn) setFormError(getErrorMessage(error));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const missing = (['startsOn', 'endsOn'] as const).filter((field) => !values[field]);
    if (missing.length > 0) return setFieldErrors(Object.fromEntries(missing.map((field) => [field, t('entitlements.errors.required')])));
    if (values.endsOn < values.startsOn) return setFieldErrors({ endsOn: t('entitlements.errors.endBeforeStart') });
    const body = { tier, reference: values.reference.trim(), startsOn: values.startsOn, endsOn: values.endsOn };
    if (editing) {
      update.mutate(
        { contractId: editing.id, body },
        {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: t('entitlements.messages.contractSaved') });
            onClose();
          },
          onError,
        },
      );
    } else {
      create.mutate(
        { siteId: mode.site.id, body: { scope, ...body } },
        {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: t('entitlements.messages.contractCreated') });
            onClose();
          },
          onError,
        },
      );
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="contract-form">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {mode.site.path}
        </Text>
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}
        {editing ? null : (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="contract-scope-label">
              {t('entitlements.fields.scope')}
            </Text>
            <SegmentedControl
              aria-labelledby="contract-scope-label"
              value={scope}
              onChange={(value) => setScope(value as 'site' | 'entitlement')}
              data={[
                { value: 'site', label: t('entitlements.fields.scopeSite') },
                { value: 'entitlement', label: t('entitlements.fields.scopeEntitlement') },
              ]}
              fullWidth
            />
          </Stack>
        )}
        <Select
          label={t('entitlements.fields.tier')}
          data={CONTRACT_TIERS.map((value) => ({ value, label: t(`entitlements.tiers.${value}`) }))}
          value={tier}
          onChange={(value) => value && setTier(value as ContractTier)}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          label={t('entitlements.fields.reference')}
          description={t('entitlements.fields.referenceHint')}
          value={values.reference}
          onChange={(event) => setValue('reference', event.currentTarget.value)}
          error={fieldErrors.reference}
          maxLength={100}
          data-autofocus
        />
        <Group grow align="flex-start">
          <DateField label={t('entitlements.fields.startsOn')} {...requiredFieldProps} value={values.startsOn} onChange={(value) => setValue('startsOn', value)} error={fieldErrors.startsOn} />
          <DateField
            label={t('entitlements.fields.endsOn')}
            description={t('entitlements.fields.endsOnHint')}
            {...requiredFieldProps}
            value={values.endsOn}
            onChange={(value) => setValue('endsOn', value)}
            error={fieldErrors.endsOn}
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {editing ? t('common.save') : t('entitlements.actions.addContract')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Adds a support contract to a site (its own, or one for products whose terms differ), or edits one. */
export function ContractFormModal({ organizationId, dialog, onClose }: { organizationId: string; dialog: EntitlementsDialog | null; onClose: () => void }) {
  const { t } = useTranslation();
  const mode = dialog?.kind === 'add-contract' || dialog?.kind === 'edit-contract' ? dialog : null;
  return (
    <Modal opened={mode !== null} onClose={onClose} title={mode?.kind === 'edit-contract' ? t('entitlements.titles.editContract') : t('entitlements.titles.addContract')} centered size="lg">
      {mode ? <ContractForm key={mode.kind === 'edit-contract' ? mode.contract.id : `${mode.site.id}-${mode.scope}`} organizationId={organizationId} mode={mode} onClose={onClose} /> : null}
    </Modal>
  );
}
