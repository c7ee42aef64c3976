import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useFormFields } from '../../components/use-form-fields';
import { useTranslation } from 'react-i18next';
import { getErrorMessage } from '../../components/get-error-message';
import { getFieldErrors } from '../../components/get-field-errors';
import { requiredFieldProps } from '../../components/required-field-props';
import { useCreateOrganization } from './organizations.api';

type Field = 'name' | 'notes';

function CreateOrganizationForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateOrganization();
  const { values, setValue, fieldErrors, setFieldErrors } = useFormFields<Field>({ name: '', notes: '' });
  const [formError, setFormError] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    if (!values.name.trim()) {
      setFieldErrors({ name: t('register.errors.required') });
      return;
    }
    const notes = values.notes.trim();
    create.mutate(
      { name: values.name.trim(), ...(notes ? { notes } : {}) },
      {
        onSuccess: (organization) => {
          notifications.show({ color: 'teal', message: t('organizations.create.created', { name: organization.name }) });
          onClose();
        },
        onError: (error) => {
          const errors = getFieldErrors(error);
          setFieldErrors({ name: errors.name, notes: errors.notes });
          if (!errors.name && !errors.notes) setFormError(getErrorMessage(error));
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="create-organization-form">
      <Stack gap="md">
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}
        <TextInput
          label={t('organizations.fields.name')}
          {...requiredFieldProps}
          value={values.name}
          onChange={(event) => setValue('name', event.currentTarget.value)}
          error={fieldErrors.name}
          maxLength={100}
          autoComplete="organization"
          data-autofocus
        />
        <Textarea
          label={t('organizations.fields.notes')}
          description={t('organizations.fields.notesHint')}
          value={values.notes}
          onChange={(event) => setValue('notes', event.currentTarget.value)}
          error={fieldErrors.notes}
          maxLength={2000}
          autosize
          minRows={3}
          maxRows={8}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('organizations.create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Create organization": a name and optional notes; the creator becomes its owner and switches to it. */
export function CreateOrganizationModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('organizations.create.title')} centered>
      {opened ? <CreateOrganizationForm onClose={onClose} /> : null}
    </Modal>
  );
}
