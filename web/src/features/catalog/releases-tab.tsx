import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteRelease, usePublishRelease, useRemoveFile, type ProductDetail, type ReleaseFile, type ReleaseWithFiles } from './catalog.api';
import { ConfirmModal } from './confirm-modal';
import { ReleaseCard } from './release-card';
import { ReleaseFormModal } from './release-form-modal';

type Pending = { kind: 'publish'; release: ReleaseWithFiles } | { kind: 'delete'; release: ReleaseWithFiles } | { kind: 'remove-file'; file: ReleaseFile };

/** The product's releases, newest first and drafts included, with their files; drafts are published from here. */
export function ReleasesTab({ product, canManage }: { product: ProductDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const publish = usePublishRelease();
  const remove = useDeleteRelease();
  const removeFile = useRemoveFile();
  const [editing, setEditing] = useState<{ release: ReleaseWithFiles | null } | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const mutation = pending?.kind === 'publish' ? publish : pending?.kind === 'delete' ? remove : removeFile;

  const close = () => {
    setPending(null);
    publish.reset();
    remove.reset();
    removeFile.reset();
  };
  const confirm = () => {
    if (!pending) return;
    const done = (message: string) => () => {
      notifications.show({ color: 'teal', message });
      setPending(null);
    };
    if (pending.kind === 'publish') publish.mutate(pending.release.id, { onSuccess: done(t('catalog.releases.publishedNotice', { version: pending.release.version })) });
    else if (pending.kind === 'delete') remove.mutate(pending.release.id, { onSuccess: done(t('catalog.deleted')) });
    else removeFile.mutate(pending.file.id, { onSuccess: done(t('catalog.files.removedNotice', { name: pending.file.fileName })) });
  };
  const texts = !pending
    ? { title: '', message: '', confirm: '' }
    : pending.kind === 'publish'
      ? { title: t('catalog.releases.publishTitle'), message: t('catalog.releases.publishConfirm', { version: pending.release.version }), confirm: t('catalog.releases.publish') }
      : pending.kind === 'delete'
        ? { title: t('catalog.releases.delete'), message: t('catalog.releases.deleteConfirm', { version: pending.release.version }), confirm: t('catalog.delete') }
        : { title: t('catalog.files.remove'), message: t('catalog.files.removeConfirm', { name: pending.file.fileName }), confirm: t('catalog.files.remove') };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('catalog.releases.intro')}
        </Text>
        {canManage ? (
          <Button size="sm" leftSection={<IconPlus size={16} />} onClick={() => setEditing({ release: null })} data-testid="add-release">
            {t('catalog.releases.add')}
          </Button>
        ) : null}
      </Group>
      {product.releases.length === 0 ? (
        <Text c="dimmed" size="sm" ta="center" py="lg">
          {t('catalog.releases.empty')}
        </Text>
      ) : null}
      {product.releases.map((release) => (
        <ReleaseCard
          key={release.id}
          release={release}
          canManage={canManage}
          maxBytes={product.uploadMaxBytes}
          onEdit={() => setEditing({ release })}
          onPublish={() => setPending({ kind: 'publish', release })}
          onDelete={() => setPending({ kind: 'delete', release })}
          onRemoveFile={(file) => setPending({ kind: 'remove-file', file })}
        />
      ))}
      <ReleaseFormModal productId={product.id} opened={editing !== null} release={editing?.release ?? null} onClose={() => setEditing(null)} />
      <ConfirmModal
        opened={pending !== null}
        title={texts.title}
        message={texts.message}
        confirmLabel={texts.confirm}
        color={pending?.kind === 'publish' ? 'blue' : 'red'}
        isPending={mutation.isPending}
        error={mutation.error}
        onClose={close}
        onConfirm={confirm}
      />
    </Stack>
  );
}
