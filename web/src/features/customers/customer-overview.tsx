import { Alert, Badge, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format-date-time';
import { getErrorMessage } from '../../components/get-error-message';
import { OrganizationIdField } from '../organizations/organization-id-field';
import type { Organization } from '../organizations/organizations.api';
import { useRestoreOrganization } from './customers.api';

/** A customer organization at a glance: name, notes, ID, dates, and restoring it when archived. */
export function CustomerOverview({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const restore = useRestoreOrganization(organization.id);
  const canRestore = organization.abilities.includes('customer.manage');

  return (
    <Stack gap="lg">
      {organization.archivedAt ? (
        <Alert color="gray" variant="light" icon={<IconArchive size={18} />} data-testid="customer-archived">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('organizations.archivedNotice', { date: formatDateTime(organization.archivedAt) })}</Text>
            {canRestore ? (
              <Button
                size="xs"
                leftSection={<IconRestore size={14} />}
                loading={restore.isPending}
                onClick={() =>
                  restore.mutate(undefined, {
                    onSuccess: () => notifications.show({ color: 'teal', message: t('customers.restored', { name: organization.name }) }),
                    onError: (error) => notifications.show({ color: 'red', message: getErrorMessage(error) }),
                  })
                }
                data-testid="restore-organization"
              >
                {t('customers.restore')}
              </Button>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {t('organizations.fields.name')}
          </Text>
          <Text fw={600}>{organization.name}</Text>
        </Stack>
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {t('customers.columns.state')}
          </Text>
          <Group>
            <Badge variant="light" radius="sm" color={organization.archivedAt ? 'gray' : 'teal'}>
              {organization.archivedAt ? t('customers.state.archived') : t('customers.state.active')}
            </Badge>
            {organization.requireMfa ? (
              <Badge variant="light" radius="sm" color="indigo">
                {t('organizations.settings.mfaRequired')}
              </Badge>
            ) : null}
          </Group>
        </Stack>
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {t('customers.columns.createdAt')}
          </Text>
          <Text size="sm">{formatDateTime(organization.createdAt)}</Text>
        </Stack>
        <OrganizationIdField organizationId={organization.id} withHint={false} />
      </SimpleGrid>
      <Stack gap={2}>
        <Text size="sm" c="dimmed">
          {t('organizations.fields.notes')}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {organization.notes || '—'}
        </Text>
      </Stack>
    </Stack>
  );
}
