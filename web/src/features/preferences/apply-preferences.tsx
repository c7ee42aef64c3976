import { useMantineColorScheme } from '@mantine/core';
import { useEffect, useEffectEvent } from 'react';
import { setLanguage } from '../../app/set-language';
import { useMe } from '../auth/auth.api';

/** Applies the signed-in person's saved language and theme whenever they load or change; renders nothing. */
export function ApplyPreferences(): null {
  const { data: me } = useMe();
  const { setColorScheme } = useMantineColorScheme();
  // An effect event, so a new setColorScheme identity does not re-apply the saved theme over a local choice.
  const applyTheme = useEffectEvent(setColorScheme);

  const locale = me?.locale;
  const theme = me?.theme;

  useEffect(() => {
    if (locale) setLanguage(locale);
  }, [locale]);

  useEffect(() => {
    if (theme) applyTheme(theme);
  }, [theme]);

  return null;
}
