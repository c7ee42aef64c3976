import { ActionIcon, Button, FileButton, Group, Progress, Stack, Text } from '@mantine/core';
import { IconCheck, IconPaperclip, IconX } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFileSize } from '../../components/format-file-size';
import type { UploadItem } from './use-attachment-uploads';

interface AttachmentPickerProps {
  items: UploadItem[];
  onAdd: (files: File[]) => void;
  onRemove: (key: string) => void;
  /** Shown under the button, e.g. the size limit. */
  description?: string;
  disabled?: boolean;
  /** Only the list (after the case was created, when nothing more can be chosen). */
  hideButton?: boolean;
  /** Which files have a remove button (all by default): never one already stored, which removing would not delete. */
  canRemove?: (item: UploadItem) => boolean;
}

/** "Attach files" and the chosen files: size, upload progress, too large or failed, and a remove button. */
export function AttachmentPicker({ items, onAdd, onRemove, description, disabled, hideButton = false, canRemove = () => true }: AttachmentPickerProps) {
  const { t } = useTranslation();
  // Cleared after each choice, so choosing the same file again is noticed.
  const reset = useRef<() => void>(null);
  return (
    <Stack gap={6}>
      {hideButton ? null : (
        <Group gap="sm" wrap="wrap">
          <FileButton
            multiple
            onChange={(files) => {
              onAdd(files);
              reset.current?.();
            }}
            disabled={disabled}
            resetRef={reset}
          >
            {(props) => (
              <Button {...props} variant="default" size="xs" leftSection={<IconPaperclip size={14} />} data-testid="attach-files">
                {t('cases.attachments.attachFiles')}
              </Button>
            )}
          </FileButton>
          {description ? (
            <Text size="xs" c="dimmed">
              {description}
            </Text>
          ) : null}
        </Group>
      )}
      {items.length > 0 ? (
        <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('cases.attachments.chosen')}>
          {items.map((item) => (
            <li key={item.key} data-testid="chosen-attachment" data-status={item.status}>
              <Group gap="xs" wrap="nowrap" justify="space-between">
                <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                  {item.status === 'done' ? <IconCheck size={14} color="var(--mantine-color-teal-6)" aria-hidden /> : <IconPaperclip size={14} aria-hidden />}
                  <Text size="sm" truncate="end">
                    {item.file.name}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {formatFileSize(item.file.size)}
                  </Text>
                </Group>
                {canRemove(item) ? (
                  <ActionIcon variant="subtle" color="gray" size="sm" onClick={() => onRemove(item.key)} disabled={disabled} aria-label={t('cases.attachments.removeNamed', { name: item.file.name })}>
                    <IconX size={14} />
                  </ActionIcon>
                ) : null}
              </Group>
              {item.status === 'uploading' ? <Progress value={Math.round(item.progress * 100)} size="sm" animated aria-label={t('cases.attachments.progressNamed', { name: item.file.name })} /> : null}
              {item.status === 'too_large' ? (
                <Text size="xs" c="red" role="alert">
                  {t('cases.attachments.tooLarge')}
                </Text>
              ) : null}
              {item.status === 'empty' ? (
                <Text size="xs" c="red" role="alert">
                  {t('cases.attachments.emptyFile')}
                </Text>
              ) : null}
              {item.status === 'failed' ? (
                <Text size="xs" c="red" role="alert">
                  {item.error}
                </Text>
              ) : null}
            </li>
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}
