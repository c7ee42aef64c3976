import { ActionIcon } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../catalog/confirm-modal';
import { useRemoveAttachment, type CaseAttachment } from './cases.api';

/** The remove button of an attachment the person may remove, asking before the file is deleted. */
export function RemoveAttachmentButton({ organizationId, caseId, attachment }: { organizationId: string; caseId: string; attachment: CaseAttachment }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const remove = useRemoveAttachment(organizationId, caseId);
  const close = () => {
    setConfirming(false);
    remove.reset();
  };
  return (
    <>
      <ActionIcon variant="subtle" color="gray" size="sm" onClick={() => setConfirming(true)} aria-label={t('cases.attachments.removeFileNamed', { name: attachment.name })} data-testid="remove-attachment">
        <IconTrash size={14} />
      </ActionIcon>
      <ConfirmModal
        opened={confirming}
        title={t('cases.attachments.removeTitle')}
        message={t('cases.attachments.removeMessage', { name: attachment.name })}
        confirmLabel={t('cases.attachments.remove')}
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate(attachment.id, { onSuccess: () => setConfirming(false) })}
        onClose={close}
      />
    </>
  );
}
