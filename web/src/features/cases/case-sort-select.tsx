import { Button, Group, Select } from '@mantine/core';
import { CASE_SORTS } from '@common/schemas/cases';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { firstOrderOf } from './case-list-params';
import type { CaseListFilters } from './cases.api';

const SORT_LABELS = {
  status: 'cases.fields.status',
  subject: 'cases.fields.subject',
  site: 'cases.fields.site',
  opened: 'cases.fields.opened',
  updated: 'cases.fields.updated',
} as const satisfies Record<CaseListFilters['sort'], string>;

interface CaseSortSelectProps {
  sort: CaseListFilters['sort'];
  order: CaseListFilters['order'];
  onChange: (sort: CaseListFilters['sort'], order: CaseListFilters['order']) => void;
}

/**
 * The Cases tab's sort on a phone, where the table shows only the number and subject columns (so
 * only the subject's header could be clicked): the column to sort by, and a button to flip the order.
 */
export function CaseSortSelect({ sort, order, onChange }: CaseSortSelectProps) {
  const { t } = useTranslation();
  const flipped = order === 'asc' ? 'desc' : 'asc';
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap" w="100%">
      <Select
        label={t('cases.list.sortLabel')}
        data={CASE_SORTS.map((value) => ({ value, label: t(SORT_LABELS[value]) }))}
        value={sort}
        onChange={(value) => value && onChange(value as CaseListFilters['sort'], firstOrderOf(value as CaseListFilters['sort']))}
        allowDeselect={false}
        style={{ flex: 1 }}
        data-testid="case-sort-select"
      />
      <Button
        variant="default"
        leftSection={order === 'asc' ? <IconArrowUp size={16} /> : <IconArrowDown size={16} />}
        onClick={() => onChange(sort, flipped)}
        data-testid="case-sort-order"
      >
        {t(`cases.list.order.${order}`)}
      </Button>
    </Group>
  );
}
