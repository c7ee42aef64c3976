import { Anchor, Badge, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBulb, IconRosetteDiscountCheck } from '@tabler/icons-react';
import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format-date-time';
import { QuickView, type QuickViewTarget } from '../search/quick-view';
import { isAppPath } from '../search/result-href';
import { recordSuggestionOpened } from '../search/search.api';
import { useSettledText } from '../search/use-settled-text';
import { useArticleSuggestions } from './cases.api';

interface SuggestedArticlesProps {
  organizationId: string;
  /** The wizard's subject and description as typed. */
  text: string;
  /** The wizard's id, sent when a suggestion is opened (and with the case), for the deflection statistics. */
  wizardId: string;
}

/**
 * The wizard's side panel: knowledge articles matching the subject and description as they are
 * typed (debounced 400 ms, never a half-composed Korean syllable), or "No matching articles found".
 * A suggestion opens in the quick view beside the wizard, and the opening is recorded so a person
 * who reads an answer and leaves without submitting counts as deflected. A failing call reads as "none".
 */
export function SuggestedArticles({ organizationId, text, wizardId }: SuggestedArticlesProps) {
  const { t } = useTranslation();
  const [q] = useDebouncedValue(useSettledText(text), 400);
  const suggestions = useArticleSuggestions(organizationId, q);
  const items = suggestions.isError ? [] : (suggestions.data?.items ?? []);
  const [quickView, setQuickView] = useState<QuickViewTarget | null>(null);

  const open = (event: MouseEvent<HTMLAnchorElement>, article: { id: string; title: string; language: string }) => {
    recordSuggestionOpened(organizationId, wizardId, article.id);
    // A modified click (new tab, new window) goes to the article page as a link does.
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    setQuickView({ kind: 'article', id: article.id, title: article.title, language: article.language });
  };

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
              <li key={article.id} data-testid="suggested-article">
                <Stack gap={2}>
                  {article.verified ? (
                    <Group gap={4}>
                      <Badge color="teal" variant="light" size="xs" radius="sm" leftSection={<IconRosetteDiscountCheck size={10} aria-hidden />}>
                        {t('search.verified')}
                      </Badge>
                    </Group>
                  ) : null}
                  <Anchor
                    href={isAppPath(article.href) ? article.href : undefined}
                    onClick={(event) => open(event, article)}
                    size="sm"
                    fw={600}
                    aria-haspopup="dialog"
                    data-testid="suggested-article-link"
                  >
                    {article.title}
                  </Anchor>
                  <Text size="xs" c="dimmed" lineClamp={3}>
                    {article.excerpt}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('search.suggestions.updated', { date: formatDateTime(article.updatedAt).slice(0, 10) })}
                  </Text>
                </Stack>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
      <QuickView scope={{ face: 'portal', organizationId }} target={quickView} onClose={() => setQuickView(null)} />
    </Card>
  );
}
