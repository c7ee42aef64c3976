import { Button, Chip, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconRestore, IconSearch } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_CATEGORIES } from '@common/schemas/audit';
import {
  activityPresets,
  defaultActivityFilters,
  isInvalidActivityRange,
  type ActivityFilters,
} from './get-activity-query';
import type { AuditCategory } from './activity.api';
import { DateField } from '../../components/date-field';

interface ActivityFiltersFormProps {
  initial: ActivityFilters;
  onApply: (filters: ActivityFilters) => void;
}

/** The activity log's filters: categories, who, any text, a quick range or dates; applied with "Search". */
export function ActivityFiltersForm({ initial, onApply }: ActivityFiltersFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ActivityFilters>(initial);
  const isInvalid = isInvalidActivityRange(draft);
  const set = <K extends keyof ActivityFilters>(field: K, value: ActivityFilters[K]) => setDraft((current) => ({ ...current, [field]: value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isInvalid) onApply(draft);
  };

  return (
    <Paper withBorder radius="lg" p="md" component="form" onSubmit={submit} noValidate data-testid="activity-filters" aria-label={t('activity.filters.title')}>
      <Stack gap="sm">
        <Stack gap={6} role="group" aria-labelledby="activity-categories-label">
          <Text size="sm" fw={500} id="activity-categories-label">
            {t('activity.filters.categories')}
          </Text>
          <Chip.Group multiple value={draft.categories} onChange={(value) => set('categories', value as AuditCategory[])}>
            <Group gap={6}>
              {/* Every category the server records, each a chip. */}
              {AUDIT_CATEGORIES.map((category) => (
                <Chip key={category} value={category} size="sm" variant="light" wrapperProps={{ 'data-testid': 'activity-category', 'data-category': category }}>
                  {t(`activity.categories.${category}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput label={t('activity.filters.actor')} placeholder={t('activity.filters.actorPlaceholder')} value={draft.actor} onChange={(event) => set('actor', event.currentTarget.value)} />
          <TextInput label={t('activity.filters.q')} placeholder={t('activity.filters.qPlaceholder')} value={draft.q} onChange={(event) => set('q', event.currentTarget.value)} />
          <Select
            label={t('activity.filters.period')}
            data={[
              ...activityPresets.map((preset) => ({ value: preset, label: t(`activity.presets.${preset}`) })),
              { value: 'custom', label: t('activity.presets.custom') },
            ]}
            value={draft.preset}
            onChange={(value) => value && set('preset', value as ActivityFilters['preset'])}
            allowDeselect={false}
            data-testid="activity-period"
          />
        </SimpleGrid>
        {draft.preset === 'custom' ? (
          <Group gap="sm" align="flex-start">
            <DateField w={200} label={t('activity.filters.from')} value={draft.from} onChange={(value) => set('from', value)} max={draft.to} clearable data-testid="activity-from" />
            <DateField
              w={200}
              label={t('activity.filters.to')}
              value={draft.to}
              onChange={(value) => set('to', value)}
              min={draft.from}
              clearable
              data-testid="activity-to"
              error={isInvalid ? t('activity.filters.invalidRange') : undefined}
            />
          </Group>
        ) : null}
        <Group gap="xs">
          <Button type="submit" leftSection={<IconSearch size={16} />} disabled={isInvalid} data-testid="activity-search">
            {t('activity.filters.search')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconRestore size={16} />}
            onClick={() => {
              setDraft(defaultActivityFilters);
              onApply(defaultActivityFilters);
            }}
          >
            {t('activity.filters.reset')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
