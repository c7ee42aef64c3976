import { ActionIcon, Button, CopyButton, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatFileSize } from '../../components/format-file-size';
import { getDownloadRefusal } from './get-download-refusal';
import type { ProductFile } from './products.api';
import { RefusalTooltip } from './refusal-tooltip';

interface FileTableProps {
  files: ProductFile[];
  onDownload: (file: ProductFile) => void;
  /** The file whose link is being asked for. */
  pendingFileId: string | null;
}

/** Release files with their size and SHA-256 (to check what arrives) and a Download button, disabled with the reason. */
export function FileTable({ files, onDownload, pendingFileId }: FileTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" data-testid="file-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('products.files.fileName')}</Table.Th>
            <Table.Th>{t('products.files.version')}</Table.Th>
            <Table.Th>{t('products.files.releasedOn')}</Table.Th>
            <Table.Th ta="right">{t('products.files.size')}</Table.Th>
            <Table.Th>{t('products.files.sha256')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {files.map((file) => {
            const refusal = getDownloadRefusal(t, file.download);
            return (
              <Table.Tr key={file.id} data-testid="file-row" data-file-id={file.id} data-file-name={file.fileName}>
                <Table.Td>
                  <Text size="sm" fw={500} style={{ wordBreak: 'break-all' }}>
                    {file.fileName}
                  </Text>
                </Table.Td>
                <Table.Td fz="sm">{file.release.version}</Table.Td>
                <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                  {file.release.releasedOn}
                </Table.Td>
                <Table.Td fz="sm" ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatFileSize(file.size)}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Text size="xs" ff="monospace" title={file.sha256} data-testid="file-sha256" data-sha256={file.sha256}>
                      {file.sha256.slice(0, 16)}…
                    </Text>
                    <CopyButton value={file.sha256}>
                      {({ copied, copy }) => (
                        <Tooltip label={copied ? t('common.copied') : t('products.files.copySha256')} withArrow>
                          <ActionIcon variant="subtle" size="sm" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={t('products.files.copySha256Named', { name: file.fileName })}>
                            {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </CopyButton>
                  </Group>
                </Table.Td>
                <Table.Td ta="right">
                  <RefusalTooltip label={refusal}>
                    <Button
                      size="xs"
                      leftSection={<IconDownload size={14} />}
                      disabled={!file.download.allowed}
                      loading={pendingFileId === file.id}
                      onClick={() => onDownload(file)}
                      aria-label={t('products.files.downloadNamed', { name: file.fileName })}
                      data-testid="download-file"
                    >
                      {t('products.files.download')}
                    </Button>
                  </RefusalTooltip>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
