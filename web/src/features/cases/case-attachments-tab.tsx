import { Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format-date-time';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { formatFileSize } from '../../components/format-file-size';
import { AttachmentLink } from './attachment-link';
import { AttachmentPicker } from './attachment-picker';
import { useCaseAttachments, useInvalidateCase, type CaseDetail } from './cases.api';
import { RemoveAttachmentButton } from './remove-attachment-button';
import { RemovedAttachmentLine } from './removed-attachment-line';
import { useAttachmentUploads } from './use-attachment-uploads';

/**
 * The Attachments tab: every file on the case and its posts (name, size, uploader, date, download,
 * remove for those the person may remove; a removed one says who removed it and when), and an
 * upload button.
 */
export function CaseAttachmentsTab({ organizationId, detail }: { organizationId: string; detail: CaseDetail }) {
  const { t } = useTranslation();
  const attachments = useCaseAttachments(organizationId, detail.id);
  const { attachmentMaxBytes } = detail;
  const uploads = useAttachmentUploads(attachmentMaxBytes);
  const invalidate = useInvalidateCase(organizationId, detail.id);

  const attach = (files: File[]) => {
    uploads.add(files);
    void uploads.upload(organizationId, detail.id).then(() => {
      // The stored files now show in the table; only refusals stay in the list.
      uploads.clearDone();
      void invalidate();
    });
  };

  const items = attachments.data?.items ?? [];
  return (
    <Stack gap="md" data-testid="case-attachments">
      {detail.abilities.attach ? (
        <AttachmentPicker
          items={uploads.items}
          onAdd={attach}
          onRemove={uploads.remove}
          description={t('cases.attachments.limit', { maxSize: formatFileSize(attachmentMaxBytes) })}
        />
      ) : null}
      {attachments.isError ? (
        <LoadErrorAlert error={attachments.error} onRetry={() => void attachments.refetch()} />
      ) : !attachments.data ? (
        <Skeleton height={80} radius="md" />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed" ta="center" py="md">
          {t('cases.attachments.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={620}>
          <Table verticalSpacing="xs" data-testid="attachments-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cases.attachments.name')}</Table.Th>
                <Table.Th>{t('cases.attachments.size')}</Table.Th>
                <Table.Th>{t('cases.attachments.uploadedBy')}</Table.Th>
                <Table.Th>{t('cases.attachments.uploadedAt')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('cases.attachments.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((attachment) => (
                <Table.Tr key={attachment.id} data-testid="attachment-row" data-removed={attachment.removed ? true : undefined}>
                  <Table.Td>{attachment.removed ? <RemovedAttachmentLine attachment={attachment} /> : <AttachmentLink attachment={attachment} showSize={false} />}</Table.Td>
                  <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatFileSize(attachment.size)}
                  </Table.Td>
                  <Table.Td fz="sm">{attachment.uploadedBy?.name ?? '—'}</Table.Td>
                  <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(attachment.createdAt)}
                  </Table.Td>
                  <Table.Td>{attachment.canRemove ? <RemoveAttachmentButton organizationId={organizationId} caseId={detail.id} attachment={attachment} /> : null}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
