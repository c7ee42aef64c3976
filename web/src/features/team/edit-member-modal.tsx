import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getErrorMessage } from '../../components/get-error-message';
import { getFieldErrors } from '../../components/get-field-errors';
import type { SiteTreeItem } from '../sites/sites.api';
import { getAssignableRoles, isAllSitesRole } from './member-roles';
import { SiteAccessField } from './site-access-field';
import { useUpdateMember, type MemberRole, type MemberSummary } from './team.api';

interface EditMemberFormProps {
  organizationId: string;
  member: MemberSummary;
  /** The editor's own role here, which limits the roles they may give. */
  myRole: MemberRole | null;
  sites: readonly SiteTreeItem[];
  onClose: () => void;
}

function EditMemberForm({ organizationId, member, myRole, sites, onClose }: EditMemberFormProps) {
  const { t } = useTranslation();
  const update = useUpdateMember(organizationId);
  const [role, setRole] = useState<MemberRole>(member.role);
  const [siteIds, setSiteIds] = useState<string[]>(member.sites.map((site) => site.id));
  const [fieldErrors, setFieldErrors] = useState<{ role?: string; siteIds?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const roles = getAssignableRoles(myRole);
  // A member may already hold a role the editor cannot give (an owner seen by an admin): keep it listed.
  const roleOptions = (roles.includes(member.role) ? roles : [member.role, ...roles]).map((value) => ({ value, label: t(`roles.member.${value}`) }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const body = { ...(role !== member.role ? { role } : {}), ...(isAllSitesRole(role) ? {} : { siteIds }) };
    update.mutate(
      { memberId: member.id, body },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('team.members.saved', { name: member.name }) });
          onClose();
        },
        onError: (error) => {
          const errors = getFieldErrors(error);
          const siteError = Object.entries(errors).find(([field]) => field.startsWith('siteIds'))?.[1];
          setFieldErrors({ role: errors.role, siteIds: siteError });
          if (!errors.role && !siteError) setFormError(getErrorMessage(error));
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="member-form">
      <Stack gap="md">
        <div>
          <Text fw={600}>{member.name}</Text>
          <Text size="sm" c="dimmed">
            {member.email}
          </Text>
        </div>
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" data-testid="member-form-error">
            {formError}
          </Alert>
        ) : null}
        <Select
          label={t('team.fields.role')}
          data={roleOptions}
          value={role}
          onChange={(value) => {
            if (value) setRole(value as MemberRole);
            setFieldErrors((errors) => ({ ...errors, role: undefined }));
          }}
          allowDeselect={false}
          error={fieldErrors.role}
          comboboxProps={{ withinPortal: true }}
          data-testid="member-role"
        />
        {isAllSitesRole(role) ? (
          <Text size="sm" c="dimmed" data-testid="all-sites-note">
            {t('team.allSitesNote')}
          </Text>
        ) : (
          <SiteAccessField sites={sites} value={siteIds} onChange={setSiteIds} error={fieldErrors.siteIds} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Changes a member's role and the sites they may act on (owners and admins act on all sites). */
export function EditMemberModal({ member, ...props }: Omit<EditMemberFormProps, 'member'> & { member: MemberSummary | null }) {
  const { t } = useTranslation();
  return (
    <Modal opened={member !== null} onClose={props.onClose} title={t('team.members.editTitle')} centered size="lg">
      {member ? <EditMemberForm key={member.id} member={member} {...props} /> : null}
    </Modal>
  );
}
