import { Badge, Button, Card, Divider, Group, Stack, Text } from '@mantine/core';
import { IconPencil, IconSend, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format-date-time';
import type { ReleaseFile, ReleaseWithFiles } from './catalog.api';
import { FileUploadForm } from './file-upload-form';
import { ReleaseFiles } from './release-files';

interface ReleaseCardProps {
  release: ReleaseWithFiles;
  canManage: boolean;
  maxBytes: number;
  onEdit: () => void;
  onPublish: () => void;
  onDelete: () => void;
  onRemoveFile: (file: ReleaseFile) => void;
}

/** One release: version, date, state, notes, its files and (for vendor administrators) upload and actions. */
export function ReleaseCard({ release, canManage, maxBytes, onEdit, onPublish, onDelete, onRemoveFile }: ReleaseCardProps) {
  const { t } = useTranslation();
  const isDraft = release.publishedAt === null;
  return (
    <Card withBorder radius="md" p="md" data-testid="release-card" data-version={release.version} data-state={isDraft ? 'draft' : 'published'}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Group gap="xs">
              <Text fw={700}>{release.version}</Text>
              <Badge variant="light" color={isDraft ? 'yellow' : 'teal'} radius="sm" data-testid="release-state">
                {isDraft ? t('catalog.releases.draft') : t('catalog.releases.published')}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {t('catalog.releases.releasedOn', { date: release.releasedOn })}
              {release.publishedAt ? ` · ${t('catalog.releases.publishedAt', { date: formatDateTime(release.publishedAt) })}` : ''}
              {` · ${t('catalog.releases.downloads', { count: release.downloadCount })}`}
            </Text>
          </Stack>
          {canManage ? (
            <Group gap="xs">
              <Button size="xs" variant="default" leftSection={<IconPencil size={14} />} onClick={onEdit}>
                {t('catalog.edit')}
              </Button>
              {isDraft ? (
                <>
                  <Button size="xs" leftSection={<IconSend size={14} />} onClick={onPublish} data-testid="publish-release">
                    {t('catalog.releases.publish')}
                  </Button>
                  <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={onDelete}>
                    {t('catalog.releases.delete')}
                  </Button>
                </>
              ) : null}
            </Group>
          ) : null}
        </Group>
        {release.notes ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {release.notes}
          </Text>
        ) : null}
        <Divider label={t('catalog.files.title')} labelPosition="left" />
        <ReleaseFiles files={release.files} canManage={canManage} onRemove={onRemoveFile} />
        {canManage ? <FileUploadForm releaseId={release.id} maxBytes={maxBytes} /> : null}
      </Stack>
    </Card>
  );
}
