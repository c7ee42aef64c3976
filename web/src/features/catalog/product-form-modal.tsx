import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { getErrorMessage } from '../../components/get-error-message';
import { getFieldErrors } from '../../components/get-field-errors';
import { useFormFields } from '../../components/use-form-fields';
import { useCreateProduct } from './catalog.api';
import { checkProductFields, ProductFields, type ProductField } from './product-fields';

function CreateProductForm({ familyId, onClose }: { familyId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateProduct();
  const { values, setValue, fieldErrors, setFieldErrors } = useFormFields<ProductField>({ familyId: familyId ?? '', name: '', description: '' });
  const [formError, setFormError] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const errors = checkProductFields(values, t('register.errors.required'));
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    create.mutate(
      { familyId: values.familyId, name: values.name.trim(), description: values.description.trim() },
      {
        onSuccess: (product) => {
          notifications.show({ color: 'teal', message: t('catalog.products.created', { name: product.name }) });
          onClose();
          void navigate(`/console/catalog/products/${product.id}`);
        },
        onError: (error) => {
          const errors = getFieldErrors(error, { 'catalog.name_taken': 'name' });
          setFieldErrors(errors);
          if (!errors.name && !errors.familyId && !errors.description) setFormError(getErrorMessage(error));
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="product-form">
      <Stack gap="md">
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}
        <ProductFields values={values} errors={fieldErrors} onChange={setValue} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('catalog.products.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Adds a product to the catalog, then opens it. */
export function ProductFormModal({ opened, familyId, onClose }: { opened: boolean; familyId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('catalog.products.addTitle')} size="lg" centered>
      {opened ? <CreateProductForm familyId={familyId} onClose={onClose} /> : null}
    </Modal>
  );
}
