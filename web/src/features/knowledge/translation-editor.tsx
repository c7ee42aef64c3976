import { Alert, Badge, Button, Group, Stack, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconDeviceFloppy, IconSend, IconSendOff, IconTrash } from '@tabler/icons-react';
import { useId, useState, type Dispatch, type RefObject, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-error';
import { formatDateTime } from '../../components/format-date-time';
import { getErrorMessage } from '../../components/get-error-message';
import { ConfirmModal } from '../catalog/confirm-modal';
import { dropDraft, editDraft, FIELD_LIMITS, isDirty, settleSaved, shownWords, toUpdateBody, validateWords, type ArticleField, type EditorDrafts } from './article-draft';
import { ArticleMarkdownEditor } from './article-markdown-editor';
import { useDeleteTranslation, usePublishTranslation, useUpdateArticle, type Article, type ArticleTranslation } from './knowledge.api';

const MARKDOWN_FIELDS = ['issue', 'environment', 'resolution'] as const;

interface TranslationEditorProps {
  article: Article;
  translation: ArticleTranslation;
  drafts: EditorDrafts;
  setDrafts: Dispatch<SetStateAction<EditorDrafts>>;
  /** After a change of one's own: the drafts move onto the article's new version. */
  onOwnChange: (result: unknown) => Promise<void>;
  /** Loads the article again (for "save over their changes"). */
  refetchArticle: () => Promise<Article | undefined>;
  /** The resolution's textarea, where "Insert into resolution" puts an image. */
  resolutionRef: RefObject<HTMLTextAreaElement | null>;
}

/**
 * One language of an article: title, summary, issue, environment and resolution (Markdown with a
 * preview), Save (refused with a clear message when someone saved meanwhile, the typed text kept),
 * Discard, Publish or Unpublish, and Delete this language.
 */
export function TranslationEditor({ article, translation, drafts, setDrafts, onOwnChange, refetchArticle, resolutionRef }: TranslationEditorProps) {
  const { t } = useTranslation();
  const fieldId = useId();
  const language = translation.language;
  const update = useUpdateArticle(article.id);
  const publish = usePublishTranslation(article.id);
  const remove = useDeleteTranslation(article.id);
  const [showProblems, setShowProblems] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const words = shownWords(drafts, translation);
  const dirty = isDirty(drafts, translation);
  const problems = validateWords(words);
  const hasProblems = Object.keys(problems).length > 0;
  const conflict = update.error instanceof ApiError && update.error.code === 'articles.changed';
  const isPublished = translation.status === 'published';

  const change = (field: ArticleField, value: string) => setDrafts((current) => editDraft(current, translation, article.updatedAt, field, value));
  const problemOf = (field: ArticleField) => (showProblems && problems[field] ? t(`knowledge.problems.${problems[field]}`, { max: FIELD_LIMITS[field] }) : undefined);

  /** Saves the language's draft as typed over `baseUpdatedAt`, changing what differs from `against`. */
  const saveOver = (baseUpdatedAt: string, against: ArticleTranslation) => {
    const draft = drafts[language];
    if (!draft) return;
    const sent = draft.words;
    update.mutate(toUpdateBody({ ...draft, baseUpdatedAt }, against), {
      onSuccess: (saved) => {
        setDrafts((current) => settleSaved(current, language, sent, saved.updatedAt));
        setShowProblems(false);
        notifications.show({ color: 'teal', message: t('knowledge.editor.saved', { language: t(`common.languages.${language}`) }) });
      },
    });
  };
  const save = () => {
    setShowProblems(true);
    const draft = drafts[language];
    if (!draft || hasProblems) return;
    saveOver(draft.baseUpdatedAt, translation);
  };
  /** Someone saved meanwhile and the person chose to keep their own text: save it over the newest version. */
  const overwrite = async () => {
    const latest = await refetchArticle();
    const against = latest?.translations.find((entry) => entry.language === language);
    if (latest && against) saveOver(latest.updatedAt, against);
  };
  const discard = () => {
    setDrafts((current) => dropDraft(current, language));
    update.reset();
    setShowProblems(false);
  };
  const togglePublished = () =>
    publish.mutate(
      { language, publish: !isPublished },
      {
        onSuccess: (result) => {
          notifications.show({ color: 'teal', message: t(isPublished ? 'knowledge.editor.unpublished' : 'knowledge.editor.published', { language: t(`common.languages.${language}`) }) });
          void onOwnChange(result);
        },
      },
    );
  const deleteTranslation = () =>
    remove.mutate(language, {
      onSuccess: (result) => {
        setConfirmingDelete(false);
        setDrafts((current) => dropDraft(current, language));
        notifications.show({ color: 'teal', message: t('knowledge.editor.translationDeleted', { language: t(`common.languages.${language}`) }) });
        void onOwnChange(result);
      },
    });

  return (
    <Stack gap="md" data-testid="translation-editor" data-language={language} data-status={translation.status} lang={language}>
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Group gap="xs" wrap="wrap">
          <Badge color={isPublished ? 'teal' : 'gray'} variant={isPublished ? 'filled' : 'outline'} data-testid="translation-status">
            {t(`knowledge.status.${translation.status}`)}
          </Badge>
          <Text size="xs" c="dimmed">
            {translation.updatedBy
              ? t('knowledge.editor.lastSavedBy', { date: formatDateTime(translation.updatedAt), name: translation.updatedBy.name })
              : t('knowledge.editor.lastSaved', { date: formatDateTime(translation.updatedAt) })}
          </Text>
          {dirty ? (
            <Badge color="yellow" variant="light" data-testid="unsaved-badge">
              {t('knowledge.editor.unsaved')}
            </Badge>
          ) : null}
        </Group>
        <Group gap="xs">
          <Tooltip label={t('knowledge.editor.saveFirst')} disabled={!dirty}>
            <Button
              variant={isPublished ? 'default' : 'filled'}
              color={isPublished ? undefined : 'teal'}
              leftSection={isPublished ? <IconSendOff size={16} /> : <IconSend size={16} />}
              onClick={togglePublished}
              loading={publish.isPending}
              disabled={dirty}
              data-testid={isPublished ? 'unpublish-translation' : 'publish-translation'}
            >
              {isPublished ? t('knowledge.editor.unpublish') : t('knowledge.editor.publish')}
            </Button>
          </Tooltip>
          <Tooltip label={t('knowledge.editor.lastLanguage')} disabled={article.translations.length > 1}>
            <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => setConfirmingDelete(true)} disabled={article.translations.length <= 1} data-testid="delete-translation">
              {t('knowledge.editor.deleteTranslation', { language: t(`common.languages.${language}`) })}
            </Button>
          </Tooltip>
        </Group>
      </Group>
      {publish.isError ? (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" withCloseButton onClose={() => publish.reset()}>
          {getErrorMessage(publish.error)}
        </Alert>
      ) : null}
      <TextInput label={t('knowledge.fields.title')} value={words.title} onChange={(event) => change('title', event.currentTarget.value)} required maxLength={FIELD_LIMITS.title} error={problemOf('title')} data-testid="field-title" />
      <Textarea
        label={t('knowledge.fields.summary')}
        description={t('knowledge.editor.hints.summary')}
        value={words.summary}
        onChange={(event) => change('summary', event.currentTarget.value)}
        autosize
        minRows={2}
        maxRows={6}
        maxLength={FIELD_LIMITS.summary}
        error={problemOf('summary')}
        data-testid="field-summary"
      />
      {MARKDOWN_FIELDS.map((field) => (
        <ArticleMarkdownEditor
          key={field}
          name={field}
          value={words[field]}
          attachments={article.attachments}
          label={t(`knowledge.fields.${field}`)}
          description={t(`knowledge.editor.hints.${field}`)}
          inputId={`${fieldId}-${field}`}
        >
          <Textarea
            ref={field === 'resolution' ? resolutionRef : undefined}
            id={`${fieldId}-${field}`}
            aria-describedby={`${fieldId}-${field}-description`}
            value={words[field]}
            onChange={(event) => change(field, event.currentTarget.value)}
            autosize
            minRows={field === 'environment' ? 3 : 6}
            maxRows={30}
            maxLength={FIELD_LIMITS[field]}
            error={problemOf(field)}
            data-testid={`field-${field}`}
          />
        </ArticleMarkdownEditor>
      ))}
      {conflict ? (
        <Alert color="orange" variant="light" icon={<IconAlertCircle size={18} />} role="alert" title={t('knowledge.editor.conflictTitle')} data-testid="save-conflict">
          <Stack gap="xs">
            <Text size="sm">{getErrorMessage(update.error)}</Text>
            <Text size="sm">{t('knowledge.editor.conflictKept')}</Text>
            <Group gap="xs">
              <Button size="xs" color="orange" onClick={() => void overwrite()} loading={update.isPending} data-testid="save-over">
                {t('knowledge.editor.saveOver')}
              </Button>
              <Button size="xs" variant="default" onClick={discard} data-testid="discard-mine">
                {t('knowledge.editor.discardMine')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : update.isError ? (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" data-testid="save-error">
          {getErrorMessage(update.error)}
        </Alert>
      ) : null}
      {showProblems && hasProblems ? (
        <Text size="sm" c="red" role="alert">
          {t('knowledge.editor.fixProblems')}
        </Text>
      ) : null}
      <Group justify="flex-end" gap="xs">
        {dirty ? (
          <Button variant="default" onClick={discard} disabled={update.isPending} data-testid="discard-changes">
            {t('knowledge.editor.discard')}
          </Button>
        ) : null}
        <Button leftSection={<IconDeviceFloppy size={16} />} onClick={save} loading={update.isPending && !conflict} disabled={!dirty} data-testid="save-translation">
          {t('knowledge.editor.save', { language: t(`common.languages.${language}`) })}
        </Button>
      </Group>
      <ConfirmModal
        opened={confirmingDelete}
        title={t('knowledge.editor.deleteTranslationTitle', { language: t(`common.languages.${language}`) })}
        message={t('knowledge.editor.deleteTranslationMessage', { language: t(`common.languages.${language}`) })}
        confirmLabel={t('knowledge.editor.deleteTranslationConfirm')}
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={deleteTranslation}
        onClose={() => {
          setConfirmingDelete(false);
          remove.reset();
        }}
      />
    </Stack>
  );
}
