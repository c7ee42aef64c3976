import { MultiSelect } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { getSitePaths } from '../sites/build-site-tree';
import type { SiteTreeItem } from '../sites/sites.api';

interface SiteAccessFieldProps {
  sites: readonly SiteTreeItem[];
  value: string[];
  onChange: (siteIds: string[]) => void;
  error?: string;
  disabled?: boolean;
}

/** The sites a member below admin may act on: pick from the organization's sites, shown with their parents. */
export function SiteAccessField({ sites, value, onChange, error, disabled }: SiteAccessFieldProps) {
  const { t } = useTranslation();
  const options = useMemo(() => {
    const paths = getSitePaths(sites);
    return sites.map((site) => ({ value: site.id, label: paths.get(site.id) ?? site.name })).sort((a, b) => a.label.localeCompare(b.label));
  }, [sites]);

  return (
    <MultiSelect
      label={t('team.fields.siteAccess')}
      description={t('team.siteAccessHint')}
      placeholder={value.length === 0 ? t('team.siteAccessPlaceholder') : undefined}
      data={options}
      value={value}
      onChange={onChange}
      error={error}
      disabled={disabled}
      searchable
      clearable
      hidePickedOptions
      nothingFoundMessage={t('team.noSitesFound')}
      comboboxProps={{ withinPortal: true }}
      wrapperProps={{ 'data-testid': 'site-access' }}
    />
  );
}
