import { Alert, Button, Card, Container, Group, SegmentedControl, Select, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconLock, IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/branding';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { CurrentOrganizationGate } from '../organizations/current-organization-gate';
import type { Organization } from '../organizations/organizations.api';
import { readCaseListParams, toggleSort, writeCaseListParams } from './case-list-params';
import { CaseSortSelect } from './case-sort-select';
import { useCaseList, useCaseWizardOptions, type CaseListFilters } from './cases.api';
import { CasesTable } from './cases-table';

/** The Select's value for "every site". */
const ALL_SITES = 'all';
const VIEWS = ['my_open', 'open', 'closed'] as const;

function CasesView({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 48em)');
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = readCaseListParams(searchParams);
  const setFilters = (next: CaseListFilters, replace = false) => setSearchParams(writeCaseListParams(next), { replace });

  // The search box types freely; the URL (and the query) follow 300 ms after typing stops.
  const [search, setSearch] = useState(filters.q);
  const [debounced] = useDebouncedValue(search, 300);
  const [shownQ, setShownQ] = useState(filters.q);
  if (filters.q !== shownQ) {
    // The URL changed under the box (back, forward, a link): show what it says.
    setShownQ(filters.q);
    if (filters.q !== search.trim()) setSearch(filters.q);
  }
  // Only a change of the typed text moves the URL; a URL change (back) only moves the box.
  const lastDebounced = useRef(debounced);
  useEffect(() => {
    if (lastDebounced.current === debounced) return;
    lastDebounced.current = debounced;
    setSearchParams(
      (params) => {
        const now = readCaseListParams(params);
        return now.q === debounced.trim() ? params : writeCaseListParams({ ...now, q: debounced });
      },
      { replace: true },
    );
  }, [debounced, setSearchParams]);

  const list = useCaseList(organization.id, filters);
  const options = useCaseWizardOptions(organization.id);
  const pages = list.data?.pages ?? [];
  const items = pages.flatMap((page) => page.items);
  const counts = pages[0]?.counts;
  const canCreate = organization.abilities.includes('case.create');

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <SegmentedControl
          aria-label={t('cases.list.views')}
          orientation={narrow ? 'vertical' : 'horizontal'}
          fullWidth={narrow}
          w={narrow ? '100%' : undefined}
          data={VIEWS.map((view) => ({ value: view, label: counts ? t('cases.list.viewWithCount', { view: t(`cases.list.view.${view}`), n: counts[view] }) : t(`cases.list.view.${view}`) }))}
          value={filters.view}
          onChange={(value) => setFilters({ ...filters, view: value as CaseListFilters['view'] })}
          data-testid="case-views"
        />
        {canCreate ? (
          <Button component={Link} to="/portal/cases/new" leftSection={<IconPlus size={16} />} data-testid="new-case">
            {t('cases.newCase')}
          </Button>
        ) : null}
      </Group>
      <Card withBorder radius="lg" p={{ base: 'sm', sm: 'lg' }}>
        <Stack gap="md">
          <Group align="flex-end" gap="md">
            <TextInput
              label={t('cases.list.search')}
              placeholder={t('cases.list.searchPlaceholder')}
              leftSection={<IconSearch size={16} />}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              maxLength={200}
              w={{ base: '100%', sm: 320 }}
              data-testid="case-search"
            />
            {options.data && options.data.sites.length > 0 ? (
              <Select
                label={t('cases.list.site')}
                data={[{ value: ALL_SITES, label: t('cases.list.allSites') }, ...options.data.sites.map((site) => ({ value: site.id, label: site.name }))]}
                value={filters.siteId ?? ALL_SITES}
                onChange={(value) => setFilters({ ...filters, siteId: !value || value === ALL_SITES ? null : value })}
                allowDeselect={false}
                w={{ base: '100%', sm: 260 }}
                data-testid="case-site-filter"
              />
            ) : null}
            {narrow ? <CaseSortSelect sort={filters.sort} order={filters.order} onChange={(sort, order) => setFilters({ ...filters, sort, order })} /> : null}
          </Group>
          {list.isError ? (
            <LoadErrorAlert error={list.error} onRetry={() => void list.refetch()} />
          ) : !list.data ? (
            <Skeleton height={240} radius="md" />
          ) : items.length === 0 ? (
            <Text size="sm" c="dimmed" py="lg" ta="center" data-testid="no-cases">
              {filters.q || filters.siteId ? t('cases.list.emptySearch') : t(`cases.list.empty.${filters.view}`)}
            </Text>
          ) : (
            <>
              <CasesTable items={items} sort={filters.sort} order={filters.order} onSort={(sort) => setFilters(toggleSort(filters, sort))} />
              {list.hasNextPage ? (
                <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} mx="auto" data-testid="load-more-cases">
                  {t('cases.list.loadMore')}
                </Button>
              ) : null}
            </>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}

/** What a member whose role has no `case.view` sees instead of cases, on the tab and on a case's page. */
export function CasesForbidden() {
  const { t } = useTranslation();
  return (
    <Alert color="gray" variant="light" icon={<IconLock size={18} />} data-testid="cases-forbidden">
      {t('cases.list.notAllowed')}
    </Alert>
  );
}

/** `/portal/cases`: the Cases tab: views with counts, search, site filter, sorting, "Load more". */
export function CasesPage() {
  const { t } = useTranslation();
  usePageTitle(t('features.portal.cases.title'));
  return (
    <Container size="xl" px={0} data-testid="cases-page">
      <Stack gap="lg">
        <Title order={1}>{t('features.portal.cases.title')}</Title>
        <CurrentOrganizationGate>
          {(organization) =>
            organization.abilities.includes('case.view') ? (
              <CasesView key={organization.id} organization={organization} />
            ) : (
              <CasesForbidden />
            )
          }
        </CurrentOrganizationGate>
      </Stack>
    </Container>
  );
}
