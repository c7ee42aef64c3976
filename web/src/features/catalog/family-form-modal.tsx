import { Alert, Button, Group, Modal, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getErrorMessage } from '../../components/get-error-message';
import { getFieldErrors } from '../../components/get-field-errors';
import { requiredFieldProps } from '../../components/required-field-props';
import { useFormFields } from '../../components/use-form-fields';
import { useCreateFamily, useUpdateFamily, type ProductFamily } from './catalog.api';

type Field = 'nameEn' | 'nameKo' | 'descriptionEn' | 'descriptionKo';
const serverFields: Record<string, Field> = { 'name.en': 'nameEn', 'name.ko': 'nameKo', 'description.en': 'descriptionEn', 'description.ko': 'descriptionKo' };

function FamilyForm({ family, onClose }: { family: ProductFamily | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateFamily();
  const update = useUpdateFamily();
  const { values, setValue, fieldErrors, setFieldErrors } = useFormFields<Field>({
    nameEn: family?.name.en ?? '',
    nameKo: family?.name.ko ?? '',
    descriptionEn: family?.description.en ?? '',
    descriptionKo: family?.description.ko ?? '',
  });
  const [formError, setFormError] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const missing: Partial<Record<Field, string>> = {};
    if (!values.nameEn.trim()) missing.nameEn = t('register.errors.required');
    if (!values.nameKo.trim()) missing.nameKo = t('register.errors.required');
    setFieldErrors(missing);
    if (Object.keys(missing).length > 0) return;
    const body = {
      name: { en: values.nameEn.trim(), ko: values.nameKo.trim() },
      description: { en: values.descriptionEn.trim(), ko: values.descriptionKo.trim() },
    };
    const onSuccess = () => {
      notifications.show({ color: 'teal', message: family ? t('catalog.saved') : t('catalog.families.created', { name: body.name.en }) });
      onClose();
    };
    const onError = (error: Error) => {
      const errors = Object.fromEntries(Object.entries(getFieldErrors(error)).map(([field, message]) => [serverFields[field] ?? field, message]));
      setFieldErrors(errors);
      if (!Object.keys(errors).some((field) => field in values)) setFormError(getErrorMessage(error));
    };
    if (family) update.mutate({ familyId: family.id, body }, { onSuccess, onError });
    else create.mutate(body, { onSuccess, onError });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="family-form">
      <Stack gap="md">
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {(['nameEn', 'nameKo'] as const).map((field) => (
            <TextInput
              key={field}
              label={t(`catalog.families.fields.${field}`)}
              {...requiredFieldProps}
              value={values[field]}
              onChange={(event) => setValue(field, event.currentTarget.value)}
              error={fieldErrors[field]}
              maxLength={100}
            />
          ))}
          {(['descriptionEn', 'descriptionKo'] as const).map((field) => (
            <Textarea
              key={field}
              label={t(`catalog.families.fields.${field}`)}
              value={values[field]}
              onChange={(event) => setValue(field, event.currentTarget.value)}
              error={fieldErrors[field]}
              maxLength={500}
              autosize
              minRows={3}
            />
          ))}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {family ? t('common.save') : t('catalog.families.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Adds a product family or edits one, with its name and description in English and Korean. */
export function FamilyFormModal({ opened, family, onClose }: { opened: boolean; family: ProductFamily | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={family ? t('catalog.families.editTitle') : t('catalog.families.addTitle')} size="lg" centered>
      {opened ? <FamilyForm key={family?.id ?? 'new'} family={family} onClose={onClose} /> : null}
    </Modal>
  );
}
