import { Anchor, Button, Card, Container, Group, Select, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { ARTICLE_LANGUAGES } from '@common/knowledge';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/branding';
import { formatDateTime } from '../../components/format-date-time';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { ArticlesTotal } from './article-list-paging';
import { LoadMore } from '../../components/load-more';
import { CurrentOrganizationGate } from '../organizations/current-organization-gate';
import type { Organization } from '../organizations/organizations.api';
import { useProducts } from '../products/products.api';
import { articleSearchHref, readPortalArticleFilters, writePortalArticleFilters } from './article-list-params';
import { usePortalArticles, type ArticleListItem, type PortalArticleFilters } from './knowledge.api';
import { ProductTags } from './product-tags';
import { VerificationBadge } from './verification-badge';

const ANY = 'any';

function ArticleCard({ item }: { item: ArticleListItem }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" p="md" component="li" data-testid="article-item" data-article-id={item.id}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Anchor component={Link} to={`/portal/knowledge/${encodeURIComponent(item.id)}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
            {item.title}
          </Anchor>
          {item.verification !== 'unverified' ? <VerificationBadge state={item.verification} size="sm" style={{ flexShrink: 0 }} /> : null}
        </Group>
        {item.summary ? (
          <Text size="sm" c="dimmed" lineClamp={2}>
            {item.summary}
          </Text>
        ) : null}
        <Group justify="space-between" gap="sm" wrap="wrap">
          <ProductTags products={item.products} size="xs" />
          {/* On the right whether or not the article has product tags, as in every other card. */}
          <Text size="xs" c="dimmed" ml="auto">
            {t('knowledge.reader.lastUpdated', { date: formatDateTime(item.updatedAt) })}
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}

/** The product filter's choices: the organization's licensed products, and any product the loaded articles are tagged with. */
function useProductChoices(organizationId: string, items: readonly ArticleListItem[]) {
  const licensed = useProducts(organizationId, {});
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const entry of licensed.data?.pages.flatMap((page) => page.items) ?? []) names.set(entry.product.id, entry.product.name);
    for (const item of items) for (const product of item.products) names.set(product.id, product.name);
    return [...names].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  }, [licensed.data, items]);
}

function KnowledgeList({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = readPortalArticleFilters(searchParams);
  const setFilters = (next: PortalArticleFilters) => setSearchParams(writePortalArticleFilters(next), { replace: true });
  const [words, setWords] = useState('');
  const list = usePortalArticles(organization.id, filters);
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;
  const products = useProductChoices(organization.id, items);

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (words.trim()) void navigate(articleSearchHref(words));
  };

  const renderItems = () => {
    if (list.isError && items.length === 0) return <LoadErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
    if (!list.data) return <Skeleton height={240} radius="md" />;
    if (items.length === 0) {
      return (
        <Text c="dimmed" ta="center" py="xl" data-testid="articles-empty">
          {filters.language || filters.productId ? t('knowledge.portal.noMatches') : t('knowledge.portal.empty')}
        </Text>
      );
    }
    return (
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('knowledge.portal.listLabel')}>
        {items.map((item) => (
          <ArticleCard key={item.id} item={item} />
        ))}
      </Stack>
    );
  };

  return (
    <Stack gap="lg">
      <Card withBorder radius="lg" p={{ base: 'sm', sm: 'lg' }}>
        <Stack gap="md">
          <form onSubmit={search} role="search">
            <Group align="flex-end" gap="sm" wrap="nowrap">
              <TextInput
                label={t('knowledge.portal.search')}
                placeholder={t('knowledge.portal.searchPlaceholder')}
                leftSection={<IconSearch size={16} />}
                value={words}
                onChange={(event) => setWords(event.currentTarget.value)}
                maxLength={200}
                style={{ flex: 1 }}
                data-testid="knowledge-search"
              />
              <Button type="submit" disabled={!words.trim()}>
                {t('knowledge.portal.searchButton')}
              </Button>
            </Group>
          </form>
          <Group align="flex-end" gap="md" wrap="wrap">
            <Select
              label={t('knowledge.fields.product')}
              data={[{ value: ANY, label: t('knowledge.filters.anyProduct') }, ...products]}
              value={filters.productId ?? ANY}
              onChange={(value) => setFilters({ ...filters, productId: !value || value === ANY ? null : value })}
              allowDeselect={false}
              searchable
              w={{ base: '100%', xs: 260 }}
              data-testid="filter-product"
            />
            <Select
              label={t('knowledge.fields.language')}
              data={[{ value: ANY, label: t('knowledge.filters.anyLanguage') }, ...ARTICLE_LANGUAGES.map((language) => ({ value: language, label: t(`common.languages.${language}`) }))]}
              value={filters.language ?? ANY}
              onChange={(value) => setFilters({ ...filters, language: !value || value === ANY ? null : (value as PortalArticleFilters['language']) })}
              allowDeselect={false}
              w={{ base: '100%', xs: 180 }}
              data-testid="filter-language"
            />
          </Group>
        </Stack>
      </Card>
      <ArticlesTotal list={list} total={total} />
      {renderItems()}
      <LoadMore query={list} shown={items.length} label={t('knowledge.list.showMore')} testId="show-more" />
    </Stack>
  );
}

/** `/portal/knowledge`: the knowledge articles the organization's members may read, with filters and a way into search. */
export function KnowledgePage() {
  const { t } = useTranslation();
  usePageTitle(t('features.portal.knowledge.title'));
  return (
    <Container size="lg" px={0} data-testid="knowledge-page">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t('features.portal.knowledge.title')}</Title>
          <Text c="dimmed">{t('features.portal.knowledge.description')}</Text>
        </Stack>
        <CurrentOrganizationGate>{(organization) => <KnowledgeList key={organization.id} organization={organization} />}</CurrentOrganizationGate>
      </Stack>
    </Container>
  );
}
