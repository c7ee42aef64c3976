import { Alert, Button, Group, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useFormFields } from '../../components/use-form-fields';
import { useTranslation } from 'react-i18next';
import { getErrorMessage } from '../../components/get-error-message';
import { getFieldErrors } from '../../components/get-field-errors';
import { requiredFieldProps } from '../../components/required-field-props';
import { useUpdateOrganization, type Organization } from './organizations.api';

type Field = 'name' | 'notes';

/** The organization's name, notes and whether invitations may carry roles other than viewer. */
export function OrganizationDetailsForm({ organization, readOnly }: { organization: Organization; readOnly: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateOrganization(organization.id);
  const { values, setValue, fieldErrors, setFieldErrors } = useFormFields<Field>({ name: organization.name, notes: organization.notes ?? '' });
  const [allowInviteRoles, setAllowInviteRoles] = useState(organization.allowInviteRoles);
  const [formError, setFormError] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    if (!values.name.trim()) {
      setFieldErrors({ name: t('register.errors.required') });
      return;
    }
    update.mutate(
      { name: values.name.trim(), notes: values.notes.trim() || null, allowInviteRoles },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('settings.saved') }),
        onError: (error) => {
          const errors = getFieldErrors(error);
          setFieldErrors({ name: errors.name, notes: errors.notes });
          if (!errors.name && !errors.notes) setFormError(getErrorMessage(error));
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="organization-details-title" data-testid="organization-details-form">
      <Stack gap="md" maw={560}>
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}
        <TextInput
          label={t('organizations.fields.name')}
          {...(readOnly ? {} : requiredFieldProps)}
          value={values.name}
          onChange={(event) => setValue('name', event.currentTarget.value)}
          error={fieldErrors.name}
          maxLength={100}
          readOnly={readOnly}
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
          maxRows={10}
          readOnly={readOnly}
        />
        <Switch
          label={t('organizations.fields.allowInviteRoles')}
          description={t('organizations.fields.allowInviteRolesHint')}
          checked={allowInviteRoles}
          onChange={(event) => setAllowInviteRoles(event.currentTarget.checked)}
          disabled={readOnly}
          data-testid="allow-invite-roles"
        />
        {readOnly ? null : (
          <Group>
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
