import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getErrorMessage } from '../../components/get-error-message';
import { getFieldErrors } from '../../components/get-field-errors';
import { requiredFieldProps } from '../../components/required-field-props';
import { useFormFields } from '../../components/use-form-fields';
import { useCreateComponent, useUpdateComponent, type ProductComponent } from './catalog.api';

const requirementFields = ['os', 'cpu', 'memory', 'disk', 'prerequisites'] as const;
type Field = 'name' | 'description' | (typeof requirementFields)[number];

function ComponentForm({ productId, component, onClose }: { productId: string; component: ProductComponent | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateComponent(productId);
  const update = useUpdateComponent();
  const { values, setValue, fieldErrors, setFieldErrors } = useFormFields<Field>({
    name: component?.name ?? '',
    description: component?.description ?? '',
    os: component?.requirements.os ?? '',
    cpu: component?.requirements.cpu ?? '',
    memory: component?.requirements.memory ?? '',
    disk: component?.requirements.disk ?? '',
    prerequisites: component?.requirements.prerequisites ?? '',
  });
  const [formError, setFormError] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    if (!values.name.trim()) {
      setFieldErrors({ name: t('register.errors.required') });
      return;
    }
    const requirements = Object.fromEntries(requirementFields.map((field) => [field, values[field].trim()])) as Record<(typeof requirementFields)[number], string>;
    const body = { name: values.name.trim(), description: values.description.trim(), requirements };
    const onSuccess = () => {
      notifications.show({ color: 'teal', message: component ? t('catalog.saved') : t('catalog.components.created', { name: body.name }) });
      onClose();
    };
    const onError = (error: Error) => {
      const errors = Object.fromEntries(Object.entries(getFieldErrors(error)).map(([field, message]) => [field.replace(/^requirements\./, ''), message]));
      setFieldErrors(errors);
      if (!Object.keys(errors).some((field) => field in values)) setFormError(getErrorMessage(error));
    };
    if (component) update.mutate({ componentId: component.id, body }, { onSuccess, onError });
    else create.mutate(body, { onSuccess, onError });
  };

  const field = (name: (typeof requirementFields)[number]) => (
    <Textarea
      key={name}
      label={t(`catalog.components.fields.${name}`)}
      value={values[name]}
      onChange={(event) => setValue(name, event.currentTarget.value)}
      error={fieldErrors[name]}
      maxLength={name === 'prerequisites' ? 2000 : 500}
      autosize
      minRows={1}
    />
  );

  return (
    <form onSubmit={submit} noValidate data-testid="component-form">
      <Stack gap="md">
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}
        <TextInput label={t('catalog.components.fields.name')} {...requiredFieldProps} value={values.name} onChange={(event) => setValue('name', event.currentTarget.value)} error={fieldErrors.name} maxLength={100} />
        <Textarea
          label={t('catalog.components.fields.description')}
          value={values.description}
          onChange={(event) => setValue('description', event.currentTarget.value)}
          error={fieldErrors.description}
          maxLength={2000}
          autosize
          minRows={2}
        />
        <Text fw={600} size="sm">
          {t('catalog.components.requirements')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>{(['os', 'cpu', 'memory', 'disk'] as const).map(field)}</SimpleGrid>
        {field('prerequisites')}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {component ? t('common.save') : t('catalog.components.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Adds a component with its system requirements, or edits one. */
export function ComponentFormModal({ productId, opened, component, onClose }: { productId: string; opened: boolean; component: ProductComponent | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={component ? t('catalog.components.editTitle') : t('catalog.components.addTitle')} size="lg" centered>
      {opened ? <ComponentForm key={component?.id ?? 'new'} productId={productId} component={component} onClose={onClose} /> : null}
    </Modal>
  );
}
