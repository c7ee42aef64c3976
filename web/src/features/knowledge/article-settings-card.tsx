import { Anchor, Button, Card, Group, MultiSelect, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ARTICLE_VISIBILITIES, type ArticleVisibility } from '@common/knowledge';
import { IconExternalLink } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUpdateArticle, type Article } from './knowledge.api';
import { useCatalogProductChoices } from './use-catalog-product-choices';
import { ErrorAlert } from '../../components/error-alert';

interface Settings {
  visibility: ArticleVisibility;
  productIds: string[];
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value) => b.includes(value));

/** What every language of the article shares: who may read it and the products it is about; saved together. */
export function ArticleSettingsCard({ article, onOwnChange }: { article: Article; onOwnChange: (result: unknown) => Promise<void> }) {
  const { t } = useTranslation();
  const update = useUpdateArticle(article.id);
  const products = useCatalogProductChoices(article.products);
  const [draft, setDraft] = useState<Settings | null>(null);
  const saved: Settings = { visibility: article.visibility, productIds: article.products.map((product) => product.id) };
  const shown = draft ?? saved;
  const dirty = draft !== null && (draft.visibility !== saved.visibility || !sameSet(draft.productIds, saved.productIds));
  const firstLanguage = article.translations[0]?.language;

  const save = () => {
    if (!draft || !firstLanguage) return;
    update.mutate(
      { language: firstLanguage, visibility: draft.visibility, productIds: draft.productIds },
      {
        onSuccess: (result) => {
          setDraft(null);
          notifications.show({ color: 'teal', message: t('knowledge.settings.saved') });
          void onOwnChange(result);
        },
      },
    );
  };

  return (
    <Card withBorder radius="lg" p="md" data-testid="article-settings">
      <Stack gap="sm">
        <Title order={2} size="h5">
          {t('knowledge.settings.title')}
        </Title>
        <Select
          label={t('knowledge.fields.visibility')}
          description={t(`knowledge.visibilityHelp.${shown.visibility}`)}
          data={ARTICLE_VISIBILITIES.map((value) => ({ value, label: t(`knowledge.visibility.${value}`) }))}
          value={shown.visibility}
          onChange={(value) => value && setDraft({ ...shown, visibility: value as ArticleVisibility })}
          allowDeselect={false}
          data-testid="article-visibility"
        />
        {article.visibility === 'public' ? (
          <Anchor component={Link} to={`/kb/${encodeURIComponent(article.id)}`} target="_blank" size="sm" data-testid="public-link">
            <Group gap={4} component="span">
              <IconExternalLink size={14} />
              {t('knowledge.settings.publicPage')}
            </Group>
          </Anchor>
        ) : null}
        <MultiSelect
          label={t('knowledge.fields.products')}
          data={products.data}
          value={shown.productIds}
          onChange={(productIds) => setDraft({ ...shown, productIds })}
          searchable
          clearable
          maxValues={50}
          nothingFoundMessage={t('knowledge.editor.noProducts')}
          data-testid="article-products-select"
        />
        <ErrorAlert error={update.error} />
        {dirty ? (
          <Group justify="flex-end" gap="xs">
            <Button
              variant="default"
              size="xs"
              onClick={() => {
                setDraft(null);
                update.reset();
              }}
            >
              {t('knowledge.editor.discard')}
            </Button>
            <Button size="xs" onClick={save} loading={update.isPending} data-testid="save-settings">
              {t('knowledge.settings.save')}
            </Button>
          </Group>
        ) : (
          <Text size="xs" c="dimmed">
            {t('knowledge.settings.shared')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
