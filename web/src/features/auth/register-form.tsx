import { Alert, Anchor, Button, Checkbox, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../../app/language';
import { getErrorMessage } from '../../components/get-error-message';
import { getFieldErrors } from '../../components/get-field-errors';
import { PasswordField } from '../../components/password-field';
import { requiredFieldProps } from '../../components/required-field-props';
import { useRegister, type RegistrationInfo } from './auth.api';
import { LegalDocumentModal, type LegalDocument } from './legal-document-modal';
import { PasswordRuleList } from './password-rule-list';
import { getRegisterErrors, type RegisterField, type RegisterTextField as TextField, type RegisterValues } from './get-register-errors';

type FieldErrors = Partial<Record<RegisterField, string>>;

/**
 * The longest each field may be, as `RegisterBody` in common/schemas/auth.ts, where an input may cut
 * what is typed beyond it. Not the display name nor the passwords: those are checked and their error
 * shown, so that a pasted password is never kept shorter than pasted.
 */
const maxLengths: Partial<Record<TextField, number>> = { name: 100, email: 254, company: 100, address: 300, phone: 40 };

const autoCompletes: Record<TextField, string> = {
  name: 'name',
  email: 'email',
  company: 'organization',
  address: 'street-address',
  phone: 'tel',
  displayName: 'nickname',
};

interface RegisterFormProps {
  info: RegistrationInfo;
  onRegistered: (email: string) => void;
  /** Fills the email field, as an invitation link does (`/register?email=…`). */
  defaultEmail?: string;
}

/** The registration form; calls `onRegistered` with the email once the server has sent the verification link. */
export function RegisterForm({ info, onRegistered, defaultEmail = '' }: RegisterFormProps) {
  const { t, i18n } = useTranslation();
  const register = useRegister();
  const [values, setValues] = useState<RegisterValues>({
    name: '', email: defaultEmail, company: '', address: '', phone: '', displayName: '', password: '', confirmPassword: '',
  });
  const [accepted, setAccepted] = useState({ acceptTerms: false, acceptPrivacy: false });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [shownDocument, setShownDocument] = useState<LegalDocument | null>(null);

  const setValue = (field: keyof typeof values, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setFieldErrors((errors) => ({ ...errors, [field]: undefined }));
  };

  const validate = (): FieldErrors => {
    const keys = getRegisterErrors(values, accepted, info.passwordPolicy);
    return Object.fromEntries(Object.entries(keys).map(([field, key]) => [field, t(key)]));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const errors = validate();
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const email = values.email.trim();
    register.mutate(
      {
        name: values.name.trim(),
        email,
        company: values.company.trim(),
        address: values.address.trim(),
        phone: values.phone.trim(),
        displayName: values.displayName,
        password: values.password,
        acceptTerms: true,
        acceptPrivacy: true,
        termsVersion: info.termsVersion,
        privacyVersion: info.privacyVersion,
        locale: isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : undefined,
      },
      {
        onSuccess: () => onRegistered(email),
        onError: (error) => {
          const server = getFieldErrors(error, {
            'auth.weak_password': 'password',
            'auth.common_password': 'password',
            'auth.display_name_taken': 'displayName',
          });
          const known = Object.fromEntries(Object.entries(server).filter(([field]) => field in values || field in accepted));
          setFieldErrors(known);
          const others = Object.entries(server).filter(([field]) => !(field in known)).map(([, message]) => message);
          if (Object.keys(known).length === 0 || others.length > 0) setFormError([getErrorMessage(error), ...others].join(' '));
        },
      },
    );
  };

  const textInput = (field: TextField, extra: { description?: string; type?: string } = {}) => (
    <TextInput
      label={t(`register.fields.${field}`)}
      {...requiredFieldProps}
      autoComplete={autoCompletes[field]}
      maxLength={maxLengths[field]}
      value={values[field]}
      onChange={(event) => setValue(field, event.currentTarget.value)}
      error={fieldErrors[field]}
      {...extra}
    />
  );

  const agreement = (field: 'acceptTerms' | 'acceptPrivacy', document: LegalDocument) => (
    <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
      <Checkbox
        label={t(`register.${field}`)}
        checked={accepted[field]}
        onChange={(event) => {
          const checked = event.currentTarget.checked;
          setAccepted((current) => ({ ...current, [field]: checked }));
          setFieldErrors((errors) => ({ ...errors, [field]: undefined }));
        }}
        error={fieldErrors[field]}
        required
      />
      <Anchor component="button" type="button" size="sm" style={{ whiteSpace: 'nowrap' }} onClick={() => setShownDocument(document)}>
        {t(`register.legal.${document}.view`)}
      </Anchor>
    </Group>
  );

  return (
    <form onSubmit={submit} noValidate aria-labelledby="register-title" data-testid="register-form">
      <Stack gap="md">
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" data-testid="register-error">
            {formError}
          </Alert>
        ) : null}
        <Text size="xs" c="dimmed">
          {t('register.requiredNote')}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          {textInput('name')}
          {textInput('email', { type: 'email' })}
          {textInput('company')}
          {textInput('phone', { type: 'tel' })}
        </SimpleGrid>
        {textInput('address')}
        {textInput('displayName', { description: t('register.displayNameHint') })}
        <PasswordField
          label={t('register.fields.password')}
          {...requiredFieldProps}
          autoComplete="new-password"
          value={values.password}
          onChange={(event) => setValue('password', event.currentTarget.value)}
          error={fieldErrors.password}
        />
        <PasswordRuleList password={values.password} policy={info.passwordPolicy} />
        <PasswordField
          label={t('register.fields.confirmPassword')}
          {...requiredFieldProps}
          autoComplete="new-password"
          value={values.confirmPassword}
          onChange={(event) => setValue('confirmPassword', event.currentTarget.value)}
          error={fieldErrors.confirmPassword}
        />
        <Stack gap="xs">
          {agreement('acceptTerms', 'terms')}
          {agreement('acceptPrivacy', 'privacy')}
        </Stack>
        <Button type="submit" size="md" fullWidth loading={register.isPending} mt="xs">
          {t('register.submit')}
        </Button>
      </Stack>
      <LegalDocumentModal
        document={shownDocument}
        version={shownDocument === 'privacy' ? info.privacyVersion : info.termsVersion}
        onClose={() => setShownDocument(null)}
      />
    </form>
  );
}
