import { Alert, Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getErrorMessage } from '../../components/get-error-message';
import { getFieldErrors } from '../../components/get-field-errors';
import type { Organization } from '../organizations/organizations.api';
import { useUpdateAccountTeam } from './customers.api';

type Role = 'accountManager' | 'successManager';
const roles: Role[] = ['accountManager', 'successManager'];
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The organization's account team. Vendor administrators assign it by the staff user's ID (there is
 * no staff directory to pick from yet); everyone else sees who it is.
 */
export function AccountTeamPanel({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const update = useUpdateAccountTeam(organization.id);
  const canEdit = organization.abilities.includes('customer.manage');
  const [ids, setIds] = useState<Record<Role, string>>({
    accountManager: organization.accountTeam.accountManager?.id ?? '',
    successManager: organization.accountTeam.successManager?.id ?? '',
  });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Role, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const errors: Partial<Record<Role, string>> = {};
    for (const role of roles) if (ids[role].trim() && !uuidPattern.test(ids[role].trim())) errors[role] = t('customers.accountTeam.invalidId');
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    update.mutate(
      { accountManagerId: ids.accountManager.trim() || null, successManagerId: ids.successManager.trim() || null },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('settings.saved') }),
        onError: (error) => {
          const server = getFieldErrors(error);
          const placed = { accountManager: server.accountManagerId, successManager: server.successManagerId };
          setFieldErrors(placed);
          if (!placed.accountManager && !placed.successManager) setFormError(getErrorMessage(error));
        },
      },
    );
  };

  return (
    <Stack gap="md" data-testid="account-team">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {roles.map((role) => {
          const person = organization.accountTeam[role];
          return (
            <Stack key={role} gap={2}>
              <Text size="sm" c="dimmed">
                {t(`contact.${role}`)}
              </Text>
              {person ? (
                <>
                  <Text fw={600}>{person.name}</Text>
                  <Text size="sm">{person.email}</Text>
                </>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('contact.notAssigned')}
                </Text>
              )}
            </Stack>
          );
        })}
      </SimpleGrid>
      {canEdit ? (
        <form onSubmit={submit} noValidate data-testid="account-team-form">
          <Stack gap="md" maw={640}>
            <Text size="sm" c="dimmed">
              {t('customers.accountTeam.intro')}
            </Text>
            {formError ? (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
                {formError}
              </Alert>
            ) : null}
            {roles.map((role) => (
              <TextInput
                key={role}
                label={t(`customers.accountTeam.${role}Id`)}
                value={ids[role]}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  setIds((current) => ({ ...current, [role]: value }));
                  setFieldErrors((errors) => ({ ...errors, [role]: undefined }));
                }}
                error={fieldErrors[role]}
                placeholder="00000000-0000-0000-0000-000000000000"
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                spellCheck={false}
                autoComplete="off"
              />
            ))}
            <Group>
              <Button type="submit" loading={update.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}
