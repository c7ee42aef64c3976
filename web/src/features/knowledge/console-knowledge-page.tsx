import { Alert, Button, Card, Container, Group, Select, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { ARTICLE_LANGUAGES, ARTICLE_STATUSES, ARTICLE_VISIBILITIES } from '@common/knowledge';
import { IconClockExclamation, IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/branding';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { ArticlesTotal } from './article-list-paging';
import { LoadMore } from '../../components/load-more';
import { readConsoleArticleFilters, VERIFICATION_STATES, writeConsoleArticleFilters } from './article-list-params';
import { ArticlesTable } from './articles-table';
import { useConsoleArticles, type ConsoleArticleFilters } from './knowledge.api';
import { NewArticleModal } from './new-article-modal';
import { NoAccessPanel } from '../../components/no-access-panel';
import { useCanWriteArticles } from './use-can-write-articles';
import { useCatalogProductChoices } from './use-catalog-product-choices';

const ANY = 'any';

/** A filter's Select: "Any" or one of the values. */
function FilterSelect<T extends string>({ label, value, values, labelOf, onChange, testId }: { label: string; value: T | null; values: readonly T[] | { value: string; label: string }[]; labelOf?: (value: T) => string; onChange: (value: T | null) => void; testId: string }) {
  const { t } = useTranslation();
  const data = values.map((entry) => (typeof entry === 'string' ? { value: entry, label: labelOf ? labelOf(entry) : entry } : entry));
  return (
    <Select
      label={label}
      data={[{ value: ANY, label: t('knowledge.filters.any') }, ...data]}
      value={value ?? ANY}
      onChange={(next) => onChange(!next || next === ANY ? null : (next as T))}
      allowDeselect={false}
      searchable={data.length > 8}
      w={{ base: '100%', xs: 180 }}
      data-testid={testId}
    />
  );
}

/** The filters: title words (debounced into the URL), status, visibility, language, verification, product. */
function ArticleFilters({ filters, onChange }: { filters: ConsoleArticleFilters; onChange: (next: ConsoleArticleFilters) => void }) {
  const { t } = useTranslation();
  const products = useCatalogProductChoices();
  const [words, setWords] = useState(filters.q);
  const [debounced] = useDebouncedValue(words, 300);
  // "Clear filters" (or the review notice) empties the URL's words: the box follows, or its debounce would put them back.
  const [shownQ, setShownQ] = useState(filters.q);
  if (filters.q !== shownQ) {
    setShownQ(filters.q);
    if (filters.q === '') setWords('');
  }
  const latest = useRef({ filters, onChange });
  latest.current = { filters, onChange };
  useEffect(() => {
    const { filters: now, onChange: change } = latest.current;
    if (debounced.trim() !== now.q.trim()) change({ ...now, q: debounced });
  }, [debounced]);

  return (
    <Group align="flex-end" gap="md" wrap="wrap">
      <TextInput
        label={t('knowledge.filters.title')}
        placeholder={t('knowledge.filters.titlePlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={words}
        onChange={(event) => setWords(event.currentTarget.value)}
        maxLength={200}
        w={{ base: '100%', sm: 280 }}
        data-testid="filter-q"
      />
      <FilterSelect label={t('knowledge.fields.status')} value={filters.status} values={ARTICLE_STATUSES} labelOf={(value) => t(`knowledge.status.${value}`)} onChange={(status) => onChange({ ...filters, status })} testId="filter-status" />
      <FilterSelect label={t('knowledge.fields.visibility')} value={filters.visibility} values={ARTICLE_VISIBILITIES} labelOf={(value) => t(`knowledge.visibility.${value}`)} onChange={(visibility) => onChange({ ...filters, visibility })} testId="filter-visibility" />
      <FilterSelect label={t('knowledge.fields.language')} value={filters.language} values={ARTICLE_LANGUAGES} labelOf={(value) => t(`common.languages.${value}`)} onChange={(language) => onChange({ ...filters, language })} testId="filter-language" />
      <FilterSelect label={t('knowledge.fields.verification')} value={filters.verification} values={VERIFICATION_STATES} labelOf={(value) => t(`knowledge.verification.${value}`)} onChange={(verification) => onChange({ ...filters, verification })} testId="filter-verification" />
      <FilterSelect<string> label={t('knowledge.fields.product')} value={filters.productId} values={products.data} onChange={(productId) => onChange({ ...filters, productId })} testId="filter-product" />
    </Group>
  );
}

const NO_FILTERS: ConsoleArticleFilters = { q: '', status: null, visibility: null, language: null, verification: null, productId: null };
const REVIEW_DUE: ConsoleArticleFilters = { ...NO_FILTERS, verification: 'review_due' };

/**
 * "N articles need review": the list runs newest change first, so an article whose verification
 * lapsed (untouched for months) sinks to the end; this says how many there are and filters to them.
 */
function ReviewDueNotice({ onShow }: { onShow: () => void }) {
  const { t } = useTranslation();
  const due = useConsoleArticles(REVIEW_DUE);
  const count = due.data?.pages[0]?.total ?? 0;
  if (count === 0) return null;
  return (
    <Alert color="orange" variant="light" icon={<IconClockExclamation size={18} />} data-testid="review-due-notice">
      <Group justify="space-between" gap="sm">
        <Text size="sm">{t('knowledge.list.reviewDue', { count })}</Text>
        <Button size="xs" color="orange" variant="light" onClick={onShow} data-testid="show-review-due">
          {t('knowledge.list.showReviewDue')}
        </Button>
      </Group>
    </Alert>
  );
}

function ConsoleKnowledge() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => readConsoleArticleFilters(searchParams), [searchParams]);
  const [creating, setCreating] = useState(false);
  const list = useConsoleArticles(filters);
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;
  const filtered = writeConsoleArticleFilters(filters).toString() !== '';
  const showFilters = (next: ConsoleArticleFilters) => setSearchParams(writeConsoleArticleFilters(next), { replace: true });

  const renderArticles = () => {
    if (list.isError && items.length === 0) return <LoadErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
    if (!list.data) return <Skeleton height={280} radius="md" />;
    if (items.length === 0) {
      return (
        <Stack gap="xs" align="center" py="lg" data-testid="articles-empty">
          <Text c="dimmed" size="sm" ta="center">
            {filtered ? t('knowledge.list.noMatches') : t('knowledge.list.empty')}
          </Text>
          {filtered ? (
            <Button size="xs" variant="default" onClick={() => showFilters(NO_FILTERS)} data-testid="clear-filters">
              {t('knowledge.list.clearFilters')}
            </Button>
          ) : null}
        </Stack>
      );
    }
    return <ArticlesTable items={items} />;
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="md">
        <Stack gap={4}>
          <Title order={1}>{t('features.console.knowledge.title')}</Title>
          <Text c="dimmed">{t('features.console.knowledge.description')}</Text>
        </Stack>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="new-article">
          {t('knowledge.create.open')}
        </Button>
      </Group>
      <Card withBorder radius="lg" p={{ base: 'sm', sm: 'lg' }}>
        <Stack gap="md">
          {filters.verification === 'review_due' ? null : <ReviewDueNotice onShow={() => showFilters(REVIEW_DUE)} />}
          <ArticleFilters filters={filters} onChange={showFilters} />
          <ArticlesTotal list={list} total={total} />
          {renderArticles()}
          <LoadMore query={list} shown={items.length} label={t('knowledge.list.showMore')} testId="show-more" />
        </Stack>
      </Card>
      {creating ? <NewArticleModal opened onClose={() => setCreating(false)} /> : null}
    </Stack>
  );
}

/** `/console/knowledge`: the articles engineers write, filtered, with "New article"; staff without `article.write` see why not. */
export function ConsoleKnowledgePage() {
  const { t } = useTranslation();
  usePageTitle(t('features.console.knowledge.title'));
  const canWrite = useCanWriteArticles();
  return (
    <Container size="xl" px={0} data-testid="console-knowledge-page">
      {canWrite ? <ConsoleKnowledge /> : <NoAccessPanel texts="knowledge.noAccess" testId="knowledge-no-access" />}
    </Container>
  );
}
