import { Alert, Button, Group, Modal, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getErrorMessage } from '../../components/get-error-message';
import { getFieldErrors } from '../../components/get-field-errors';
import { requiredFieldProps } from '../../components/required-field-props';
import { useFormFields } from '../../components/use-form-fields';
import { useCreateRelease, useUpdateRelease, type ReleaseWithFiles } from './catalog.api';
import { DateField } from '../../components/date-field';

type Field = 'version' | 'releasedOn' | 'notes';
// Swedish dates are written YYYY-MM-DD: today in the person's own time zone.
const today = () => new Date().toLocaleDateString('sv-SE');

function ReleaseForm({ productId, release, onClose }: { productId: string; release: ReleaseWithFiles | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateRelease(productId);
  const update = useUpdateRelease();
  const { values, setValue, fieldErrors, setFieldErrors } = useFormFields<Field>({ version: release?.version ?? '', releasedOn: release?.releasedOn ?? today(), notes: release?.notes ?? '' });
  const [formError, setFormError] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const errors: Partial<Record<Field, string>> = {};
    if (!values.version.trim()) errors.version = t('register.errors.required');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.releasedOn)) errors.releasedOn = t('catalog.releases.dateInvalid');
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const body = { version: values.version.trim(), releasedOn: values.releasedOn, notes: values.notes.trim() };
    const onSuccess = () => {
      notifications.show({ color: 'teal', message: release ? t('catalog.saved') : t('catalog.releases.created', { version: body.version }) });
      onClose();
    };
    const onError = (error: Error) => {
      const errors = getFieldErrors(error, { 'catalog.version_taken': 'version' });
      setFieldErrors(errors);
      if (!Object.keys(errors).some((field) => field in values)) setFormError(getErrorMessage(error));
    };
    if (release) update.mutate({ releaseId: release.id, body }, { onSuccess, onError });
    else create.mutate(body, { onSuccess, onError });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="release-form">
      <Stack gap="md">
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('catalog.releases.fields.version')} {...requiredFieldProps} value={values.version} onChange={(event) => setValue('version', event.currentTarget.value)} error={fieldErrors.version} maxLength={50} />
          <DateField
            label={t('catalog.releases.fields.releasedOn')}
            {...requiredFieldProps}
            value={values.releasedOn}
            onChange={(value) => setValue('releasedOn', value)}
            error={fieldErrors.releasedOn}
          />
        </SimpleGrid>
        <Textarea
          label={t('catalog.releases.fields.notes')}
          value={values.notes}
          onChange={(event) => setValue('notes', event.currentTarget.value)}
          error={fieldErrors.notes}
          maxLength={20_000}
          autosize
          minRows={4}
          maxRows={16}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {release ? t('common.save') : t('catalog.releases.createDraft')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Adds a draft release (version, date, release notes) or edits one. */
export function ReleaseFormModal({ productId, opened, release, onClose }: { productId: string; opened: boolean; release: ReleaseWithFiles | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={release ? t('catalog.releases.editTitle') : t('catalog.releases.addTitle')} size="lg" centered>
      {opened ? <ReleaseForm key={release?.id ?? 'new'} productId={productId} release={release} onClose={onClose} /> : null}
    </Modal>
  );
}
