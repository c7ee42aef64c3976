import { Button, Group, Modal, MultiSelect, Select, Stack } from '@mantine/core';
import { ARTICLE_LANGUAGES, ARTICLE_VISIBILITIES, type ArticleLanguage, type ArticleVisibility } from '@common/knowledge';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { readArticleLanguage } from './article-language';
import { ArticleStartFields, titleProblem } from './article-start-fields';
import { useCreateArticle } from './knowledge.api';
import { useCatalogProductChoices } from './use-catalog-product-choices';
import { ErrorAlert } from '../../components/error-alert';

/** "New article": language, title, visibility and products; creates the article and opens its editor. */
export function NewArticleModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateArticle();
  const products = useCatalogProductChoices();
  const [language, setLanguage] = useState<ArticleLanguage>(readArticleLanguage(i18n.resolvedLanguage) ?? 'ko');
  const [title, setTitle] = useState('');
  const [visibility, setVisibility] = useState<ArticleVisibility>('internal');
  const [productIds, setProductIds] = useState<string[]>([]);
  const [touched, setTouched] = useState(false);
  const problem = titleProblem(title);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (problem) return;
    create.mutate(
      { language, title, visibility, productIds, summary: '', issue: '', environment: '', resolution: '' },
      { onSuccess: (article) => void navigate(`/console/knowledge/${encodeURIComponent(article.id)}?lang=${language}`) },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('knowledge.create.title')} size="lg" centered>
      <form onSubmit={submit} noValidate data-testid="new-article-form">
        <Stack gap="md">
          <ArticleStartFields
            languages={ARTICLE_LANGUAGES}
            language={language}
            onLanguageChange={setLanguage}
            title={title}
            onTitleChange={setTitle}
            touched={touched}
            testIdPrefix="new-article"
          />
          <Select
            label={t('knowledge.fields.visibility')}
            description={t(`knowledge.visibilityHelp.${visibility}`)}
            data={ARTICLE_VISIBILITIES.map((value) => ({ value, label: t(`knowledge.visibility.${value}`) }))}
            value={visibility}
            onChange={(value) => value && setVisibility(value as ArticleVisibility)}
            allowDeselect={false}
            data-testid="new-article-visibility"
          />
          <MultiSelect
            label={t('knowledge.fields.products')}
            data={products.data}
            value={productIds}
            onChange={setProductIds}
            searchable
            clearable
            maxValues={50}
            nothingFoundMessage={t('knowledge.editor.noProducts')}
            data-testid="new-article-products"
          />
          <ErrorAlert error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="create-article">
              {t('knowledge.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
