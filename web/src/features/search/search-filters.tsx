import { SEARCH_KINDS, type SearchKind } from '@common/knowledge';
import { Chip, Group, Select, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { toggleType } from './search-params';
import type { SearchRequest, SearchResults } from './search.api';

const ANY = 'any';

interface SearchFiltersProps {
  request: SearchRequest;
  counts: SearchResults['counts'] | undefined;
  /** More matched than were counted: each count is "at least". */
  capped: boolean;
  products: { id: string; name: string }[];
  onChange: (next: SearchRequest) => void;
}

/** The search page's filters: content type (chips with counts), product and language. */
export function SearchFilters({ request, counts, capped, products, onChange }: SearchFiltersProps) {
  const { t } = useTranslation();
  const typesLabel = useId();
  const total = counts ? SEARCH_KINDS.reduce((sum, kind) => sum + counts[kind], 0) : null;
  const label = (name: string, count: number | null) => (count === null ? name : t(capped ? 'search.filters.withCountAtLeast' : 'search.filters.withCount', { name, count }));
  const productData = products.some((product) => product.id === request.productId) || !request.productId ? products : [...products, { id: request.productId, name: t('search.filters.chosenProduct') }];

  const chip = (kind: SearchKind | 'all', text: string, checked: boolean) => (
    <Chip key={kind} size="sm" variant="light" checked={checked} onChange={() => onChange({ ...request, types: toggleType(request.types, kind) })} wrapperProps={{ 'data-testid': `type-filter-${kind}` }}>
      {text}
    </Chip>
  );

  return (
    <Stack gap="sm">
      <div role="group" aria-labelledby={typesLabel} data-testid="type-filters">
        <Text size="sm" fw={500} mb={6} id={typesLabel}>
          {t('search.filters.type')}
        </Text>
        <Group gap="xs">
          {chip('all', label(t('search.filters.all'), total), request.types.length === 0)}
          {SEARCH_KINDS.map((kind) => chip(kind, label(t(`search.kindsPlural.${kind}`), counts ? counts[kind] : null), request.types.includes(kind)))}
        </Group>
      </div>
      <Group gap="md" align="flex-end">
        <Select
          label={t('search.filters.product')}
          data={[{ value: ANY, label: t('search.filters.anyProduct') }, ...productData.map((product) => ({ value: product.id, label: product.name }))]}
          value={request.productId ?? ANY}
          onChange={(value) => onChange({ ...request, productId: !value || value === ANY ? null : value })}
          allowDeselect={false}
          searchable
          nothingFoundMessage={t('search.filters.noProducts')}
          w={{ base: '100%', sm: 280 }}
          data-testid="product-filter"
        />
        <Select
          label={t('search.filters.language')}
          data={[
            { value: ANY, label: t('search.filters.anyLanguage') },
            { value: 'ko', label: t('common.languages.ko') },
            { value: 'en', label: t('common.languages.en') },
          ]}
          value={request.language ?? ANY}
          onChange={(value) => onChange({ ...request, language: value === 'ko' || value === 'en' ? value : null })}
          allowDeselect={false}
          w={{ base: '100%', sm: 180 }}
          data-testid="language-filter"
        />
      </Group>
    </Stack>
  );
}
