import { Alert, Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getErrorMessage } from '../../components/get-error-message';
import { getFieldErrors } from '../../components/get-field-errors';
import { isEmailAddress } from '@common/schemas/email';
import { useUpdateVendorProfile, type VendorProfile } from './settings.api';

type Field = keyof VendorProfile;
const fields: { name: Field; type?: string; autoComplete: string }[] = [
  { name: 'companyName', autoComplete: 'organization' },
  { name: 'serviceName', autoComplete: 'off' },
  { name: 'contactName', autoComplete: 'name' },
  { name: 'phone', type: 'tel', autoComplete: 'tel' },
  { name: 'email', type: 'email', autoComplete: 'email' },
];

/** The vendor's own details: company, service name, and whom customers contact. */
export function VendorProfileForm({ profile }: { profile: VendorProfile }) {
  const { t } = useTranslation();
  const update = useUpdateVendorProfile();
  const [values, setValues] = useState<VendorProfile>(profile);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const body = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, value.trim()])) as VendorProfile;
    const errors: Partial<Record<Field, string>> = {};
    if (body.phone && !/^[0-9+()\-\s]*$/.test(body.phone)) errors.phone = t('fieldErrors.phone');
    if (body.email && !isEmailAddress(body.email)) errors.email = t('signIn.errors.emailInvalid');
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    update.mutate(body, {
      onSuccess: (saved) => {
        setValues(saved);
        notifications.show({ color: 'teal', message: t('settings.saved') });
      },
      onError: (error) => {
        const server = getFieldErrors(error);
        setFieldErrors(server);
        if (!fields.some(({ name }) => server[name])) setFormError(getErrorMessage(error));
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="settings-profile-form">
      <Stack gap="md" maw={720}>
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {fields.map(({ name, type, autoComplete }) => (
            <TextInput
              key={name}
              label={t(`settings.profile.fields.${name}`)}
              description={name === 'serviceName' ? t('settings.profile.serviceNameDescription') : undefined}
              // Under the input, so that the inputs of a row stay level.
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              type={type}
              autoComplete={autoComplete}
              value={values[name]}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setValues((current) => ({ ...current, [name]: value }));
                setFieldErrors((errors) => ({ ...errors, [name]: undefined }));
              }}
              error={fieldErrors[name]}
            />
          ))}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending}>
            {t('settings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
