import { Anchor, Card, Loader, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBulb } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isSafeLink } from '../../components/render-markdown';
import { useArticleSuggestions } from './cases.api';

/**
 * The wizard's side panel: knowledge articles matching the subject and description as they are
 * typed (debounced 400 ms), or "No matching articles found". Until the knowledge capability lands
 * the API finds nothing, and a failing call reads the same.
 */
export function SuggestedArticles({ organizationId, text }: { organizationId: string; text: string }) {
  const { t } = useTranslation();
  const [q] = useDebouncedValue(text, 400);
  const suggestions = useArticleSuggestions(organizationId, q);
  const items = suggestions.isError ? [] : (suggestions.data?.items ?? []);

  return (
    <Card withBorder radius="lg" p="md" component="aside" aria-labelledby="suggested-articles-title" data-testid="suggested-articles">
      <Stack gap="sm">
        <Title order={2} size="h5" id="suggested-articles-title">
          <IconBulb size={16} style={{ verticalAlign: '-2px', marginRight: 6 }} aria-hidden />
          {t('cases.suggestions.title')}
        </Title>
        {q.trim() === '' ? (
          <Text size="sm" c="dimmed">
            {t('cases.suggestions.hint')}
          </Text>
        ) : suggestions.isFetching && !suggestions.data ? (
          <Loader size="sm" aria-label={t('common.loading')} />
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="no-suggestions">
            {t('cases.suggestions.none')}
          </Text>
        ) : (
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((article) => (
              <li key={article.id}>
                <Anchor href={isSafeLink(article.href) ? article.href : undefined} target="_blank" rel="noopener noreferrer" size="sm" fw={600}>
                  {article.title}
                </Anchor>
                <Text size="xs" c="dimmed" lineClamp={3}>
                  {article.excerpt}
                </Text>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
