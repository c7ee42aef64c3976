import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomers } from '../customers/customers.api';
import { useOrganization } from '../organizations/organizations.api';

interface OrganizationFilterProps {
  value: string | null;
  onChange: (organizationId: string | null) => void;
}

/** A select of customer organizations searched on the server by name or ID (the console's customers API). */
export function OrganizationFilter({ value, onChange }: OrganizationFilterProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const customers = useCustomers({ q, archived: null, page: 1, pageSize: 20 });
  // The chosen organization may not be in the current search's answer (a link, a reload): name it anyway.
  const chosen = useOrganization(value);
  const data = useMemo(() => {
    const options = (customers.data?.items ?? []).map((customer) => ({ value: customer.id, label: customer.name }));
    if (value && !options.some((option) => option.value === value)) options.unshift({ value, label: chosen.data?.name ?? value });
    return options;
  }, [customers.data, value, chosen.data]);

  return (
    <Select
      label={t('caseQueue.filters.organization')}
      placeholder={t('caseQueue.filters.anyOrganization')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already matched the search (names and IDs); don't filter its answer again.
      filter={({ options }) => options}
      nothingFoundMessage={customers.isFetching ? t('common.loading') : t('caseQueue.filters.noOrganization')}
    />
  );
}
