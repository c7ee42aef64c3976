import { Alert, Button, Card, Container, List, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconInfoCircle, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/branding';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { CurrentOrganizationGate } from '../organizations/current-organization-gate';
import type { Face } from '../shell/nav-item';
import { QuickView, type QuickViewTarget } from './quick-view';
import { SearchFilters } from './search-filters';
import { MAX_QUERY_LENGTH, readSearchParams, writeSearchParams } from './search-params';
import { SearchResultCard } from './search-result-card';
import { useProductChoices, useSearchResults, type SearchRequest, type SearchScope } from './search.api';
import { useImeSafeInput } from './use-ime-safe-input';
import { correctedQuery } from './corrected-query';

/** How long typing must pause before the results follow. */
const DEBOUNCE_MS = 250;

function EmptyState({ q }: { q: string }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" p="lg" data-testid="search-empty">
      <Stack gap="xs">
        <Text fw={600}>{q ? t('search.empty.noResults', { q }) : t('search.empty.start')}</Text>
        <Text size="sm" c="dimmed">
          {t('search.empty.tipsTitle')}
        </Text>
        <List size="sm" c="dimmed" spacing={2}>
          <List.Item>{t('search.empty.tipWords')}</List.Item>
          <List.Item>{t('search.empty.tipLanguage')}</List.Item>
          <List.Item>{t('search.empty.tipFilters')}</List.Item>
          <List.Item>{t('search.empty.tipVersion')}</List.Item>
        </List>
      </Stack>
    </Card>
  );
}

function SearchView({ scope }: { scope: SearchScope }) {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const request = readSearchParams(searchParams);
  const setRequest = (next: SearchRequest, replace = false) => setSearchParams(writeSearchParams(next), { replace });

  // The box types freely (an input method's composition is never searched half-formed); the URL follows the committed text.
  const box = useImeSafeInput(request.q);
  const [debounced] = useDebouncedValue(box.committed, DEBOUNCE_MS);
  const [shownQ, setShownQ] = useState(request.q);
  if (request.q !== shownQ) {
    // The URL changed under the box (back, forward, the top bar): show what it says.
    setShownQ(request.q);
    if (request.q !== box.committed.trim()) box.setValue(request.q);
  }
  const lastDebounced = useRef(debounced);
  useEffect(() => {
    if (lastDebounced.current === debounced) return;
    lastDebounced.current = debounced;
    setSearchParams(
      (params) => {
        const now = readSearchParams(params);
        return now.q === debounced.trim() ? params : writeSearchParams({ ...now, q: debounced });
      },
      { replace: true },
    );
  }, [debounced, setSearchParams]);

  const results = useSearchResults(scope, request);
  const productChoices = useProductChoices(scope);
  const [quickView, setQuickView] = useState<QuickViewTarget | null>(null);
  const pages = results.data?.pages;
  const first = pages?.[0];
  const items = useMemo(() => (pages ?? []).flatMap((page) => page.items), [pages]);
  const products = useMemo(() => {
    const byId = new Map<string, string>();
    for (const product of productChoices.data ?? []) byId.set(product.id, product.name);
    for (const item of items) for (const product of item.products) if (!byId.has(product.id)) byId.set(product.id, product.name);
    return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }, [productChoices.data, items]);

  return (
    <Stack gap="lg">
      <Card withBorder radius="lg" p={{ base: 'sm', sm: 'lg' }}>
        <Stack gap="md">
          <form
            role="search"
            onSubmit={(event) => {
              event.preventDefault();
              if (!box.isComposing) setRequest({ ...request, q: box.value });
            }}
          >
            <TextInput
              type="search"
              role="searchbox"
              label={t('search.page.label')}
              placeholder={t('search.page.placeholder')}
              leftSection={<IconSearch size={16} />}
              rightSection={results.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
              maxLength={MAX_QUERY_LENGTH}
              autoComplete="off"
              {...box.inputProps}
              data-testid="search-page-input"
            />
          </form>
          <SearchFilters request={request} counts={first?.counts} capped={first?.capped ?? false} products={products} onChange={(next) => setRequest(next)} />
        </Stack>
      </Card>
      {first && first.corrected.length > 0 ? (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} data-testid="search-corrected">
          {t('search.corrected', { words: correctedQuery(first.query, first.corrected), original: first.query })}
        </Alert>
      ) : null}
      {request.q.trim() === '' ? (
        <EmptyState q="" />
      ) : results.isError ? (
        <LoadErrorAlert error={results.error} onRetry={() => void results.refetch()} />
      ) : !first ? (
        <Loader mx="auto" aria-label={t('common.loading')} />
      ) : items.length === 0 ? (
        <EmptyState q={first.query || request.q} />
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="search-total">
            {t(first.capped ? 'search.totalAtLeast' : 'search.total', { count: first.total })}
          </Text>
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('search.page.results')}>
            {items.map((item) => (
              <SearchResultCard key={`${item.kind}-${item.id}`} result={item} onQuickView={() => setQuickView({ kind: item.kind, id: item.id, title: item.title, language: item.language })} />
            ))}
          </Stack>
          {results.hasNextPage ? (
            <Button variant="default" mx="auto" onClick={() => void results.fetchNextPage()} loading={results.isFetchingNextPage} data-testid="search-show-more">
              {t('search.showMore')}
            </Button>
          ) : null}
        </Stack>
      )}
      <QuickView scope={scope} target={quickView} onClose={() => setQuickView(null)} />
    </Stack>
  );
}

/** `/portal/search` and `/console/search`: one box over articles, documents, releases and cases, with filters and quick view; its state lives in the URL. */
export function SearchPage({ face }: { face: Face }) {
  const { t } = useTranslation();
  usePageTitle(t('search.page.title'));
  return (
    <Container size="lg" px={0} data-testid="search-page">
      <Stack gap="lg">
        <Title order={1}>{t('search.page.title')}</Title>
        {face === 'console' ? (
          <SearchView scope={{ face, organizationId: null }} />
        ) : (
          <CurrentOrganizationGate>{(organization) => <SearchView key={organization.id} scope={{ face, organizationId: organization.id }} />}</CurrentOrganizationGate>
        )}
      </Stack>
    </Container>
  );
}
