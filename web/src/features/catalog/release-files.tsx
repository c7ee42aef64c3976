import { ActionIcon, Badge, Code, CopyButton, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconTrash } from '@tabler/icons-react';
import { RESOURCE_TYPE_VALUES } from '@common/schemas/catalog';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format-date-time';
import type { ReleaseFile } from './catalog.api';
import { formatFileSize } from '../../components/format-file-size';

interface ReleaseFilesProps {
  files: ReleaseFile[];
  canManage: boolean;
  onRemove: (file: ReleaseFile) => void;
}

/** A release's files grouped by resource type: size, SHA-256, downloads; removed ones stay listed, marked. */
export function ReleaseFiles({ files, canManage, onRemove }: ReleaseFilesProps) {
  const { t } = useTranslation();
  if (files.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('catalog.files.none')}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      {RESOURCE_TYPE_VALUES.filter((type) => files.some((file) => file.resourceType === type)).map((type) => (
        <Stack key={type} gap={4} data-testid="resource-group" data-resource-type={type}>
          <Text size="sm" fw={600}>
            {t(`catalog.resourceTypes.${type}`)}
          </Text>
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing={6} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('catalog.files.columns.name')}</Table.Th>
                  <Table.Th>{t('catalog.files.columns.size')}</Table.Th>
                  <Table.Th>{t('catalog.files.columns.sha256')}</Table.Th>
                  <Table.Th>{t('catalog.files.columns.downloads')}</Table.Th>
                  <Table.Th>{t('catalog.files.columns.uploadedAt')}</Table.Th>
                  {canManage ? <Table.Th w={48} /> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {files
                  .filter((file) => file.resourceType === type)
                  .map((file) => (
                    <Table.Tr key={file.id} data-testid="release-file" data-file-name={file.fileName} data-sha256={file.sha256} opacity={file.removedAt ? 0.6 : 1}>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <Text size="sm" fw={500} td={file.removedAt ? 'line-through' : undefined} style={{ wordBreak: 'break-all' }}>
                            {file.fileName}
                          </Text>
                          {file.removedAt ? (
                            <Badge size="xs" color="gray" variant="light">
                              {t('catalog.files.removed')}
                            </Badge>
                          ) : null}
                        </Group>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatFileSize(file.size)}</Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Code fz="xs" style={{ wordBreak: 'break-all' }} data-testid="file-sha256">
                            {file.sha256}
                          </Code>
                          <CopyButton value={file.sha256}>
                            {({ copied, copy }) => (
                              <Tooltip label={copied ? t('common.copied') : t('common.copy')}>
                                <ActionIcon variant="subtle" size="sm" aria-label={t('catalog.files.copySha256')} onClick={copy}>
                                  {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                                </ActionIcon>
                              </Tooltip>
                            )}
                          </CopyButton>
                        </Group>
                      </Table.Td>
                      <Table.Td>{file.downloadCount}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(file.createdAt)}</Table.Td>
                      {canManage ? (
                        <Table.Td>
                          {file.removedAt ? null : (
                            <Tooltip label={t('catalog.files.remove')}>
                              <ActionIcon variant="subtle" color="red" aria-label={t('catalog.files.removeNamed', { name: file.fileName })} onClick={() => onRemove(file)}>
                                <IconTrash size={16} />
                              </ActionIcon>
                            </Tooltip>
                          )}
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      ))}
    </Stack>
  );
}
