import { Alert, Button, Group, Input, Progress, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconUpload } from '@tabler/icons-react';
import { RESOURCE_TYPE_VALUES } from '@common/schemas/catalog';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getErrorMessage } from '../../components/get-error-message';
import { useInvalidateCatalogAfterUpload, type ResourceType } from './catalog.api';
import { formatFileSize } from '../../components/format-file-size';
import { uploadReleaseFile, type UploadHandle } from './upload-release-file';

/** Uploads one file to a release: resource type, the file, a progress bar; errors in the user's language. */
export function FileUploadForm({ releaseId, maxBytes }: { releaseId: string; maxBytes: number }) {
  const { t } = useTranslation();
  const inputId = useId();
  const invalidate = useInvalidateCatalogAfterUpload();
  const input = useRef<HTMLInputElement>(null);
  const [resourceType, setResourceType] = useState<ResourceType>('software');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const upload = useRef<UploadHandle | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    if (!file) return setError(t('catalog.files.chooseFile'));
    if (file.size > maxBytes) return setError(t('catalog.files.tooLarge', { maxSize: formatFileSize(maxBytes) }));
    setProgress(0);
    const handle = uploadReleaseFile(releaseId, file, resourceType, setProgress);
    upload.current = handle;
    handle.promise
      .then((stored) => {
        notifications.show({ color: 'teal', message: t('catalog.files.uploaded', { name: stored.fileName }) });
        setFile(null);
        if (input.current) input.current.value = '';
        invalidate();
      })
      .catch((failure: unknown) => setError(getErrorMessage(failure)))
      .finally(() => {
        upload.current = null;
        setProgress(null);
      });
  };

  const uploading = progress !== null;
  return (
    <form onSubmit={submit} noValidate data-testid="file-upload-form">
      <Stack gap="xs">
        <Group align="flex-end" gap="sm">
          <Select
            label={t('catalog.files.resourceType')}
            data={RESOURCE_TYPE_VALUES.map((value) => ({ value, label: t(`catalog.resourceTypes.${value}`) }))}
            value={resourceType}
            onChange={(value) => value && setResourceType(value as ResourceType)}
            allowDeselect={false}
            disabled={uploading}
            w={180}
          />
          <Input.Wrapper label={t('catalog.files.file')} id={inputId} description={t('catalog.files.limit', { maxSize: formatFileSize(maxBytes) })}>
            <input
              id={inputId}
              ref={input}
              type="file"
              disabled={uploading}
              onChange={(event) => {
                setFile(event.currentTarget.files?.[0] ?? null);
                setError(null);
              }}
              style={{ display: 'block', paddingBlock: 6 }}
            />
          </Input.Wrapper>
          {uploading ? (
            <Button variant="default" onClick={() => upload.current?.abort()}>
              {t('common.cancel')}
            </Button>
          ) : (
            <Button type="submit" leftSection={<IconUpload size={16} />} disabled={!file} data-testid="upload-file">
              {t('catalog.files.upload')}
            </Button>
          )}
        </Group>
        {uploading ? (
          <Stack gap={2} data-testid="upload-progress">
            <Progress value={Math.round(progress * 100)} animated aria-label={t('catalog.files.progress')} />
            <Text size="xs" c="dimmed">
              {t('catalog.files.uploading', { percent: Math.round(progress * 100) })}
            </Text>
          </Stack>
        ) : null}
        {error ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" data-testid="upload-error">
            {error}
          </Alert>
        ) : null}
      </Stack>
    </form>
  );
}
