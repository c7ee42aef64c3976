import { AppShell, Box, NavLink, ScrollArea, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { featureIcons } from '../../components/feature-icons';
import { LanguageSwitch } from '../preferences/language-switch';
import type { Face, NavItem } from './nav-item';
import { useVisibleNavItems } from './use-visible-nav-items';

interface ShellNavbarProps {
  face: Face;
  items: NavItem[];
  onNavigate: () => void;
}

function isActive(item: NavItem, pathname: string): boolean {
  if (item.end) return pathname === item.path || pathname === `${item.path}/`;
  return pathname === item.path || pathname.startsWith(`${item.path}/`);
}

/** The face's navigation list; on small screens it also carries the language switch. */
export function ShellNavbar({ face, items, onNavigate }: ShellNavbarProps) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const visibleItems = useVisibleNavItems(face, items);
  return (
    <AppShell.Navbar p="sm" aria-label={t(`shell.navLabel.${face}`)}>
      <AppShell.Section grow component={ScrollArea} type="scroll">
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pb={6} pt={4}>
          {t(`shell.face.${face}`)}
        </Text>
        {visibleItems.map((item) => {
          const Icon = featureIcons[item.feature];
          const active = isActive(item, pathname);
          return (
            <NavLink
              key={item.path}
              component={Link}
              to={item.path}
              label={t(`features.${item.feature}.title`)}
              leftSection={<Icon size={20} stroke={1.6} />}
              active={active}
              aria-current={active ? 'page' : undefined}
              onClick={onNavigate}
              variant="light"
              styles={{ root: { borderRadius: 'var(--mantine-radius-md)' }, label: { fontSize: 'var(--mantine-font-size-sm)', fontWeight: 500 } }}
              mb={2}
            />
          );
        })}
      </AppShell.Section>
      <AppShell.Section hiddenFrom="sm">
        <Box pt="sm">
          <LanguageSwitch />
        </Box>
      </AppShell.Section>
    </AppShell.Navbar>
  );
}
