import { CASE_CATEGORIES, CASE_STATUSES } from '@common/cases';
import { Button, Chip, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProducts } from '../catalog/catalog.api';
import { useEngineers } from './case-queue.api';
import { OrganizationFilter } from './organization-filter';
import { defaultQueueFilters, MAX_AGE_DAYS, type QueueFilters } from './queue-filters';

interface QueueFiltersFormProps {
  filters: QueueFilters;
  onChange: (filters: QueueFilters) => void;
}

/** The queue's filters: status, assignee, organization, product, category, age and a keyword. */
export function QueueFiltersForm({ filters, onChange }: QueueFiltersFormProps) {
  const { t } = useTranslation();
  const engineers = useEngineers();
  const products = useProducts({ q: '', familyId: null });
  const [keyword, setKeyword] = useState(filters.q);
  const [shownQ, setShownQ] = useState(filters.q);
  const commitKeyword = useDebouncedCallback((q: string) => onChange({ ...filters, q }), 400);
  // The keyword changed elsewhere (back button, a link, "Clear filters"): show it in the box.
  if (filters.q !== shownQ) {
    setShownQ(filters.q);
    if (filters.q !== keyword.trim()) setKeyword(filters.q);
  }
  const set = <K extends keyof QueueFilters>(name: K, value: QueueFilters[K]) => onChange({ ...filters, [name]: value });

  const assigneeData = [
    { value: 'any', label: t('caseQueue.filters.assigneeAny') },
    { value: 'me', label: t('caseQueue.filters.assigneeMe') },
    { value: 'none', label: t('caseQueue.filters.assigneeNone') },
    ...(engineers.data && engineers.data.items.length > 0
      ? [{ group: t('caseQueue.filters.engineers'), items: engineers.data.items.map((engineer) => ({ value: engineer.id, label: engineer.name })) }]
      : []),
  ];
  // A named engineer from a link still shows while the list loads.
  if (!['any', 'me', 'none'].includes(filters.assignee) && !engineers.data?.items.some((engineer) => engineer.id === filters.assignee)) {
    assigneeData.push({ value: filters.assignee, label: filters.assignee });
  }

  return (
    <Stack gap="sm">
      <Chip.Group multiple value={filters.statuses} onChange={(value) => set('statuses', CASE_STATUSES.filter((status) => value.includes(status)))}>
        <Stack gap={6} component="fieldset" m={0} p={0} style={{ border: 0 }}>
          <Text component="legend" size="sm" fw={500} p={0} mb={6}>
            {t('caseQueue.filters.status')}
            <Text span size="xs" c="dimmed" ml="xs">
              {filters.statuses.length === 0 ? t('caseQueue.filters.anyStatus') : null}
            </Text>
          </Text>
          <Group gap={6}>
            {CASE_STATUSES.map((status) => (
              <Chip key={status} value={status} size="xs" radius="sm">
                {t(`cases.status.${status}`)}
              </Chip>
            ))}
          </Group>
        </Stack>
      </Chip.Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        <TextInput
          label={t('caseQueue.filters.keyword')}
          placeholder={t('caseQueue.filters.keywordPlaceholder')}
          leftSection={<IconSearch size={16} />}
          type="search"
          value={keyword}
          maxLength={200}
          onChange={(event) => {
            setKeyword(event.currentTarget.value);
            commitKeyword(event.currentTarget.value);
          }}
        />
        <Select
          label={t('caseQueue.filters.assignee')}
          data={assigneeData}
          value={filters.assignee}
          onChange={(value) => set('assignee', typeof value === 'string' ? value : 'any')}
          allowDeselect={false}
          searchable
        />
        <OrganizationFilter value={filters.organizationId} onChange={(value) => set('organizationId', value)} />
        <Select
          label={t('caseQueue.filters.product')}
          placeholder={t('caseQueue.filters.anyProduct')}
          data={(products.data?.items ?? []).map((product) => ({ value: product.id, label: product.name }))}
          value={filters.productId}
          onChange={(value) => set('productId', value)}
          searchable
          clearable
          nothingFoundMessage={t('caseQueue.filters.noProduct')}
        />
        <Select
          label={t('caseQueue.filters.category')}
          placeholder={t('caseQueue.filters.anyCategory')}
          data={CASE_CATEGORIES.map((category) => ({ value: category, label: t(`cases.categories.${category}`) }))}
          value={filters.category}
          onChange={(value) => set('category', value as QueueFilters['category'])}
          clearable
        />
        <NumberInput
          label={t('caseQueue.filters.age')}
          placeholder={t('caseQueue.filters.agePlaceholder')}
          value={filters.olderThanDays ?? ''}
          onChange={(value) => set('olderThanDays', typeof value === 'number' && Number.isInteger(value) ? value : null)}
          min={0}
          max={MAX_AGE_DAYS}
          clampBehavior="strict"
          allowDecimal={false}
          allowNegative={false}
        />
      </SimpleGrid>
      <Group justify="flex-end">
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconFilterOff size={14} />}
          onClick={() => {
            setKeyword('');
            commitKeyword.cancel();
            onChange(defaultQueueFilters);
          }}
        >
          {t('caseQueue.filters.reset')}
        </Button>
      </Group>
    </Stack>
  );
}
