import { Alert, Button, Group, Modal, Stack, Switch, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { isAcceptableIssuer } from '@common/schemas/sso';
import { useState, type FormEvent } from 'react';
import { useFormFields } from '../../components/use-form-fields';
import { useTranslation } from 'react-i18next';
import { getErrorMessage } from '../../components/get-error-message';
import { PasswordField } from '../../components/password-field';
import { requiredFieldProps } from '../../components/required-field-props';
import { getProviderFieldErrors, type ProviderField } from './get-provider-field-errors';
import { useSaveIdentityProvider, type IdentityProvider, type IdentityProviderBody } from './sso.api';

type Field = ProviderField;
const textFields = ['name', 'issuer', 'clientId'] as const;

/** Splits "example.com, example.co.kr" (commas, spaces or lines) into domains. */
function parseDomains(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((domain) => domain.trim().toLowerCase().replace(/^@/, ''))
    .filter(Boolean);
}

interface IdentityProviderFormProps {
  /** The provider to edit; null to add one. */
  provider: IdentityProvider | null;
  onClose: () => void;
}

function IdentityProviderForm({ provider, onClose }: IdentityProviderFormProps) {
  const { t } = useTranslation();
  const save = useSaveIdentityProvider();
  const { values, setValue, fieldErrors, setFieldErrors } = useFormFields<Field>({
    name: provider?.name ?? '',
    issuer: provider?.issuer ?? '',
    clientId: provider?.clientId ?? '',
    clientSecret: '',
    allowedDomains: provider?.allowedDomains.join(', ') ?? '',
  });
  const [enabled, setEnabled] = useState(provider?.enabled ?? true);
  const [formError, setFormError] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const errors: Partial<Record<Field, string>> = {};
    for (const field of textFields) if (!values[field].trim()) errors[field] = t('register.errors.required');
    // The server's own rule: https, or http on 127.0.0.1 or localhost.
    if (!errors.issuer && !isAcceptableIssuer(values.issuer.trim())) errors.issuer = t('settings.sso.errors.issuerHttps');
    if (!provider && !values.clientSecret) errors.clientSecret = t('register.errors.required');
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const body: IdentityProviderBody = {
      name: values.name.trim(),
      issuer: values.issuer.trim(),
      clientId: values.clientId.trim(),
      allowedDomains: parseDomains(values.allowedDomains),
      enabled,
      ...(values.clientSecret ? { clientSecret: values.clientSecret } : {}),
    };
    save.mutate(
      { id: provider?.id ?? null, body },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: provider ? t('settings.saved') : t('settings.sso.created') });
          onClose();
        },
        onError: (error) => {
          const placed = getProviderFieldErrors(error, body.allowedDomains);
          setFieldErrors(placed);
          if (Object.keys(placed).length === 0) setFormError(getErrorMessage(error));
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="identity-provider-form">
      <Stack gap="md">
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}
        {textFields.map((field) => (
          <TextInput
            key={field}
            label={t(`settings.sso.fields.${field}`)}
            description={t(`settings.sso.hints.${field}`)}
            {...requiredFieldProps}
            value={values[field]}
            onChange={(event) => setValue(field, event.currentTarget.value)}
            error={fieldErrors[field]}
            spellCheck={false}
            data-autofocus={field === 'name' ? true : undefined}
          />
        ))}
        <PasswordField
          label={t('settings.sso.fields.clientSecret')}
          description={provider?.hasClientSecret ? t('settings.sso.hints.clientSecretKept') : t('settings.sso.hints.clientSecret')}
          {...(provider ? {} : requiredFieldProps)}
          autoComplete="off"
          value={values.clientSecret}
          onChange={(event) => setValue('clientSecret', event.currentTarget.value)}
          error={fieldErrors.clientSecret}
        />
        <TextInput
          label={t('settings.sso.fields.allowedDomains')}
          description={t('settings.sso.hints.allowedDomains')}
          placeholder="example.com, example.co.kr"
          value={values.allowedDomains}
          onChange={(event) => setValue('allowedDomains', event.currentTarget.value)}
          error={fieldErrors.allowedDomains}
          spellCheck={false}
        />
        {provider ? <TextInput label={t('settings.sso.fields.redirectUri')} value={provider.redirectUri} readOnly ff="monospace" /> : null}
        <Switch label={t('settings.sso.fields.enabled')} checked={enabled} onChange={(event) => setEnabled(event.currentTarget.checked)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('settings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Adds or edits an identity provider (OpenID Connect). */
export function IdentityProviderModal({ opened, provider, onClose }: IdentityProviderFormProps & { opened: boolean }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={provider ? t('settings.sso.editTitle') : t('settings.sso.addTitle')} size="lg" centered>
      {/* Keyed so each opening starts from the provider's saved values. */}
      {opened ? <IdentityProviderForm key={provider?.id ?? 'new'} provider={provider} onClose={onClose} /> : null}
    </Modal>
  );
}
