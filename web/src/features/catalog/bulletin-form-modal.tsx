import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { BULLETIN_KIND_VALUES } from '@common/schemas/catalog';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getErrorMessage } from '../../components/get-error-message';
import { getFieldErrors } from '../../components/get-field-errors';
import { requiredFieldProps } from '../../components/required-field-props';
import { useFormFields } from '../../components/use-form-fields';
import { useCreateBulletin, useUpdateBulletin, type Bulletin, type BulletinKind, type ProductDetail } from './catalog.api';
import { DateField } from '../../components/date-field';

type Field = 'kind' | 'title' | 'body' | 'url' | 'releaseId' | 'publishedOn';
const WHOLE_PRODUCT = 'whole-product';

function BulletinForm({ product, bulletin, onClose }: { product: ProductDetail; bulletin: Bulletin | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateBulletin(product.id);
  const update = useUpdateBulletin();
  const { values, setValue, fieldErrors, setFieldErrors } = useFormFields<Field>({
    kind: bulletin?.kind ?? 'notice',
    title: bulletin?.title ?? '',
    body: bulletin?.body ?? '',
    url: bulletin?.url ?? '',
    releaseId: bulletin?.releaseId ?? WHOLE_PRODUCT,
    publishedOn: bulletin?.publishedOn ?? new Date().toLocaleDateString('sv-SE'),
  });
  const [formError, setFormError] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const errors: Partial<Record<Field, string>> = {};
    if (!values.title.trim()) errors.title = t('register.errors.required');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.publishedOn)) errors.publishedOn = t('catalog.releases.dateInvalid');
    if (values.url.trim() && !/^https?:\/\/\S+$/i.test(values.url.trim())) errors.url = t('catalog.bulletins.urlInvalid');
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const body = {
      kind: values.kind as BulletinKind,
      title: values.title.trim(),
      body: values.body.trim(),
      url: values.url.trim() || null,
      releaseId: values.releaseId === WHOLE_PRODUCT ? null : values.releaseId,
      publishedOn: values.publishedOn,
    };
    const onSuccess = () => {
      notifications.show({ color: 'teal', message: bulletin ? t('catalog.saved') : t('catalog.bulletins.created') });
      onClose();
    };
    const onError = (error: Error) => {
      const errors = getFieldErrors(error, { 'catalog.wrong_product': 'releaseId' });
      setFieldErrors(errors);
      if (!Object.keys(errors).some((field) => field in values)) setFormError(getErrorMessage(error));
    };
    if (bulletin) update.mutate({ bulletinId: bulletin.id, body }, { onSuccess, onError });
    else create.mutate(body, { onSuccess, onError });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="bulletin-form">
      <Stack gap="md">
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('catalog.bulletins.fields.kind')}
            data={BULLETIN_KIND_VALUES.map((value) => ({ value, label: t(`catalog.bulletins.kinds.${value}`) }))}
            value={values.kind}
            onChange={(value) => value && setValue('kind', value)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('catalog.bulletins.fields.release')}
            data={[{ value: WHOLE_PRODUCT, label: t('catalog.bulletins.wholeProduct') }, ...product.releases.map((release) => ({ value: release.id, label: release.version }))]}
            value={values.releaseId}
            onChange={(value) => setValue('releaseId', value ?? WHOLE_PRODUCT)}
            error={fieldErrors.releaseId}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <DateField label={t('catalog.bulletins.fields.publishedOn')} {...requiredFieldProps} value={values.publishedOn} onChange={(value) => setValue('publishedOn', value)} error={fieldErrors.publishedOn} />
        </SimpleGrid>
        <TextInput label={t('catalog.bulletins.fields.title')} {...requiredFieldProps} value={values.title} onChange={(event) => setValue('title', event.currentTarget.value)} error={fieldErrors.title} maxLength={200} />
        <Textarea label={t('catalog.bulletins.fields.body')} value={values.body} onChange={(event) => setValue('body', event.currentTarget.value)} error={fieldErrors.body} maxLength={20_000} autosize minRows={4} maxRows={14} />
        <TextInput label={t('catalog.bulletins.fields.url')} placeholder="https://" value={values.url} onChange={(event) => setValue('url', event.currentTarget.value)} error={fieldErrors.url} maxLength={2000} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {bulletin ? t('common.save') : t('catalog.bulletins.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Adds a notice, known issue or related document, or edits one. */
export function BulletinFormModal({ product, opened, bulletin, onClose }: { product: ProductDetail; opened: boolean; bulletin: Bulletin | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={bulletin ? t('catalog.bulletins.editTitle') : t('catalog.bulletins.addTitle')} size="lg" centered>
      {opened ? <BulletinForm key={bulletin?.id ?? 'new'} product={product} bulletin={bulletin} onClose={onClose} /> : null}
    </Modal>
  );
}
