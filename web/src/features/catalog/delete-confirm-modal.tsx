import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from './confirm-modal';

interface DeleteMutation {
  mutate(id: string, options: { onSuccess: () => void }): void;
  reset(): void;
  isPending: boolean;
  error: unknown;
}

interface DeleteConfirmModalProps {
  /** What is about to be deleted; null keeps the modal closed. */
  target: { id: string } | null;
  title: string;
  message: string;
  mutation: DeleteMutation;
  /** Called when the modal closes, after a deletion or a cancel. */
  onDone: () => void;
}

/** Asks before deleting a catalog item, deletes it with the given mutation and confirms with a notification. */
export function DeleteConfirmModal({ target, title, message, mutation, onDone }: DeleteConfirmModalProps) {
  const { t } = useTranslation();
  return (
    <ConfirmModal
      opened={target !== null}
      title={title}
      message={message}
      confirmLabel={t('catalog.delete')}
      isPending={mutation.isPending}
      error={mutation.error}
      onClose={() => {
        onDone();
        mutation.reset();
      }}
      onConfirm={() =>
        target &&
        mutation.mutate(target.id, {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: t('catalog.deleted') });
            onDone();
          },
        })
      }
    />
  );
}
