import { Anchor, Badge, Button, Card, Grid, Group, Stack, Tabs, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconLanguage, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ConfirmModal } from '../catalog/confirm-modal';
import { AddTranslationModal } from './add-translation-modal';
import { ArticleAttachmentsCard } from './article-attachments-card';
import { editDraft, insertBlock, isDirty, rebaseDrafts, shownWords, type EditorDrafts } from './article-draft';
import { ArticleFactsCard } from './article-facts-card';
import { missingLanguages, pickEditorLanguage, sortLanguages } from './article-language';
import { ArticleSettingsCard } from './article-settings-card';
import { ArticleVerificationCard } from './article-verification-card';
import { isArticle, useDeleteArticle, type Article } from './knowledge.api';
import { TranslationEditor } from './translation-editor';
import { UnsavedChangesGuard } from './unsaved-changes-guard';
import { VerificationBadge } from './verification-badge';
import { VisibilityBadge } from './visibility-badge';

interface ArticleEditorProps {
  article: Article;
  /** Loads the article again and answers it. */
  refetch: () => Promise<Article | undefined>;
}

/**
 * The console's article editor: a tab per language (the URL's `lang` picks one) with its words,
 * and beside them what the languages share (visibility, products), verification, attachments and
 * the facts. Unsaved text lives here per language, so switching tabs, a refetch or a refused save
 * never loses it; leaving the page with unsaved text asks first.
 */
export function ArticleEditor({ article, refetch }: ArticleEditorProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const [drafts, setDrafts] = useState<EditorDrafts>({});
  const [adding, setAdding] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const resolutionRef = useRef<HTMLTextAreaElement>(null);
  const deleteArticle = useDeleteArticle(article.id);

  const languages = sortLanguages(article.translations.map((translation) => translation.language));
  const active = pickEditorLanguage(languages, searchParams.get('lang'), i18n.resolvedLanguage);
  const translation = article.translations.find((entry) => entry.language === active) ?? null;
  const missing = missingLanguages(languages);
  const anyDirty = article.translations.some((entry) => isDirty(drafts, entry));
  const setActive = (language: string) => setSearchParams({ lang: language }, { replace: true });

  // Leaves once the deletion has rendered, so the unsaved-changes guard already knows there is nothing to keep.
  const isDeleted = deleteArticle.isSuccess;
  useEffect(() => {
    if (isDeleted) void navigate('/console/knowledge', { replace: true });
  }, [isDeleted, navigate]);

  /** After a change of one's own, the drafts stand on the article's new version (the answer's, or the reloaded one). */
  const onOwnChange = async (result: unknown) => {
    const latest = isArticle(result) ? result : await refetch();
    if (latest) setDrafts((current) => rebaseDrafts(current, latest.updatedAt));
  };

  const insertIntoResolution = (markdown: string) => {
    if (!translation) return;
    const textarea = resolutionRef.current;
    const current = shownWords(drafts, translation).resolution;
    // A textarea never focused reports its start: put the image at the end then.
    const hasCursor = textarea !== null && !(textarea.selectionStart === 0 && textarea.selectionEnd === 0 && current !== '');
    const { text, cursor } = insertBlock(current, markdown, hasCursor ? textarea.selectionStart : null, hasCursor ? textarea.selectionEnd : null);
    setDrafts((existing) => editDraft(existing, translation, article.updatedAt, 'resolution', text));
    notifications.show({ color: 'teal', message: t('knowledge.attachments.inserted', { language: t(`common.languages.${translation.language}`) }) });
    requestAnimationFrame(() => {
      textarea?.focus();
      textarea?.setSelectionRange(cursor, cursor);
    });
  };

  return (
    <Stack gap="md" data-testid="article-editor" data-article-id={article.id}>
      <Group justify="space-between" gap="sm">
        <Anchor component={Link} to="/console/knowledge" size="sm" data-testid="back-to-articles">
          <Group gap={4} component="span">
            <IconArrowLeft size={16} />
            {t('knowledge.editor.back')}
          </Group>
        </Anchor>
        <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => setConfirmingDelete(true)} data-testid="delete-article">
          {t('knowledge.editor.deleteArticle')}
        </Button>
      </Group>
      <Group gap="sm" wrap="wrap">
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }} data-testid="editor-title">
          {translation?.title ?? article.translations[0]?.title}
        </Title>
        <VisibilityBadge visibility={article.visibility} />
        <VerificationBadge state={article.verification.state} />
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Card withBorder radius="lg" p={{ base: 'sm', sm: 'lg' }}>
            <Tabs value={active} onChange={(value) => value && setActive(value)} keepMounted={false}>
              <Group justify="space-between" align="flex-end" gap="xs" wrap="wrap" mb="md">
                <Tabs.List data-testid="article-language-tabs" aria-label={t('knowledge.translations.tabs')}>
                  {languages.map((language) => {
                    const entry = article.translations.find((item) => item.language === language)!;
                    return (
                      <Tabs.Tab
                        key={language}
                        value={language}
                        data-language={language}
                        rightSection={
                          <Badge size="xs" variant={entry.status === 'published' ? 'filled' : 'outline'} color={entry.status === 'published' ? 'teal' : 'gray'}>
                            {t(`knowledge.status.${entry.status}`)}
                            {isDirty(drafts, entry) ? ' •' : ''}
                          </Badge>
                        }
                      >
                        {t(`common.languages.${language}`)}
                      </Tabs.Tab>
                    );
                  })}
                </Tabs.List>
                {missing.length > 0 && translation ? (
                  <Button size="xs" variant="light" leftSection={<IconLanguage size={16} />} onClick={() => setAdding(true)} data-testid="add-translation">
                    {t('knowledge.translations.add')}
                  </Button>
                ) : null}
              </Group>
              {article.translations.map((entry) => (
                <Tabs.Panel key={entry.language} value={entry.language}>
                  <TranslationEditor
                    article={article}
                    translation={entry}
                    drafts={drafts}
                    setDrafts={setDrafts}
                    onOwnChange={onOwnChange}
                    refetchArticle={refetch}
                    resolutionRef={resolutionRef}
                  />
                </Tabs.Panel>
              ))}
            </Tabs>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <ArticleVerificationCard article={article} onOwnChange={onOwnChange} />
            <ArticleSettingsCard article={article} onOwnChange={onOwnChange} />
            <ArticleAttachmentsCard article={article} onInsert={insertIntoResolution} onOwnChange={onOwnChange} />
            <ArticleFactsCard article={article} />
          </Stack>
        </Grid.Col>
      </Grid>
      {adding && translation ? (
        <AddTranslationModal
          article={article}
          languages={missing}
          source={translation}
          onClose={() => setAdding(false)}
          onAdded={(language, result) => {
            setAdding(false);
            setActive(language);
            notifications.show({ color: 'teal', message: t('knowledge.translations.added', { language: t(`common.languages.${language}`) }) });
            void onOwnChange(result);
          }}
        />
      ) : null}
      <ConfirmModal
        opened={confirmingDelete}
        title={t('knowledge.editor.deleteArticleTitle')}
        message={t('knowledge.editor.deleteArticleMessage')}
        confirmLabel={t('knowledge.editor.deleteArticle')}
        isPending={deleteArticle.isPending}
        error={deleteArticle.error}
        onConfirm={() =>
          deleteArticle.mutate(undefined, {
            onSuccess: () => {
              setDrafts({});
              notifications.show({ color: 'teal', message: t('knowledge.editor.articleDeleted') });
            },
          })
        }
        onClose={() => {
          setConfirmingDelete(false);
          deleteArticle.reset();
        }}
      />
      <UnsavedChangesGuard when={anyDirty && !isDeleted} />
    </Stack>
  );
}
