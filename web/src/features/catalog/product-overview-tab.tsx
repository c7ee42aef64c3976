import { Alert, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../components/format-date-time';
import { getErrorMessage } from '../../components/get-error-message';
import { getFieldErrors } from '../../components/get-field-errors';
import { useFormFields } from '../../components/use-form-fields';
import { useDeleteProduct, useUpdateProduct, type ProductDetail } from './catalog.api';
import { ConfirmModal } from './confirm-modal';
import { checkProductFields, ProductFields, type ProductField } from './product-fields';

function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </Stack>
  );
}

/** The product's family, name and description (editable by vendor administrators), its figures, and deleting it. */
export function ProductOverviewTab({ product, canManage }: { product: ProductDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateProduct(product.id);
  const remove = useDeleteProduct(product.id);
  const [deleting, setDeleting] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const { values, setValue, fieldErrors, setFieldErrors } = useFormFields<ProductField>({ familyId: product.family.id, name: product.name, description: product.description });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const errors = checkProductFields(values, t('register.errors.required'));
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    update.mutate(
      { familyId: values.familyId, name: values.name.trim(), description: values.description.trim() },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('catalog.saved') }),
        onError: (error) => {
          const errors = getFieldErrors(error, { 'catalog.name_taken': 'name' });
          setFieldErrors(errors);
          if (!errors.name && !errors.familyId && !errors.description) setFormError(getErrorMessage(error));
        },
      },
    );
  };

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Figure label={t('catalog.products.columns.releases')} value={product.releaseCount} />
        <Figure label={t('catalog.products.columns.latestVersion')} value={product.latestVersion ?? '—'} />
        <Figure label={t('catalog.products.columns.downloads')} value={product.downloadCount} />
        <Figure label={t('catalog.product.createdAt')} value={formatDateTime(product.createdAt)} />
      </SimpleGrid>
      <form onSubmit={submit} noValidate data-testid="product-overview-form">
        <Stack gap="md" maw={720}>
          {formError ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {formError}
            </Alert>
          ) : null}
          <ProductFields values={values} errors={fieldErrors} onChange={setValue} readOnly={!canManage} />
          {canManage ? (
            <Group justify="space-between">
              <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(true)} data-testid="delete-product">
                {t('catalog.product.delete')}
              </Button>
              <Button type="submit" loading={update.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </form>
      <ConfirmModal
        opened={deleting}
        title={t('catalog.product.delete')}
        message={t('catalog.product.deleteConfirm', { name: product.name })}
        confirmLabel={t('catalog.delete')}
        isPending={remove.isPending}
        error={remove.error}
        onClose={() => {
          setDeleting(false);
          remove.reset();
        }}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('catalog.product.deleted', { name: product.name }) });
              void navigate('/console/catalog');
            },
          })
        }
      />
    </Stack>
  );
}
