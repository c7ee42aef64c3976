import { Accordion, Alert, Badge, Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format-date-time';
import { getErrorMessage } from '../../components/get-error-message';
import { getFieldErrors } from '../../components/get-field-errors';
import { requiredFieldProps } from '../../components/required-field-props';
import { useFormFields } from '../../components/use-form-fields';
import { usePublishAgreement, type ProductDetail } from './catalog.api';

function PublishAgreementForm({ product }: { product: ProductDetail }) {
  const { t } = useTranslation();
  const publish = usePublishAgreement(product.id);
  const current = product.agreements[0];
  const { values, setValue, setValues, fieldErrors, setFieldErrors } = useFormFields<'title' | 'body'>({ title: current?.title ?? '', body: current?.body ?? '' });
  const [formError, setFormError] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const errors: Partial<Record<'title' | 'body', string>> = {};
    if (!values.title.trim()) errors.title = t('register.errors.required');
    if (!values.body.trim()) errors.body = t('register.errors.required');
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    publish.mutate(
      { title: values.title.trim(), body: values.body.trim() },
      {
        onSuccess: (agreement) => {
          notifications.show({ color: 'teal', message: t('catalog.agreements.published', { version: agreement.version }) });
          setValues({ title: agreement.title, body: agreement.body });
        },
        onError: (error) => {
          const errors = getFieldErrors(error);
          setFieldErrors(errors);
          if (!errors.title && !errors.body) setFormError(getErrorMessage(error));
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="agreement-form">
      <Stack gap="md">
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}
        <TextInput label={t('catalog.agreements.fields.title')} {...requiredFieldProps} value={values.title} onChange={(event) => setValue('title', event.currentTarget.value)} error={fieldErrors.title} maxLength={200} />
        <Textarea label={t('catalog.agreements.fields.body')} {...requiredFieldProps} value={values.body} onChange={(event) => setValue('body', event.currentTarget.value)} error={fieldErrors.body} autosize minRows={8} maxRows={24} />
        <Group justify="flex-end">
          <Button type="submit" loading={publish.isPending} data-testid="publish-agreement">
            {t('catalog.agreements.publish', { version: (current?.version ?? 0) + 1 })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The product's licence agreement versions (the newest is in force) and publishing the next one. */
export function AgreementsTab({ product, canManage }: { product: ProductDetail; canManage: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        {t('catalog.agreements.intro')}
      </Text>
      {product.agreements.length === 0 ? (
        <Alert color="gray" variant="light">
          {t('catalog.agreements.empty')}
        </Alert>
      ) : (
        <Accordion variant="separated" defaultValue={product.agreements[0]?.id} data-testid="agreement-versions">
          {product.agreements.map((agreement) => (
            <Accordion.Item key={agreement.id} value={agreement.id}>
              <Accordion.Control>
                <Group gap="xs">
                  <Text fw={600}>{t('catalog.agreements.version', { version: agreement.version })}</Text>
                  <Text size="sm">{agreement.title}</Text>
                  {agreement.inForce ? (
                    <Badge size="sm" variant="light" color="teal">
                      {t('catalog.agreements.inForce')}
                    </Badge>
                  ) : null}
                  <Text size="xs" c="dimmed">
                    {formatDateTime(agreement.createdAt)}
                  </Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {agreement.body}
                </Text>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
      {canManage ? <PublishAgreementForm key={product.agreements[0]?.id ?? 'none'} product={product} /> : null}
    </Stack>
  );
}
