import { ActionIcon, Menu, Tooltip, useMantineColorScheme } from '@mantine/core';
import { IconCheck, IconDeviceDesktop, IconMoon, IconSun } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/auth.api';
import type { ThemePreference } from '../auth/me';
import { useUpdatePreferences } from './preferences.api';

const schemes = [
  { value: 'light', icon: IconSun },
  { value: 'dark', icon: IconMoon },
  { value: 'auto', icon: IconDeviceDesktop },
] as const satisfies readonly { value: ThemePreference; icon: unknown }[];

/** Light / dark / follow-the-system choice; remembered in this browser and, when signed in, on the server. */
export function ColorSchemeToggle() {
  const { t } = useTranslation();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const { data: me } = useMe();
  const updatePreferences = useUpdatePreferences();
  const CurrentIcon = schemes.find((scheme) => scheme.value === colorScheme)?.icon ?? IconDeviceDesktop;

  const choose = (value: ThemePreference) => {
    setColorScheme(value);
    if (me && me.theme !== value) updatePreferences.mutate({ theme: value });
  };

  return (
    <Menu position="bottom-end" width={200} withinPortal>
      <Menu.Target>
        <Tooltip label={t('preferences.theme')} openDelay={400}>
          <ActionIcon variant="default" size="lg" radius="md" aria-label={t('preferences.theme')} data-testid="theme-toggle">
            <CurrentIcon size={18} stroke={1.6} />
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('preferences.theme')}</Menu.Label>
        {schemes.map(({ value, icon: Icon }) => (
          <Menu.Item
            key={value}
            leftSection={<Icon size={16} stroke={1.6} />}
            rightSection={colorScheme === value ? <IconCheck size={14} /> : null}
            onClick={() => choose(value)}
          >
            {t(`preferences.themes.${value}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
