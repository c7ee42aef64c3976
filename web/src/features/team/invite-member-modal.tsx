import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getErrorMessage } from '../../components/get-error-message';
import { getFieldErrors } from '../../components/get-field-errors';
import { requiredFieldProps } from '../../components/required-field-props';
import { isEmailAddress } from '@common/schemas/email';
import type { SiteTreeItem } from '../sites/sites.api';
import { getInvitableRoles, isAllSitesRole } from './member-roles';
import { SiteAccessField } from './site-access-field';
import { useInviteMember, type MemberRole } from './team.api';

interface InviteMemberFormProps {
  organizationId: string;
  myRole: MemberRole | null;
  allowInviteRoles: boolean;
  sites: readonly SiteTreeItem[];
  onClose: () => void;
}

type Field = 'email' | 'role' | 'siteIds';

function InviteMemberForm({ organizationId, myRole, allowInviteRoles, sites, onClose }: InviteMemberFormProps) {
  const { t } = useTranslation();
  const invite = useInviteMember(organizationId);
  const roles = getInvitableRoles(myRole, allowInviteRoles);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MemberRole>('viewer');
  const [siteIds, setSiteIds] = useState<string[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const address = email.trim();
    if (!address || !isEmailAddress(address)) {
      setFieldErrors({ email: address ? t('signIn.errors.emailInvalid') : t('signIn.errors.emailRequired') });
      return;
    }
    invite.mutate(
      { email: address, role, siteIds: isAllSitesRole(role) ? [] : siteIds },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('team.invite.sent', { email: address }) });
          onClose();
        },
        onError: (error) => {
          const errors = getFieldErrors(error, { 'members.already_member': 'email', 'invitations.role_not_allowed': 'role' });
          const siteError = Object.entries(errors).find(([field]) => field.startsWith('siteIds'))?.[1];
          setFieldErrors({ email: errors.email, role: errors.role, siteIds: siteError });
          if (!errors.email && !errors.role && !siteError) setFormError(getErrorMessage(error));
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="invite-form">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('team.invite.intro')}
        </Text>
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}
        <TextInput
          label={t('team.fields.email')}
          type="email"
          {...requiredFieldProps}
          value={email}
          onChange={(event) => {
            setEmail(event.currentTarget.value);
            setFieldErrors((errors) => ({ ...errors, email: undefined }));
          }}
          error={fieldErrors.email}
          autoComplete="off"
          spellCheck={false}
          data-autofocus
        />
        <Select
          label={t('team.fields.role')}
          description={allowInviteRoles ? undefined : t('team.invite.viewerOnly')}
          data={roles.map((value) => ({ value, label: t(`roles.member.${value}`) }))}
          value={role}
          onChange={(value) => {
            if (value) setRole(value as MemberRole);
            setFieldErrors((errors) => ({ ...errors, role: undefined }));
          }}
          allowDeselect={false}
          disabled={roles.length === 1}
          error={fieldErrors.role}
          comboboxProps={{ withinPortal: true }}
        />
        {isAllSitesRole(role) ? (
          <Text size="sm" c="dimmed">
            {t('team.allSitesNote')}
          </Text>
        ) : (
          <SiteAccessField sites={sites} value={siteIds} onChange={setSiteIds} error={fieldErrors.siteIds} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={invite.isPending}>
            {t('team.invite.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Invites someone by email with a role (viewer unless the organization allows others) and their sites. */
export function InviteMemberModal({ opened, ...props }: InviteMemberFormProps & { opened: boolean }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={props.onClose} title={t('team.invite.title')} centered size="lg">
      {opened ? <InviteMemberForm {...props} /> : null}
    </Modal>
  );
}
