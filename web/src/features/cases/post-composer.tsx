import { Alert, Button, Card, Group, Stack, Switch } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconLock, IconSend } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFileSize } from '../../components/format-file-size';
import { getErrorMessage } from '../../components/get-error-message';
import { useSubmitGuard } from '../../components/submit-guard';
import { ApiError } from '../../app/api-error';
import { AttachmentPicker } from './attachment-picker';
import { caseKey, useCreatePost, useRemoveAttachment, type CaseDetail, type MentionCandidate } from './cases.api';
import { getFormErrors } from '../../components/get-form-errors';
import { MarkdownEditor } from './markdown-editor';
import { pruneMentionIds, refusedMentionNames } from './mention-query';
import { MentionTextarea } from './mention-textarea';
import { isUnattachable, useAttachmentUploads } from './use-attachment-uploads';
import { DESCRIPTION_MAX } from './wizard-form';

/**
 * Writes a post: Markdown with a preview and @mention autocomplete, files attached (uploaded at
 * once, their ids sent with the post), and for engineers the "Internal note" switch. The ids of
 * people whose `@Name` was removed from the text are not sent.
 */
export function PostComposer({ organizationId, detail }: { organizationId: string; detail: CaseDetail }) {
  const { t } = useTranslation();
  const create = useCreatePost(organizationId, detail.id);
  // A double click on Post sends one post.
  const submitGuard = useSubmitGuard();
  const queryClient = useQueryClient();
  // Files over the limit are refused before sending, with the wizard's message.
  const { attachmentMaxBytes } = detail;
  const uploads = useAttachmentUploads(attachmentMaxBytes);
  const discard = useRemoveAttachment(organizationId, detail.id);
  const [body, setBody] = useState('');
  // The server's message about the text (e.g. control characters), until it is edited.
  const [bodyError, setBodyError] = useState<string | undefined>();
  const [internal, setInternal] = useState(false);
  const [mentioned, setMentioned] = useState<MentionCandidate[]>([]);
  const mentionNames = useMemo(() => mentioned.map((person) => person.name), [mentioned]);
  const canInternal = detail.abilities.writeInternalNote;
  const canAttachToCase = detail.abilities.attach;

  // A closed case takes no public post, but engineers may still write internal notes on it.
  const notesOnly = canInternal && !detail.abilities.post;
  const noteMode = notesOnly || (canInternal && internal);
  // Engineers may add files to an internal note even on a closed case.
  const canAttach = canAttachToCase || noteMode;
  // A file uploaded to the case is visible to customers at once, so an internal note's files wait
  // and go onto the note itself once it is written.
  const attach = (files: File[]) => {
    uploads.add(files);
    // Drafts: the case shows them once the post is sent, not while it is being written.
    if (!noteMode) void uploads.upload(organizationId, detail.id, { draft: true });
  };
  // A file taken out before posting was already stored on the case: it is deleted there too, so
  // that it does not linger in the Attachments tab.
  const unchoose = (key: string) => {
    const stored = uploads.items.find((item) => item.key === key)?.attachment;
    uploads.remove(key);
    if (!stored || stored.postId !== null) return;
    // Should the removal fail (the case was closed meanwhile, the server is unreachable), the file
    // stays on the case: say so. One removed already (410) or gone (404) is what was wanted.
    // The promise, not mutate's callbacks: the refreshed case may unmount the composer first.
    discard.mutateAsync(stored.id).catch((error: unknown) => {
      if (error instanceof ApiError && (error.status === 410 || error.status === 404)) return;
      notifications.show({ color: 'red', message: t('cases.attachments.withdrawFailed', { name: stored.name, reason: getErrorMessage(error) }) });
    });
  };

  // The server names nobody in a refused mention; the people picked here are named from this list.
  const refused = create.error instanceof ApiError && create.error.code === 'cases.mention_not_allowed' ? refusedMentionNames(create.error.details, mentioned) : [];
  const formError = create.isError ? getFormErrors(create.error, ['body']).form : null;
  // Files that cannot go with the post (refused, failed, too large, empty) hold it back until they
  // are removed or uploaded again: a post never leaves without a file the person thinks is on it.
  const unattachable = uploads.items.filter(isUnattachable);
  const canRetryUploads = !noteMode && unattachable.some((item) => item.status === 'failed');
  // Set when Post was pressed while such files were listed; the message shows until they are gone.
  const [heldBack, setHeldBack] = useState(false);

  const send = () => {
    if (!body.trim() || uploads.isBusy) return;
    if (unattachable.length > 0) {
      setHeldBack(true);
      return;
    }
    if (!submitGuard.start()) return;
    const attachmentIds = noteMode ? [] : uploads.items.flatMap((item) => (item.attachment ? [item.attachment.id] : []));
    setBodyError(undefined);
    create.mutate(
      { body, internal: noteMode, mentionIds: pruneMentionIds(body, mentioned), attachmentIds },
      {
        onSettled: submitGuard.finish,
        onSuccess: async (post) => {
          if (noteMode && uploads.items.length > 0) {
            const uploaded = await uploads.upload(organizationId, detail.id, { postId: post.id });
            await queryClient.invalidateQueries({ queryKey: caseKey(organizationId, detail.id) });
            // The note is written: a file refused now is named, not dropped without a word.
            const failed = uploaded.filter(isUnattachable).map((item) => item.file.name);
            if (failed.length > 0) notifications.show({ color: 'red', autoClose: false, message: t('cases.feed.noteFilesFailed', { names: failed.join(', ') }) });
          }
          setHeldBack(false);
          setBody('');
          setMentioned([]);
          setInternal(false);
          uploads.clear();
        },
        onError: (error) => setBodyError(getFormErrors(error, ['body']).fields.body),
      },
    );
  };

  return (
    <Card withBorder radius="lg" p={{ base: 'sm', sm: 'md' }} bg={noteMode ? 'var(--mantine-color-yellow-light)' : undefined} data-testid="post-composer">
      <Stack gap="sm">
        <MarkdownEditor value={body} mentions={mentionNames} minPreviewHeight={96}>
          <MentionTextarea
            organizationId={organizationId}
            caseId={detail.id}
            label={t('cases.feed.postLabel')}
            description={t('cases.feed.composerHint')}
            value={body}
            onChange={(value) => {
              setBody(value);
              setBodyError(undefined);
            }}
            onMention={(candidate) => setMentioned((current) => [...current, candidate])}
            autosize
            minRows={3}
            maxRows={16}
            maxLength={DESCRIPTION_MAX}
            error={bodyError}
            data-testid="post-body-input"
          />
        </MarkdownEditor>
        {canAttach ? (
          <AttachmentPicker
            items={uploads.items}
            onAdd={attach}
            onRemove={unchoose}
            disabled={create.isPending}
            description={t('cases.attachments.limit', { maxSize: formatFileSize(attachmentMaxBytes) })}
          />
        ) : null}
        {heldBack && unattachable.length > 0 ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" data-testid="unattachable-files">
            <Stack gap="xs" align="flex-start">
              {t('cases.feed.unattachable', { names: unattachable.map((item) => item.file.name).join(', ') })}
              {canRetryUploads ? (
                <Button size="xs" variant="default" onClick={() => void uploads.upload(organizationId, detail.id, { draft: true })} loading={uploads.isBusy} data-testid="retry-uploads">
                  {t('cases.feed.retryUploads')}
                </Button>
              ) : null}
            </Stack>
          </Alert>
        ) : null}
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" data-testid="post-error">
            {formError}
            {refused.length > 0 ? <div data-testid="refused-mentions">{t('cases.feed.mentionRefused', { names: refused.map((name) => `@${name}`).join(', ') })}</div> : null}
          </Alert>
        ) : null}
        <Group justify="space-between" wrap="wrap">
          {canInternal ? (
            <Switch
              label={t('cases.feed.internalSwitch')}
              description={notesOnly ? t('cases.feed.notesOnlyHint') : uploads.items.length > 0 ? t('cases.feed.internalLocked') : t('cases.feed.internalHint')}
              checked={noteMode}
              disabled={notesOnly || uploads.items.length > 0}
              onChange={(event) => setInternal(event.currentTarget.checked)}
              thumbIcon={noteMode ? <IconLock size={10} /> : undefined}
              color="yellow"
              data-testid="internal-switch"
            />
          ) : (
            <span />
          )}
          <Button leftSection={<IconSend size={16} />} onClick={send} loading={create.isPending} disabled={!body.trim() || uploads.isBusy} data-testid="send-post">
            {noteMode ? t('cases.feed.sendNote') : t('cases.feed.send')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
