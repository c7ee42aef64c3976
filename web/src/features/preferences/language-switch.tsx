import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isLanguage, type Language } from '../../app/language';
import { setLanguage } from '../../app/set-language';
import { useMe } from '../auth/auth.api';
import { useUpdatePreferences } from './preferences.api';

const options: { value: Language; label: string }[] = [
  { value: 'ko', label: '한국어' },
  { value: 'en', label: 'English' },
];

/** 한국어 / English switch; remembered in this browser and, when signed in, on the server. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const updatePreferences = useUpdatePreferences();
  const current = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'ko';

  const change = (value: string) => {
    if (!isLanguage(value) || value === current) return;
    setLanguage(value);
    if (me) updatePreferences.mutate({ locale: value });
  };

  return (
    <SegmentedControl
      size="xs"
      radius="md"
      data={options}
      value={current}
      onChange={change}
      aria-label={t('preferences.language')}
      data-testid="language-switch"
    />
  );
}
