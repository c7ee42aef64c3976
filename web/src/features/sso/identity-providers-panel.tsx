import { ActionIcon, Badge, Button, CopyButton, Group, Modal, Skeleton, Stack, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getErrorMessage } from '../../components/get-error-message';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { IdentityProviderModal } from './identity-provider-modal';
import { useDeleteIdentityProvider, useIdentityProviders, type IdentityProvider } from './sso.api';

/** The console's single sign-on providers: list, add, edit, delete, and each one's redirect URI to register at the provider. */
export function IdentityProvidersPanel() {
  const { t } = useTranslation();
  const providers = useIdentityProviders();
  const remove = useDeleteIdentityProvider();
  const [editing, setEditing] = useState<{ provider: IdentityProvider | null } | null>(null);
  const [deleting, setDeleting] = useState<IdentityProvider | null>(null);

  const confirmDelete = () => {
    if (!deleting) return;
    remove.mutate(deleting.id, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('settings.sso.deleted', { name: deleting.name }) });
        setDeleting(null);
      },
      onError: (error) => notifications.show({ color: 'red', message: getErrorMessage(error) }),
    });
  };

  const renderList = () => {
    if (providers.isError) return <LoadErrorAlert error={providers.error} onRetry={() => void providers.refetch()} />;
    if (!providers.data) return <Skeleton height={96} radius="md" />;
    if (providers.data.items.length === 0) {
      return (
        <Text c="dimmed" size="sm" py="md" ta="center" data-testid="identity-providers-empty">
          {t('settings.sso.empty')}
        </Text>
      );
    }
    return (
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.sso.fields.name')}</Table.Th>
              <Table.Th>{t('settings.sso.fields.allowedDomains')}</Table.Th>
              <Table.Th>{t('settings.sso.fields.redirectUri')}</Table.Th>
              <Table.Th>{t('settings.sso.status')}</Table.Th>
              <Table.Th>{t('settings.sso.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {providers.data.items.map((provider) => (
              <Table.Tr key={provider.id} data-testid="identity-provider-row" data-provider-id={provider.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {provider.name}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
                    {provider.issuer}
                  </Text>
                </Table.Td>
                <Table.Td fz="sm">{provider.allowedDomains.length > 0 ? provider.allowedDomains.join(', ') : t('settings.sso.anyDomain')}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }} data-testid="identity-provider-redirect-uri">
                      {provider.redirectUri}
                    </Text>
                    <CopyButton value={provider.redirectUri}>
                      {({ copied, copy }) => (
                        <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
                          <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={t('settings.sso.copyRedirectUri', { name: provider.name })}>
                            {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </CopyButton>
                  </Group>
                </Table.Td>
                <Table.Td>
                  {/* The badge cuts its text with an ellipsis, so the table would squeeze it: keep it whole. */}
                  <Badge variant="light" color={provider.enabled ? 'teal' : 'gray'} radius="sm" miw="max-content" data-testid="identity-provider-status">
                    {provider.enabled ? t('settings.sso.enabled') : t('settings.sso.disabled')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon variant="subtle" onClick={() => setEditing({ provider })} aria-label={t('settings.sso.editNamed', { name: provider.name })}>
                      <IconPencil size={16} />
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="red" onClick={() => setDeleting(provider)} aria-label={t('settings.sso.deleteNamed', { name: provider.name })}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  };

  return (
    <Stack gap="md" data-testid="identity-providers">
      <Group justify="space-between" align="flex-start">
        <Text size="sm" c="dimmed" maw={640}>
          {t('settings.sso.intro')}
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ provider: null })}>
          {t('settings.sso.add')}
        </Button>
      </Group>
      {renderList()}

      <IdentityProviderModal opened={editing !== null} provider={editing?.provider ?? null} onClose={() => setEditing(null)} />
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title={t('settings.sso.deleteTitle')} centered>
        <Stack gap="md">
          <Text size="sm">{t('settings.sso.deleteConfirm', { name: deleting?.name ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={confirmDelete} data-testid="identity-provider-delete-confirm">
              {t('settings.sso.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
