import { Anchor, Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AttachmentPicker } from './attachment-picker';
import type { CreatedCase } from './cases.api';
import type { UploadItem } from './use-attachment-uploads';

interface CaseCreatedProps {
  created: CreatedCase;
  uploads: UploadItem[];
  uploading: boolean;
  onRetryUploads: () => void;
  onRemoveUpload: (key: string) => void;
  onAnother: () => void;
}

/**
 * Files the created case does not hold (waiting, failed, too large) may be dropped from the list; one
 * uploaded or uploading is, or may already be, on the case, and no button pretends to delete it.
 */
const isUnsent = (item: UploadItem) => item.status !== 'done' && item.status !== 'uploading';

/** The wizard's last screen: the new case's 8-digit number as a link, and how its attachments' uploads went. */
export function CaseCreated({ created, uploads, uploading, onRetryUploads, onRemoveUpload, onAnother }: CaseCreatedProps) {
  const { t } = useTranslation();
  const failed = uploads.some((item) => item.status === 'failed');
  return (
    <Card withBorder radius="lg" p="xl" data-testid="case-created">
      <Stack align="center" ta="center" gap="md">
        <ThemeIcon size={64} radius={32} color="teal" variant="light">
          <IconCircleCheck size={40} />
        </ThemeIcon>
        <Title order={2}>{t('cases.created.title')}</Title>
        <Text>
          {t('cases.created.numberIntro')}{' '}
          <Anchor component={Link} to={`/portal/cases/${encodeURIComponent(created.id)}`} fw={700} fz="lg" data-testid="created-case-number">
            {created.number}
          </Anchor>
        </Text>
        <Text size="sm" c="dimmed" maw={520}>
          {t('cases.created.next')}
        </Text>
        {uploads.length > 0 ? (
          <Stack gap="xs" w="100%" maw={520} ta="left">
            <Text size="sm" fw={600}>
              {uploading ? t('cases.created.uploading') : failed ? t('cases.created.uploadsFailed') : t('cases.created.uploaded')}
            </Text>
            <AttachmentPicker items={uploads} onAdd={() => undefined} onRemove={onRemoveUpload} canRemove={isUnsent} disabled={uploading} hideButton />
            {failed && !uploading ? (
              <Button size="xs" variant="light" onClick={onRetryUploads} w="fit-content">
                {t('cases.created.retryUploads')}
              </Button>
            ) : null}
          </Stack>
        ) : null}
        <Group gap="sm" justify="center">
          <Button component={Link} to={`/portal/cases/${encodeURIComponent(created.id)}`}>
            {t('cases.created.openCase')}
          </Button>
          <Button variant="default" leftSection={<IconPlus size={16} />} onClick={onAnother}>
            {t('cases.created.another')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
