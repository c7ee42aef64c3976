import { ActionIcon, Alert, Anchor, Button, Card, FileButton, Group, Progress, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconPhoto, IconTrash, IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFileSize } from '../../components/format-file-size';
import { getErrorMessage } from '../../components/get-error-message';
import { isSafeLink } from '../../components/render-markdown';
import { ConfirmModal } from '../catalog/confirm-modal';
import { imageMarkdown } from './article-draft';
import { uploadArticleAttachment, useDeleteArticleAttachment, type Article, type ArticleAttachment } from './knowledge.api';

interface Uploading {
  name: string;
  progress: number;
}

/**
 * The article's files: upload (one after another, with progress; a refusal such as "too large" is
 * shown with its file's name), download, delete, and for images "Insert into resolution", which puts
 * `![name](url)` where the resolution's cursor is.
 */
export function ArticleAttachmentsCard({ article, onInsert, onOwnChange }: { article: Article; onInsert: (markdown: string) => void; onOwnChange: (result: unknown) => Promise<void> }) {
  const { t } = useTranslation();
  const remove = useDeleteArticleAttachment(article.id);
  const [uploading, setUploading] = useState<Uploading | null>(null);
  const [failures, setFailures] = useState<string[]>([]);
  const [deleting, setDeleting] = useState<ArticleAttachment | null>(null);
  const abort = useRef<(() => void) | null>(null);
  const resetPicker = useRef<() => void>(null);

  const upload = async (files: File[]) => {
    resetPicker.current?.();
    setFailures([]);
    for (const file of files) {
      setUploading({ name: file.name, progress: 0 });
      const handle = uploadArticleAttachment(article.id, file, (progress) => setUploading({ name: file.name, progress }));
      abort.current = handle.abort;
      try {
        const stored = await handle.promise;
        notifications.show({ color: 'teal', message: t('knowledge.attachments.uploaded', { name: stored.name }) });
      } catch (error) {
        setFailures((current) => [...current, `${file.name}: ${getErrorMessage(error)}`]);
      }
    }
    abort.current = null;
    setUploading(null);
    await onOwnChange(undefined);
  };

  return (
    <Card withBorder radius="lg" p="md" data-testid="article-attachments-card">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h5">
            {t('knowledge.attachments.title')}
          </Title>
          <FileButton multiple onChange={(files) => void upload(files)} disabled={uploading !== null} resetRef={resetPicker}>
            {(props) => (
              <Button {...props} size="xs" variant="default" leftSection={<IconUpload size={14} />} data-testid="upload-attachment">
                {t('knowledge.attachments.upload')}
              </Button>
            )}
          </FileButton>
        </Group>
        {uploading ? (
          <Stack gap={4} data-testid="attachment-upload-progress">
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="xs" truncate>
                {t('knowledge.attachments.uploading', { name: uploading.name })}
              </Text>
              <Button size="compact-xs" variant="subtle" onClick={() => abort.current?.()}>
                {t('common.cancel')}
              </Button>
            </Group>
            <Progress value={uploading.progress * 100} size="sm" aria-label={t('knowledge.attachments.uploading', { name: uploading.name })} />
          </Stack>
        ) : null}
        {failures.length > 0 ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" withCloseButton onClose={() => setFailures([])}>
            <Stack gap={2}>
              {failures.map((failure) => (
                <Text key={failure} size="sm">
                  {failure}
                </Text>
              ))}
            </Stack>
          </Alert>
        ) : null}
        {article.attachments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('knowledge.attachments.none')}
          </Text>
        ) : (
          <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {article.attachments.map((attachment) => (
              <Group key={attachment.id} component="li" justify="space-between" gap="xs" wrap="nowrap" data-testid="article-attachment">
                <div style={{ minWidth: 0 }}>
                  {isSafeLink(attachment.url) ? (
                    <Anchor href={attachment.url} size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {attachment.name}
                    </Anchor>
                  ) : (
                    <Text size="sm">{attachment.name}</Text>
                  )}
                  <Text size="xs" c="dimmed">
                    {formatFileSize(attachment.size)}
                  </Text>
                </div>
                <Group gap={4} wrap="nowrap">
                  {attachment.contentType.startsWith('image/') ? (
                    <Tooltip label={t('knowledge.attachments.insert')}>
                      <ActionIcon variant="subtle" aria-label={t('knowledge.attachments.insertNamed', { name: attachment.name })} onClick={() => onInsert(imageMarkdown(attachment.name, attachment.url))} data-testid="insert-image">
                        <IconPhoto size={16} />
                      </ActionIcon>
                    </Tooltip>
                  ) : null}
                  <Tooltip label={t('knowledge.attachments.delete')}>
                    <ActionIcon variant="subtle" color="red" aria-label={t('knowledge.attachments.deleteNamed', { name: attachment.name })} onClick={() => setDeleting(attachment)} data-testid="delete-attachment">
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
      <ConfirmModal
        opened={deleting !== null}
        title={t('knowledge.attachments.deleteTitle')}
        message={t('knowledge.attachments.deleteMessage', { name: deleting?.name ?? '' })}
        confirmLabel={t('knowledge.attachments.delete')}
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: (result) => {
              setDeleting(null);
              void onOwnChange(result);
            },
          })
        }
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
      />
    </Card>
  );
}
