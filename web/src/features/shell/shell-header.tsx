import { Anchor, AppShell, Badge, Box, Burger, Group, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useServiceName } from '../../app/branding';
import { BrandMark } from '../../components/brand-mark';
import { OrganizationSwitcher } from '../organizations/organization-switcher';
import { ColorSchemeToggle } from '../preferences/color-scheme-toggle';
import { TopBarSearch } from '../search/top-bar-search';
import { LanguageSwitch } from '../preferences/language-switch';
import type { Face } from './nav-item';
import { UserMenu } from './user-menu';

interface ShellHeaderProps {
  face: Face;
  isNavbarOpen: boolean;
  onToggleNavbar: () => void;
}

/** Product name, face and (in the portal) the organization switcher on the left; the search box; language, theme and the user's menu on the right. */
export function ShellHeader({ face, isNavbarOpen, onToggleNavbar }: ShellHeaderProps) {
  const { t } = useTranslation();
  const service = useServiceName();
  const theme = useMantineTheme();
  // On a phone the header's gaps and edges narrow, so the organization's name keeps about eight
  // Korean characters ("A석유화학" whole). Read at once, so a phone never lays out the wide gaps first.
  const isWide = useMediaQuery(`(min-width: ${theme.breakpoints.sm})`, undefined, { getInitialValueInEffect: false });
  return (
    <AppShell.Header px={{ base: 'sm', sm: 'md' }}>
      <Group h="100%" justify="space-between" wrap="nowrap" gap={isWide ? 'md' : 8}>
        {/* The left side gives way on a narrow screen (the organization's name is cut), never the menus on the right. */}
        <Group gap={isWide ? 'sm' : 8} wrap="nowrap" style={{ minWidth: 0, flexShrink: 1 }}>
          <Burger opened={isNavbarOpen} onClick={onToggleNavbar} hiddenFrom="sm" size="sm" aria-label={t('shell.toggleNavigation')} />
          <Anchor component={Link} to={`/${face}`} underline="never" c="inherit" aria-label={t('shell.homeLink', { service: service ?? 'Atrium' })}>
            <BrandMark wordFrom="sm" />
          </Anchor>
          <Badge variant="light" color={face === 'console' ? 'grape' : 'indigo'} radius="sm" visibleFrom="xs" data-testid="face-label">
            {t(`shell.face.${face}`)}
          </Badge>
          {face === 'portal' ? <OrganizationSwitcher /> : null}
        </Group>
        <Box visibleFrom="sm" style={{ flex: 1, minWidth: 0, maxWidth: 440 }}>
          <TopBarSearch face={face} />
        </Box>
        <Group gap={isWide ? 'xs' : 6} wrap="nowrap" style={{ flexShrink: 0 }}>
          <Box hiddenFrom="sm">
            <TopBarSearch face={face} compact />
          </Box>
          <Group visibleFrom="sm">
            <LanguageSwitch />
          </Group>
          <ColorSchemeToggle />
          <UserMenu face={face} />
        </Group>
      </Group>
    </AppShell.Header>
  );
}
