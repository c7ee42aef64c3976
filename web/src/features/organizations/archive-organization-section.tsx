import { Alert, Button, Card, Checkbox, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconArchive } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { getErrorMessage } from '../../components/get-error-message';
import { useArchiveOrganization, type Organization } from './organizations.api';

/** The danger zone: archiving asks for the organization's ID typed exactly and an "I understand". */
export function ArchiveOrganizationSection({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const archive = useArchiveOrganization(organization.id);
  const [confirmId, setConfirmId] = useState('');
  const [understood, setUnderstood] = useState(false);
  const isReady = confirmId === organization.id && understood;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isReady) return;
    archive.mutate(
      { confirmId, understood },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('organizations.archive.done', { name: organization.name }) });
          navigate('/portal', { replace: true });
        },
      },
    );
  };

  return (
    <Card
      withBorder
      radius="lg"
      p="lg"
      component="section"
      aria-labelledby="archive-organization-title"
      style={{ borderColor: 'var(--mantine-color-red-outline)' }}
      data-testid="archive-organization"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={560}>
          <Title order={2} size="h4" id="archive-organization-title" c="red">
            {t('organizations.archive.title')}
          </Title>
          <Text size="sm">{t('organizations.archive.description')}</Text>
          {archive.isError ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" data-testid="archive-error">
              {getErrorMessage(archive.error)}
            </Alert>
          ) : null}
          <TextInput
            label={t('organizations.archive.confirmId')}
            description={t('organizations.archive.confirmIdHint', { id: organization.id })}
            value={confirmId}
            onChange={(event) => setConfirmId(event.currentTarget.value)}
            autoComplete="off"
            spellCheck={false}
            error={confirmId && !organization.id.startsWith(confirmId) ? t('organizations.archive.idMismatch') : undefined}
            data-testid="archive-confirm-id"
          />
          <Checkbox
            label={t('organizations.archive.understood')}
            checked={understood}
            onChange={(event) => setUnderstood(event.currentTarget.checked)}
            data-testid="archive-understood"
          />
          <div>
            <Button type="submit" color="red" leftSection={<IconArchive size={16} />} disabled={!isReady} loading={archive.isPending} data-testid="archive-submit">
              {t('organizations.archive.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Card>
  );
}
