import { Button, Checkbox, Group, Modal, Stack } from '@mantine/core';
import type { ArticleLanguage } from '@common/knowledge';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ArticleStartFields, titleProblem } from './article-start-fields';
import { useAddTranslation, type Article, type ArticleTranslation } from './knowledge.api';
import { ErrorAlert } from '../../components/error-alert';

interface AddTranslationModalProps {
  article: Article;
  /** The languages the article lacks. */
  languages: ArticleLanguage[];
  /** The language being translated from: its title fills the new one's, and its text may be copied. */
  source: ArticleTranslation;
  onAdded: (language: ArticleLanguage, result: unknown) => void;
  onClose: () => void;
}

/** "Add translation": the new language's title (the source's to start with), and optionally the source text to translate over. */
export function AddTranslationModal({ article, languages, source, onAdded, onClose }: AddTranslationModalProps) {
  const { t } = useTranslation();
  const add = useAddTranslation(article.id);
  const [language, setLanguage] = useState<ArticleLanguage>(languages[0] ?? 'en');
  const [title, setTitle] = useState(source.title);
  const [copyText, setCopyText] = useState(true);
  const [touched, setTouched] = useState(false);
  const problem = titleProblem(title);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (problem) return;
    const text = copyText ? { summary: source.summary, issue: source.issue, environment: source.environment, resolution: source.resolution } : { summary: '', issue: '', environment: '', resolution: '' };
    add.mutate({ language, title, ...text }, { onSuccess: (result) => onAdded(language, result) });
  };

  return (
    <Modal opened onClose={onClose} title={t('knowledge.translations.addTitle')} centered size="lg">
      <form onSubmit={submit} noValidate data-testid="add-translation-form">
        <Stack gap="md">
          <ArticleStartFields
            languages={languages}
            language={language}
            onLanguageChange={setLanguage}
            title={title}
            onTitleChange={setTitle}
            titleDescription={t('knowledge.translations.titleHint', { language: t(`common.languages.${source.language}`) })}
            touched={touched}
            testIdPrefix="translation"
          />
          <Checkbox
            label={t('knowledge.translations.copyText', { language: t(`common.languages.${source.language}`) })}
            checked={copyText}
            onChange={(event) => setCopyText(event.currentTarget.checked)}
            data-testid="translation-copy-text"
          />
          <ErrorAlert error={add.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} data-testid="create-translation">
              {t('knowledge.translations.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
